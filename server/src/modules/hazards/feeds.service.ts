// The configured hazard feeds and their polling: a conditional GET (ETag / Last-Modified) so an
// unchanged feed costs one small request, a size cap on what is read, and for CAP indexes that
// only link to alerts, a bounded fetch of each linked alert. A failing feed is recorded on the
// feed and never stops the others. Linked alerts are fetched only from the feed's own host.
import { randomUUID } from 'node:crypto';
import type { Feed, FeedCreate, FeedImportResult } from '@siaga/contracts';
import { AppError, forbidden, notFound } from '../../errors';
import { appendAudit } from '../../platform/audit/audit';
import type { Deps, RequestContext } from '../../platform/context';
import { canCrises } from '../crises/crises.policy';
import * as repo from './hazards.repo';
import { ingest, ingestDocument, MAX_DOCUMENT_BYTES } from './hazards.service';
import { presentDocument, presentFeed } from './hazards.presenter';

const MAX_LINKS = 50;
const TIMEOUT_MS = 30_000;

export async function addFeed(deps: Deps, ctx: RequestContext, input: FeedCreate): Promise<Feed> {
  if (!canCrises(ctx, 'feeds')) throw forbidden();
  const at = deps.now().toISOString();
  const row = {
    id: randomUUID(),
    name: input.name,
    url: input.url,
    intervalMinutes: input.intervalMinutes,
    enabled: input.enabled ? 1 : 0,
    etag: null,
    lastModified: null,
    lastPolledAt: null,
    lastStatus: null,
    lastError: null,
    createdAt: at,
  };
  await deps.db.transaction().execute(async (trx) => {
    if (await repo.findFeedByUrl(trx, input.url)) {
      throw new AppError('feed.url_taken', 409, 'This feed is already configured', [
        { path: 'body.url', code: 'taken', message: 'A feed with this address exists' },
      ]);
    }
    await repo.insertFeed(trx, row);
    await appendAudit(trx, deps, ctx, {
      action: 'feed.add',
      entityType: 'feed',
      entityId: row.id,
      meta: { url: input.url },
    });
  });
  return presentFeed(row);
}

export async function listFeeds(deps: Deps, ctx: RequestContext) {
  if (!canCrises(ctx, 'read')) throw forbidden();
  return { items: (await repo.listFeeds(deps.db)).map(presentFeed) };
}

export async function listDocuments(deps: Deps, ctx: RequestContext, status?: string) {
  if (!canCrises(ctx, 'read')) throw forbidden();
  return { items: (await repo.listDocuments(deps.db, status, 100)).map(presentDocument) };
}

/** Reads a response body, refusing more than the cap (a hostile server may send gigabytes). */
async function readCapped(res: Response, cap: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > cap) throw new Error(`the feed sent ${declared} bytes, more than the ${cap} accepted`);
  const reader = res.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel();
      throw new Error(`the feed sent more than the ${cap} bytes accepted`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export interface PollResult {
  feedId: string;
  status: 'fetched' | 'not_modified' | 'failed';
  results: FeedImportResult[];
  error?: string;
}

/** Polls one feed now. */
export async function pollFeed(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  fetcher: typeof fetch = fetch,
): Promise<PollResult> {
  if (!canCrises(ctx, 'feeds')) throw forbidden();
  const feed = await repo.findFeed(deps.db, id);
  if (!feed) throw notFound('feed.not_found', 'Feed');
  const at = deps.now().toISOString();
  const headers: Record<string, string> = { accept: 'application/xml, application/json, */*' };
  if (feed.etag) headers['if-none-match'] = feed.etag;
  if (feed.lastModified) headers['if-modified-since'] = feed.lastModified;
  try {
    const res = await fetcher(feed.url, {
      headers,
      redirect: 'follow',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (res.status === 304) {
      await repo.updateFeed(deps.db, id, { lastPolledAt: at, lastStatus: 'not_modified', lastError: null });
      return { feedId: id, status: 'not_modified', results: [] };
    }
    if (!res.ok) throw new Error(`the feed answered HTTP ${res.status}`);
    const body = await readCapped(res, MAX_DOCUMENT_BYTES);
    const first = await ingest(deps, ctx, body, { feedId: id, url: feed.url });
    const results = [first.result];
    // A CAP index may only link to its alerts: fetch those (bounded), each kept as a document.
    // Only on the feed's own host: a document must not steer the poller to other (internal) hosts.
    const host = new URL(feed.url).host;
    const links = first.links.filter((l) => URL.canParse(l) && new URL(l).host === host);
    for (const link of links.slice(0, MAX_LINKS)) {
      try {
        const r = await fetcher(link, { signal: AbortSignal.timeout(TIMEOUT_MS) });
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        results.push(
          await ingestDocument(deps, ctx, await readCapped(r, MAX_DOCUMENT_BYTES), { feedId: id, url: link }),
        );
      } catch (err) {
        deps.log.warn({ err, link }, 'a linked CAP alert could not be fetched');
      }
    }
    await repo.updateFeed(deps.db, id, {
      lastPolledAt: at,
      lastStatus: 'fetched',
      lastError: null,
      etag: res.headers.get('etag'),
      lastModified: res.headers.get('last-modified'),
    });
    return { feedId: id, status: 'fetched', results };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await repo.updateFeed(deps.db, id, {
      lastPolledAt: at,
      lastStatus: 'failed',
      lastError: message.slice(0, 500),
    });
    return { feedId: id, status: 'failed', results: [], error: message };
  }
}

/** Polls every enabled feed whose interval has passed (or all enabled ones with `force`). */
export async function pollDueFeeds(
  deps: Deps,
  ctx: RequestContext,
  opts: { force?: boolean; fetcher?: typeof fetch } = {},
) {
  const now = deps.now().getTime();
  const out: PollResult[] = [];
  for (const f of await repo.listFeeds(deps.db)) {
    if (!f.enabled) continue;
    const due = !f.lastPolledAt || now - Date.parse(f.lastPolledAt) >= f.intervalMinutes * 60_000;
    if (opts.force || due) out.push(await pollFeed(deps, ctx, f.id, opts.fetcher));
  }
  return out;
}
