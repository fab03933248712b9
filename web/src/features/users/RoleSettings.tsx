// Which roles must use a second factor (TOTP) to sign in.
import type { RoleSetting } from '@siaga/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, Loading } from '../../components/Notice';
import { useLoad } from '../../components/useLoad';
import { usersApi } from './users.api';

export function RoleSettings() {
  const { t } = useTranslation();
  const { data, error, setData } = useLoad(() => usersApi.roles(), []);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [pending, setPending] = useState<string | null>(null);

  const put = (next: RoleSetting) =>
    setData((prev) => prev && { items: prev.items.map((s) => (s.role === next.role ? next : s)) });

  // Optimistic: the box changes at once and reverts if the server refuses.
  const toggle = async (setting: RoleSetting, totpRequired: boolean) => {
    setSaveError(null);
    setPending(setting.role);
    put({ ...setting, totpRequired });
    try {
      put((await usersApi.updateRole(setting.role, totpRequired)) ?? { ...setting, totpRequired });
    } catch (err) {
      put(setting);
      setSaveError(err);
    } finally {
      setPending(null);
    }
  };

  return (
    <section className="panel" aria-labelledby="role-settings">
      <h2 id="role-settings">{t('roleSettings.title')}</h2>
      <p className="muted">{t('roleSettings.intro')}</p>
      <ErrorNotice error={error ?? saveError} />
      {!data && !error && <Loading />}
      {data && (
        <ul className="toggle-list" data-testid="role-settings">
          {data.items.map((s) => (
            <li key={s.role}>
              <label className="check">
                <input
                  type="checkbox"
                  name={`totp-${s.role}`}
                  checked={s.totpRequired}
                  disabled={pending === s.role}
                  onChange={(e) => void toggle(s, e.target.checked)}
                />
                <span>{t('roleSettings.totpFor', { role: t(`roles.${s.role}`) })}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
