// The registry of nationals abroad: name search and filters kept in the address, the total, a
// table that loads more on demand, the CSV export of the same filters, and an exact lookup by
// document, phone or email.
import { STATUSES_ABROAD, VULNERABILITIES, type Mission } from '@siaga/contracts';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api/client';
import { CheckField, SelectField, TextField } from '../components/Field';
import { Layout } from '../components/Layout';
import { LoadMore } from '../components/LoadMore';
import { ErrorNotice, Loading } from '../components/Notice';
import { useChoices } from '../components/options';
import { useFilteredList } from '../components/useFilteredList';
import { useLoad } from '../components/useLoad';
import { useMe } from '../features/auth/AuthContext';
import { missionOptions, selectableMissions } from '../features/missions/mission-options';
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
import { Link } from '../router';

export function PeoplePage() {
  const { t } = useTranslation();
  const me = useMe();
  const access = peopleAccess(me.role);
  const f = useFormat();
  const choices = useChoices();
  const { search, filters, draft, setDraft, current, error, errors, moreError, busy, go, apply, more } =
    useFilteredList({
      parse: filtersFromSearch,
      draftOf,
      load: (filters, cursor) => peopleApi.list(apiFilters(filters), cursor),
      target: (draft) => withQuery('/people', { ...filtersOf(draft) }),
    });
  const missions = useLoad<Mission[]>(() => missionsApi.all(), []);
  const refinements = countRefinements(filters);

  const text = (key: Exclude<keyof FilterDraft, 'includeReturned'>) => (value: string) =>
    setDraft((d) => ({ ...d, [key]: value }));

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
        <SelectField
          label={t('person.mission')}
          name="mission"
          value={draft.mission}
          onChange={text('mission')}
          options={missionOptions(
            selectableMissions(me, missions.data),
            draft.mission,
            t('people.anyMission'),
            (m) => m.code,
          )}
          error={errors.mission}
        />
        <SelectField
          label={t('person.statusAbroad')}
          name="status"
          value={draft.status}
          onChange={text('status')}
          options={[{ value: '', label: t('people.anyStatus') }, ...choices('statusAbroad', STATUSES_ABROAD)]}
          error={errors.status}
        />
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
              <SelectField
                label={t('people.vulnerability')}
                name="vulnerability"
                value={draft.vulnerability}
                onChange={text('vulnerability')}
                options={[
                  { value: '', label: t('people.anyVulnerability') },
                  ...choices('vulnerabilities', VULNERABILITIES),
                ]}
                error={errors.vulnerability}
              />
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
            <TextField
              label={t('people.updatedSince')}
              name="updatedSince"
              type="date"
              value={draft.updatedSince}
              onChange={text('updatedSince')}
              error={errors.updatedSince}
            />
            <CheckField
              label={t('people.includeReturned')}
              name="includeReturned"
              className="check filters__check"
              checked={draft.includeReturned}
              onChange={(checked) => setDraft((d) => ({ ...d, includeReturned: checked }))}
            />
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
