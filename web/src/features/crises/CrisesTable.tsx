// Crises as a table: title (linking to the crisis), type, countries, the most severe alert level
// in force with its MICIC phases, phase, status, the missions concerned and when it was declared.
import type { CrisisSummary } from '@siaga/contracts';
import { useTranslation } from 'react-i18next';
import { Table } from '../../components/Table';
import { Link } from '../../router';
import { useFormat } from '../people/format';
import { LevelBadge } from './LevelBadge';

export function CrisesTable({ crises }: { crises: CrisisSummary[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Table
      testId="crises-table"
      compact
      columns={[
        t('crisis.titleField'),
        t('crisis.type'),
        t('crisis.countries'),
        t('crisis.alertLevel'),
        t('crisis.phase'),
        t('crisis.status'),
        t('crisis.missions'),
        t('crisis.declaredAt'),
      ]}
    >
      {crises.map((c) => (
        <tr key={c.id} data-crisis={c.id}>
          <td>
            <Link to={`/crises/${c.id}`} className="person-link">
              {c.title}
            </Link>
            {c.exercise && <span className="status status--exercise">{t('crisis.exerciseTag')}</span>}
          </td>
          <td>{t(`crisisTypes.${c.type}`)}</td>
          <td title={c.countries.map((code) => f.country(code)).join(', ')}>{c.countries.join(', ')}</td>
          <td className="nowrap">
            <LevelBadge level={c.alertLevel} phases="short" />
          </td>
          <td>{t(`crisisPhases.${c.phase}`)}</td>
          <td>
            <span className={`status status--crisis-${c.status}`}>{t(`crisisStatuses.${c.status}`)}</span>
          </td>
          <td className="nowrap">{c.missions.map((m) => m.code).join(', ') || '—'}</td>
          <td className="nowrap">
            <time dateTime={c.declaredAt}>{f.dateTime(c.declaredAt)}</time>
          </td>
        </tr>
      ))}
    </Table>
  );
}
