// Self-registration by nationals ("lapor diri"): pending registrations waiting for their one-time
// code, and the private management links handed out once a registration is confirmed.
//
// A pending registration holds the submitted household encrypted (the payload is wiped once it is
// confirmed or locked), a keyed hash of the contact the code went to (for the per-contact limit),
// and a keyed hash of the code. Management links are stored as the SHA-256 of their token.
// No foreign keys to people or households: erasing a person must not be blocked by these rows,
// and a link whose person is gone simply stops working.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('registrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contact_kind', 'text', (c) => c.notNull().check(sql`contact_kind in ('phone', 'email')`))
    .addColumn('contact_hash', 'text', (c) => c.notNull())
    .addColumn('payload_enc', 'text')
    // Null when no code was sent (the contact had had too many codes): no code can match.
    .addColumn('code_hash', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'verified', 'locked')`))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('verified_at', 'text')
    .execute();
  await db.schema
    .createIndex('registrations_contact')
    .on('registrations')
    .columns(['contact_hash', 'created_at'])
    .execute();
  await db.schema.createIndex('registrations_created').on('registrations').column('created_at').execute();

  await db.schema
    .createTable('registration_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('registration_id', 'text', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    // The language the national registered in: the page's language unless the link asks otherwise.
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .execute();
  await db.schema
    .createIndex('registration_links_person')
    .on('registration_links')
    .column('person_id')
    .execute();
}
