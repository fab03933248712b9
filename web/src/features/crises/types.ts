// Types the contracts define only as schemas.
import type {
  AffectedPage as AffectedPageSchema,
  ClusterCollection as ClusterCollectionSchema,
  ClusterQuery as ClusterQuerySchema,
  CrisisNote as CrisisNoteSchema,
  CrisisPage as CrisisPageSchema,
} from '@siaga/contracts';
import type { z } from 'zod';

export type CrisisPage = z.infer<typeof CrisisPageSchema>;
export type AffectedPage = z.infer<typeof AffectedPageSchema>;
export type ClusterCollection = z.infer<typeof ClusterCollectionSchema>;
export type ClusterQuery = z.infer<typeof ClusterQuerySchema>;
export type CrisisNote = z.infer<typeof CrisisNoteSchema>;
