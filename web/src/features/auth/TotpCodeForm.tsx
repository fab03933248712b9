// The second step for users with an authenticator: a six-digit code.
import { TotpBody } from '@siaga/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { useErrorText, type FieldErrors } from '../../components/errors';
import { useAuth } from './AuthContext';
import { authApi } from './auth.api';

export function TotpCodeForm() {
  const { t } = useTranslation();
  const { accept, signOut } = useAuth();
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
      accept(await authApi.verifyTotp(checked.data.code));
    } catch (err) {
      setError(err);
      setErrors(fields(err));
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="totp-title">
      <h1 id="totp-title">{t('totp.title')}</h1>
      <p className="lead">{t('totp.intro')}</p>
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
        autoFocus
      />
      <button type="submit" className="button button--primary button--block" disabled={busy}>
        {busy ? t('common.working') : t('totp.verify')}
      </button>
      <button type="button" className="button button--link" onClick={() => void signOut()}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
