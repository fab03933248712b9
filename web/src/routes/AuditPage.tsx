// The audit log (headquarters administrators only): filters kept in the address, newest first,
// and "Load more" following the cursor.
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api/client';
import { Field, SelectField, TextField } from '../components/Field';
import { Layout } from '../components/Layout';
import { LoadMore } from '../components/LoadMore';
import { ErrorNotice, Loading, Notice } from '../components/Notice';
import { useChoices } from '../components/options';
import { useFilteredList } from '../components/useFilteredList';
import { AuditTable } from '../features/audit/AuditTable';
import {
  ENTITY_TYPES,
  KNOWN_ACTIONS,
  draftOf,
  filtersFromSearch,
  filtersOf,
  type AuditDraft,
} from '../features/audit/audit-filters';
import { auditApi } from '../features/audit/audit.api';

export function AuditPage() {
  const { t } = useTranslation();
  const choices = useChoices();
  const { search, filters, draft, setDraft, current, error, errors, moreError, busy, go, apply, more } =
    useFilteredList({
      parse: filtersFromSearch,
      draftOf,
      load: (filters, cursor) => auditApi.list(filters, cursor),
      target: (draft, filters) => withQuery('/audit', { ...filtersOf(draft, filters) }),
    });

  const set = (key: keyof AuditDraft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  return (
    <Layout>
      <div className="page-head">
        <h1>{t('audit.title')}</h1>
      </div>
      <p className="muted">{t('audit.intro')}</p>
      <form className="filters filters--audit" onSubmit={apply} role="search" aria-label={t('audit.filters')}>
        <Field label={t('audit.actionLabel')} error={errors.action}>
          {(control) => (
            <>
              <input
                {...control}
                name="action"
                type="search"
                list="audit-actions"
                autoComplete="off"
                placeholder={t('audit.actionPlaceholder')}
                value={draft.action}
                onChange={(e) => set('action')(e.target.value)}
              />
              <datalist id="audit-actions">
                {KNOWN_ACTIONS.map((a) => (
                  <option key={a} value={a} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <SelectField
          label={t('audit.entityType')}
          name="entityType"
          value={draft.entityType}
          onChange={set('entityType')}
          options={[{ value: '', label: t('audit.anyEntity') }, ...choices('audit.entity', ENTITY_TYPES)]}
          error={errors.entityType}
        />
        <TextField
          label={t('audit.entityId')}
          name="entityId"
          type="search"
          value={draft.entityId}
          onChange={set('entityId')}
          error={errors.entityId}
        />
        <TextField
          label={t('audit.from')}
          name="from"
          type="datetime-local"
          value={draft.from}
          onChange={set('from')}
          error={errors.from}
        />
        <TextField
          label={t('audit.to')}
          name="to"
          type="datetime-local"
          value={draft.to}
          onChange={set('to')}
          error={errors.to}
        />
        <div className="filters__actions">
          <button type="submit" className="button button--secondary">
            {t('users.apply')}
          </button>
          {search && (
            <button type="button" className="button button--link" onClick={() => go('/audit')}>
              {t('audit.reset')}
            </button>
          )}
        </div>
      </form>
      {filters.actorId && (
        <Notice kind="info">
          {t('audit.actorFilter', { id: filters.actorId })}{' '}
          <button
            type="button"
            className="button button--link"
            onClick={() => go(withQuery('/audit', { ...filters, actorId: undefined }))}
          >
            {t('audit.allActors')}
          </button>
        </Notice>
      )}
      <ErrorNotice error={error ?? moreError} />
      {!current && !error && <Loading />}
      {current && current.items.length === 0 && <p className="muted">{t('audit.empty')}</p>}
      {current && current.items.length > 0 && <AuditTable entries={current.items} />}
      {current?.nextCursor && <LoadMore onClick={more} busy={busy} />}
    </Layout>
  );
}
