// Hazard events from the feeds: a map and a list (by source, cancelled ones on request), radius
// adjustment and promotion to a crisis, importing a feed file by hand, the feeds and the rejected
// documents.
import { FEED_FORMATS, type Feed, type FeedDocument } from '@siaga/contracts';
import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api/client';
import { CheckField, SelectField } from '../components/Field';
import { Layout } from '../components/Layout';
import { LoadMore } from '../components/LoadMore';
import { ErrorNotice, Loading } from '../components/Notice';
import { useChoices } from '../components/options';
import { useFilteredList } from '../components/useFilteredList';
import { useLoad } from '../components/useLoad';
import { useMe } from '../features/auth/AuthContext';
import { crisesAccess } from '../features/crises/access';
import { FeedDocuments } from '../features/hazards/FeedDocuments';
import { FeedImport } from '../features/hazards/FeedImport';
import { HazardsTable } from '../features/hazards/HazardsTable';
import { hazardsApi, type HazardFilters } from '../features/hazards/hazards.api';

const HazardsMap = lazy(() => import('../features/hazards/HazardsMap'));

interface Draft {
  source: string;
  includeCancelled: boolean;
}

const parse = (search: string): HazardFilters => {
  const params = new URLSearchParams(search);
  const out: HazardFilters = {};
  const source = params.get('source')?.trim();
  if (source) out.source = source;
  if (params.get('includeCancelled') === 'true') out.includeCancelled = 'true';
  return out;
};

export function HazardsPage() {
  const { t } = useTranslation();
  const access = crisesAccess(useMe().role);
  const choices = useChoices();
  const list = useFilteredList({
    parse,
    draftOf: (f: HazardFilters): Draft => ({
      source: f.source ?? '',
      includeCancelled: f.includeCancelled === 'true',
    }),
    load: (filters, cursor) => hazardsApi.list(filters, cursor),
    target: (d: Draft) =>
      withQuery('/hazards', { source: d.source, includeCancelled: d.includeCancelled ? 'true' : undefined }),
  });
  const { draft, setDraft, current } = list;
  const feeds = useLoad<Feed[]>(() => hazardsApi.feeds().then((r) => r.items), []);
  const rejected = useLoad<FeedDocument[]>(() => hazardsApi.rejectedDocuments().then((r) => r.items), []);

  // A new radius changes who is inside: read the list again.
  const refresh = () => list.go(window.location.pathname + window.location.search);

  return (
    <Layout>
      <div className="page-head page-head--wide">
        <h1>{t('hazards.title')}</h1>
      </div>
      <p className="muted">{t('hazards.intro')}</p>
      <div className="map-box map-box--small">
        <Suspense fallback={<p className="map-status">{t('map.loading')}</p>}>
          <HazardsMap events={current?.items ?? []} />
        </Suspense>
      </div>
      <form
        className="filters filters--crises"
        onSubmit={list.apply}
        role="search"
        aria-label={t('hazards.filters')}
      >
        <SelectField
          label={t('hazards.source')}
          name="source"
          value={draft.source}
          onChange={(source) => setDraft((d) => ({ ...d, source }))}
          options={[{ value: '', label: t('hazards.anySource') }, ...choices('hazardSources', FEED_FORMATS)]}
          error={list.errors.source}
        />
        <CheckField
          label={t('hazards.includeCancelled')}
          name="includeCancelled"
          className="check filters__check"
          checked={draft.includeCancelled}
          onChange={(includeCancelled) => setDraft((d) => ({ ...d, includeCancelled }))}
        />
        <div className="filters__actions">
          <button type="submit" className="button button--primary">
            {t('people.apply')}
          </button>
        </div>
      </form>
      <ErrorNotice error={list.error ?? list.moreError} />
      {!current && !list.error && <Loading />}
      {current && current.items.length === 0 && <p className="muted">{t('hazards.empty')}</p>}
      {current && current.items.length > 0 && (
        <HazardsTable events={current.items} canWrite={access.write} onChange={refresh} />
      )}
      {current?.nextCursor && <LoadMore onClick={list.more} busy={list.busy} />}
      {access.write && (
        <FeedImport
          onImported={() => {
            refresh();
            rejected.reload();
          }}
        />
      )}
      <FeedDocuments
        feeds={feeds.data}
        feedsError={feeds.error}
        rejected={rejected.data}
        rejectedError={rejected.error}
      />
    </Layout>
  );
}
