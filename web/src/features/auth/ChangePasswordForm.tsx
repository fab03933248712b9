// Changes the signed-in user's password; the new one is checked against the contract first.
import { PasswordChangeBody } from '@siaga/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { useErrorText, type FieldErrors } from '../../components/errors';
import { authApi } from './auth.api';

export function ChangePasswordForm({ onChanged }: { onChanged: () => void | Promise<void> }) {
  const { t } = useTranslation();
  const { validate, fields } = useErrorText();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const checked = validate(PasswordChangeBody, { currentPassword, newPassword });
    const found: FieldErrors = checked.ok ? {} : checked.errors;
    if (newPassword && confirm !== newPassword) found.confirm = t('password.mismatch');
    if (!checked.ok || found.confirm) return setErrors(found);
    setErrors({});
    setBusy(true);
    try {
      await authApi.changePassword(checked.data.currentPassword, checked.data.newPassword);
      setCurrent('');
      setNew('');
      setConfirm('');
      await onChanged();
    } catch (err) {
      setError(err);
      setErrors(fields(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack stack--narrow" onSubmit={submit} noValidate>
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
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? t('common.working') : t('password.submit')}
      </button>
    </form>
  );
}
