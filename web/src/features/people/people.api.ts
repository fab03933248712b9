// Calls to /api/v1/people and /api/v1/households: the registry of nationals abroad.
import type {
  PeopleLookup,
  PeoplePage,
  Person,
  PersonCreate,
  PersonErase,
  PersonReveal,
  PersonSensitive,
  PersonSummary,
  PersonUpdate,
} from '@siaga/contracts';
import { api, withQuery } from '../../api/client';

const base = '/api/v1/people';

/** Filters as the API takes them in the query string (lists comma-separated). */
export type PeopleApiFilters = Record<string, string | undefined>;

export const peopleApi = {
  list: (filters: PeopleApiFilters, cursor?: string | null, limit = 50) =>
    api.get<PeoplePage>(withQuery(base, { ...filters, limit, cursor })),
  /** The CSV export of the same filters: a plain link, the session cookie goes along. */
  exportUrl: (filters: PeopleApiFilters) => withQuery(`${base}/export.csv`, filters),
  /** Numbers go in the body, never in the address. */
  lookup: (body: PeopleLookup) => api.post<{ items: PersonSummary[] }>(`${base}/lookup`, body),
  get: (id: string) => api.get<Person>(`${base}/${encodeURIComponent(id)}`),
  create: (body: PersonCreate) => api.post<Person>(base, body),
  update: (id: string, body: PersonUpdate) => api.patch<Person>(`${base}/${encodeURIComponent(id)}`, body),
  erase: (id: string, body: PersonErase) => api.post<void>(`${base}/${encodeURIComponent(id)}/erase`, body),
  reveal: (id: string, body: PersonReveal) =>
    api.post<PersonSensitive>(`${base}/${encodeURIComponent(id)}/reveal`, body),
  createHousehold: () => api.post<{ id: string }>('/api/v1/households'),
};
