// Edits a staff account's name, role, missions and language, guarded by its version.
import { UserUpdate, type Mission, type Organisation, type User } from '@siaga/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/Notice';
import { SubmitButton } from '../../components/SubmitButton';
import { useErrorText } from '../../components/errors';
import { useSubmit } from '../../components/useSubmit';
import { UserFields, type UserDraft } from './UserFields';
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
  const { validate } = useErrorText();
  const { errors, error, busy, submit } = useSubmit();
  const [draft, setDraft] = useState<UserDraft>({
    displayName: user.displayName,
    role: user.role,
    organisationId: user.organisationId ?? '',
    locale: user.locale,
    missionCodes: user.missionCodes,
  });

  const onSubmit = (event: FormEvent) => {
    const { displayName, role, missionCodes, locale, organisationId } = draft;
    const checked = validate(UserUpdate, {
      version: user.version,
      displayName,
      role,
      missionCodes,
      // Only partners belong to an organisation; other roles leave it.
      organisationId: role === 'partner' ? organisationId || null : null,
      locale,
    });
    return submit(event, checked, async (valid) => onSaved(await usersApi.update(user.id, valid)));
  };

  return (
    <form className="form-grid" onSubmit={onSubmit} noValidate>
      <ErrorNotice error={error} onReload={onReload} />
      <UserFields
        draft={draft}
        onChange={setDraft}
        errors={errors}
        missions={missions}
        organisations={organisations}
      />
      <div className="form-actions">
        <SubmitButton label={t('common.save')} busy={busy} />
      </div>
    </form>
  );
}
