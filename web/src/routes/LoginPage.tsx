// Sign-in, walking through whichever stage the session is in: password, code, or enrolment.
import { useTranslation } from 'react-i18next';
import { Layout } from '../components/Layout';
import { Notice } from '../components/Notice';
import { useAuth } from '../features/auth/AuthContext';
import { ChangePasswordForm } from '../features/auth/ChangePasswordForm';
import { LoginForm } from '../features/auth/LoginForm';
import { TotpCodeForm } from '../features/auth/TotpCodeForm';
import { TotpEnrol } from '../features/auth/TotpEnrol';

export function LoginPage() {
  const { t } = useTranslation();
  const { state, accept, refresh, signOut } = useAuth();

  let body;
  if (state.status === 'signedIn' && state.session.stage === 'totp') {
    body = <TotpCodeForm />;
  } else if (state.status === 'signedIn' && state.session.stage === 'totp_enrol') {
    body = (
      <div className="form">
        <h1>{t('totp.enrolTitle')}</h1>
        <p className="lead">{t('totp.enrolIntro')}</p>
        <TotpEnrol onEnabled={(result) => (result ? accept(result) : void refresh())} />
        <button type="button" className="button button--link" onClick={() => void signOut()}>
          {t('common.cancel')}
        </button>
      </div>
    );
  } else {
    const reason = state.status === 'signedOut' ? state.reason : null;
    body = (
      <>
        {reason === 'expired' && <Notice kind="warning">{t('login.expired')}</Notice>}
        {reason === 'loggedOut' && <Notice kind="info">{t('login.loggedOut')}</Notice>}
        {reason === 'passwordChanged' && <Notice kind="success">{t('login.passwordChanged')}</Notice>}
        <LoginForm />
      </>
    );
  }

  return (
    <Layout>
      <div className="auth-card">{body}</div>
    </Layout>
  );
}

/** Shown instead of every page while the account still has a one-time password. */
export function ForcedPasswordPage() {
  const { t } = useTranslation();
  const { refresh } = useAuth();
  return (
    <Layout>
      <div className="auth-card">
        <div className="form">
          <h1>{t('password.forcedTitle')}</h1>
          <p className="lead">{t('password.forcedIntro')}</p>
          <ChangePasswordForm onChanged={() => refresh('passwordChanged')} />
        </div>
      </div>
    </Layout>
  );
}
