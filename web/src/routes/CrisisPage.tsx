// One crisis: its map (areas by alert level, hazards, affected people as clusters), who is
// affected, the alert level per country and area with its history, phase and status, the timeline,
// and the list of affected people.
import { Id, type AffectedCounts, type Crisis, type HazardEvent } from '@siaga/contracts';
import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { CheckField } from '../components/Field';
import { Layout } from '../components/Layout';
import { ErrorNotice, Loading, Notice } from '../components/Notice';
import { useLoad } from '../components/useLoad';
import { useMe } from '../features/auth/AuthContext';
import { AffectedCountsPanel } from '../features/crises/AffectedCountsPanel';
import { AffectedPeoplePanel } from '../features/crises/AffectedPeoplePanel';
import { AlertLevelPanel } from '../features/crises/AlertLevelPanel';
import { CrisisStatusPanel } from '../features/crises/CrisisStatusPanel';
import { LevelBadge } from '../features/crises/LevelBadge';
import { TimelinePanel } from '../features/crises/TimelinePanel';
import { crisesAccess } from '../features/crises/access';
import { crisesApi } from '../features/crises/crises.api';
import { hazardsApi } from '../features/hazards/hazards.api';
import { useFormat } from '../features/people/format';
import { Link } from '../router';

const CrisisMap = lazy(() => import('../features/crises/CrisisMap'));

export function CrisisPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const access = crisesAccess(useMe().role);
  const [justDeclared] = useState(() => new URLSearchParams(window.location.search).get('declared') === '1');
  useEffect(() => {
    if (justDeclared) window.history.replaceState(null, '', window.location.pathname);
  }, [justDeclared]);
  const {
    data: crisis,
    error,
    setData,
    reload,
  } = useLoad<Crisis>(
    () =>
      Id.safeParse(id).success
        ? crisesApi.get(id)
        : Promise.reject(new ApiError(404, 'crisis.not_found', '')),
    [id],
  );
  // The counts follow the crisis: a new level or area may change them.
  const counts = useLoad<AffectedCounts>(() => crisesApi.affected(id), [id, crisis?.version]);
  const hazards = useLoad<HazardEvent[]>(() => hazardsApi.list({}, null, 200).then((p) => p.items), []);
  const [showHazards, setShowHazards] = useState(true);
  const [clusterError, setClusterError] = useState<unknown>(null);
  const missions = useMemo(
    () =>
      new Map(
        [...(crisis?.missions ?? []), ...(counts.data?.missions ?? [])].map((m) => [m.id, m.code] as const),
      ),
    [crisis?.missions, counts.data?.missions],
  );

  return (
    <Layout>
      <p className="breadcrumb">
        <Link to="/crises">← {t('crises.title')}</Link>
      </p>
      <ErrorNotice error={error} />
      {!crisis && !error && <Loading />}
      {crisis && (
        <>
          <div className="page-head page-head--wide">
            <h1>
              {crisis.title} <span className="tag">{t(`crisisTypes.${crisis.type}`)}</span>{' '}
              <span className={`status status--crisis-${crisis.status}`} data-testid="crisis-status">
                {t(`crisisStatuses.${crisis.status}`)}
              </span>{' '}
              {crisis.exercise && <span className="status status--exercise">{t('crisis.exerciseTag')}</span>}
            </h1>
            <LevelBadge level={crisis.alertLevel} phases testId="crisis-alert-level" />
          </div>
          {justDeclared && <Notice kind="success">{t('crisis.declared')}</Notice>}
          <p className="muted crisis-meta">
            {t('crisis.meta', {
              phase: t(`crisisPhases.${crisis.phase}`),
              countries: crisis.countries.map((c) => f.country(c)).join(', '),
              at: f.dateTime(crisis.declaredAt),
              by: crisis.declaredBy,
            })}
            {crisis.missions.length > 0 && ` · ${crisis.missions.map((m) => m.code).join(', ')}`}
          </p>
          {crisis.description && <p className="pre">{crisis.description}</p>}
          <div className="crisis-view">
            <div className="crisis-view__map">
              <div className="map-box">
                <Suspense fallback={<p className="map-status">{t('map.loading')}</p>}>
                  <CrisisMap
                    crisis={crisis}
                    hazards={hazards.data ?? []}
                    showHazards={showHazards}
                    onClusterError={setClusterError}
                  />
                </Suspense>
              </div>
              <div className="map-toggles">
                <CheckField
                  label={t('crisisMap.hazards')}
                  name="showHazards"
                  checked={showHazards}
                  onChange={setShowHazards}
                />
                <span className="map-legend" aria-hidden="true">
                  <span className="cluster cluster--affected cluster--legend" />{' '}
                  {t('crisisMap.affectedLegend')}
                </span>
              </div>
              <ErrorNotice error={clusterError} />
            </div>
            <aside className="crisis-view__side">
              <AffectedCountsPanel
                counts={counts.data}
                error={counts.error}
                busy={!counts.data && !counts.error}
              />
            </aside>
          </div>
          <div className="crisis-grid">
            <AlertLevelPanel crisis={crisis} canWrite={access.write} onChange={setData} onReload={reload} />
            <div className="crisis-grid__col">
              {access.write && (
                <CrisisStatusPanel
                  key={`status-${crisis.version}`}
                  crisis={crisis}
                  onChange={setData}
                  onReload={reload}
                />
              )}
              <TimelinePanel crisis={crisis} canWrite={access.write} onChange={setData} />
            </div>
            {access.people && <AffectedPeoplePanel crisisId={crisis.id} missions={missions} />}
          </div>
        </>
      )}
    </Layout>
  );
}
