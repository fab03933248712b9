// SQL for hazard feeds, the documents they brought and the events parsed from them.
import type { Insertable } from 'kysely';
import type { Executor } from '../../db/client';
import type { FeedDocumentsTable, HazardEventsTable, HazardFeedsTable } from '../../db/schema';

export async function insertFeed(ex: Executor, row: HazardFeedsTable) {
  await ex.insertInto('hazardFeeds').values(row).execute();
}

export const findFeed = (ex: Executor, id: string) =>
  ex.selectFrom('hazardFeeds').selectAll().where('id', '=', id).executeTakeFirst();

export const findFeedByUrl = (ex: Executor, url: string) =>
  ex.selectFrom('hazardFeeds').selectAll().where('url', '=', url).executeTakeFirst();

export const listFeeds = (ex: Executor) => ex.selectFrom('hazardFeeds').selectAll().orderBy('name').execute();

export async function updateFeed(ex: Executor, id: string, set: Partial<HazardFeedsTable>) {
  await ex.updateTable('hazardFeeds').set(set).where('id', '=', id).execute();
}

export async function insertDocument(ex: Executor, row: FeedDocumentsTable) {
  await ex.insertInto('feedDocuments').values(row).execute();
}

export function listDocuments(ex: Executor, status: string | undefined, limit: number) {
  let q = ex
    .selectFrom('feedDocuments')
    .select([
      'id',
      'feedId',
      'fileName',
      'url',
      'format',
      'sha256',
      'bytes',
      'status',
      'rejections',
      'receivedAt',
    ]);
  if (status) q = q.where('status', '=', status as FeedDocumentsTable['status']);
  return q.orderBy('receivedAt', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export const findMessage = (ex: Executor, source: string, messageKey: string) =>
  ex
    .selectFrom('hazardMessages')
    .selectAll()
    .where('source', '=', source)
    .where('messageKey', '=', messageKey)
    .executeTakeFirst();

export async function insertMessage(
  ex: Executor,
  row: {
    source: string;
    messageKey: string;
    eventId: string;
    revision: number;
    documentId: string;
    receivedAt: string;
  },
) {
  await ex
    .insertInto('hazardMessages')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export const findEvent = (ex: Executor, id: string) =>
  ex.selectFrom('hazardEvents').selectAll().where('id', '=', id).executeTakeFirst();

export const findEventByKey = (ex: Executor, source: HazardEventsTable['source'], key: string) =>
  ex
    .selectFrom('hazardEvents')
    .selectAll()
    .where('source', '=', source)
    .where('externalKey', '=', key)
    .executeTakeFirst();

export async function insertEvent(ex: Executor, row: Insertable<HazardEventsTable>) {
  await ex.insertInto('hazardEvents').values(row).execute();
}

export async function updateEvent(ex: Executor, id: string, set: Partial<HazardEventsTable>) {
  await ex.updateTable('hazardEvents').set(set).where('id', '=', id).execute();
}

export function listEvents(
  ex: Executor,
  f: { source?: string | undefined; includeCancelled: boolean; after?: [string, string] | undefined },
  limit: number,
) {
  let q = ex.selectFrom('hazardEvents').selectAll();
  if (f.source) q = q.where('source', '=', f.source as HazardEventsTable['source']);
  if (!f.includeCancelled) q = q.where('cancelled', '=', 0);
  if (f.after) {
    const [at, id] = f.after;
    q = q.where((eb) =>
      eb.or([eb('updatedAt', '<', at), eb.and([eb('updatedAt', '=', at), eb('id', '<', id)])]),
    );
  }
  return q
    .orderBy('updatedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
}
