// The second step for users with an authenticator: a six-digit code.
import { TotpBody } from '@siaga/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeField, codeOf } from '../../components/CodeField';
import { ErrorNotice } from '../../components/Notice';
import { SubmitButton } from '../../components/SubmitButton';
import { useErrorText } from '../../components/errors';
import { useSubmit } from '../../components/useSubmit';
import { useAuth } from './AuthContext';
import { authApi } from './auth.api';

export function TotpCodeForm() {
  const { t } = useTranslation();
  const { accept, signOut } = useAuth();
  const { validate } = useErrorText();
  const { errors, error, busy, submit } = useSubmit();
  const [code, setCode] = useState('');

  const onSubmit = (event: FormEvent) =>
    submit(
      event,
      validate(TotpBody, { code: codeOf(code) }),
      async (body) => accept(await authApi.verifyTotp(body.code)),
      () => setCode(''),
    );

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="totp-title">
      <h1 id="totp-title">{t('totp.title')}</h1>
      <p className="lead">{t('totp.intro')}</p>
      <ErrorNotice error={error} />
      <CodeField value={code} onChange={setCode} error={errors.code} autoFocus />
      <SubmitButton label={t('totp.verify')} busy={busy} className="button button--primary button--block" />
      <button type="button" className="button button--link" onClick={() => void signOut()}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
