// Changes the signed-in user's password; the new one is checked against the contract first.
import { PasswordChangeBody } from '@siaga/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { SubmitButton } from '../../components/SubmitButton';
import { useErrorText } from '../../components/errors';
import { useSubmit } from '../../components/useSubmit';
import { authApi } from './auth.api';

export function ChangePasswordForm({ onChanged }: { onChanged: () => void | Promise<void> }) {
  const { t } = useTranslation();
  const { validate } = useErrorText();
  const { errors, error, busy, submit } = useSubmit();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');

  const onSubmit = (event: FormEvent) => {
    const checked = validate(PasswordChangeBody, { currentPassword, newPassword });
    // The confirmation is the console's own check: the server never sees it.
    const mismatch = Boolean(newPassword) && confirm !== newPassword;
    const found: typeof checked = mismatch
      ? { ok: false, errors: { ...(checked.ok ? {} : checked.errors), confirm: t('password.mismatch') } }
      : checked;
    return submit(event, found, async (body) => {
      await authApi.changePassword(body.currentPassword, body.newPassword);
      setCurrent('');
      setNew('');
      setConfirm('');
      await onChanged();
    });
  };

  return (
    <form className="stack stack--narrow" onSubmit={onSubmit} noValidate>
      <ErrorNotice error={error} />
      <TextField
        label={t('fields.currentPassword')}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        onChange={setCurrent}
        error={errors.currentPassword}
        required
      />
      <TextField
        label={t('fields.newPassword')}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint={t('password.rule')}
        value={newPassword}
        onChange={setNew}
        error={errors.newPassword}
        required
      />
      <TextField
        label={t('fields.confirmPassword')}
        name="confirm"
        type="password"
        autoComplete="new-password"
        value={confirm}
        onChange={setConfirm}
        error={errors.confirm}
        required
      />
      <SubmitButton label={t('password.submit')} busy={busy} />
    </form>
  );
}
