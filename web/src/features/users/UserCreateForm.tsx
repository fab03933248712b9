// Creates a staff account. With the password left empty the server generates a one-time one.
import { UserCreate, type Mission, type Organisation, type UserCreated } from '@siaga/contracts';
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
  missions: Mission[];
  organisations: Organisation[];
  onCreated: (created: UserCreated) => void;
  onCancel: () => void;
}

export function UserCreateForm({ missions, organisations, onCreated, onCancel }: Props) {
  const { t } = useTranslation();
  const { validate, fields } = useErrorText();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState('mission_officer');
  const [missionCodes, setMissionCodes] = useState<string[]>([]);
  const [organisationId, setOrganisationId] = useState('');
  const [locale, setLocale] = useState('id');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const body = {
      email,
      displayName,
      role,
      missionCodes,
      locale,
      ...(role === 'partner' && organisationId ? { organisationId } : {}),
      ...(password ? { password } : {}),
    };
    const checked = validate(UserCreate, body);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      onCreated(await usersApi.create(checked.data));
    } catch (err) {
      setError(err);
      setErrors(fields(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form-grid" onSubmit={submit} noValidate>
      <ErrorNotice error={error} />
      <TextField
        label={t('fields.email')}
        name="email"
        type="email"
        autoComplete="off"
        value={email}
        onChange={setEmail}
        error={errors.email}
        required
      />
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
      <TextField
        label={t('user.initialPassword')}
        name="password"
        type="password"
        autoComplete="new-password"
        hint={t('user.initialPasswordHint')}
        value={password}
        onChange={setPassword}
        error={errors.password}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('common.working') : t('users.create')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
