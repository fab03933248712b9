// Hazard events from feed documents: every document is kept raw with what was wrong with it; each
// message is recorded once (a repeat is a duplicate), a newer GDACS episode or USGS `updated`
// revises its event, and a CAP Update or Cancel finds its event through `references` (CAP 1.2
// §3.2.1). Each event carries the number of registered nationals inside its area, and can be
// promoted to a crisis.
import { createHash, randomUUID } from 'node:crypto';
import type { AreaInput, Crisis, FeedImportResult, HazardEvent } from '@siaga/contracts';
import { AppError, forbidden, notFound } from '../../errors';
import type { HazardEventRow } from '../../db/schema';
import type { Executor } from '../../db/client';
import { appendAudit } from '../../platform/audit/audit';
import { actorLabel, systemContext, type Deps, type RequestContext } from '../../platform/context';
import { decodeCursor, page } from '../../platform/pagination';
import { compileAreas } from '../affected/area';
import { countAffected } from '../affected/affected.service';
import { canCrises } from '../crises/crises.policy';
import { declareCrisis } from '../crises/crises.service';
import { gazetteer } from '../geo/gazetteer';
import { parseFeedDocument } from './parse';
import type { ParsedHazard, Rejection } from './parse/types';
import * as repo from './hazards.repo';
import { presentHazard, storedArea, type StoredArea } from './hazards.presenter';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** The areas of an event to count people in: polygons, circles, or the point and its radius. */
export function hazardAreas(area: StoredArea, radiusKm: number | null): AreaInput[] {
  const out: AreaInput[] = [];
  if (area.polygons.length)
    out.push({ kind: 'polygon', geometry: { type: 'MultiPolygon', coordinates: area.polygons } });
  for (const c of area.circles)
    out.push({ kind: 'circle', center: { lat: c.lat, lon: c.lon }, radiusKm: c.radiusKm });
  if (!out.length && area.point && radiusKm) {
    out.push({ kind: 'circle', center: { lat: area.point.lat, lon: area.point.lon }, radiusKm });
  }
  return out;
}

/** Nationals inside an event's area; an area the checks refuse counts nobody rather than failing. */
async function nationalsInside(deps: Deps, area: StoredArea, radiusKm: number | null): Promise<number> {
  const areas = hazardAreas(area, radiusKm);
  if (!areas.length) return 0;
  const compiled = compileAreas(areas, 'area');
  if (!compiled.ok) return 0;
  const counts = await countAffected(deps, systemContext('hazards'), compiled.area, []);
  return counts.inside + counts.locatedByCity;
}

/** The feed's countries, or where the area lies when the feed names none (USGS gives a point). */
function countriesOf(e: ParsedHazard, area: StoredArea, radiusKm: number | null): string[] {
  if (e.countries.length) return e.countries;
  if (area.point) {
    const c = gazetteer().reverse(area.point.lon, area.point.lat).country;
    if (c) return [c];
  }
  const areas = hazardAreas(area, radiusKm);
  const compiled = areas.length ? compileAreas(areas, 'area') : null;
  return compiled?.ok ? compiled.area.countries : [];
}

/** GDACS and USGS messages are one per revision of the event; a CAP message is its own key. */
const messageKey = (e: ParsedHazard) => (e.source === 'cap' ? e.key : `${e.key}#${e.revision}`);

/** What a message says of its event, for a new event and for a newer revision alike. */
const described = (e: ParsedHazard, area: StoredArea, radiusKm: number | null) => ({
  revision: e.revision,
  kind: e.kind,
  severity: e.severity,
  status: e.status,
  title: e.title,
  description: e.description ?? null,
  magnitude: e.magnitude ?? null,
  area: JSON.stringify(area),
  radiusKm,
  sentAt: e.sent,
  expiresAt: e.expires ?? null,
});

interface Outcome {
  kind: 'accepted' | 'duplicate' | 'updated' | 'cancelled' | 'stale';
  eventId: string;
}

async function applyEvent(
  deps: Deps,
  trx: Executor,
  e: ParsedHazard,
  documentId: string,
  at: string,
): Promise<Outcome> {
  const key = messageKey(e);
  const seen = await repo.findMessage(trx, e.source, key);
  if (seen) return { kind: 'duplicate', eventId: seen.eventId };
  const area = storedArea(e.area);
  let target: HazardEventRow | undefined;
  if (e.source === 'cap') {
    for (const ref of e.references) {
      const m = await repo.findMessage(trx, 'cap', ref);
      if (m) {
        target = await repo.findEvent(trx, m.eventId);
        if (target) break;
      }
    }
  } else {
    target = await repo.findEventByKey(trx, e.source, e.key);
  }
  const record = (eventId: string) =>
    repo.insertMessage(trx, {
      source: e.source,
      messageKey: key,
      eventId,
      revision: e.revision,
      documentId,
      receivedAt: at,
    });

  if (!target) {
    const id = randomUUID();
    const radiusKm = e.area.suggestedRadiusKm ?? null;
    await repo.insertEvent(trx, {
      id,
      source: e.source,
      externalKey: e.key,
      ...described(e, area, radiusKm),
      countries: JSON.stringify(countriesOf(e, area, radiusKm)),
      radiusSetBy: null,
      cancelled: e.action === 'cancel' ? 1 : 0,
      link: e.link ?? null,
      documentId,
      crisisId: null,
      revisions: 1,
      createdAt: at,
      updatedAt: at,
    });
    await record(id);
    return { kind: e.action === 'cancel' ? 'cancelled' : 'accepted', eventId: id };
  }
  await record(target.id);
  if (e.action === 'cancel') {
    await repo.updateEvent(trx, target.id, { cancelled: 1, revisions: target.revisions + 1, updatedAt: at });
    return { kind: 'cancelled', eventId: target.id };
  }
  if (e.revision <= Number(target.revision)) return { kind: 'stale', eventId: target.id };
  // An operator's radius stays; otherwise the new magnitude's suggestion applies.
  const radiusKm = target.radiusSetBy ? target.radiusKm : (e.area.suggestedRadiusKm ?? target.radiusKm);
  await repo.updateEvent(trx, target.id, {
    ...described(e, area, radiusKm),
    countries: JSON.stringify(countriesOf(e, area, radiusKm)),
    link: e.link ?? target.link,
    documentId,
    revisions: target.revisions + 1,
    updatedAt: at,
  });
  return { kind: 'updated', eventId: target.id };
}

/**
 * Reads one feed document (a file brought in by hand or a poll's answer): keeps it, with its
 * rejections, and applies each event. A rejected document is kept for the operator too.
 */
export async function ingestDocument(
  deps: Deps,
  ctx: RequestContext,
  bytes: Uint8Array,
  about: { feedId?: string | null; fileName?: string | null; url?: string | null },
): Promise<FeedImportResult> {
  return (await ingest(deps, ctx, bytes, about)).result;
}

/** As ingestDocument, also giving the CAP alerts an index only linked to. */
export async function ingest(
  deps: Deps,
  ctx: RequestContext,
  bytes: Uint8Array,
  about: { feedId?: string | null; fileName?: string | null; url?: string | null },
): Promise<{ result: FeedImportResult; links: string[] }> {
  if (!canCrises(ctx, 'declare')) throw forbidden();
  const parsed = parseFeedDocument(bytes, {
    maxBytes: MAX_DOCUMENT_BYTES,
    ...(about.fileName ? { fileName: about.fileName } : {}),
  });
  const documentId = randomUUID();
  const at = deps.now().toISOString();
  const rejections: Rejection[] = [...parsed.rejected];
  const status =
    parsed.events.length === 0
      ? rejections.length
        ? 'rejected'
        : 'accepted'
      : rejections.length
        ? 'partial'
        : 'accepted';
  const tally = { accepted: 0, duplicates: 0, updated: 0, cancelled: 0 };
  const ids: string[] = [];
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertDocument(trx, {
      id: documentId,
      feedId: about.feedId ?? null,
      fileName: about.fileName ?? null,
      url: about.url ?? null,
      format: parsed.format,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.byteLength,
      // Too large to keep whole: the first 10 MiB is what was judged.
      body: Buffer.from(bytes.subarray(0, MAX_DOCUMENT_BYTES)),
      status,
      rejections: JSON.stringify(rejections),
      receivedAt: at,
    });
    for (const e of parsed.events) {
      const o = await applyEvent(deps, trx, e, documentId, at);
      if (o.kind === 'accepted') tally.accepted++;
      else if (o.kind === 'updated') tally.updated++;
      else if (o.kind === 'cancelled') tally.cancelled++;
      else tally.duplicates++;
      if (!ids.includes(o.eventId)) ids.push(o.eventId);
    }
    await appendAudit(trx, deps, ctx, {
      action: 'feed.document',
      entityType: 'feed_document',
      entityId: documentId,
      meta: {
        format: parsed.format,
        status,
        events: parsed.events.length,
        rejected: rejections.length,
        ...tally,
      },
    });
  });
  const events: FeedImportResult['events'] = [];
  for (const id of ids) {
    const h = await withCount(deps, (await repo.findEvent(deps.db, id))!);
    events.push({
      id: h.id,
      source: h.source,
      kind: h.kind,
      severity: h.severity,
      title: h.title,
      area: h.area,
      affectedNationals: h.affectedNationals,
    });
  }
  return {
    result: {
      ...tally,
      rejected: rejections.length,
      documentId,
      format: parsed.format,
      events,
      errors: rejections,
    },
    links: parsed.links,
  };
}

const missing = () => notFound('hazard.not_found', 'Hazard event');

/** The event with a fresh count of the nationals inside. */
async function withCount(deps: Deps, row: HazardEventRow): Promise<HazardEvent> {
  return presentHazard(row, await nationalsInside(deps, JSON.parse(row.area) as StoredArea, row.radiusKm));
}

export async function getHazard(deps: Deps, ctx: RequestContext, id: string): Promise<HazardEvent> {
  if (!canCrises(ctx, 'read')) throw missing();
  const row = await repo.findEvent(deps.db, id);
  if (!row) throw missing();
  return withCount(deps, row);
}

export async function listHazards(
  deps: Deps,
  ctx: RequestContext,
  q: {
    source?: string | undefined;
    includeCancelled?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  },
) {
  if (!canCrises(ctx, 'read')) throw forbidden();
  const after = decodeCursor(q.cursor, 2) as [string, string] | undefined;
  const rows = await repo.listEvents(
    deps.db,
    { source: q.source, includeCancelled: q.includeCancelled === 'true', after },
    q.limit,
  );
  const { items, nextCursor } = page(rows, q.limit, (r) => [r.updatedAt, r.id]);
  const out: HazardEvent[] = [];
  for (const r of items) out.push(await withCount(deps, r));
  return { items: out, nextCursor };
}

/** The operator's radius around a point event (GDACS and USGS give only a point). */
export async function setHazardRadius(deps: Deps, ctx: RequestContext, id: string, radiusKm: number) {
  if (!canCrises(ctx, 'update')) throw forbidden();
  const row = await repo.findEvent(deps.db, id);
  if (!row) throw missing();
  const at = deps.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateEvent(trx, id, { radiusKm, radiusSetBy: actorLabel(ctx.actor), updatedAt: at });
    await appendAudit(trx, deps, ctx, {
      action: 'hazard.radius',
      entityType: 'hazard_event',
      entityId: id,
      meta: { from: row.radiusKm, to: radiusKm },
    });
  });
  return withCount(deps, (await repo.findEvent(deps.db, id))!);
}

const CRISIS_TYPE: Record<string, Crisis['type']> = {
  conflict: 'armed_conflict',
  civil_unrest: 'civil_unrest',
  chemical: 'hazardous_chemical',
  epidemic: 'epidemic',
  other: 'other',
};

/** Declares a crisis from a hazard event: its area, countries and a first alert level. */
export async function promoteHazard(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  opts: { type?: Crisis['type'] | undefined; title?: string | undefined },
): Promise<Crisis> {
  const row = await repo.findEvent(deps.db, id);
  if (!row || !canCrises(ctx, 'read')) throw missing();
  if (row.crisisId) {
    throw new AppError('hazard.already_promoted', 409, 'This hazard is already a crisis', [
      { path: 'params.id', code: 'hazard.already_promoted', message: `Crisis ${row.crisisId}` },
    ]);
  }
  const area = JSON.parse(row.area) as StoredArea;
  const areas = hazardAreas(area, row.radiusKm);
  const compiled = compileAreas(areas, 'area');
  let countries = JSON.parse(row.countries) as string[];
  if (!countries.length && compiled.ok) countries = compiled.area.countries;
  if (!countries.length) {
    throw new AppError('request.invalid', 400, 'The hazard names no country; declare the crisis by hand', [
      { path: 'params.id', code: 'hazard.no_country', message: 'No country is known for this hazard' },
    ]);
  }
  const crisis = await declareCrisis(deps, ctx, {
    type: opts.type ?? CRISIS_TYPE[row.kind] ?? 'natural_disaster',
    title: opts.title ?? row.title.slice(0, 200),
    description: row.description ?? '',
    countries,
    areas: compiled.ok ? areas : [],
    alertLevel: row.severity === 'extreme' || row.severity === 'severe' ? 'siaga_2' : 'siaga_3',
    phase: 'emergency_response',
    status: 'active',
    hazardEventId: row.id,
    exercise: row.status === 'exercise',
  });
  await repo.updateEvent(deps.db, id, { crisisId: crisis.id });
  return crisis;
}
