// Turns the authenticator off; needs a current code so a stolen session cannot do it alone.
import { TotpBody } from '@siaga/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { useErrorText, type FieldErrors } from '../../components/errors';
import { authApi } from './auth.api';

export function TotpDisable({ onDisabled }: { onDisabled: () => void | Promise<void> }) {
  const { t } = useTranslation();
  const { validate, fields } = useErrorText();
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const checked = validate(TotpBody, { code: code.replace(/\s/g, '') });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      await authApi.disableTotp(checked.data.code);
      await onDisabled();
    } catch (err) {
      setError(err);
      setErrors(fields(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <ErrorNotice error={error} />
      <TextField
        label={t('fields.totpCode')}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        value={code}
        onChange={setCode}
        error={errors.code}
        required
      />
      <button type="submit" className="button button--danger" disabled={busy}>
        {t('totp.disable')}
      </button>
    </form>
  );
}
