// Registering a person: the whole record in one form, checked against the contract before sending
// and with the server's messages shown next to the inputs they concern.
import { PersonCreate, type Mission } from '@siaga/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Layout } from '../components/Layout';
import { ErrorNotice } from '../components/Notice';
import { useLoad } from '../components/useLoad';
import { useMe } from '../features/auth/AuthContext';
import { selectableMissions } from '../features/missions/mission-options';
import { missionsApi } from '../features/missions/missions.api';
import { PersonForm } from '../features/people/PersonForm';
import { createBody, emptyPersonDraft, type PersonDraft } from '../features/people/person-form/draft';
import { peopleApi } from '../features/people/people.api';
import { usePersonSubmit } from '../features/people/usePersonSubmit';
import { Link, navigate } from '../router';

// Stands in for the household about to be started, so that the rest of the form is checked first.
const PENDING_HOUSEHOLD = '00000000-0000-4000-8000-000000000000';

export function PersonNewPage() {
  const { t } = useTranslation();
  const me = useMe();
  const missions = useLoad<Mission[]>(() => missionsApi.all(), []);
  const ownMission = me.role === 'mission_officer' ? (me.missionCodes[0] ?? '') : '';
  const [draft, setDraft] = useState<PersonDraft>(() => emptyPersonDraft(ownMission));
  // A household started by an attempt that then failed is reused by the next attempt.
  const [householdId, setHouseholdId] = useState<string | null>(null);
  const form = usePersonSubmit();

  const onSubmit = (event: FormEvent) => {
    const needsHousehold = draft.household.mode === 'new' && !householdId;
    const checked = form.check(
      PersonCreate,
      createBody(draft, householdId ?? (needsHousehold ? PENDING_HOUSEHOLD : undefined)),
    );
    return form.submit(event, checked, async () => {
      let hid = householdId ?? undefined;
      if (draft.household.mode === 'new' && !hid) {
        hid = (await peopleApi.createHousehold()).id;
        setHouseholdId(hid);
      }
      const person = await peopleApi.create(PersonCreate.parse(createBody(draft, hid)));
      navigate(`/people/${person.id}?created=1`);
    });
  };

  return (
    <Layout>
      <p className="breadcrumb">
        <Link to="/people">← {t('people.title')}</Link>
      </p>
      <div className="page-head">
        <h1>{t('people.newTitle')}</h1>
      </div>
      <p className="muted">{t('people.newIntro')}</p>
      <ErrorNotice error={form.error} />
      <PersonForm
        draft={draft}
        onChange={setDraft}
        submission={form}
        missions={selectableMissions(me, missions.data)}
        mode="create"
        sensitive
        onSubmit={onSubmit}
        onCancel={() => navigate('/people')}
      />
    </Layout>
  );
}
