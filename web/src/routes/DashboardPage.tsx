// The crisis-room view: the world map with a side panel of the user's missions.
import type { Mission } from '@siaga/contracts';
import { Suspense, lazy, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Layout } from '../components/Layout';
import { ErrorNotice, Loading } from '../components/Notice';
import { HQ_ROLES, useMe } from '../features/auth/AuthContext';
import { missionsApi } from '../features/missions/missions.api';
import { Link } from '../router';

// MapLibre is large; loading it separately keeps sign-in fast.
const BaseMap = lazy(() => import('../map/BaseMap').then((m) => ({ default: m.BaseMap })));

export function DashboardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const hq = HQ_ROLES.includes(me.role);
  const [missions, setMissions] = useState<Mission[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    missionsApi
      .all()
      .then((all) => live && setMissions(hq ? all : all.filter((m) => me.missionCodes.includes(m.code))))
      .catch((err: unknown) => live && setError(err));
    return () => {
      live = false;
    };
  }, [hq, me.missionCodes]);

  return (
    <Layout wide>
      <div className="dashboard">
        <section className="dashboard__map" aria-labelledby="map-title">
          <h1 id="map-title" className="visually-hidden">
            {t('dashboard.title')}
          </h1>
          <Suspense fallback={<p className="map-status">{t('map.loading')}</p>}>
            <BaseMap label={t('map.label')} />
          </Suspense>
        </section>
        <aside className="dashboard__panel" aria-labelledby="panel-title">
          <h2 id="panel-title">{hq ? t('dashboard.allMissions') : t('dashboard.myMissions')}</h2>
          <ErrorNotice error={error} />
          {!missions && !error && <Loading />}
          {missions && missions.length === 0 && <p className="muted">{t('dashboard.noMissions')}</p>}
          {missions && missions.length > 0 && (
            <>
              <p className="muted">{t('dashboard.missionCount', { n: missions.length })}</p>
              <ul className="mission-list" data-testid="dashboard-missions">
                {missions.map((m) => (
                  <li key={m.id}>
                    <Link to={`/missions/${m.code}`} className="mission-list__link">
                      <span className="mission-list__code">{m.code}</span>
                      <span className="mission-list__name">{m.name}</span>
                      <span className="mission-list__meta">
                        {m.city} · {m.countries.join(', ')} · <span dir="ltr">{m.hotline}</span>
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </aside>
      </div>
    </Layout>
  );
}
