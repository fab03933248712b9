// Chooses the page from the session stage and the path: sign-in until the session is complete,
// the forced password change while a one-time password is in use, then the requested page.
import type { Role } from '@siaga/contracts';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from './features/auth/AuthContext';
import { crisesAccess } from './features/crises/access';
import { peopleAccess } from './features/people/access';
import { AccountPage } from './routes/AccountPage';
import { AuditPage } from './routes/AuditPage';
import { CrisesPage } from './routes/CrisesPage';
import { CrisisNewPage } from './routes/CrisisNewPage';
import { CrisisPage } from './routes/CrisisPage';
import { DashboardPage } from './routes/DashboardPage';
import { HazardsPage } from './routes/HazardsPage';
import { ImportPage } from './routes/ImportPage';
import { ImportsPage } from './routes/ImportsPage';
import { ForcedPasswordPage, LoginPage } from './routes/LoginPage';
import { MissionPage } from './routes/MissionPage';
import { MissionsPage } from './routes/MissionsPage';
import { NotFoundPage } from './routes/NotFoundPage';
import { OrganisationsPage } from './routes/OrganisationsPage';
import { PeoplePage } from './routes/PeoplePage';
import { PersonNewPage } from './routes/PersonNewPage';
import { PersonPage } from './routes/PersonPage';
import { UserPage } from './routes/UserPage';
import { UsersPage } from './routes/UsersPage';
import { matchRoute, navigate, usePath, type Route } from './router';

let returnTo = '/';

export function App() {
  const { t } = useTranslation();
  const { state } = useAuth();
  const path = usePath();
  const route = matchRoute(path);
  const complete = state.status === 'signedIn' && state.session.stage === 'complete' && state.session.user;
  const signingIn = state.status === 'signedOut' || (state.status === 'signedIn' && !complete);

  useEffect(() => {
    if (signingIn && route.name !== 'login') {
      // After an expired session, come back to the same page; after signing out, start afresh.
      returnTo = state.status === 'signedOut' && state.reason === 'loggedOut' ? '/' : path;
      navigate('/login', { replace: true });
    } else if (complete && route.name === 'login') {
      const target = returnTo;
      returnTo = '/';
      navigate(target, { replace: true });
    }
  }, [signingIn, complete, route.name, path, state]);

  useEffect(() => {
    document.title = `${t(`titles.${route.name}`)} · Siaga`;
  }, [t, route.name]);

  if (state.status === 'loading') {
    return (
      <p className="splash" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (signingIn) return <LoginPage />;
  if (state.status === 'signedIn' && state.session.user?.mustChangePassword) return <ForcedPasswordPage />;
  return (
    <Page route={route} role={state.status === 'signedIn' ? (state.session.user?.role ?? null) : null} />
  );
}

function Page({ route, role }: { route: Route; role: Role | null }) {
  const isAdmin = role === 'hq_admin';
  const people = role ? peopleAccess(role) : null;
  const crises = role ? crisesAccess(role) : null;
  switch (route.name) {
    case 'login':
    case 'dashboard':
      return <DashboardPage />;
    case 'users':
      return isAdmin ? <UsersPage /> : <NotFoundPage />;
    case 'user':
      return isAdmin ? <UserPage id={route.id} /> : <NotFoundPage />;
    case 'missions':
      return <MissionsPage />;
    case 'mission':
      return <MissionPage code={route.code} />;
    case 'organisations':
      return <OrganisationsPage />;
    case 'audit':
      return isAdmin ? <AuditPage /> : <NotFoundPage />;
    case 'people':
      return people?.read ? <PeoplePage /> : <NotFoundPage />;
    case 'personNew':
      return people?.write ? <PersonNewPage /> : <NotFoundPage />;
    case 'person':
      return people?.read ? <PersonPage key={route.id} id={route.id} /> : <NotFoundPage />;
    case 'imports':
      return people?.import ? <ImportsPage /> : <NotFoundPage />;
    case 'import':
      return people?.import ? <ImportPage key={route.id} id={route.id} /> : <NotFoundPage />;
    case 'crises':
      return crises?.read ? <CrisesPage /> : <NotFoundPage />;
    case 'crisisNew':
      return crises?.write ? <CrisisNewPage /> : <NotFoundPage />;
    case 'crisis':
      return crises?.read ? <CrisisPage key={route.id} id={route.id} /> : <NotFoundPage />;
    case 'hazards':
      return crises?.read ? <HazardsPage /> : <NotFoundPage />;
    case 'account':
      return <AccountPage />;
    case 'notFound':
      return <NotFoundPage />;
  }
}
