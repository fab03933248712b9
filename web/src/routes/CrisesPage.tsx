// The crises: filtered by status and country (kept in the address), loading more on demand, and
// the way to declare a new one.
import { CRISIS_STATUSES } from '@siaga/contracts';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api/client';
import { SelectField, TextField } from '../components/Field';
import { Layout } from '../components/Layout';
import { LoadMore } from '../components/LoadMore';
import { ErrorNotice, Loading } from '../components/Notice';
import { useChoices } from '../components/options';
import { useFilteredList } from '../components/useFilteredList';
import { useMe } from '../features/auth/AuthContext';
import { CrisesTable } from '../features/crises/CrisesTable';
import { crisesAccess } from '../features/crises/access';
import { crisesApi, type CrisisFilters } from '../features/crises/crises.api';
import { Link } from '../router';

interface Draft {
  status: string;
  country: string;
}

const parse = (search: string): CrisisFilters => {
  const params = new URLSearchParams(search);
  const out: CrisisFilters = {};
  const status = params.get('status')?.trim();
  const country = params.get('country')?.trim().toUpperCase();
  if (status) out.status = status;
  if (country) out.country = country;
  return out;
};

export function CrisesPage() {
  const { t } = useTranslation();
  const access = crisesAccess(useMe().role);
  const choices = useChoices();
  const { search, draft, setDraft, current, error, errors, moreError, busy, go, apply, more } =
    useFilteredList({
      parse,
      draftOf: (f: CrisisFilters): Draft => ({ status: f.status ?? '', country: f.country ?? '' }),
      load: (filters, cursor) => crisesApi.list(filters, cursor),
      target: (d: Draft) =>
        withQuery('/crises', { status: d.status, country: d.country.trim().toUpperCase() }),
    });

  return (
    <Layout>
      <div className="page-head page-head--wide">
        <h1>{t('crises.title')}</h1>
        {access.write && (
          <div className="page-head__end">
            <Link to="/crises/new" className="button button--primary" data-testid="declare-crisis">
              {t('crises.declare')}
            </Link>
          </div>
        )}
      </div>
      <p className="muted">{t('crises.intro')}</p>
      <form
        className="filters filters--crises"
        onSubmit={apply}
        role="search"
        aria-label={t('crises.filters')}
      >
        <SelectField
          label={t('crisis.status')}
          name="status"
          value={draft.status}
          onChange={(status) => setDraft((d) => ({ ...d, status }))}
          options={[
            { value: '', label: t('crises.anyStatus') },
            ...choices('crisisStatuses', CRISIS_STATUSES),
          ]}
          error={errors.status}
        />
        <TextField
          label={t('crisis.country')}
          name="country"
          placeholder="SD"
          maxLength={2}
          value={draft.country}
          onChange={(country) => setDraft((d) => ({ ...d, country: country.toUpperCase() }))}
          error={errors.country}
        />
        <div className="filters__actions">
          <button type="submit" className="button button--primary">
            {t('people.apply')}
          </button>
          {search && (
            <button type="button" className="button button--link" onClick={() => go('/crises')}>
              {t('people.reset')}
            </button>
          )}
        </div>
      </form>
      <ErrorNotice error={error ?? moreError} />
      {!current && !error && <Loading />}
      {current && current.items.length === 0 && <p className="muted">{t('crises.empty')}</p>}
      {current && current.items.length > 0 && <CrisesTable crises={current.items} />}
      {current?.nextCursor && <LoadMore onClick={more} busy={busy} />}
    </Layout>
  );
}
