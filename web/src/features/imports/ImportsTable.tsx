// Recent imports: the file, its mission, how far it got and what it did.
import type { Import } from '@siaga/contracts';
import { useTranslation } from 'react-i18next';
import { Table } from '../../components/Table';
import { Link } from '../../router';
import { useFormat } from '../people/format';

export function ImportStatus({ item }: { item: Import }) {
  const { t } = useTranslation();
  return (
    <span className={`status status--import-${item.status}`} data-status={item.status}>
      {t(`importStatus.${item.status}`)}
      {item.dryRun && ` · ${t('imports.dryRunShort')}`}
    </span>
  );
}

export function ImportsTable({ items }: { items: Import[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Table
      columns={[
        t('imports.fileName'),
        t('imports.mission'),
        t('imports.statusColumn'),
        t('imports.rowsRead'),
        t('imports.created'),
        t('imports.updated'),
        t('imports.unchanged'),
        t('imports.rejected'),
        t('imports.startedAt'),
        t('imports.by'),
      ]}
      compact
      testId="imports-table"
    >
      {items.map((i) => (
        <tr key={i.id} data-import={i.id}>
          <td>
            <Link to={`/imports/${i.id}`}>{i.fileName}</Link>
          </td>
          <td className="nowrap">{i.missionCode ?? '—'}</td>
          <td>
            <ImportStatus item={i} />
          </td>
          <td className="num">{f.number(i.rowsRead)}</td>
          <td className="num">{f.number(i.created)}</td>
          <td className="num">{f.number(i.updated)}</td>
          <td className="num">{f.number(i.unchanged)}</td>
          <td className="num">{f.number(i.rejected)}</td>
          <td className="nowrap">
            <time dateTime={i.startedAt}>{f.dateTime(i.startedAt)}</time>
          </td>
          <td>{i.actorLabel}</td>
        </tr>
      ))}
    </Table>
  );
}
