// Finding people: the filtered list (and its CSV export), name search and exact lookups.
//
// Name search drives from one spelling-variant key of the query (person_name_keys is ordered by
// key, then sort name), and checks the other keys with primary-key probes. The driving key is the
// rarest one, counted up to a bound, so a common name such as Muhammad never drives a search that
// also names a rare one. Lists come out in sort-name order, paged by keyset.
import { sql, type SelectQueryBuilder } from 'kysely';
import { stringify } from 'csv-stringify';
import type { PeopleLookup, PeoplePage, PeopleQuery, PersonSummary } from '@siaga/contracts';
import { SEARCH_COUNT_LIMIT, VULNERABILITIES } from '@siaga/contracts';
import { AppError, forbidden } from '../../errors';
import type { Executor } from '../../db/client';
import type { Database } from '../../db/schema';
import { appendAudit } from '../../platform/audit/audit';
import type { Deps, RequestContext } from '../../platform/context';
import { decodeCursor, encodeCursor } from '../../platform/pagination';
import { canPeople, missionScope } from './people.policy';
import { presentSummary } from './people.presenter';
import { missionDirectory } from './people.service';
import { CTX, contactHash, documentHash, vulnerabilityFlags } from './records';
import { searchKeys } from './names';
import { normalisePhone } from './phones';

type Q = SelectQueryBuilder<Database, 'people', object>;
export type PeopleFilter = Omit<PeopleQuery, 'limit' | 'cursor'>;

// Counting how many people carry a key stops here: beyond it, a key is common enough that any
// rarer one drives better, and counting further would cost more than it saves.
const KEY_COUNT_BOUND = 2000;

const monthsAgo = (now: Date, months: number) => {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString();
};

/** The caller's scope intersected with the missions asked for; null means everyone. */
async function missionIds(db: Executor, ctx: RequestContext, codes: string[] | undefined) {
  const scope = missionScope(ctx);
  if (!codes) return scope;
  const rows = await db.selectFrom('missions').select('id').where('code', 'in', codes).execute();
  const asked = rows.map((r) => r.id);
  return scope === null ? asked : asked.filter((id) => scope.includes(id));
}

/** Filters on the people table, `p`. Returns null when nothing can match. */
async function filtered(
  deps: Deps,
  db: Executor,
  ctx: RequestContext,
  f: PeopleFilter,
  q: Q,
): Promise<Q | null> {
  const missions = await missionIds(db, ctx, f.mission);
  if (missions !== null) {
    if (missions.length === 0) return null;
    q = q.where('people.missionId', 'in', missions);
  }
  if (f.country) q = q.where('people.country', 'in', f.country);
  if (f.city) q = q.where(sql`lower(people.city)`, '=', f.city.toLowerCase());
  if (f.status) q = q.where('people.statusAbroad', 'in', f.status);
  if (f.vulnerability) {
    if (!canPeople(ctx, 'reveal')) throw forbidden('Your role may not filter on sensitive fields');
    const mask = vulnerabilityFlags(f.vulnerability);
    q = q.where(sql<boolean>`(people.vulnerability_flags & ${mask}) != 0`);
  }
  if (f.householdMin !== undefined || f.householdMax !== undefined) {
    const size = sql<number>`coalesce((select h.size from households h where h.id = people.household_id), 1)`;
    if (f.householdMin !== undefined) q = q.where(size, '>=', f.householdMin);
    if (f.householdMax !== undefined) q = q.where(size, '<=', f.householdMax);
  }
  if (f.staleMonths !== undefined) q = q.where('people.updatedAt', '<', monthsAgo(deps.now(), f.staleMonths));
  if (f.updatedSince) q = q.where('people.updatedAt', '>=', new Date(f.updatedSince).toISOString());
  if (!f.includeReturned) q = q.where('people.returnedAt', 'is', null);
  return q;
}

/** The query's keys, rarest first. */
async function orderedKeys(db: Executor, text: string): Promise<string[]> {
  const keys = searchKeys(text);
  if (keys.length <= 1) return keys;
  const counts = await Promise.all(
    keys.map(async (key) => {
      const r = await db
        .selectFrom((eb) =>
          eb
            .selectFrom('personNameKeys')
            .select('personId')
            .where('key', '=', key)
            .limit(KEY_COUNT_BOUND)
            .as('k'),
        )
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return { key, n: Number(r.n) };
    }),
  );
  return counts.sort((a, b) => a.n - b.n || b.key.length - a.key.length).map((c) => c.key);
}

/** The people matching a filter, as a query over `people` joined, when searching, to the driving key. */
async function matching(deps: Deps, db: Executor, ctx: RequestContext, f: PeopleFilter) {
  let base: Q;
  let keyed = false;
  if (f.q) {
    const keys = await orderedKeys(db, f.q);
    if (keys.length === 0) return null;
    const [drive, ...rest] = keys;
    keyed = true;
    base = db
      .selectFrom('personNameKeys as k0')
      .innerJoin('people', 'people.id', 'k0.personId')
      .where('k0.key', '=', drive!) as unknown as Q;
    rest.forEach((key, i) => {
      const alias = `k${i + 1}`;
      base = base.where(
        sql<boolean>`exists (select 1 from person_name_keys ${sql.raw(alias)} where ${sql.raw(alias)}.key = ${key} and ${sql.raw(alias)}.sort_name = k0.sort_name and ${sql.raw(alias)}.person_id = k0.person_id)`,
      );
    });
  } else {
    base = db.selectFrom('people');
  }
  const q = await filtered(deps, db, ctx, f, base);
  return q ? { q, keyed } : null;
}

const SUMMARY = [
  'people.id',
  'people.fullName',
  'people.sortName',
  'people.sex',
  'people.birthDate',
  'people.statusAbroad',
  'people.country',
  'people.city',
  'people.returnedAt',
  'people.updatedAt',
  'people.missionId',
] as const;

function pageRows(m: { q: Q; keyed: boolean }, after: unknown[] | undefined, limit: number) {
  // Sorting and paging on the driving key's columns lets the primary key of person_name_keys give
  // the order; without a search, the people_sort / people_mission_sort indexes do.
  const sortCol = m.keyed ? sql.ref('k0.sort_name') : sql.ref('people.sort_name');
  const idCol = m.keyed ? sql.ref('k0.person_id') : sql.ref('people.id');
  let q = m.q
    .select([...SUMMARY])
    .select(
      sql<number>`coalesce((select h.size from households h where h.id = people.household_id), 1)`.as(
        'householdSize',
      ),
    );
  if (after)
    q = q.where(
      sql<boolean>`(${sortCol} > ${after[0]} or (${sortCol} = ${after[0]} and ${idCol} > ${after[1]}))`,
    );
  return q.orderBy(sortCol).orderBy(idCol).limit(limit);
}

/** Exact for lists; for name searches, up to SEARCH_COUNT_LIMIT + 1 (see PeoplePage.totalExact). */
async function countMatches(db: Executor, m: { q: Q; keyed: boolean }): Promise<number> {
  if (!m.keyed) {
    const r = await m.q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }
  const r = await db
    .selectFrom(
      m.q
        .select('people.id')
        .limit(SEARCH_COUNT_LIMIT + 1)
        .as('matches'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function listPeople(deps: Deps, ctx: RequestContext, query: PeopleQuery): Promise<PeoplePage> {
  if (!canPeople(ctx, 'read')) throw forbidden();
  const { limit, cursor, ...f } = query;
  const after = decodeCursor(cursor, 2);
  const m = await matching(deps, deps.db, ctx, f);
  if (!m) return { items: [], total: 0, totalExact: true, nextCursor: null };
  const [rows, total, missions] = await Promise.all([
    pageRows(m, after, limit + 1).execute(),
    countMatches(deps.db, m),
    missionDirectory(deps.db),
  ]);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((r) => presentSummary(r, missions)),
    total: m.keyed ? Math.min(total, SEARCH_COUNT_LIMIT) : total,
    totalExact: !m.keyed || total <= SEARCH_COUNT_LIMIT,
    nextCursor: rows.length > limit && last ? encodeCursor([last.sortName, last.id]) : null,
  };
}

/** Exact lookup by document number, phone or email, within the caller's scope. */
export async function lookupPeople(
  deps: Deps,
  ctx: RequestContext,
  body: PeopleLookup,
): Promise<{ items: PersonSummary[] }> {
  if (!canPeople(ctx, 'read')) throw forbidden();
  const ids = new Set<string>();
  if (body.document) {
    const rows = await deps.db
      .selectFrom('personDocuments')
      .select('personId')
      .where('numberHash', '=', documentHash(deps.keyring, body.document))
      .execute();
    rows.forEach((r) => ids.add(r.personId));
  }
  const contactHashes: string[] = [];
  if (body.phone) {
    const r = normalisePhone(body.phone, body.country);
    if (!r.ok)
      throw new AppError('request.invalid', 400, r.message, [
        { path: 'body.phone', code: r.code, message: r.message },
      ]);
    contactHashes.push(contactHash(deps.keyring, 'phone', r.e164));
  }
  if (body.email) contactHashes.push(contactHash(deps.keyring, 'email', body.email.toLowerCase()));
  if (contactHashes.length) {
    const rows = await deps.db
      .selectFrom('personContacts')
      .select('personId')
      .where('valueHash', 'in', contactHashes)
      .execute();
    rows.forEach((r) => ids.add(r.personId));
  }
  if (ids.size === 0) return { items: [] };
  let q = deps.db
    .selectFrom('people')
    .select([...SUMMARY])
    .select(
      sql<number>`coalesce((select h.size from households h where h.id = people.household_id), 1)`.as(
        'householdSize',
      ),
    )
    .where('people.id', 'in', [...ids].slice(0, 200));
  const scope = missionScope(ctx);
  if (scope !== null) {
    if (scope.length === 0) return { items: [] };
    q = q.where('people.missionId', 'in', scope);
  }
  const [rows, missions] = await Promise.all([
    q.orderBy('people.sortName').execute(),
    missionDirectory(deps.db),
  ]);
  return { items: rows.map((r) => presentSummary(r, missions)) };
}

export const EXPORT_COLUMNS = [
  'id',
  'full_name',
  'sex',
  'birth_date',
  'status_abroad',
  'mission',
  'country',
  'city',
  'household_size',
  'phone',
  'email',
  'contact_consent',
  'vulnerabilities',
  'updated_at',
] as const;

/**
 * The filtered list as CSV, streamed page by page so that a whole country's registry never sits
 * in memory. Contacts are included, sensitive fields are not: vulnerabilities appear only as a
 * count. The export itself is audited with its filters and row count.
 */
export async function exportPeople(deps: Deps, ctx: RequestContext, f: PeopleFilter) {
  if (!canPeople(ctx, 'export')) throw forbidden('Your role may not export the registry');
  const m = await matching(deps, deps.db, ctx, f);
  const missions = await missionDirectory(deps.db);
  const total = m
    ? Number((await m.q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
    : 0;
  // Audited before the first row leaves, so that no export goes unrecorded.
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, deps, ctx, {
      action: 'person.export',
      entityType: 'person',
      entityId: null,
      meta: { filter: f, rows: total },
    }),
  );
  const out = stringify({ header: true, columns: [...EXPORT_COLUMNS], bom: true });
  const run = async () => {
    try {
      let after: unknown[] | undefined;
      while (m) {
        const page = await pageRows(m, after, 500).select(['people.vulnerabilityFlags']).execute();
        if (page.length === 0) break;
        const contacts = await deps.db
          .selectFrom('personContacts')
          .select(['personId', 'kind', 'valueEnc', 'consent'])
          .where(
            'personId',
            'in',
            page.map((r) => r.id),
          )
          .orderBy('personId')
          .orderBy('position')
          .execute();
        const byPerson = new Map<string, typeof contacts>();
        for (const c of contacts) byPerson.set(c.personId, [...(byPerson.get(c.personId) ?? []), c]);
        for (const r of page) {
          const cs = byPerson.get(r.id) ?? [];
          const first = (kind: string) => cs.find((c) => c.kind === kind);
          const phone = first('phone');
          const email = first('email');
          const ok = out.write([
            r.id,
            r.fullName,
            r.sex,
            r.birthDate,
            r.statusAbroad,
            (r.missionId && missions.get(r.missionId)?.code) ?? '',
            r.country,
            r.city,
            r.householdSize,
            phone ? deps.keyring.decrypt(phone.valueEnc, CTX.contact) : '',
            email ? deps.keyring.decrypt(email.valueEnc, CTX.contact) : '',
            cs.some((c) => c.consent === 1) ? 'yes' : 'no',
            VULNERABILITIES.filter((_, i) => (r.vulnerabilityFlags & (1 << i)) !== 0).length,
            r.updatedAt,
          ]);
          if (!ok) await new Promise((resolve) => out.once('drain', resolve));
        }
        const last = page[page.length - 1]!;
        after = [last.sortName, last.id];
        if (page.length < 500) break;
      }
      out.end();
    } catch (err) {
      out.destroy(err as Error);
    }
  };
  void run();
  return out;
}
