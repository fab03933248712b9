// Creates a staff account. With the password left empty the server generates a one-time one.
import { UserCreate, type Mission, type Organisation, type UserCreated } from '@siaga/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { SubmitButton } from '../../components/SubmitButton';
import { useErrorText } from '../../components/errors';
import { useSubmit } from '../../components/useSubmit';
import { UserFields, type UserDraft } from './UserFields';
import { usersApi } from './users.api';

interface Props {
  missions: Mission[];
  organisations: Organisation[];
  onCreated: (created: UserCreated) => void;
  onCancel: () => void;
}

export function UserCreateForm({ missions, organisations, onCreated, onCancel }: Props) {
  const { t } = useTranslation();
  const { validate } = useErrorText();
  const { errors, error, busy, submit } = useSubmit();
  const [email, setEmail] = useState('');
  const [draft, setDraft] = useState<UserDraft>({
    displayName: '',
    role: 'mission_officer',
    organisationId: '',
    locale: 'id',
    missionCodes: [],
  });
  const [password, setPassword] = useState('');

  const onSubmit = (event: FormEvent) => {
    const { displayName, role, missionCodes, locale, organisationId } = draft;
    const body = {
      email,
      displayName,
      role,
      missionCodes,
      locale,
      ...(role === 'partner' && organisationId ? { organisationId } : {}),
      ...(password ? { password } : {}),
    };
    return submit(event, validate(UserCreate, body), async (valid) =>
      onCreated(await usersApi.create(valid)),
    );
  };

  return (
    <form className="form-grid" onSubmit={onSubmit} noValidate>
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
      <UserFields
        draft={draft}
        onChange={setDraft}
        errors={errors}
        missions={missions}
        organisations={organisations}
      />
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
        <SubmitButton label={t('users.create')} busy={busy} />
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
