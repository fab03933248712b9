// The frame around every signed-in page: brand, navigation, user, language and sign-out.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../features/auth/AuthContext';
import { crisesAccess } from '../features/crises/access';
import { peopleAccess } from '../features/people/access';
import { Link, usePath } from '../router';
import { LanguageSwitch } from './LanguageSwitch';

interface NavItem {
  to: string;
  label: string;
  id: string;
}

export function Layout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const { t } = useTranslation();
  const { state, signOut } = useAuth();
  const path = usePath();
  const me = state.status === 'signedIn' ? state.session.user : null;
  const complete =
    state.status === 'signedIn' && state.session.stage === 'complete' && !me?.mustChangePassword;

  const people = me ? peopleAccess(me.role) : null;
  const crises = me ? crisesAccess(me.role) : null;
  const items: NavItem[] = complete
    ? [
        { to: '/', label: t('nav.dashboard'), id: 'dashboard' },
        ...(crises?.read
          ? [
              { to: '/crises', label: t('nav.crises'), id: 'crises' },
              { to: '/hazards', label: t('nav.hazards'), id: 'hazards' },
            ]
          : []),
        ...(people?.read ? [{ to: '/people', label: t('nav.people'), id: 'people' }] : []),
        ...(people?.import ? [{ to: '/imports', label: t('nav.imports'), id: 'imports' }] : []),
        ...(me?.role === 'hq_admin' ? [{ to: '/users', label: t('nav.users'), id: 'users' }] : []),
        { to: '/missions', label: t('nav.missions'), id: 'missions' },
        { to: '/organisations', label: t('nav.organisations'), id: 'organisations' },
        ...(me?.role === 'hq_admin' ? [{ to: '/audit', label: t('nav.audit'), id: 'audit' }] : []),
        { to: '/account', label: t('nav.account'), id: 'account' },
      ]
    : [];
  const isCurrent = (to: string) => (to === '/' ? path === '/' : path === to || path.startsWith(`${to}/`));

  return (
    <div className={wide ? 'app app--wide' : 'app'}>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="topbar">
        <div className="topbar__brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">Siaga</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        {items.length > 0 && (
          <nav className="topbar__nav" aria-label={t('nav.label')}>
            <ul>
              {items.map((item) => (
                <li key={item.id}>
                  <Link
                    to={item.to}
                    data-nav={item.id}
                    aria-current={isCurrent(item.to) ? 'page' : undefined}
                    className="nav-link"
                  >
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="topbar__end">
          <LanguageSwitch />
          {me && (
            <div className="whoami">
              <span className="whoami__name" data-testid="whoami" title={me.displayName}>
                {me.displayName}
              </span>
              <span className="whoami__role">{t(`roles.${me.role}`)}</span>
            </div>
          )}
          {state.status === 'signedIn' && (
            <button type="button" className="button button--quiet" onClick={() => void signOut()}>
              {t('nav.logout')}
            </button>
          )}
        </div>
      </header>
      <main id="main" className={wide ? 'main main--wide' : 'main'} tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
