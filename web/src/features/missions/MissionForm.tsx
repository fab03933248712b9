// The fields of a mission. A mission officer editing their own mission sees only contact fields.
import { MISSION_KINDS } from '@siaga/contracts';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, TextField } from '../../components/Field';
import { SubmitButton } from '../../components/SubmitButton';
import { errorAt, type FieldErrors } from '../../components/errors';
import type { MissionDraft } from './mission-form';

interface MissionFormProps {
  draft: MissionDraft;
  onChange: (draft: MissionDraft) => void;
  errors: FieldErrors;
  mode: 'create' | 'edit';
  contactOnly: boolean;
  busy: boolean;
  onSubmit: (event: FormEvent) => void;
  onCancel: () => void;
}

export function MissionForm({
  draft,
  onChange,
  errors,
  mode,
  contactOnly,
  busy,
  onSubmit,
  onCancel,
}: MissionFormProps) {
  const { t } = useTranslation();
  const set = (key: keyof MissionDraft) => (value: string) => onChange({ ...draft, [key]: value });
  return (
    <form className="form-grid" onSubmit={onSubmit} noValidate>
      {mode === 'create' && (
        <TextField
          label={t('mission.code')}
          name="code"
          hint={t('mission.codeHint')}
          value={draft.code}
          onChange={(v) => set('code')(v.toUpperCase())}
          error={errors.code}
          required
        />
      )}
      {!contactOnly && (
        <>
          <TextField
            label={t('mission.name')}
            name="name"
            value={draft.name}
            onChange={set('name')}
            error={errors.name}
            required
          />
          <Field label={t('mission.kind')} error={errors.kind}>
            {(control) => (
              <select
                {...control}
                name="kind"
                value={draft.kind}
                onChange={(e) => set('kind')(e.target.value)}
              >
                {MISSION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`missionKinds.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TextField
            label={t('mission.city')}
            name="city"
            value={draft.city}
            onChange={set('city')}
            error={errors.city}
            required
          />
          <TextField
            label={t('mission.countries')}
            name="countries"
            hint={t('mission.countriesHint')}
            value={draft.countries}
            onChange={set('countries')}
            error={errorAt(errors, 'countries')}
            required
          />
          <Field
            label={t('mission.jurisdictions')}
            hint={t('mission.jurisdictionsHint')}
            error={errorAt(errors, 'jurisdictions')}
          >
            {(control) => (
              <textarea
                {...control}
                name="jurisdictions"
                rows={3}
                value={draft.jurisdictions}
                onChange={(e) => set('jurisdictions')(e.target.value)}
              />
            )}
          </Field>
        </>
      )}
      <TextField
        label={t('mission.hotline')}
        name="hotline"
        type="tel"
        hint={t('mission.hotlineHint')}
        value={draft.hotline}
        onChange={set('hotline')}
        error={errors.hotline}
        required
      />
      <TextField
        label={t('mission.email')}
        name="email"
        type="email"
        value={draft.email}
        onChange={set('email')}
        error={errors.email}
      />
      <Field label={t('mission.address')} error={errors.address}>
        {(control) => (
          <textarea
            {...control}
            name="address"
            rows={3}
            value={draft.address}
            onChange={(e) => set('address')(e.target.value)}
            required
          />
        )}
      </Field>
      <div className="form-actions">
        <SubmitButton label={mode === 'create' ? t('mission.create') : t('common.save')} busy={busy} />
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
