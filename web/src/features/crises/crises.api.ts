// Calls to /api/v1/crises, the ad-hoc affected count and the population clusters.
import type {
  AffectedCounts,
  AffectedQuery,
  AlertLevelSet,
  Crisis,
  CrisisCreateInput,
  CrisisUpdate,
} from '@siaga/contracts';
import { api, withQuery } from '../../api/client';
import type { AffectedPage, ClusterCollection, ClusterQuery, CrisisNote, CrisisPage } from './types';

const base = '/api/v1/crises';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export interface CrisisFilters {
  status?: string;
  country?: string;
}

export const crisesApi = {
  list: (filters: CrisisFilters, cursor?: string | null, limit = 50) =>
    api.get<CrisisPage>(withQuery(base, { ...filters, limit, cursor })),
  get: (id: string) => api.get<Crisis>(one(id)),
  declare: (body: CrisisCreateInput) => api.post<Crisis>(base, body),
  update: (id: string, body: CrisisUpdate) => api.patch<Crisis>(one(id), body),
  setAlertLevel: (id: string, body: AlertLevelSet) => api.post<Crisis>(`${one(id)}/alert-levels`, body),
  addToTimeline: (id: string, body: CrisisNote) => api.post<Crisis>(`${one(id)}/timeline`, body),
  affected: (id: string) => api.get<AffectedCounts>(`${one(id)}/affected`),
  affectedPeople: (id: string, cursor?: string | null, limit = 50) =>
    api.get<AffectedPage>(withQuery(`${one(id)}/affected/people`, { limit, cursor })),
  /** A plain link: the session cookie goes along. */
  affectedGeoJsonUrl: (id: string) => `${one(id)}/affected.geojson`,
  clusters: (id: string, view: ClusterQuery) =>
    api.get<ClusterCollection>(withQuery(`${one(id)}/clusters`, { ...view })),
  /** Who is inside areas being drawn, before anything is declared. */
  count: (body: AffectedQuery) => api.post<AffectedCounts>('/api/v1/affected', body),
  population: (view: ClusterQuery) =>
    api.get<ClusterCollection>(withQuery('/api/v1/population/clusters', { ...view })),
};
