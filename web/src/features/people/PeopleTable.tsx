// People as a table: name (linking to the record), sex, birth date, status abroad, mission,
// country, city, household size and when the record last changed.
import type { PersonSummary } from '@siaga/contracts';
import { useTranslation } from 'react-i18next';
import { Table } from '../../components/Table';
import { Link } from '../../router';
import { useFormat } from './format';

export function PeopleTable({ people, testId }: { people: PersonSummary[]; testId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Table
      columns={[
        t('person.fullName'),
        t('person.sex'),
        t('person.birthDate'),
        t('person.statusAbroad'),
        t('person.mission'),
        t('person.country'),
        t('person.city'),
        t('person.householdSize'),
        t('person.updatedAt'),
      ]}
      compact
      testId={testId}
    >
      {people.map((p) => (
        <tr key={p.id} data-person={p.id}>
          <td>
            <Link to={`/people/${p.id}`} className="person-link">
              {p.fullName}
            </Link>
            {p.returnedAt && <span className="status status--returned">{t('person.returned')}</span>}
          </td>
          <td>{t(`sexes.${p.sex}`)}</td>
          <td className="nowrap">{f.date(p.birthDate)}</td>
          <td>{t(`statusAbroad.${p.statusAbroad}`)}</td>
          <td className="nowrap">{p.missionCode ?? '—'}</td>
          <td title={p.country ?? undefined}>{f.country(p.country)}</td>
          <td>{p.city ?? '—'}</td>
          <td className="num">{f.number(p.householdSize)}</td>
          <td className="nowrap">
            <time dateTime={p.updatedAt}>{f.dateTime(p.updatedAt)}</time>
          </td>
        </tr>
      ))}
    </Table>
  );
}
