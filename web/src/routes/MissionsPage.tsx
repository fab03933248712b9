// Missions abroad: the list, and for headquarters administrators a form to add one.
import { MissionCreate, type Mission } from '@siaga/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Layout } from '../components/Layout';
import { LoadMore } from '../components/LoadMore';
import { ErrorNotice, Loading, Notice } from '../components/Notice';
import { Table } from '../components/Table';
import { useErrorText } from '../components/errors';
import { useMe } from '../features/auth/AuthContext';
import { MissionForm } from '../features/missions/MissionForm';
import { createBody, emptyDraft } from '../features/missions/mission-form';
import { missionsApi, type MissionPage } from '../features/missions/missions.api';
import { Link } from '../router';
import { useLoad } from '../components/useLoad';
import { useSubmit } from '../components/useSubmit';

export function MissionsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { validate } = useErrorText();
  const { errors, error: saveError, busy, submit } = useSubmit();
  const { data, error, setData } = useLoad<MissionPage>(() => missionsApi.list(), []);
  const [creating, setCreating] = useState(false);
  const [draft, setDraft] = useState(emptyDraft);
  const [created, setCreated] = useState<Mission | null>(null);
  const [moreError, setMoreError] = useState<unknown>(null);

  const create = (event: FormEvent) =>
    submit(event, validate(MissionCreate, createBody(draft)), async (valid) => {
      const mission = await missionsApi.create(valid);
      setCreated(mission);
      setCreating(false);
      setDraft(emptyDraft);
      setData((page) => page && { ...page, items: [mission, ...page.items] });
    });

  const more = async () => {
    if (!data?.nextCursor) return;
    try {
      const page = await missionsApi.list(data.nextCursor);
      setData({ items: [...data.items, ...page.items], nextCursor: page.nextCursor });
    } catch (err) {
      setMoreError(err);
    }
  };

  return (
    <Layout>
      <div className="page-head">
        <h1>{t('missions.title')}</h1>
        {me.role === 'hq_admin' && !creating && (
          <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
            {t('missions.new')}
          </button>
        )}
      </div>
      {created && (
        <Notice kind="success">
          {t('missions.created', { code: created.code })}{' '}
          <Link to={`/missions/${created.code}`}>{t('common.open')}</Link>
        </Notice>
      )}
      {creating && (
        <section className="panel" aria-labelledby="new-mission">
          <h2 id="new-mission">{t('missions.new')}</h2>
          <ErrorNotice error={saveError} />
          <MissionForm
            draft={draft}
            onChange={setDraft}
            errors={errors}
            mode="create"
            contactOnly={false}
            busy={busy}
            onSubmit={create}
            onCancel={() => setCreating(false)}
          />
        </section>
      )}
      <ErrorNotice error={error ?? moreError} />
      {!data && !error && <Loading />}
      {data && data.items.length === 0 && <p className="muted">{t('missions.empty')}</p>}
      {data && data.items.length > 0 && (
        <Table
          columns={[
            t('mission.code'),
            t('mission.name'),
            t('mission.kind'),
            t('mission.city'),
            t('mission.countries'),
            t('mission.hotline'),
          ]}
          testId="missions-table"
        >
          {data.items.map((m) => (
            <tr key={m.id}>
              <td>
                <Link to={`/missions/${m.code}`}>{m.code}</Link>
              </td>
              <td>{m.name}</td>
              <td>{t(`missionKinds.${m.kind}`)}</td>
              <td>{m.city}</td>
              <td>{m.countries.join(', ')}</td>
              <td dir="ltr">{m.hotline}</td>
            </tr>
          ))}
        </Table>
      )}
      {data?.nextCursor && <LoadMore onClick={more} />}
    </Layout>
  );
}
