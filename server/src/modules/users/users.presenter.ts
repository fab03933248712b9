// User row -> API shape. Password hashes, TOTP secrets and login keys never leave the server.
import type { User } from '@siaga/contracts';
import type { UserRow } from '../../db/schema';

export function presentUser(row: UserRow, missionCodes: string[], lockedUntil: string | null): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role as User['role'],
    missionCodes,
    organisationId: row.organisationId,
    locale: row.locale,
    status: row.status,
    totpEnabled: row.totpEnabled === 1,
    mustChangePassword: row.mustChangePassword === 1,
    lockedUntil,
    lastLoginAt: row.lastLoginAt,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
