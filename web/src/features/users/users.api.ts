// Calls to /api/v1/users and /api/v1/roles (headquarters administrators only).
import type { Role, RoleSetting, User, UserCreate, UserCreated, UserUpdate } from '@siaga/contracts';
import { api, withQuery } from '../../api/client';

export interface UserFilters {
  role?: string;
  mission?: string;
  q?: string;
}

export const usersApi = {
  list: (filters: UserFilters, cursor?: string | null) =>
    api.get<{ items: User[]; nextCursor: string | null }>(
      withQuery('/api/v1/users', { limit: 50, cursor, ...filters }),
    ),
  get: (id: string) => api.get<User>(`/api/v1/users/${encodeURIComponent(id)}`),
  create: (body: Partial<UserCreate>) => api.post<UserCreated>('/api/v1/users', body),
  update: (id: string, body: UserUpdate) => api.patch<User>(`/api/v1/users/${encodeURIComponent(id)}`, body),
  resetPassword: (id: string) =>
    api.post<{ oneTimePassword: string }>(`/api/v1/users/${encodeURIComponent(id)}/password-reset`),
  roles: () => api.get<{ items: RoleSetting[] }>('/api/v1/roles'),
  updateRole: (role: Role, totpRequired: boolean) =>
    api.patch<RoleSetting | undefined>(`/api/v1/roles/${role}`, { totpRequired }),
};
