// Calls to /api/v1/missions: embassies, consulates and offices abroad.
import type { Mission, MissionCreate, MissionUpdate } from '@siaga/contracts';
import { api, withQuery } from '../../api/client';

export type MissionPage = { items: Mission[]; nextCursor: string | null };

export const missionsApi = {
  list: (cursor?: string | null, limit = 50) =>
    api.get<MissionPage>(withQuery('/api/v1/missions', { limit, cursor })),
  /** Every mission the caller may see, following cursors; missions number in the low hundreds. */
  all: async (): Promise<Mission[]> => {
    const out: Mission[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 20; i++) {
      const page: MissionPage = await missionsApi.list(cursor, 200);
      out.push(...page.items);
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    return out;
  },
  get: (code: string) => api.get<Mission>(`/api/v1/missions/${encodeURIComponent(code)}`),
  create: (body: MissionCreate) => api.post<Mission>('/api/v1/missions', body),
  update: (code: string, body: MissionUpdate) =>
    api.patch<Mission>(`/api/v1/missions/${encodeURIComponent(code)}`, body),
};
