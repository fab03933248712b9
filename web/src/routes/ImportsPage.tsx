// Bulk imports of people: upload a list, then follow it on its own page; below, recent imports.
import type { Mission } from '@siaga/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Layout } from '../components/Layout';
import { LoadMore } from '../components/LoadMore';
import { ErrorNotice, Loading } from '../components/Notice';
import { useLoad } from '../components/useLoad';
import { useMe } from '../features/auth/AuthContext';
import { ImportUploadForm } from '../features/imports/ImportUploadForm';
import { ImportsTable } from '../features/imports/ImportsTable';
import { importsApi } from '../features/imports/imports.api';
import { missionsApi } from '../features/missions/missions.api';
import { navigate } from '../router';

export function ImportsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const missions = useLoad<Mission[]>(() => missionsApi.all(), []);
  const { data, error, setData } = useLoad(() => importsApi.list(), []);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const own = me.role === 'mission_officer';
  const missionOptions = own
    ? (missions.data ?? []).filter((m) => me.missionCodes.includes(m.code))
    : (missions.data ?? []);

  const more = async () => {
    if (!data?.nextCursor) return;
    setMoreError(null);
    setBusy(true);
    try {
      const page = await importsApi.list(data.nextCursor);
      setData({ items: [...data.items, ...page.items], nextCursor: page.nextCursor ?? null });
    } catch (err) {
      setMoreError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Layout>
      <div className="page-head page-head--wide">
        <h1>{t('imports.title')}</h1>
      </div>
      <p className="muted">{t('imports.intro')}</p>
      <section className="panel" aria-labelledby="upload-title">
        <h2 id="upload-title">{t('imports.uploadTitle')}</h2>
        <ImportUploadForm
          missions={missionOptions}
          defaultMission={own ? (me.missionCodes[0] ?? '') : ''}
          onStarted={(started) => navigate(`/imports/${started.id}`)}
        />
      </section>
      <h2>{t('imports.recent')}</h2>
      <ErrorNotice error={error ?? moreError} />
      {!data && !error && <Loading />}
      {data && data.items.length === 0 && <p className="muted">{t('imports.empty')}</p>}
      {data && data.items.length > 0 && <ImportsTable items={data.items} />}
      {data?.nextCursor && <LoadMore onClick={more} busy={busy} />}
    </Layout>
  );
}
