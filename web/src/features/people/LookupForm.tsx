// Exact lookup by document number, phone or email. The numbers travel in the body of a POST, never
// in the address, so they stay out of browser history and access logs.
import { PeopleLookup, type PersonSummary } from '@siaga/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { SubmitButton } from '../../components/SubmitButton';
import { PeopleTable } from './PeopleTable';
import { peopleApi } from './people.api';
import { usePersonSubmit } from './usePersonSubmit';

const empty = { document: '', phone: '', country: '', email: '' };

export function LookupForm() {
  const { t } = useTranslation();
  const { errors, error, busy, submit, check } = usePersonSubmit();
  const [draft, setDraft] = useState(empty);
  const [found, setFound] = useState<PersonSummary[] | null>(null);
  const [missing, setMissing] = useState(false);
  const set = (key: keyof typeof empty) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  const onSubmit = (event: FormEvent) => {
    const body: Record<string, string> = {};
    for (const key of Object.keys(empty) as (keyof typeof empty)[]) {
      const v = draft[key].trim();
      if (v) body[key] = key === 'country' ? v.toUpperCase() : v;
    }
    setFound(null);
    setMissing(false);
    const checked = check(PeopleLookup, body);
    if (!checked.ok && Object.keys(checked.errors).some((k) => k === '')) {
      event.preventDefault();
      setMissing(true);
      return;
    }
    return submit(event, checked, async (valid) => setFound((await peopleApi.lookup(valid)).items));
  };

  return (
    <section className="panel lookup" aria-labelledby="lookup-title">
      <h2 id="lookup-title">{t('people.lookup.title')}</h2>
      <p className="muted">{t('people.lookup.intro')}</p>
      <form className="inline-form" onSubmit={onSubmit} noValidate data-testid="lookup-form">
        <ErrorNotice error={error} />
        {missing && (
          <p className="field__error" role="alert">
            {t('people.lookup.needOne')}
          </p>
        )}
        <TextField
          label={t('people.lookup.document')}
          name="lookupDocument"
          autoComplete="off"
          value={draft.document}
          onChange={set('document')}
          error={errors.document}
        />
        <TextField
          label={t('people.lookup.phone')}
          name="lookupPhone"
          type="tel"
          autoComplete="off"
          value={draft.phone}
          onChange={set('phone')}
          error={errors.phone}
        />
        <TextField
          label={t('people.lookup.country')}
          name="lookupCountry"
          placeholder="MY"
          maxLength={2}
          value={draft.country}
          onChange={(v) => set('country')(v.toUpperCase())}
          error={errors.country}
        />
        <TextField
          label={t('people.lookup.email')}
          name="lookupEmail"
          type="email"
          autoComplete="off"
          value={draft.email}
          onChange={set('email')}
          error={errors.email}
        />
        <SubmitButton label={t('people.lookup.submit')} busy={busy} className="button button--secondary" />
      </form>
      {found && found.length === 0 && <p className="muted lookup__none">{t('people.lookup.none')}</p>}
      {found && found.length > 0 && <PeopleTable people={found} testId="lookup-table" />}
    </section>
  );
}
