// Partner organisations and headquarters. Everyone may read (a partner sees only its own);
// headquarters administrators add partners and edit them in place.
import type { Organisation } from '@siaga/contracts';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Layout } from '../components/Layout';
import { LoadMore } from '../components/LoadMore';
import { ErrorNotice, Loading, Notice } from '../components/Notice';
import { Table } from '../components/Table';
import { useLoad } from '../components/useLoad';
import { useMe } from '../features/auth/AuthContext';
import { OrganisationForm } from '../features/organisations/OrganisationForm';
import { organisationsApi, type OrganisationPage } from '../features/organisations/organisations.api';

export function OrganisationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const isAdmin = me.role === 'hq_admin';
  const { data, error, setData } = useLoad<OrganisationPage>(() => organisationsApi.list(), []);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [reloadError, setReloadError] = useState<unknown>(null);

  const put = (org: Organisation) =>
    setData((page) => page && { ...page, items: page.items.map((o) => (o.id === org.id ? org : o)) });

  const more = async () => {
    if (!data?.nextCursor) return;
    try {
      const page = await organisationsApi.list(data.nextCursor);
      // One added here may already be listed although it sorts onto a later page.
      const fresh = page.items.filter((p) => !data.items.some((o) => o.id === p.id));
      setData({ items: [...data.items, ...fresh], nextCursor: page.nextCursor });
    } catch (err) {
      setMoreError(err);
    }
  };

  // After a conflict, show the latest version in a fresh form.
  const reloadOne = async (id: string) => {
    setReloadError(null);
    try {
      put(await organisationsApi.get(id));
      setFormKey((k) => k + 1);
    } catch (err) {
      setReloadError(err);
    }
  };

  const startEdit = (id: string) => {
    setNotice(null);
    setCreating(false);
    setReloadError(null);
    setEditing(id);
  };

  const columns = isAdmin ? 6 : 5;

  return (
    <Layout>
      <div className="page-head">
        <h1>{t('organisations.title')}</h1>
        {isAdmin && !creating && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              setNotice(null);
              setEditing(null);
              setCreating(true);
            }}
          >
            {t('organisations.new')}
          </button>
        )}
      </div>
      <p className="muted">
        {me.role === 'partner' ? t('organisations.introPartner') : t('organisations.intro')}
      </p>
      {notice && <Notice kind="success">{notice}</Notice>}
      {creating && (
        <section className="panel" aria-labelledby="new-organisation">
          <h2 id="new-organisation">{t('organisations.new')}</h2>
          <OrganisationForm
            onSaved={(org) => {
              setCreating(false);
              setNotice(t('organisations.created', { name: org.name }));
              setData(
                (page) =>
                  page && {
                    ...page,
                    items: [...page.items, org].sort((a, b) => (a.name < b.name ? -1 : 1)),
                  },
              );
            }}
            onCancel={() => setCreating(false)}
          />
        </section>
      )}
      <ErrorNotice error={error ?? moreError ?? reloadError} />
      {!data && !error && <Loading />}
      {data && data.items.length === 0 && <p className="muted">{t('organisations.empty')}</p>}
      {data && data.items.length > 0 && (
        <Table
          columns={[
            t('organisation.name'),
            t('organisation.shortName'),
            t('organisation.kind'),
            t('fields.email'),
            t('organisation.phone'),
          ]}
          actions={isAdmin}
          testId="organisations-table"
        >
          {data.items.map((o) => (
            <Fragment key={o.id}>
              <tr data-organisation={o.shortName}>
                <td>
                  <strong>{o.name}</strong>
                </td>
                <td>{o.shortName}</td>
                <td>
                  <span className={`status status--${o.kind}`}>{t(`organisationKinds.${o.kind}`)}</span>
                </td>
                <td>{o.email ?? '—'}</td>
                <td dir="ltr" className="nowrap">
                  {o.phone ?? '—'}
                </td>
                {isAdmin && (
                  <td className="table__actions">
                    {editing !== o.id && (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        aria-label={t('organisations.edit', { name: o.name })}
                        onClick={() => startEdit(o.id)}
                      >
                        {t('common.edit')}
                      </button>
                    )}
                  </td>
                )}
              </tr>
              {editing === o.id && (
                <tr className="table__edit">
                  <td colSpan={columns}>
                    <h2 className="table__edit-title">{t('organisations.edit', { name: o.name })}</h2>
                    <OrganisationForm
                      key={`${o.id}-${o.version}-${formKey}`}
                      organisation={o}
                      onSaved={(org) => {
                        put(org);
                        setEditing(null);
                        setNotice(t('common.saved'));
                      }}
                      onCancel={() => setEditing(null)}
                      onReload={() => void reloadOne(o.id)}
                    />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </Table>
      )}
      {data?.nextCursor && <LoadMore onClick={more} />}
    </Layout>
  );
}
