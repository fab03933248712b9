// Calls to /api/v1/organisations: headquarters and partner organisations (a partner sees its own).
import type { Organisation, OrganisationCreate, OrganisationUpdate } from '@siaga/contracts';
import type { z } from 'zod';
import { api, withQuery } from '../../api/client';

export type OrganisationPage = { items: Organisation[]; nextCursor: string | null };
export type OrganisationPatch = z.infer<typeof OrganisationUpdate>;

export const organisationsApi = {
  list: (cursor?: string | null, limit = 50) =>
    api.get<OrganisationPage>(withQuery('/api/v1/organisations', { limit, cursor })),
  /** Every organisation the caller may see, following cursors; they number in the dozens. */
  all: async (): Promise<Organisation[]> => {
    const out: Organisation[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 20; i++) {
      const page: OrganisationPage = await organisationsApi.list(cursor, 200);
      out.push(...page.items);
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    return out;
  },
  get: (id: string) => api.get<Organisation>(`/api/v1/organisations/${encodeURIComponent(id)}`),
  create: (body: Partial<OrganisationCreate>) => api.post<Organisation>('/api/v1/organisations', body),
  update: (id: string, body: OrganisationPatch) =>
    api.patch<Organisation>(`/api/v1/organisations/${encodeURIComponent(id)}`, body),
};
