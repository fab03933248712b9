// Queries of self-registration: pending registrations, management links, and the household rows
// a management link opens.
import type { Insertable } from 'kysely';
import type { Executor } from '../../db/client';
import type { RegistrationLinksTable, RegistrationsTable } from '../../db/schema';

export async function insertRegistration(db: Executor, row: Insertable<RegistrationsTable>) {
  await db.insertInto('registrations').values(row).execute();
}

export const findRegistration = (db: Executor, id: string) =>
  db.selectFrom('registrations').selectAll().where('id', '=', id).executeTakeFirst();

/** Registrations for this contact since `since`, whether or not a code was sent. */
export async function countRecentForContact(db: Executor, contactHash: string, since: string) {
  const { n } = await db
    .selectFrom('registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('contactHash', '=', contactHash)
    .where('createdAt', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** Forgets registrations older than `before`: their payload is personal data no longer needed. */
export async function deleteOldRegistrations(db: Executor, before: string) {
  await db.deleteFrom('registrations').where('createdAt', '<', before).execute();
}

/**
 * Counts one attempt at the code, atomically, while the registration is open: concurrent guesses
 * cannot exceed the maximum. Returns the attempts made so far, or null if it is no longer open.
 */
export async function countAttempt(db: Executor, id: string, now: string): Promise<number | null> {
  const row = await db
    .updateTable('registrations')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('expiresAt', '>', now)
    .where((eb) => eb('attempts', '<', eb.ref('maxAttempts')))
    .returning('attempts')
    .executeTakeFirst();
  return row ? Number(row.attempts) : null;
}

export async function lockRegistration(db: Executor, id: string) {
  await db
    .updateTable('registrations')
    .set({ status: 'locked', payloadEnc: null })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/** Marks a registration confirmed and drops its payload; false if another request did first. */
export async function claimVerified(db: Executor, id: string, at: string): Promise<boolean> {
  const res = await db
    .updateTable('registrations')
    .set({ status: 'verified', verifiedAt: at, payloadEnc: null })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertLink(db: Executor, row: Insertable<RegistrationLinksTable>) {
  await db.insertInto('registrationLinks').values(row).execute();
}

export const findLink = (db: Executor, tokenHash: string, now: string) =>
  db
    .selectFrom('registrationLinks')
    .selectAll()
    .where('tokenHash', '=', tokenHash)
    .where('expiresAt', '>', now)
    .executeTakeFirst();

export async function touchLink(db: Executor, tokenHash: string, at: string) {
  await db
    .updateTable('registrationLinks')
    .set({ lastUsedAt: at })
    .where('tokenHash', '=', tokenHash)
    .execute();
}

/** Everyone in the household, oldest record first (the registrant was written first). */
export const householdRows = (db: Executor, householdId: string) =>
  db
    .selectFrom('people')
    .selectAll()
    .where('householdId', '=', householdId)
    .orderBy('createdAt')
    .orderBy('id')
    .limit(100)
    .execute();

export const missionRef = (db: Executor, id: string) =>
  db.selectFrom('missions').select(['code', 'name']).where('id', '=', id).executeTakeFirst();
