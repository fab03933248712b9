// The affected people, a page at a time, each linking to their record; and the same people as a
// GeoJSON download for other tools.
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../components/LoadMore';
import { ErrorNotice, Loading } from '../../components/Notice';
import { Table } from '../../components/Table';
import { useAction } from '../../components/useAction';
import { useLoad } from '../../components/useLoad';
import { Link } from '../../router';
import { useFormat } from '../people/format';
import { crisesApi } from './crises.api';
import type { AffectedPage } from './types';

export function AffectedPeoplePanel({
  crisisId,
  missions,
}: {
  crisisId: string;
  missions: Map<string, string>;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const { data, error, setData } = useLoad<AffectedPage>(
    () => crisesApi.affectedPeople(crisisId),
    [crisisId],
  );
  const more = useAction();

  const loadMore = () =>
    void more.run(async () => {
      if (!data?.nextCursor) return;
      const page = await crisesApi.affectedPeople(crisisId, data.nextCursor);
      setData({ ...page, items: [...data.items, ...page.items] });
    });

  return (
    <section className="crisis-card crisis-card--wide" aria-labelledby="affected-people-title">
      <div className="page-head">
        <h2 id="affected-people-title">{t('crisis.affectedPeople')}</h2>
        <a
          className="button button--secondary"
          href={crisesApi.affectedGeoJsonUrl(crisisId)}
          download
          data-testid="affected-geojson"
        >
          {t('crisis.downloadGeoJson')}
        </a>
      </div>
      <ErrorNotice error={error ?? more.error} />
      {!data && !error && <Loading />}
      {data && (
        <p className="muted" data-testid="affected-people-total">
          {t('crisis.affectedTotal', { n: f.number(data.total) })}
        </p>
      )}
      {data && data.items.length > 0 && (
        <Table
          compact
          testId="affected-people"
          columns={[
            t('person.fullName'),
            t('person.statusAbroad'),
            t('person.mission'),
            t('person.country'),
            t('person.adminArea'),
            t('person.city'),
            t('crisis.locatedBy'),
          ]}
        >
          {data.items.map((p) => (
            <tr key={p.id} data-person={p.id}>
              <td>
                <Link to={`/people/${p.id}`} className="person-link">
                  {p.fullName}
                </Link>
              </td>
              <td>{t(`statusAbroad.${p.statusAbroad}`)}</td>
              <td className="nowrap">{(p.missionId && missions.get(p.missionId)) ?? '—'}</td>
              <td>{f.country(p.country)}</td>
              <td>{p.adminArea ?? '—'}</td>
              <td>{p.city ?? '—'}</td>
              <td>{t(`crisis.locatedBy_${p.locatedBy}`)}</td>
            </tr>
          ))}
        </Table>
      )}
      {data?.nextCursor && <LoadMore onClick={loadMore} busy={more.busy} />}
    </section>
  );
}
