// The fields a staff account has both when created and when edited: name, role, organisation
// (for partners), language and missions.
import type { Mission, Organisation } from '@siaga/contracts';
import { useTranslation } from 'react-i18next';
import { Field, TextField } from '../../components/Field';
import { errorAt, type FieldErrors } from '../../components/errors';
import { MissionPicker } from './MissionPicker';
import { OrganisationSelect } from './OrganisationSelect';
import { RoleSelect } from './RoleSelect';

export interface UserDraft {
  displayName: string;
  role: string;
  organisationId: string;
  locale: string;
  missionCodes: string[];
}

interface UserFieldsProps {
  draft: UserDraft;
  onChange: (draft: UserDraft) => void;
  errors: FieldErrors;
  missions: Mission[];
  organisations: Organisation[];
}

export function UserFields({ draft, onChange, errors, missions, organisations }: UserFieldsProps) {
  const { t } = useTranslation();
  const set =
    <K extends keyof UserDraft>(key: K) =>
    (value: UserDraft[K]) =>
      onChange({ ...draft, [key]: value });

  return (
    <>
      <TextField
        label={t('user.displayName')}
        name="displayName"
        value={draft.displayName}
        onChange={set('displayName')}
        error={errors.displayName}
        required
      />
      <RoleSelect label={t('user.role')} value={draft.role} onChange={set('role')} error={errors.role} />
      {draft.role === 'partner' && (
        <OrganisationSelect
          organisations={organisations}
          value={draft.organisationId}
          onChange={set('organisationId')}
          error={errors.organisationId}
        />
      )}
      <Field label={t('user.locale')} error={errors.locale}>
        {(control) => (
          <select
            {...control}
            name="locale"
            value={draft.locale}
            onChange={(e) => set('locale')(e.target.value)}
          >
            <option value="id">{t('language.id')}</option>
            <option value="en">{t('language.en')}</option>
          </select>
        )}
      </Field>
      <div className="form-grid__full">
        <MissionPicker
          missions={missions}
          value={draft.missionCodes}
          onChange={set('missionCodes')}
          error={errorAt(errors, 'missionCodes')}
        />
      </div>
    </>
  );
}
