// Small shared schemas: identifiers, pagination, ISO codes.
import countries from 'i18n-iso-countries';
import { z } from 'zod';

export const MAX_PAGE_SIZE = 200;

export const Id = z.uuid();
export const IsoDateTime = z.iso.datetime({ offset: true });
export const CountryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 code, upper case')
  // Only a well-formed code is looked up, so that a bad one is reported once.
  .refine((c) => !/^[A-Z]{2}$/.test(c) || countries.isValid(c), 'Unknown country code')
  .describe('ISO 3166-1 alpha-2');

export const PageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  cursor: z.string().max(200).optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const IdParams = z.strictObject({ id: Id });
export const Version = z.number().int().min(1).describe('Optimistic concurrency version read earlier');
