// Sets up an authenticator app: the server issues a secret, the user proves it with a code.
// Used during sign-in when the role requires a second factor, and on the account page.
import { TotpBody, type LoginResult, type TotpSetup } from '@siaga/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeField, codeOf } from '../../components/CodeField';
import { ErrorNotice } from '../../components/Notice';
import { SubmitButton } from '../../components/SubmitButton';
import { useErrorText } from '../../components/errors';
import { useSubmit } from '../../components/useSubmit';
import { authApi } from './auth.api';

export const groupSecret = (secret: string) => (secret.match(/.{1,4}/g) ?? []).join(' ');

export function TotpEnrol({ onEnabled }: { onEnabled: (result: LoginResult | null) => void }) {
  const { t } = useTranslation();
  const { validate } = useErrorText();
  const { errors, error, busy, run, submit } = useSubmit();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState('');

  const start = () => run(async () => setSetup(await authApi.setupTotp()));

  const enable = (event: FormEvent) =>
    submit(event, validate(TotpBody, { code: codeOf(code) }), async (body) =>
      onEnabled(await authApi.enableTotp(body.code)),
    );

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
      <CodeField value={code} onChange={setCode} error={errors.code} />
      <SubmitButton label={t('totp.enable')} busy={busy} />
    </form>
  );
}
