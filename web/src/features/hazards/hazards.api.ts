// Calls to /api/v1/hazards and /api/v1/feeds: events from hazard feeds, their radius, promoting one
// to a crisis, and feed files imported by hand.
import type {
  Crisis,
  Feed,
  FeedDocument,
  FeedImportResult,
  HazardEvent,
  HazardPage as HazardPageSchema,
  HazardPromote as HazardPromoteSchema,
} from '@siaga/contracts';
import type { z } from 'zod';
import { api, withQuery } from '../../api/client';

export type HazardPage = z.infer<typeof HazardPageSchema>;
export type HazardPromote = z.infer<typeof HazardPromoteSchema>;

const base = '/api/v1/hazards';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export interface HazardFilters {
  source?: string;
  includeCancelled?: string;
}

export const hazardsApi = {
  list: (filters: HazardFilters, cursor?: string | null, limit = 50) =>
    api.get<HazardPage>(withQuery(base, { ...filters, limit, cursor })),
  get: (id: string) => api.get<HazardEvent>(one(id)),
  setRadius: (id: string, radiusKm: number) => api.patch<HazardEvent>(`${one(id)}/radius`, { radiusKm }),
  promote: (id: string, body: HazardPromote) => api.post<Crisis>(`${one(id)}/promote`, body),
  feeds: () => api.get<{ items: Feed[] }>('/api/v1/feeds'),
  rejectedDocuments: () =>
    api.get<{ items: FeedDocument[] }>(withQuery('/api/v1/feeds/documents', { status: 'rejected' })),
  /** The file itself is the body; the server recognises CAP, GDACS and USGS by their content. */
  importFile: (file: File) =>
    api.upload<FeedImportResult>(
      withQuery('/api/v1/feeds/import', { fileName: file.name }),
      file,
      'application/octet-stream',
    ),
};
