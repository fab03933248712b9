// Calls to /api/v1/imports: uploading a list of people (CSV or XLSX) and following its progress
// and per-row report.
import type { Import, ImportErrorsPage } from '@siaga/contracts';
import { api, withQuery } from '../../api/client';

const base = '/api/v1/imports';

export type ImportsPage = { items: Import[]; nextCursor?: string | null };

export interface UploadOptions {
  mission?: string;
  dryRun: boolean;
  /** Status abroad for rows that have none. */
  status?: string;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Browsers name CSV files differently (text/csv, application/vnd.ms-excel, nothing): go by the name. */
function contentTypeOf(file: File): string {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.xlsx')) return XLSX;
  return file.type === 'text/csv' || file.type === XLSX ? file.type : 'application/octet-stream';
}

export const importsApi = {
  list: (cursor?: string | null, limit = 20) => api.get<ImportsPage>(withQuery(base, { limit, cursor })),
  get: (id: string) => api.get<Import>(`${base}/${encodeURIComponent(id)}`),
  errors: (id: string, cursor?: string | null, limit = 100) =>
    api.get<ImportErrorsPage>(withQuery(`${base}/${encodeURIComponent(id)}/errors`, { limit, cursor })),
  errorsCsvUrl: (id: string) => `${base}/${encodeURIComponent(id)}/errors.csv`,

  /** Sends the file itself as the body, with the options in the query string. */
  upload: (file: File, options: UploadOptions): Promise<Import> =>
    api.upload<Import>(
      withQuery(base, {
        fileName: file.name,
        mission: options.mission,
        dryRun: options.dryRun ? 'true' : 'false',
        status: options.status,
      }),
      file,
      contentTypeOf(file),
    ),
};
