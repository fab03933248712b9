// Bulk imports of people from a mission's, employer's or agency's lists (CSV or XLSX): how an
// upload is started, and the progress and per-row report an officer reads.
import { z } from 'zod';
import { Id, IsoDateTime, MAX_PAGE_SIZE } from './common';
import { MissionCode } from './missions';
import { STATUSES_ABROAD } from './people';

/** Options of an upload, sent as the query string of POST /api/v1/imports (the body is the file). */
export const ImportStart = z.strictObject({
  fileName: z.string().trim().min(1).max(200),
  mission: MissionCode.optional().describe(
    'The mission the list belongs to; its country fills missing countries',
  ),
  dryRun: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(false),
  status: z.enum(STATUSES_ABROAD).optional().describe('Status abroad for rows that have none'),
  map: z
    .string()
    .max(5000)
    .optional()
    .describe('JSON object mapping headers of the file to fields, for headers Siaga does not recognise'),
});
export type ImportStart = z.infer<typeof ImportStart>;

export const IMPORT_STATUSES = ['running', 'done', 'failed'] as const;

export const Import = z.object({
  id: Id,
  fileName: z.string(),
  missionCode: z.string().nullable(),
  status: z.enum(IMPORT_STATUSES),
  dryRun: z.boolean(),
  rowsRead: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  totalBytes: z.number().int(),
  bytesRead: z.number().int(),
  error: z.string().nullable(),
  actorLabel: z.string(),
  startedAt: IsoDateTime,
  finishedAt: IsoDateTime.nullable(),
});
export type Import = z.infer<typeof Import>;

export const ImportRowError = z.object({
  row: z.number().int().describe('Row number as a spreadsheet shows it (the header is row 1)'),
  column: z.string(),
  code: z.string(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

export const ImportErrorsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(100),
  cursor: z.string().max(200).optional(),
});

export const ImportErrorsPage = z.object({
  items: z.array(ImportRowError),
  total: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type ImportErrorsPage = z.infer<typeof ImportErrorsPage>;
