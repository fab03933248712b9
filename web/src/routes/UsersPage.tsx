// Staff accounts (headquarters administrators only): filter, create, and role settings.
import type { Mission, Organisation, User, UserCreated } from '@siaga/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, TextField } from '../components/Field';
import { Layout } from '../components/Layout';
import { LoadMore } from '../components/LoadMore';
import { ErrorNotice, Loading, Notice } from '../components/Notice';
import { SecretBox } from '../components/SecretBox';
import { useLoad } from '../components/useLoad';
import { missionsApi } from '../features/missions/missions.api';
import { organisationsApi } from '../features/organisations/organisations.api';
import { RoleSelect } from '../features/users/RoleSelect';
import { RoleSettings } from '../features/users/RoleSettings';
import { UserCreateForm } from '../features/users/UserCreateForm';
import { UserTable } from '../features/users/UserTable';
import { usersApi, type UserFilters } from '../features/users/users.api';

export function UsersPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<UserFilters>({ role: '', mission: '', q: '' });
  const [filters, setFilters] = useState<UserFilters>({});
  const { data, error, setData } = useLoad(() => usersApi.list(filters), [filters]);
  const missions = useLoad<Mission[]>(() => missionsApi.all(), []);
  const organisations = useLoad<Organisation[]>(() => organisationsApi.all(), []);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<UserCreated | null>(null);
  const [moreError, setMoreError] = useState<unknown>(null);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters({ ...draft, q: draft.q?.trim() });
  };

  const more = async () => {
    if (!data?.nextCursor) return;
    try {
      const page = await usersApi.list(filters, data.nextCursor);
      setData({ items: [...data.items, ...page.items], nextCursor: page.nextCursor });
    } catch (err) {
      setMoreError(err);
    }
  };

  const onCreated = (result: UserCreated) => {
    setCreated(result);
    setCreating(false);
    setData(
      (page) =>
        page && { ...page, items: [result.user, ...page.items.filter((u: User) => u.id !== result.user.id)] },
    );
  };

  return (
    <Layout>
      <div className="page-head">
        <h1>{t('users.title')}</h1>
        {!creating && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              setCreated(null);
              setCreating(true);
            }}
          >
            {t('users.new')}
          </button>
        )}
      </div>
      {created && (
        <Notice kind="success">
          <p>{t('users.created', { email: created.user.email })}</p>
          {created.oneTimePassword && (
            <SecretBox
              title={t('users.oneTimePassword')}
              note={t('users.oneTimePasswordNote')}
              value={created.oneTimePassword}
              testId="one-time-password"
              onDismiss={() => setCreated(null)}
            />
          )}
        </Notice>
      )}
      {creating && (
        <section className="panel" aria-labelledby="new-user">
          <h2 id="new-user">{t('users.new')}</h2>
          <UserCreateForm
            missions={missions.data ?? []}
            organisations={organisations.data ?? []}
            onCreated={onCreated}
            onCancel={() => setCreating(false)}
          />
        </section>
      )}
      <form className="filters" onSubmit={apply} role="search" aria-label={t('users.filters')}>
        <TextField
          label={t('users.search')}
          name="q"
          type="search"
          value={draft.q ?? ''}
          onChange={(q) => setDraft({ ...draft, q })}
        />
        <RoleSelect
          label={t('user.role')}
          value={draft.role ?? ''}
          onChange={(role) => setDraft({ ...draft, role })}
          allowAny
        />
        <Field label={t('users.mission')}>
          {(control) => (
            <select
              {...control}
              name="mission"
              value={draft.mission ?? ''}
              onChange={(e) => setDraft({ ...draft, mission: e.target.value })}
            >
              <option value="">{t('users.anyMission')}</option>
              {(missions.data ?? []).map((m) => (
                <option key={m.code} value={m.code}>
                  {m.code}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="button button--secondary">
          {t('users.apply')}
        </button>
      </form>
      <ErrorNotice error={error ?? moreError} />
      {!data && !error && <Loading />}
      {data && data.items.length === 0 && <p className="muted">{t('users.empty')}</p>}
      {data && data.items.length > 0 && <UserTable users={data.items} />}
      {data?.nextCursor && <LoadMore onClick={more} />}
      <RoleSettings />
    </Layout>
  );
}
