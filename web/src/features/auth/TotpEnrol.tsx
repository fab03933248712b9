// Sets up an authenticator app: the server issues a secret, the user proves it with a code.
// Used during sign-in when the role requires a second factor, and on the account page.
import { TotpBody, type LoginResult, type TotpSetup } from '@siaga/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { useErrorText, type FieldErrors } from '../../components/errors';
import { authApi } from './auth.api';

export const groupSecret = (secret: string) => (secret.match(/.{1,4}/g) ?? []).join(' ');

export function TotpEnrol({ onEnabled }: { onEnabled: (result: LoginResult | null) => void }) {
  const { t } = useTranslation();
  const { validate, fields } = useErrorText();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const start = async () => {
    setError(null);
    setBusy(true);
    try {
      setSetup(await authApi.setupTotp());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const enable = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const checked = validate(TotpBody, { code: code.replace(/\s/g, '') });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      onEnabled(await authApi.enableTotp(checked.data.code));
    } catch (err) {
      setError(err);
      setErrors(fields(err));
    } finally {
      setBusy(false);
    }
  };

  if (!setup) {
    return (
      <div className="stack">
        <ErrorNotice error={error} />
        <button type="button" className="button button--primary" onClick={start} disabled={busy}>
          {busy ? t('common.working') : t('totp.start')}
        </button>
      </div>
    );
  }

  return (
    <form className="stack" onSubmit={enable} noValidate>
      <ol className="steps">
        <li>{t('totp.stepApp')}</li>
        <li>
          {t('totp.stepSecret')}
          <code className="totp-secret" data-testid="totp-secret" data-secret={setup.secret}>
            {groupSecret(setup.secret)}
          </code>
          <details>
            <summary>{t('totp.showUrl')}</summary>
            <code className="totp-url">{setup.otpauthUrl}</code>
          </details>
        </li>
        <li>{t('totp.stepCode')}</li>
      </ol>
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
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? t('common.working') : t('totp.enable')}
      </button>
    </form>
  );
}
