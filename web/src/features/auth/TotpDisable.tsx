// Turns the authenticator off; needs a current code so a stolen session cannot do it alone.
import { TotpBody } from '@siaga/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeField, codeOf } from '../../components/CodeField';
import { ErrorNotice } from '../../components/Notice';
import { useErrorText } from '../../components/errors';
import { useSubmit } from '../../components/useSubmit';
import { authApi } from './auth.api';

export function TotpDisable({ onDisabled }: { onDisabled: () => void | Promise<void> }) {
  const { t } = useTranslation();
  const { validate } = useErrorText();
  const { errors, error, busy, submit } = useSubmit();
  const [code, setCode] = useState('');

  const onSubmit = (event: FormEvent) =>
    submit(event, validate(TotpBody, { code: codeOf(code) }), async (body) => {
      await authApi.disableTotp(body.code);
      await onDisabled();
    });

  return (
    <form className="inline-form" onSubmit={onSubmit} noValidate>
      <ErrorNotice error={error} />
      <CodeField value={code} onChange={setCode} error={errors.code} />
      <button type="submit" className="button button--danger" disabled={busy}>
        {t('totp.disable')}
      </button>
    </form>
  );
}
