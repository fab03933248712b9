// Edits a staff account's name, role, missions and language, guarded by its version.
import { UserUpdate, type Mission, type Organisation, type User } from '@siaga/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, TextField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { useErrorText, type FieldErrors } from '../../components/errors';
import { MissionPicker } from './MissionPicker';
import { OrganisationSelect } from './OrganisationSelect';
import { RoleSelect } from './RoleSelect';
import { usersApi } from './users.api';

interface Props {
  user: User;
  missions: Mission[];
  organisations: Organisation[];
  onSaved: (user: User) => void;
  onReload: () => void;
}

export function UserEditForm({ user, missions, organisations, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  const { validate, fields } = useErrorText();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<string>(user.role);
  const [missionCodes, setMissionCodes] = useState(user.missionCodes);
  const [organisationId, setOrganisationId] = useState(user.organisationId ?? '');
  const [locale, setLocale] = useState<string>(user.locale);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const checked = validate(UserUpdate, {
      version: user.version,
      displayName,
      role,
      missionCodes,
      // Only partners belong to an organisation; other roles leave it.
      organisationId: role === 'partner' ? organisationId || null : null,
      locale,
    });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      onSaved(await usersApi.update(user.id, checked.data));
    } catch (err) {
      setError(err);
      setErrors(fields(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form-grid" onSubmit={submit} noValidate>
      <ErrorNotice error={error} onReload={onReload} />
      <TextField
        label={t('user.displayName')}
        name="displayName"
        value={displayName}
        onChange={setDisplayName}
        error={errors.displayName}
        required
      />
      <RoleSelect label={t('user.role')} value={role} onChange={setRole} error={errors.role} />
      {role === 'partner' && (
        <OrganisationSelect
          organisations={organisations}
          value={organisationId}
          onChange={setOrganisationId}
          error={errors.organisationId}
        />
      )}
      <Field label={t('user.locale')} error={errors.locale}>
        {(control) => (
          <select {...control} name="locale" value={locale} onChange={(e) => setLocale(e.target.value)}>
            <option value="id">{t('language.id')}</option>
            <option value="en">{t('language.en')}</option>
          </select>
        )}
      </Field>
      <div className="form-grid__full">
        <MissionPicker
          missions={missions}
          value={missionCodes}
          onChange={setMissionCodes}
          error={errors.missionCodes}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('common.working') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
