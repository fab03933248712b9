// The signed-in user's own settings: password, second factor and API tokens.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Layout } from '../components/Layout';
import { Notice } from '../components/Notice';
import { ApiTokens } from '../features/auth/ApiTokens';
import { useAuth, useMe } from '../features/auth/AuthContext';
import { ChangePasswordForm } from '../features/auth/ChangePasswordForm';
import { TotpDisable } from '../features/auth/TotpDisable';
import { TotpEnrol } from '../features/auth/TotpEnrol';

export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { accept, refresh } = useAuth();
  const [passwordDone, setPasswordDone] = useState(false);
  const [totpNotice, setTotpNotice] = useState<string | null>(null);

  return (
    <Layout>
      <h1>{t('account.title')}</h1>
      <dl className="details">
        <dt>{t('user.displayName')}</dt>
        <dd>{me.displayName}</dd>
        <dt>{t('fields.email')}</dt>
        <dd>{me.email}</dd>
        <dt>{t('user.role')}</dt>
        <dd>{t(`roles.${me.role}`)}</dd>
        <dt>{t('user.missions')}</dt>
        <dd>{me.missionCodes.join(', ') || '—'}</dd>
      </dl>

      <section className="panel" aria-labelledby="password-title">
        <h2 id="password-title">{t('password.title')}</h2>
        {passwordDone && <Notice kind="success">{t('password.changed')}</Notice>}
        <ChangePasswordForm
          onChanged={async () => {
            setPasswordDone(true);
            await refresh('passwordChanged');
          }}
        />
      </section>

      <section className="panel" aria-labelledby="totp-title">
        <h2 id="totp-title">{t('totp.sectionTitle')}</h2>
        {totpNotice && <Notice kind="success">{totpNotice}</Notice>}
        {me.totpEnabled ? (
          <>
            <p>{t('totp.isOn')}</p>
            <TotpDisable
              onDisabled={async () => {
                setTotpNotice(t('totp.disabledNotice'));
                await refresh();
              }}
            />
          </>
        ) : (
          <>
            <p>{t('totp.isOff')}</p>
            <TotpEnrol
              onEnabled={(result) => {
                setTotpNotice(t('totp.enabledNotice'));
                if (result) accept(result);
                else void refresh();
              }}
            />
          </>
        )}
      </section>

      <section className="panel" aria-labelledby="tokens-title">
        <h2 id="tokens-title">{t('tokens.title')}</h2>
        <ApiTokens />
      </section>
    </Layout>
  );
}
