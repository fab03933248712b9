// Declaring a crisis: draw its areas on the map (polygons, circles, countries, admin-1 areas or a
// GeoJSON file) while the number of nationals inside updates live, then describe it and declare it.
import { CrisisCreate, type HazardEvent } from '@siaga/contracts';
import { Suspense, lazy, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckField } from '../components/Field';
import { Layout } from '../components/Layout';
import { Notice } from '../components/Notice';
import { errorAt } from '../components/errors';
import { useLoad } from '../components/useLoad';
import { AffectedCountsPanel } from '../features/crises/AffectedCountsPanel';
import {
  CrisisForm,
  EMPTY_CRISIS,
  createBody,
  parseCodes,
  type CrisisDraft,
} from '../features/crises/CrisisForm';
import { mapAreaOfInput, useAreaFeatures } from '../features/crises/areas';
import { crisesApi } from '../features/crises/crises.api';
import { AreaList, useAreaNames } from '../features/crises/draw/AreaList';
import { AreaTools } from '../features/crises/draw/AreaTools';
import { useAreaDraft } from '../features/crises/draw/useAreaDraft';
import { useCountryIndex } from '../features/crises/draw/useCountryIndex';
import { useAffectedCount } from '../features/crises/useAffectedCount';
import { hazardsApi } from '../features/hazards/hazards.api';
import { usePersonSubmit } from '../features/people/usePersonSubmit';
import { Link, navigate } from '../router';

// MapLibre is large; it loads with the map, not with the console.
const DrawMap = lazy(() => import('../features/crises/draw/DrawMap'));

export function CrisisNewPage() {
  const { t } = useTranslation();
  const area = useAreaDraft();
  const { countries, countriesOf } = useCountryIndex();
  const [draft, setDraft] = useState<CrisisDraft>(EMPTY_CRISIS);
  const [countriesTouched, setCountriesTouched] = useState(false);
  const [showPopulation, setShowPopulation] = useState(true);
  const [showHazards, setShowHazards] = useState(true);
  const hazards = useLoad<HazardEvent[]>(
    () =>
      hazardsApi
        .list({}, null, 200)
        .then((p) => p.items)
        .catch(() => []),
    [],
  );
  const form = usePersonSubmit();
  const named = useAreaNames();

  const inputs = useMemo(() => area.areas.map((a) => a.input), [area.areas]);
  const typedCountries = parseCodes(draft.countries).filter((c) => /^[A-Z]{2}$/.test(c));
  const live = useAffectedCount(inputs, typedCountries);

  // The countries the areas touch, and those the affected people are in, until the officer edits them.
  const derived = useMemo(() => {
    const set = new Set(inputs.flatMap(countriesOf));
    for (const [c, n] of Object.entries(live.counts?.byCountry ?? {})) if (n > 0) set.add(c);
    return [...set].sort().join(', ');
  }, [inputs, countriesOf, live.counts]);
  useEffect(() => {
    if (!countriesTouched) setDraft((d) => (d.countries === derived ? d : { ...d, countries: derived }));
  }, [derived, countriesTouched]);

  const mapAreas = useMemo(
    () => area.areas.map((a) => mapAreaOfInput(a.key, a.input, draft.alertLevel)),
    [area.areas, draft.alertLevel],
  );
  const features = useAreaFeatures(mapAreas);
  const circle = useMemo(
    () => ({ center: area.center, radiusKm: area.radiusKm }),
    [area.center, area.radiusKm],
  );

  const onSubmit = (event: FormEvent) =>
    form.submit(event, form.check(CrisisCreate, createBody(draft, named(inputs))), async (body) => {
      const crisis = await crisesApi.declare(body);
      navigate(`/crises/${crisis.id}?declared=1`);
    });

  return (
    <Layout>
      <p className="breadcrumb">
        <Link to="/crises">← {t('crises.title')}</Link>
      </p>
      <div className="page-head page-head--wide">
        <h1>{t('crisisNew.title')}</h1>
      </div>
      <p className="muted">{t('crisisNew.intro')}</p>
      <div className="crisis-draw">
        <div className="crisis-draw__map">
          <AreaTools draft={area} countries={countries} />
          {area.problem && (
            <Notice kind="error">
              <p data-testid="area-problem">{t(`crisisNew.problems.${area.problem}`)}</p>
            </Notice>
          )}
          {area.notice && (
            <Notice kind="success">
              <p>{t('crisisNew.fileAdded', { n: area.notice.added, skipped: area.notice.skipped })}</p>
            </Notice>
          )}
          <div className="map-box">
            <Suspense fallback={<p className="map-status">{t('map.loading')}</p>}>
              <DrawMap
                areas={features}
                tool={area.tool}
                vertices={area.vertices}
                circle={circle}
                focus={area.focus}
                hazards={hazards.data ?? []}
                showHazards={showHazards}
                showPopulation={showPopulation}
                onPoint={area.point}
                onDoubleClick={() => area.finishPolygon(true)}
              />
            </Suspense>
          </div>
          <div className="map-toggles">
            <CheckField
              label={t('crisisMap.population')}
              name="showPopulation"
              checked={showPopulation}
              onChange={setShowPopulation}
            />
            <CheckField
              label={t('crisisMap.hazards')}
              name="showHazards"
              checked={showHazards}
              onChange={setShowHazards}
            />
          </div>
        </div>
        <aside className="crisis-draw__side">
          <AffectedCountsPanel
            counts={live.counts}
            busy={live.busy}
            error={live.error}
            empty={t('crisisNew.countEmpty')}
          />
          <AreaList areas={area.areas} onRemove={area.remove} error={errorAt(form.errors, 'areas')} />
        </aside>
      </div>
      <section className="panel" aria-labelledby="crisis-details">
        <h2 id="crisis-details">{t('crisisNew.details')}</h2>
        <CrisisForm
          draft={draft}
          onChange={(next, touched) => {
            if (touched === 'countries') setCountriesTouched(true);
            setDraft(next);
          }}
          errors={form.errors}
          error={form.error}
          busy={form.busy}
          onSubmit={onSubmit}
        />
      </section>
    </Layout>
  );
}
