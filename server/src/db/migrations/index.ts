// Every migration, in order. Names are date-prefixed and never change once released;
// migrations only go forward. See docs/DATABASE.md for how to add one.
import type { Kysely } from 'kysely';
import type { Dialect } from '../client';
import * as platform from './2026_11_29_0001_platform';
import * as people from './2026_11_29_0002_people';
import * as registration from './2026_11_29_0003_registration';
import * as crises from './2026_12_03_0001_crises';

export interface SiagaMigration {
  up(db: Kysely<any>, dialect: Dialect): Promise<void>;
}

export const MIGRATIONS: Record<string, SiagaMigration> = {
  '2026_11_29_0001_platform': platform,
  '2026_11_29_0002_people': people,
  '2026_11_29_0003_registration': registration,
  '2026_12_03_0001_crises': crises,
};
