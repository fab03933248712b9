// The registry of nationals abroad: name search and filters kept in the address, the total, a
// table that loads more on demand, the CSV export of the same filters, and an exact lookup by
// document, phone or email.
import { STATUSES_ABROAD, VULNERABILITIES, type Mission } from '@siaga/contracts';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api/client';
import { Field, TextField } from '../components/Field';
import { Layout } from '../components/Layout';
import { LoadMore } from '../components/LoadMore';
import { ErrorNotice, Loading } from '../components/Notice';
import { useErrorText } from '../components/errors';
import { useLoad } from '../components/useLoad';
import { useMe } from '../features/auth/AuthContext';
import { missionsApi } from '../features/missions/missions.api';
import { LookupForm } from '../features/people/LookupForm';
import { PeopleTable } from '../features/people/PeopleTable';
import { peopleAccess } from '../features/people/access';
import { useFormat } from '../features/people/format';
import {
  apiFilters,
  countRefinements,
  draftOf,
  filtersFromSearch,
  filtersOf,
  type FilterDraft,
} from '../features/people/people-filters';
import { peopleApi } from '../features/people/people.api';
import { Link, navigate, useSearch } from '../router';

export function PeoplePage() {
  const { t } = useTranslation();
  const me = useMe();
  const access = peopleAccess(me.role);
  const f = useFormat();
  const { fields } = useErrorText();
  const search = useSearch();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const [draft, setDraft] = useState<FilterDraft>(() => draftOf(filters));
  // Each answer remembers the filters it is for, so an older list never shows under new filters.
  const { data, error, reload, setData } = useLoad(
    () => peopleApi.list(apiFilters(filters)).then((page) => ({ search, ...page })),
    [search],
  );
  const missions = useLoad<Mission[]>(() => missionsApi.all(), []);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const current = data && data.search === search ? data : null;
  const errors = fields(error);
  const refinements = countRefinements(filters);

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
    go(withQuery('/people', { ...filtersOf(draft) }));
  };

  const more = async () => {
    if (!current?.nextCursor) return;
    setMoreError(null);
    setBusy(true);
    try {
      const page = await peopleApi.list(apiFilters(filters), current.nextCursor);
      setData({ ...current, items: [...current.items, ...page.items], nextCursor: page.nextCursor });
    } catch (err) {
      setMoreError(err);
    } finally {
      setBusy(false);
    }
  };

  const text = (key: Exclude<keyof FilterDraft, 'includeReturned'>) => (value: string) =>
    setDraft((d) => ({ ...d, [key]: value }));

  // Mission officers only see their own missions' people: offer only those.
  const missionOptions =
    me.role === 'mission_officer'
      ? (missions.data ?? []).filter((m) => me.missionCodes.includes(m.code))
      : (missions.data ?? []);

  return (
    <Layout>
      <div className="page-head page-head--wide">
        <h1>{t('people.title')}</h1>
        <div className="page-head__end">
          {access.export && (
            <a
              className="button button--secondary"
              href={peopleApi.exportUrl(apiFilters(filters))}
              download
              data-testid="people-export"
            >
              {t('people.export')}
            </a>
          )}
          {access.write && (
            <Link to="/people/new" className="button button--primary">
              {t('people.new')}
            </Link>
          )}
        </div>
      </div>
      <p className="muted">{t('people.searchHint')}</p>
      <form
        className="filters filters--people"
        onSubmit={apply}
        role="search"
        aria-label={t('people.filters')}
      >
        <TextField
          label={t('people.search')}
          name="q"
          type="search"
          placeholder={t('people.searchPlaceholder')}
          value={draft.q}
          onChange={text('q')}
          error={errors.q}
        />
        <Field label={t('person.mission')} error={errors.mission}>
          {(control) => (
            <select
              {...control}
              name="mission"
              value={draft.mission}
              onChange={(e) => text('mission')(e.target.value)}
            >
              <option value="">{t('people.anyMission')}</option>
              {missionOptions.map((m) => (
                <option key={m.code} value={m.code}>
                  {m.code}
                </option>
              ))}
              {draft.mission && !missionOptions.some((m) => m.code === draft.mission) && (
                <option value={draft.mission}>{draft.mission}</option>
              )}
            </select>
          )}
        </Field>
        <Field label={t('person.statusAbroad')} error={errors.status}>
          {(control) => (
            <select
              {...control}
              name="status"
              value={draft.status}
              onChange={(e) => text('status')(e.target.value)}
            >
              <option value="">{t('people.anyStatus')}</option>
              {STATUSES_ABROAD.map((s) => (
                <option key={s} value={s}>
                  {t(`statusAbroad.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          label={t('person.country')}
          name="country"
          placeholder="MY, SG"
          value={draft.country}
          onChange={(v) => text('country')(v.toUpperCase())}
          error={errors.country}
        />
        <div className="filters__actions">
          <button type="submit" className="button button--primary">
            {t('people.apply')}
          </button>
          {search && (
            <button type="button" className="button button--link" onClick={() => go('/people')}>
              {t('people.reset')}
            </button>
          )}
        </div>
        <details className="filters__more" open={refinements > 0}>
          <summary>
            {t('people.moreFilters')}
            {refinements > 0 && <span className="tag">{refinements}</span>}
          </summary>
          <div className="filters__grid">
            <TextField
              label={t('person.city')}
              name="city"
              value={draft.city}
              onChange={text('city')}
              error={errors.city}
            />
            {access.reveal && (
              <Field label={t('people.vulnerability')} error={errors.vulnerability}>
                {(control) => (
                  <select
                    {...control}
                    name="vulnerability"
                    value={draft.vulnerability}
                    onChange={(e) => text('vulnerability')(e.target.value)}
                  >
                    <option value="">{t('people.anyVulnerability')}</option>
                    {VULNERABILITIES.map((v) => (
                      <option key={v} value={v}>
                        {t(`vulnerabilities.${v}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
            <TextField
              label={t('people.householdMin')}
              name="householdMin"
              type="number"
              inputMode="numeric"
              value={draft.householdMin}
              onChange={text('householdMin')}
              error={errors.householdMin}
            />
            <TextField
              label={t('people.householdMax')}
              name="householdMax"
              type="number"
              inputMode="numeric"
              value={draft.householdMax}
              onChange={text('householdMax')}
              error={errors.householdMax}
            />
            <TextField
              label={t('people.staleMonths')}
              name="staleMonths"
              type="number"
              inputMode="numeric"
              hint={t('people.staleMonthsHint')}
              value={draft.staleMonths}
              onChange={text('staleMonths')}
              error={errors.staleMonths}
            />
            <Field label={t('people.updatedSince')} error={errors.updatedSince}>
              {(control) => (
                <input
                  {...control}
                  type="date"
                  name="updatedSince"
                  value={draft.updatedSince}
                  onChange={(e) => text('updatedSince')(e.target.value)}
                />
              )}
            </Field>
            <label className="check filters__check">
              <input
                type="checkbox"
                name="includeReturned"
                checked={draft.includeReturned}
                onChange={(e) => setDraft((d) => ({ ...d, includeReturned: e.target.checked }))}
              />
              <span>{t('people.includeReturned')}</span>
            </label>
          </div>
        </details>
      </form>
      <ErrorNotice error={error ?? moreError} />
      {!current && !error && <Loading />}
      {current && (
        <p className="people-total" data-testid="people-total" aria-live="polite">
          {current.totalExact
            ? t(current.total === 1 ? 'people.totalOne' : 'people.totalOther', { n: f.number(current.total) })
            : t('people.totalMore', { n: f.number(current.total) })}
        </p>
      )}
      {current && current.items.length === 0 && <p className="muted">{t('people.empty')}</p>}
      {current && current.items.length > 0 && <PeopleTable people={current.items} testId="people-table" />}
      {current?.nextCursor && <LoadMore onClick={more} busy={busy} />}
      <LookupForm />
    </Layout>
  );
}
