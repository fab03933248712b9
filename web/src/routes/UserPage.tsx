// One staff account: details, edit, disable or enable, and password reset.
import { Id, type Mission, type Organisation, type User } from '@siaga/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { Layout } from '../components/Layout';
import { ErrorNotice, Loading, Notice } from '../components/Notice';
import { SecretBox } from '../components/SecretBox';
import { useAction } from '../components/useAction';
import { useLoad } from '../components/useLoad';
import { missionsApi } from '../features/missions/missions.api';
import { organisationsApi } from '../features/organisations/organisations.api';
import { UserEditForm } from '../features/users/UserEditForm';
import { usersApi } from '../features/users/users.api';
import { Link } from '../router';

export function UserPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const {
    data: user,
    error,
    reload,
    setData,
  } = useLoad(
    // A malformed id cannot name a user: say so instead of reporting a validation error.
    () =>
      Id.safeParse(id).success ? usersApi.get(id) : Promise.reject(new ApiError(404, 'user.not_found', '')),
    [id],
  );
  const missions = useLoad<Mission[]>(() => missionsApi.all(), []);
  const organisations = useLoad<Organisation[]>(() => organisationsApi.all(), []);
  const { error: actionError, setError: setActionError, busy, run } = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  const [otp, setOtp] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);

  const when = (iso: string | null) =>
    iso ? new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'id-ID') : '—';

  const act = (fn: () => Promise<void>) => {
    setNotice(null);
    return run(fn);
  };

  const setStatus = (u: User, status: 'active' | 'disabled') =>
    act(async () => {
      setData(await usersApi.update(u.id, { version: u.version, status }));
      setNotice(status === 'disabled' ? t('user.disabledNotice') : t('user.enabledNotice'));
    });

  const resetPassword = (u: User) => {
    if (!window.confirm(t('user.resetConfirm', { email: u.email }))) return;
    void act(async () => setOtp((await usersApi.resetPassword(u.id)).oneTimePassword));
  };

  const reloadAll = () => {
    setActionError(null);
    setFormKey((k) => k + 1);
    reload();
  };

  return (
    <Layout>
      <p className="breadcrumb">
        <Link to="/users">← {t('users.title')}</Link>
      </p>
      <ErrorNotice error={error} />
      {!user && !error && <Loading />}
      {user && (
        <>
          <div className="page-head">
            <h1>{user.displayName}</h1>
            <div className="page-head__end">
              <span className={`status status--${user.status}`}>{t(`userStatus.${user.status}`)}</span>
              <Link
                to={`/audit?entityType=user&entityId=${encodeURIComponent(user.id)}`}
                className="button button--secondary"
                data-testid="user-activity"
              >
                {t('user.activity')}
              </Link>
            </div>
          </div>
          <ErrorNotice error={actionError} onReload={reloadAll} />
          {notice && <Notice kind="success">{notice}</Notice>}
          {otp && (
            <SecretBox
              title={t('users.oneTimePassword')}
              note={t('users.oneTimePasswordNote')}
              value={otp}
              testId="one-time-password"
              onDismiss={() => setOtp(null)}
            />
          )}
          <dl className="details">
            <dt>{t('fields.email')}</dt>
            <dd>{user.email}</dd>
            {user.organisationId && (
              <>
                <dt>{t('user.organisation')}</dt>
                <dd data-testid="user-organisation">
                  {organisations.data?.find((o) => o.id === user.organisationId)?.name ?? '…'}
                </dd>
              </>
            )}
            <dt>{t('user.totp')}</dt>
            <dd>{user.totpEnabled ? t('common.yes') : t('common.no')}</dd>
            <dt>{t('user.mustChange')}</dt>
            <dd>{user.mustChangePassword ? t('common.yes') : t('common.no')}</dd>
            <dt>{t('user.lockedUntil')}</dt>
            <dd>{when(user.lockedUntil)}</dd>
            <dt>{t('user.lastLogin')}</dt>
            <dd>{when(user.lastLoginAt)}</dd>
            <dt>{t('user.createdAt')}</dt>
            <dd>{when(user.createdAt)}</dd>
          </dl>
          <section className="panel" aria-labelledby="edit-user">
            <h2 id="edit-user">{t('user.edit')}</h2>
            <UserEditForm
              key={`${user.id}-${user.version}-${formKey}`}
              user={user}
              missions={missions.data ?? []}
              organisations={organisations.data ?? []}
              onSaved={(u) => {
                setData(u);
                setNotice(t('common.saved'));
              }}
              onReload={reloadAll}
            />
          </section>
          <section className="panel" aria-labelledby="user-actions">
            <h2 id="user-actions">{t('user.actions')}</h2>
            <div className="button-row">
              {user.status === 'active' ? (
                <button
                  type="button"
                  className="button button--danger"
                  disabled={busy}
                  onClick={() => void setStatus(user, 'disabled')}
                >
                  {t('user.disable')}
                </button>
              ) : (
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={busy}
                  onClick={() => void setStatus(user, 'active')}
                >
                  {t('user.enable')}
                </button>
              )}
              <button
                type="button"
                className="button button--secondary"
                disabled={busy}
                onClick={() => resetPassword(user)}
              >
                {t('user.resetPassword')}
              </button>
            </div>
          </section>
        </>
      )}
    </Layout>
  );
}
