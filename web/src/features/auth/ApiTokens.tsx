// Personal API tokens for scripts and integrations; the secret is shown once at creation.
import { TokenCreateBody, type ApiTokenCreated } from '@siaga/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field';
import { ErrorNotice, Loading } from '../../components/Notice';
import { SecretBox } from '../../components/SecretBox';
import { Table } from '../../components/Table';
import { useErrorText } from '../../components/errors';
import { useLoad } from '../../components/useLoad';
import { useSubmit } from '../../components/useSubmit';
import { authApi } from './auth.api';

export function ApiTokens() {
  const { t, i18n } = useTranslation();
  const { validate } = useErrorText();
  const { errors, error: actionError, setError: setActionError, busy, submit } = useSubmit();
  const { data, error, setData } = useLoad(() => authApi.listTokens(), []);
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);

  const date = (iso: string | null) =>
    iso ? new Date(iso).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'id-ID') : '—';

  const create = (event: FormEvent) => {
    const body = { name, ...(days.trim() ? { expiresInDays: Number(days) } : {}) };
    return submit(event, validate(TokenCreateBody, body), async (valid) => {
      const token = await authApi.createToken(valid.name, valid.expiresInDays);
      setCreated(token);
      setName('');
      setData((prev) => prev && { items: [token, ...prev.items] });
    });
  };

  const revoke = async (id: string, tokenName: string) => {
    if (!window.confirm(t('tokens.revokeConfirm', { name: tokenName }))) return;
    setActionError(null);
    try {
      await authApi.deleteToken(id);
      setData((prev) => prev && { items: prev.items.filter((tk) => tk.id !== id) });
      if (created?.id === id) setCreated(null);
    } catch (err) {
      setActionError(err);
    }
  };

  return (
    <div className="stack">
      <p className="muted">{t('tokens.intro')}</p>
      <ErrorNotice error={error ?? actionError} />
      {created && (
        <SecretBox
          title={t('tokens.createdTitle', { name: created.name })}
          value={created.token}
          testId="api-token"
          onDismiss={() => setCreated(null)}
        />
      )}
      <form className="inline-form" onSubmit={create} noValidate>
        <TextField
          label={t('tokens.name')}
          name="name"
          value={name}
          onChange={setName}
          error={errors.name}
          required
        />
        <TextField
          label={t('tokens.expiresInDays')}
          name="expiresInDays"
          type="number"
          hint={t('tokens.expiresHint')}
          value={days}
          onChange={setDays}
          error={errors.expiresInDays}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('tokens.create')}
        </button>
      </form>
      {!data && !error && <Loading />}
      {data && data.items.length === 0 && <p className="muted">{t('tokens.empty')}</p>}
      {data && data.items.length > 0 && (
        <Table
          columns={[
            t('tokens.name'),
            t('tokens.prefix'),
            t('tokens.created'),
            t('tokens.lastUsed'),
            t('tokens.expires'),
          ]}
          actions
        >
          {data.items.map((tk) => (
            <tr key={tk.id}>
              <td>{tk.name}</td>
              <td>
                <code>{tk.prefix}…</code>
              </td>
              <td>{date(tk.createdAt)}</td>
              <td>{date(tk.lastUsedAt)}</td>
              <td>{tk.expiresAt ? date(tk.expiresAt) : t('tokens.never')}</td>
              <td>
                <button
                  type="button"
                  className="button button--danger button--small"
                  onClick={() => void revoke(tk.id, tk.name)}
                >
                  {t('tokens.revoke')}
                </button>
              </td>
            </tr>
          ))}
        </Table>
      )}
    </div>
  );
}
