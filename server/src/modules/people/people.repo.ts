// Queries of the registry. Everything that reads or writes people goes through here.
import { sql } from 'kysely';
import type { Executor } from '../../db/client';
import type { PersonRows } from './records';

// Rows per INSERT statement: keeps every statement under SQLite's 32,766 bound parameters
// (people has ~40 columns) and PostgreSQL's 65,535.
const CHUNK = 500;

async function insertChunked<T extends keyof InsertTables>(db: Executor, table: T, rows: InsertTables[T][]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // The row type follows the table name; Kysely cannot see that through the generic.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .execute();
  }
}

type InsertTables = {
  people: PersonRows['person'];
  personDocuments: PersonRows['documents'][number];
  personContacts: PersonRows['contacts'][number];
  personLocations: NonNullable<PersonRows['location']>;
  personNameKeys: PersonRows['nameKeys'][number];
};

/** Writes whole people, many at a time (imports, the demo), inside the caller's transaction. */
export async function insertPeople(db: Executor, batch: PersonRows[]) {
  await insertChunked(
    db,
    'people',
    batch.map((b) => b.person),
  );
  await insertChunked(
    db,
    'personDocuments',
    batch.flatMap((b) => b.documents),
  );
  await insertChunked(
    db,
    'personContacts',
    batch.flatMap((b) => b.contacts),
  );
  await insertChunked(
    db,
    'personLocations',
    batch.flatMap((b) => (b.location ? [b.location] : [])),
  );
  await insertChunked(
    db,
    'personNameKeys',
    batch.flatMap((b) => b.nameKeys),
  );
}

export const findPersonRow = (db: Executor, id: string) =>
  db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();

export const findPersonBySourceKey = (db: Executor, key: string) =>
  db.selectFrom('people').selectAll().where('sourceKey', '=', key).executeTakeFirst();

export const documentsOf = (db: Executor, personId: string) =>
  db.selectFrom('personDocuments').selectAll().where('personId', '=', personId).orderBy('position').execute();

export const contactsOf = (db: Executor, personId: string) =>
  db.selectFrom('personContacts').selectAll().where('personId', '=', personId).orderBy('position').execute();

export const locationsOf = (db: Executor, personId: string, limit = 20) =>
  db
    .selectFrom('personLocations')
    .selectAll()
    .where('personId', '=', personId)
    .orderBy('validFrom', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();

export const householdMembers = (db: Executor, householdId: string) =>
  db
    .selectFrom('people')
    .select(['id', 'fullName', 'householdRole', 'birthDate', 'missionId'])
    .where('householdId', '=', householdId)
    .orderBy('createdAt')
    .orderBy('id')
    .limit(100)
    .execute();

/** The people (other than `exceptId`) holding any of these document hashes. */
export const holdersOfDocuments = (db: Executor, hashes: string[], exceptId?: string) =>
  hashes.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('personDocuments')
        .select(['personId', 'numberHash'])
        .where('numberHash', 'in', hashes)
        .$if(exceptId !== undefined, (q) => q.where('personId', '!=', exceptId!))
        .execute();

export async function deleteNameKeys(db: Executor, personId: string, sortName: string, keys: string[]) {
  if (keys.length === 0) return;
  await db
    .deleteFrom('personNameKeys')
    .where('key', 'in', keys)
    .where('sortName', '=', sortName)
    .where('personId', '=', personId)
    .execute();
}

export async function replaceChildren(
  db: Executor,
  personId: string,
  rows: Pick<PersonRows, 'documents' | 'contacts'>,
) {
  await db.deleteFrom('personDocuments').where('personId', '=', personId).execute();
  await db.deleteFrom('personContacts').where('personId', '=', personId).execute();
  await insertChunked(db, 'personDocuments', rows.documents);
  await insertChunked(db, 'personContacts', rows.contacts);
}

export async function appendLocation(db: Executor, location: NonNullable<PersonRows['location']>) {
  await db
    .updateTable('personLocations')
    .set({ validUntil: location.validFrom })
    .where('personId', '=', location.personId)
    .where('validUntil', 'is', null)
    .execute();
  await db.insertInto('personLocations').values(location).execute();
}

export async function createHousehold(db: Executor, id: string, at: string) {
  await db.insertInto('households').values({ id, size: 0, createdAt: at, updatedAt: at }).execute();
}

export const findHousehold = (db: Executor, id: string) =>
  db.selectFrom('households').selectAll().where('id', '=', id).executeTakeFirst();

/** Recounts a household's members; an empty household is removed. */
export async function recountHousehold(db: Executor, id: string, at: string) {
  const { n } = await db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('householdId', '=', id)
    .executeTakeFirstOrThrow();
  if (Number(n) === 0) await db.deleteFrom('households').where('id', '=', id).execute();
  else
    await db
      .updateTable('households')
      .set({ size: Number(n), updatedAt: at })
      .where('id', '=', id)
      .execute();
}

/** Sets the size of many households at once, from their members (imports, the demo). */
export async function recountHouseholds(db: Executor, ids: string[], at: string) {
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    await db
      .updateTable('households')
      .set({
        size: sql<number>`(select count(*) from people where people.household_id = households.id)`,
        updatedAt: at,
      })
      .where('id', 'in', chunk)
      .execute();
  }
}

export async function deletePerson(db: Executor, personId: string) {
  // Children first: SQLite enforces the foreign keys, and cascades cost an index probe anyway.
  await db.deleteFrom('personDocuments').where('personId', '=', personId).execute();
  await db.deleteFrom('personContacts').where('personId', '=', personId).execute();
  await db.deleteFrom('personLocations').where('personId', '=', personId).execute();
  // A self-registered person's private management link goes with them.
  await db.deleteFrom('registrationLinks').where('personId', '=', personId).execute();
  await db.deleteFrom('people').where('id', '=', personId).execute();
}
