// Calls to /api/v1/auth: sign-in stages, password, second factor and personal API tokens.
import type { ApiToken, ApiTokenCreated, LoginResult, TotpSetup } from '@siaga/contracts';
import { api } from '../../api/client';

const base = '/api/v1/auth';

export const authApi = {
  me: () => api.get<LoginResult>(`${base}/me`),
  login: (email: string, password: string) => api.post<LoginResult>(`${base}/login`, { email, password }),
  verifyTotp: (code: string) => api.post<LoginResult>(`${base}/totp`, { code }),
  setupTotp: () => api.post<TotpSetup>(`${base}/totp/setup`),
  enableTotp: (code: string) => api.post<LoginResult>(`${base}/totp/enable`, { code }),
  disableTotp: (code: string) => api.post<void>(`${base}/totp/disable`, { code }),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<void>(`${base}/password`, { currentPassword, newPassword }),
  logout: () => api.post<void>(`${base}/logout`),
  listTokens: () => api.get<{ items: ApiToken[] }>(`${base}/tokens`),
  createToken: (name: string, expiresInDays?: number) =>
    api.post<ApiTokenCreated>(`${base}/tokens`, expiresInDays ? { name, expiresInDays } : { name }),
  deleteToken: (id: string) => api.del(`${base}/tokens/${encodeURIComponent(id)}`),
};
