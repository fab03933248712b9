// The table of staff accounts on the users page.
import type { User } from '@siaga/contracts';
import { useTranslation } from 'react-i18next';
import { Table } from '../../components/Table';
import { Link } from '../../router';

export function UserTable({ users }: { users: User[] }) {
  const { t } = useTranslation();
  return (
    <Table
      columns={[
        t('user.displayName'),
        t('fields.email'),
        t('user.role'),
        t('user.missions'),
        t('user.status'),
        t('user.totp'),
      ]}
      testId="users-table"
    >
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
    </Table>
  );
}
