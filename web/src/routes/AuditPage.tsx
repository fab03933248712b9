// The audit log (headquarters administrators only): filters kept in the address, newest first,
// and "Load more" following the cursor.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api/client';
import { Field, TextField } from '../components/Field';
import { Layout } from '../components/Layout';
import { LoadMore } from '../components/LoadMore';
import { ErrorNotice, Loading, Notice } from '../components/Notice';
import { useErrorText } from '../components/errors';
import { useLoad } from '../components/useLoad';
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
import { navigate, useSearch } from '../router';

export function AuditPage() {
  const { t } = useTranslation();
  const { fields } = useErrorText();
  const search = useSearch();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const [draft, setDraft] = useState<AuditDraft>(() => draftOf(filters));
  // Each answer remembers the filters it is for, so an older list never shows under new filters.
  const { data, error, reload, setData } = useLoad(
    () => auditApi.list(filters).then((page) => ({ search, ...page })),
    [search],
  );
  const [moreError, setMoreError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const current = data && data.search === search ? data : null;
  const errors = fields(error);

  useEffect(() => {
    setDraft(draftOf(filters));
    setMoreError(null);
  }, [filters]);

  const go = (target: string) => {
    if (target === window.location.pathname + window.location.search) reload();
    else navigate(target);
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    go(withQuery('/audit', { ...filtersOf(draft, filters) }));
  };

  const more = async () => {
    if (!current?.nextCursor) return;
    setMoreError(null);
    setBusy(true);
    try {
      const page = await auditApi.list(filters, current.nextCursor);
      setData({ search, items: [...current.items, ...page.items], nextCursor: page.nextCursor });
    } catch (err) {
      setMoreError(err);
    } finally {
      setBusy(false);
    }
  };

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
        <Field label={t('audit.entityType')} error={errors.entityType}>
          {(control) => (
            <select
              {...control}
              name="entityType"
              value={draft.entityType}
              onChange={(e) => set('entityType')(e.target.value)}
            >
              <option value="">{t('audit.anyEntity')}</option>
              {ENTITY_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`audit.entity.${type}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          label={t('audit.entityId')}
          name="entityId"
          type="search"
          value={draft.entityId}
          onChange={set('entityId')}
          error={errors.entityId}
        />
        <Field label={t('audit.from')} error={errors.from}>
          {(control) => (
            <input
              {...control}
              name="from"
              type="datetime-local"
              value={draft.from}
              onChange={(e) => set('from')(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('audit.to')} error={errors.to}>
          {(control) => (
            <input
              {...control}
              name="to"
              type="datetime-local"
              value={draft.to}
              onChange={(e) => set('to')(e.target.value)}
            />
          )}
        </Field>
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
