// One person: the whole record, and for officers the actions on it: reveal sensitive fields (with a
// reason, audited), edit (guarded by the version read), mark as returned home, and erase.
import { Id, PersonUpdate, type Mission, type Person, type PersonSensitive } from '@siaga/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { Layout } from '../components/Layout';
import { ErrorNotice, Loading, Notice } from '../components/Notice';
import { useAction } from '../components/useAction';
import { useLoad } from '../components/useLoad';
import { useMe } from '../features/auth/AuthContext';
import { selectableMissions } from '../features/missions/mission-options';
import { missionsApi } from '../features/missions/missions.api';
import { PersonDetails } from '../features/people/PersonDetails';
import { PersonForm } from '../features/people/PersonForm';
import { ReasonForm } from '../features/people/ReasonForm';
import { peopleAccess } from '../features/people/access';
import { draftOf, updateBody, type PersonDraft } from '../features/people/person-form/draft';
import { peopleApi } from '../features/people/people.api';
import { usePersonSubmit } from '../features/people/usePersonSubmit';
import { Link } from '../router';

type Panel = 'none' | 'reveal' | 'edit' | 'erase';

export function PersonPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const access = peopleAccess(me.role);
  // "?created=1" comes from the registration form: say so once, and drop it from the address so
  // that a reload does not say it again.
  const [justCreated] = useState(() => new URLSearchParams(window.location.search).get('created') === '1');
  useEffect(() => {
    if (justCreated) window.history.replaceState(null, '', window.location.pathname);
  }, [justCreated]);
  const {
    data: person,
    error,
    setData,
  } = useLoad<Person>(
    // A malformed id cannot name a person: say so instead of reporting a validation error.
    () =>
      Id.safeParse(id).success
        ? peopleApi.get(id)
        : Promise.reject(new ApiError(404, 'person.not_found', '')),
    [id],
  );
  const missions = useLoad<Mission[]>(
    () => (access.write ? missionsApi.all() : Promise.resolve([])),
    [access.write],
  );
  const [panel, setPanel] = useState<Panel>('none');
  const [sensitive, setSensitive] = useState<PersonSensitive | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { error: actionError, setError: setActionError, busy, run } = useAction();
  const [erased, setErased] = useState(false);
  const [draft, setDraft] = useState<PersonDraft | null>(null);
  const [original, setOriginal] = useState<PersonDraft | null>(null);
  const [householdId, setHouseholdId] = useState<string | null>(null);
  const form = usePersonSubmit();

  const open = (next: Panel) => {
    setNotice(null);
    setActionError(null);
    form.reset();
    setPanel(next);
  };

  const act = (fn: () => Promise<void>) => {
    setNotice(null);
    return run(fn);
  };

  /** After a conflict: read the latest version, and start any edit again from it. */
  const reloadLatest = () =>
    void act(async () => {
      const fresh = await peopleApi.get(id);
      setData(fresh);
      if (panel === 'edit') startEdit(fresh);
      form.setError(null);
    });

  const startEdit = (p: Person) => {
    const d = draftOf(p, sensitive);
    setDraft(d);
    setOriginal(d);
    setHouseholdId(null);
    open('edit');
  };

  const reveal = (reason: string) =>
    void act(async () => {
      setSensitive(await peopleApi.reveal(id, { fields: ['documents', 'vulnerabilities'], reason }));
      setPanel('none');
    });

  const save = (event: FormEvent) => {
    if (!person || !draft || !original) return event.preventDefault();
    const canSensitive = sensitive !== null;
    const body = updateBody(draft, original, person.version, {
      sensitive: canSensitive,
      ...(householdId ? { householdId } : {}),
    });
    // A new household is started on sending; the body is checked first with a stand-in id.
    const needsHousehold = draft.household.mode === 'new' && !householdId;
    const probe = needsHousehold
      ? { ...body, household: { id: '00000000-0000-4000-8000-000000000000', relationship: 'head' } }
      : body;
    return form.submit(event, form.check(PersonUpdate, probe), async () => {
      let sent = body;
      if (needsHousehold) {
        const created = await peopleApi.createHousehold();
        setHouseholdId(created.id);
        sent = { ...body, household: { id: created.id, relationship: 'head' } };
      }
      const saved = await peopleApi.update(id, PersonUpdate.parse(sent));
      setData(saved);
      if ('documents' in sent || 'vulnerabilities' in sent) setSensitive(null);
      setPanel('none');
      setNotice(t('common.saved'));
    });
  };

  const setReturned = (p: Person, returned: boolean) =>
    void act(async () => {
      setData(await peopleApi.update(id, { version: p.version, returned }));
      setNotice(returned ? t('person.returnedNotice') : t('person.abroadNotice'));
    });

  const erase = (p: Person, reason: string) =>
    void act(async () => {
      await peopleApi.erase(id, { version: p.version, reason });
      setErased(true);
      setPanel('none');
    });

  if (erased) {
    return (
      <Layout>
        <Notice kind="success">
          <p>{t('person.erased')}</p>
          <Link to="/people">{t('person.backToRegistry')}</Link>
        </Notice>
      </Layout>
    );
  }

  return (
    <Layout>
      <p className="breadcrumb">
        <Link to="/people">← {t('people.title')}</Link>
      </p>
      <ErrorNotice error={error} />
      {!person && !error && <Loading />}
      {person && (
        <>
          <div className="page-head page-head--wide">
            <h1>
              {person.fullName} <span className="tag">{t(`statusAbroad.${person.statusAbroad}`)}</span>{' '}
              {person.returnedAt && <span className="status status--returned">{t('person.returned')}</span>}
            </h1>
            {me.role === 'hq_admin' && (
              <div className="page-head__end">
                <Link
                  to={`/audit?entityId=${encodeURIComponent(person.id)}`}
                  className="button button--secondary"
                  data-testid="person-activity"
                >
                  {t('user.activity')}
                </Link>
              </div>
            )}
          </div>
          {justCreated && <Notice kind="success">{t('person.created')}</Notice>}
          {notice && <Notice kind="success">{notice}</Notice>}
          {(panel === 'none' || panel === 'edit') && (
            <ErrorNotice error={actionError} onReload={reloadLatest} />
          )}
          {access.write && panel === 'none' && (
            <div className="button-row person-actions">
              {access.reveal && !sensitive && (
                <button type="button" className="button button--secondary" onClick={() => open('reveal')}>
                  {t('person.reveal')}
                </button>
              )}
              {sensitive && (
                <button type="button" className="button button--secondary" onClick={() => setSensitive(null)}>
                  {t('person.hideSensitive')}
                </button>
              )}
              <button type="button" className="button button--primary" onClick={() => startEdit(person)}>
                {t('common.edit')}
              </button>
              {person.returnedAt ? (
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={busy}
                  onClick={() => setReturned(person, false)}
                >
                  {t('person.markAbroad')}
                </button>
              ) : (
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={busy}
                  onClick={() => setReturned(person, true)}
                >
                  {t('person.markReturned')}
                </button>
              )}
              <button type="button" className="button button--danger" onClick={() => open('erase')}>
                {t('person.erase')}
              </button>
            </div>
          )}
          {sensitive && (
            <Notice kind="warning">
              <p data-testid="reveal-recorded">{t('person.revealRecorded')}</p>
            </Notice>
          )}
          {panel === 'reveal' && (
            <ReasonForm
              title={t('person.revealTitle')}
              intro={t('person.revealIntro')}
              submitLabel={t('person.revealSubmit')}
              testId="reveal-form"
              error={actionError}
              busy={busy}
              onSubmit={reveal}
              onCancel={() => open('none')}
            />
          )}
          {panel === 'erase' && (
            <ReasonForm
              title={t('person.eraseTitle', { name: person.fullName })}
              intro={t('person.eraseIntro')}
              submitLabel={t('person.eraseSubmit')}
              danger
              testId="erase-form"
              error={actionError}
              busy={busy}
              onSubmit={(reason) => erase(person, reason)}
              onCancel={() => open('none')}
              onReload={reloadLatest}
            />
          )}
          {panel === 'edit' && draft ? (
            <section className="panel" aria-labelledby="edit-person">
              <h2 id="edit-person">{t('person.editTitle')}</h2>
              <ErrorNotice error={form.error} onReload={reloadLatest} />
              <PersonForm
                draft={draft}
                onChange={setDraft}
                submission={form}
                missions={selectableMissions(me, missions.data)}
                mode="edit"
                sensitive={sensitive !== null}
                onSubmit={save}
                onCancel={() => open('none')}
              />
            </section>
          ) : (
            <PersonDetails person={person} sensitive={sensitive} />
          )}
        </>
      )}
    </Layout>
  );
}
