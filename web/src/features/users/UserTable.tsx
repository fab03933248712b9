// The table of staff accounts on the users page.
import type { User } from '@siaga/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from '../../router';

export function UserTable({ users }: { users: User[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table" data-testid="users-table">
        <thead>
          <tr>
            <th scope="col">{t('user.displayName')}</th>
            <th scope="col">{t('fields.email')}</th>
            <th scope="col">{t('user.role')}</th>
            <th scope="col">{t('user.missions')}</th>
            <th scope="col">{t('user.status')}</th>
            <th scope="col">{t('user.totp')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>
                <Link to={`/users/${u.id}`}>{u.displayName}</Link>
              </td>
              <td>{u.email}</td>
              <td>{t(`roles.${u.role}`)}</td>
              <td>{u.missionCodes.join(', ') || '—'}</td>
              <td>
                <span className={`status status--${u.status}`}>{t(`userStatus.${u.status}`)}</span>
              </td>
              <td>{u.totpEnabled ? t('common.yes') : t('common.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
