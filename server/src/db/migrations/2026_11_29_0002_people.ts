// The registry of nationals abroad: people with their documents, contacts, location history and
// name-search keys; households; and bulk imports with their per-row errors.
//
// Sensitive values are encrypted by the application (platform/crypto.ts) before they reach these
// tables: document numbers, contact values, addresses, emergency contacts and vulnerability notes.
// Exact lookups go through keyed hashes (*_hash). Vulnerability kinds are a bit set
// (`vulnerability_flags`) so that lists and crisis counts can filter on them; which kinds a person
// has is revealed to officers only through an audited request.
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../client';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const float = dialect === 'postgres' ? 'double precision' : 'real';

  await db.schema
    .createTable('households')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('size', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('full_name', 'text', (c) => c.notNull())
    // normaliseName(full_name): the sort order of lists, and the key pages continue from.
    .addColumn('sort_name', 'text', (c) => c.notNull())
    .addColumn('given_name', 'text')
    .addColumn('family_name', 'text')
    .addColumn('native_name', 'text')
    .addColumn('aliases', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text')
    .addColumn('nationalities', 'text', (c) => c.notNull())
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('status_abroad', 'text', (c) => c.notNull())
    .addColumn('employer', 'text')
    .addColumn('stay_from', 'text')
    .addColumn('stay_until', 'text')
    .addColumn('returned_at', 'text')
    .addColumn('mission_id', 'text', (c) => c.references('missions.id'))
    .addColumn('registered_mission_id', 'text', (c) => c.references('missions.id'))
    .addColumn('household_id', 'text', (c) => c.references('households.id'))
    .addColumn('household_role', 'text')
    // The current location (the newest row of person_locations), kept here for filters and maps.
    .addColumn('country', 'text')
    .addColumn('admin_area', 'text')
    .addColumn('city', 'text')
    .addColumn('lat', float)
    .addColumn('lon', float)
    .addColumn('vulnerability_flags', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('vulnerability_notes_enc', 'text')
    .addColumn('emergency_contacts_enc', 'text')
    .addColumn('consents', 'text', (c) => c.notNull())
    .addColumn('retain_until', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    // Imports: the row key that recognises the same person in a later list, and a hash of what
    // the list said, so that an unchanged row changes nothing.
    .addColumn('source_key', 'text', (c) => c.unique())
    .addColumn('content_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('people_sort').on('people').columns(['sort_name', 'id']).execute();
  await db.schema
    .createIndex('people_mission_sort')
    .on('people')
    .columns(['mission_id', 'sort_name', 'id'])
    .execute();
  await db.schema.createIndex('people_country_city').on('people').columns(['country', 'city']).execute();
  await db.schema.createIndex('people_updated').on('people').column('updated_at').execute();
  await db.schema.createIndex('people_household').on('people').column('household_id').execute();

  await db.schema
    .createTable('person_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('issuing_country', 'text', (c) => c.notNull())
    .addColumn('number_enc', 'text', (c) => c.notNull())
    .addColumn('number_hash', 'text', (c) => c.notNull())
    .addColumn('number_last', 'text', (c) => c.notNull())
    .addColumn('expires_on', 'text')
    .execute();
  await db.schema.createIndex('person_documents_person').on('person_documents').column('person_id').execute();
  await db.schema.createIndex('person_documents_hash').on('person_documents').column('number_hash').execute();

  await db.schema
    .createTable('person_contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('service', 'text')
    .addColumn('value_enc', 'text', (c) => c.notNull())
    .addColumn('value_hash', 'text', (c) => c.notNull())
    .addColumn('consent', 'integer', (c) => c.notNull())
    .addColumn('verified', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('person_contacts_person').on('person_contacts').column('person_id').execute();
  await db.schema.createIndex('person_contacts_hash').on('person_contacts').column('value_hash').execute();

  await db.schema
    .createTable('person_locations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('address_enc', 'text')
    .addColumn('city', 'text')
    .addColumn('admin_area', 'text')
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('lat', float)
    .addColumn('lon', float)
    .addColumn('accuracy_m', 'integer')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text')
    .execute();
  await db.schema
    .createIndex('person_locations_person')
    .on('person_locations')
    .columns(['person_id', 'valid_from'])
    .execute();

  // Name search: one row per spelling-variant key of a person's names (modules/people/names.ts).
  // The key leads, then the sort name, so that the people having one key come out in list order
  // straight from the primary key. No foreign key: rows are removed by recomputing the keys of
  // the old names, which needs no index on person_id.
  await db.schema
    .createTable('person_name_keys')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('sort_name', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_name_keys_pk', ['key', 'sort_name', 'person_id'])
    .execute();

  await db.schema
    .createTable('imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('mission_id', 'text', (c) => c.references('missions.id'))
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('running', 'done', 'failed')`))
    .addColumn('dry_run', 'integer', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull())
    .addColumn('rows_read', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unchanged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total_bytes', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('bytes_read', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('imports_file').on('imports').columns(['file_sha256', 'status']).execute();

  await db.schema
    .createTable('import_errors')
    .addColumn('import_id', 'text', (c) => c.notNull().references('imports.id').onDelete('cascade'))
    .addColumn('row', 'integer', (c) => c.notNull())
    .addColumn('column', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_errors_pk', ['import_id', 'row', 'column', 'code'])
    .execute();
}
