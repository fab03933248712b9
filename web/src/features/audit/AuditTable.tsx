// The table of audit entries: when, who, what, on which record, which fields, and the request.
import type { AuditEntry } from '@siaga/contracts';
import { useTranslation } from 'react-i18next';
import { Table } from '../../components/Table';
import { Link } from '../../router';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Long identifiers are shortened on screen; the full value stays in the tooltip. */
function ShortId({ id }: { id: string }) {
  return (
    <code className="mono-small" title={id}>
      {UUID.test(id) ? `${id.slice(0, 8)}…` : id}
    </code>
  );
}

function metaText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function EntityRef({ entry }: { entry: AuditEntry }) {
  const id = entry.entityId;
  if (!id) return null;
  const code = entry.meta?.code;
  if (entry.entityType === 'mission' && typeof code === 'string') {
    return (
      <Link to={`/missions/${encodeURIComponent(code)}`} title={id}>
        {code}
      </Link>
    );
  }
  const pages: Record<string, string> = { user: 'users', person: 'people', import: 'imports' };
  const page = pages[entry.entityType];
  if (page && UUID.test(id)) {
    return (
      <Link to={`/${page}/${id}`}>
        <ShortId id={id} />
      </Link>
    );
  }
  return <ShortId id={id} />;
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'id-ID';
  const label = (group: 'action' | 'entity', value: string) => {
    const key = `audit.${group}.${value}`;
    return /^[a-z_]+(\.[a-z_]+)?$/.test(value) && i18n.exists(key) ? t(key) : value;
  };
  const when = (iso: string) =>
    new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'medium' });

  return (
    <Table
      columns={[
        t('audit.at'),
        t('audit.actor'),
        t('audit.actionLabel'),
        t('audit.entityColumn'),
        t('audit.changes'),
        t('audit.details'),
      ]}
      compact
      testId="audit-table"
    >
      {entries.map((e) => (
        <tr key={e.seq} data-action={e.action} data-entity-type={e.entityType}>
          <td className="nowrap">
            <time dateTime={e.at}>{when(e.at)}</time>
          </td>
          <td className="audit-actor" data-testid="audit-actor">
            {e.actorId ? <Link to={`/users/${e.actorId}`}>{e.actorLabel}</Link> : e.actorLabel}
          </td>
          <td>
            <span className="audit-action">{label('action', e.action)}</span>
            <code className="mono-small muted">{e.action}</code>
          </td>
          <td>
            <span className="audit-entity">{label('entity', e.entityType)}</span> <EntityRef entry={e} />
          </td>
          <td>
            {e.changes?.length ? (
              <ul className="chips">
                {e.changes.map((field) => (
                  <li key={field} className="chip">
                    {field}
                  </li>
                ))}
              </ul>
            ) : (
              <span className="muted">—</span>
            )}
          </td>
          <td>
            {e.meta && Object.keys(e.meta).length > 0 && (
              <ul className="kv">
                {Object.entries(e.meta).map(([key, value]) => (
                  <li key={key}>
                    <code className="mono-small">
                      {key}={metaText(value)}
                    </code>
                  </li>
                ))}
              </ul>
            )}
            {e.requestId && (
              <code className="mono-small muted audit-request" title={t('audit.requestId')}>
                {e.requestId}
              </code>
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}
