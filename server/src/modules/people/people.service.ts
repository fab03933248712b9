// Registering, reading, changing and erasing people. Every change is audited in the same
// transaction with the names of the fields it touched, never their values.
import { randomUUID } from 'node:crypto';
import type {
  Person,
  PersonCreate,
  PersonErase,
  PersonReveal,
  PersonSensitive,
  PersonUpdate,
} from '@siaga/contracts';
import { AppError, forbidden, notFound, staleVersion } from '../../errors';
import type { Transaction } from 'kysely';
import type { Executor } from '../../db/client';
import type { Database, PersonRow } from '../../db/schema';

export type Trx = Transaction<Database>;
import { appendAudit } from '../../platform/audit/audit';
import type { Deps, RequestContext } from '../../platform/context';
import { placeLocation } from './placement';
import { loadCoverage, missionFor } from './coverage';
import { canPeople, inScope, missionScope } from './people.policy';
import { loadChildren, presentPerson, toInput } from './people.presenter';
import * as repo from './people.repo';
import {
  CTX,
  buildContacts,
  buildDocuments,
  buildLocation,
  buildPerson,
  checkPerson,
  documentHash,
  nameKeyRows,
  personSearchKeys,
  vulnerabilityFlags,
  vulnerabilityKinds,
  type FieldError,
} from './records';
import { normaliseName } from './names';

export const fieldErrors = (errors: FieldError[], prefix = 'body') =>
  new AppError(
    'request.invalid',
    400,
    `Invalid ${prefix}: ${prefix}.${errors[0]!.path} ${errors[0]!.message}`,
    errors.map((e) => ({ ...e, path: `${prefix}.${e.path}` })),
  );

const personNotFound = () => notFound('person.not_found', 'Person');

export async function missionDirectory(db: Executor) {
  const rows = await db.selectFrom('missions').select(['id', 'code', 'name']).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** The mission registering a new person: the one named, else the officer's own. */
async function registeringMission(deps: Deps, db: Executor, ctx: RequestContext, code: string | undefined) {
  const scope = missionScope(ctx);
  if (code === undefined) return scope && scope.length > 0 ? scope[0]! : null;
  const m = await db.selectFrom('missions').select('id').where('code', '=', code).executeTakeFirst();
  if (!m)
    throw new AppError('request.invalid', 400, `No mission has the code ${code}`, [
      { path: 'body.missionCode', code: 'unknown_mission', message: 'No mission has this code' },
    ]);
  if (scope !== null && !scope.includes(m.id))
    throw new AppError(
      'person.mission_not_allowed',
      403,
      'You may only register people for your own missions',
      [{ path: 'body.missionCode', code: 'not_allowed', message: 'Not one of your missions' }],
    );
  return m.id;
}

/**
 * A document number another person already holds is reported as a possible duplicate, never
 * merged. The other person is named only if the caller may see them.
 */
async function checkDuplicateDocuments(
  deps: Deps,
  db: Executor,
  ctx: RequestContext,
  input: Pick<PersonCreate, 'documents'>,
  exceptId?: string,
) {
  const hashes = input.documents.map((d) => documentHash(deps.keyring, d.number));
  const holders = await repo.holdersOfDocuments(db, hashes, exceptId);
  if (holders.length === 0) return;
  const details: FieldError[] = [];
  for (const [i, h] of hashes.entries()) {
    const holder = holders.find((x) => x.numberHash === h);
    if (!holder) continue;
    const row = await repo.findPersonRow(db, holder.personId);
    const visible = row && inScope(ctx, row);
    details.push({
      path: `documents.${i}.number`,
      code: 'duplicate',
      message: visible
        ? `Already held by ${row.fullName} (${row.id}): a possible duplicate`
        : 'Already held by another person in the registry: a possible duplicate',
    });
  }
  throw new AppError(
    'person.duplicate_document',
    409,
    'Another person already holds this document number; check whether it is the same person',
    details.map((d) => ({ ...d, path: `body.${d.path}` })),
  );
}

export interface CreateOptions {
  source?: PersonRow['source'];
  household?: { id: string; relationship: string } | null;
  /**
   * Store a document number another person already holds instead of refusing it. For
   * self-registration: a national must not learn from the answer that a number is on record;
   * officers reconcile such duplicates (lookup by document finds both).
   */
  allowDuplicateDocuments?: boolean;
}

/** Writes a new person inside the caller's transaction and returns their id. */
export async function insertPerson(
  deps: Deps,
  trx: Trx,
  ctx: RequestContext,
  input: PersonCreate,
  opts: CreateOptions = {},
): Promise<string> {
  const registeredMissionId = await registeringMission(deps, trx, ctx, input.missionCode);
  const household = opts.household ?? input.household ?? null;
  if (household && !(await repo.findHousehold(trx, household.id)))
    throw new AppError('household.not_found', 404, 'Household not found', [
      { path: 'body.household.id', code: 'not_found', message: 'No such household' },
    ]);
  const at = deps.now().toISOString();
  const coverage = await loadCoverage(trx);
  const built = buildPerson(deps.keyring, input, {
    phoneCountry: coverage.find((m) => m.id === registeredMissionId)?.countries[0],
    at,
    now: deps.now(),
    missionId: missionFor(coverage, input.location, registeredMissionId),
    registeredMissionId,
    source: opts.source ?? 'officer',
    householdId: household?.id ?? null,
    householdRole: household?.relationship ?? null,
  });
  if (!built.ok) throw fieldErrors(built.errors);
  if (!opts.allowDuplicateDocuments) await checkDuplicateDocuments(deps, trx, ctx, input);
  await repo.insertPeople(trx, [built.rows]);
  if (household) await repo.recountHousehold(trx, household.id, at);
  await appendAudit(trx, deps, ctx, {
    action: 'person.create',
    entityType: 'person',
    entityId: built.rows.person.id,
    changes: Object.keys(input).filter((k) => {
      const v = input[k as keyof PersonCreate];
      return v !== undefined && !(Array.isArray(v) && v.length === 0);
    }),
    meta: { source: opts.source ?? 'officer' },
  });
  return built.rows.person.id;
}

export async function createPerson(deps: Deps, ctx: RequestContext, input: PersonCreate): Promise<Person> {
  if (!canPeople(ctx, 'write')) throw forbidden();
  const id = await deps.db.transaction().execute((trx) => insertPerson(deps, trx, ctx, input));
  return readPerson(deps, deps.db, ctx, id, { allowOutOfScope: true });
}

/** Creates an empty household that people then join. */
export async function createHousehold(deps: Deps, trx: Trx, ctx: RequestContext): Promise<string> {
  const id = randomUUID();
  await repo.createHousehold(trx, id, deps.now().toISOString());
  await appendAudit(trx, deps, ctx, { action: 'household.create', entityType: 'household', entityId: id });
  return id;
}

async function readPerson(
  deps: Deps,
  db: Executor,
  ctx: RequestContext,
  id: string,
  opts: { allowOutOfScope?: boolean } = {},
): Promise<Person> {
  const row = await repo.findPersonRow(db, id);
  if (!row || !(opts.allowOutOfScope || inScope(ctx, row))) throw personNotFound();
  const [children, missions] = await Promise.all([loadChildren(db, row), missionDirectory(db)]);
  const maskContacts = !canPeople(ctx, 'reveal');
  return presentPerson(deps.keyring, row, children, missions, { maskContacts });
}

export async function getPerson(deps: Deps, ctx: RequestContext, id: string): Promise<Person> {
  if (!canPeople(ctx, 'read')) throw personNotFound();
  return readPerson(deps, deps.db, ctx, id);
}

/** A person in scope, for a change: missing and out-of-scope look the same. */
async function personForChange(db: Executor, ctx: RequestContext, id: string, action: 'write' | 'erase') {
  const row = await repo.findPersonRow(db, id);
  if (!row || !canPeople(ctx, 'read') || !inScope(ctx, row)) throw personNotFound();
  if (!canPeople(ctx, action)) throw forbidden();
  return row;
}

const LOCATION_FIELDS = [
  'addressText',
  'city',
  'adminArea',
  'country',
  'lat',
  'lon',
  'accuracyM',
  'source',
] as const;
const sameLocation = (a: PersonCreate['location'], b: PersonCreate['location']) =>
  !a === !b && LOCATION_FIELDS.every((f) => (a?.[f] ?? null) === (b?.[f] ?? null));

/**
 * Applies a change. Lists replace the old list; a different location is appended to the history.
 * Returns the names of the fields that changed.
 */
export async function applyUpdate(
  deps: Deps,
  trx: Trx,
  ctx: RequestContext,
  row: PersonRow,
  patch: Omit<PersonUpdate, 'version'>,
  opts: { source?: PersonRow['source']; contentHash?: string | null } = {},
): Promise<string[]> {
  const children = await loadChildren(trx, row);
  const before = toInput(deps.keyring, row, children);
  const { returned, household, missionCode, ...fields } = patch;
  const after: PersonCreate = { ...before, ...(fields as Partial<PersonCreate>) };
  const changed = Object.keys(fields).filter(
    (k) =>
      fields[k as keyof typeof fields] !== undefined &&
      JSON.stringify(before[k as keyof PersonCreate]) !== JSON.stringify(after[k as keyof PersonCreate]),
  );
  const now = deps.now();
  const at = now.toISOString();
  const home = await trx
    .selectFrom('missions')
    .select('countries')
    .where('id', '=', row.registeredMissionId ?? row.missionId ?? '')
    .executeTakeFirst();
  const check = checkPerson(after, now, home ? (JSON.parse(home.countries) as string[])[0] : undefined);
  if (check.errors.length > 0) throw fieldErrors(check.errors);
  if (changed.includes('documents')) await checkDuplicateDocuments(deps, trx, ctx, after, row.id);

  const set: Partial<PersonRow> = {};
  let registeredMissionId = row.registeredMissionId;
  if (missionCode !== undefined) {
    registeredMissionId = await registeringMission(deps, trx, ctx, missionCode);
    if (registeredMissionId !== row.registeredMissionId) {
      set.registeredMissionId = registeredMissionId;
      changed.push('missionCode');
    }
  }
  // The stored location carries the city centre the gazetteer gave it; so does the new one here.
  const moved =
    changed.includes('location') &&
    !sameLocation(before.location, after.location && placeLocation(after.location).location);
  if (
    changed.includes('fullName') ||
    changed.includes('givenName') ||
    changed.includes('familyName') ||
    changed.includes('nativeName') ||
    changed.includes('aliases')
  ) {
    const oldKeys = personSearchKeys(before);
    await repo.deleteNameKeys(trx, row.id, row.sortName, oldKeys);
    const sortName = normaliseName(after.fullName) || after.fullName.toLowerCase();
    Object.assign(set, {
      fullName: after.fullName,
      sortName,
      givenName: after.givenName ?? null,
      familyName: after.familyName ?? null,
      nativeName: after.nativeName ?? null,
      aliases: JSON.stringify(after.aliases),
    });
    await trx
      .insertInto('personNameKeys')
      .values(nameKeyRows(row.id, sortName, personSearchKeys(after)))
      .execute();
  }
  const scalar = [
    'sex',
    'birthDate',
    'statusAbroad',
    'employer',
    'stayFrom',
    'stayUntil',
    'retainUntil',
  ] as const;
  for (const k of scalar) if (changed.includes(k)) (set as Record<string, unknown>)[k] = after[k] ?? null;
  if (changed.includes('nationalities')) set.nationalities = JSON.stringify(after.nationalities);
  if (changed.includes('languages')) set.languages = JSON.stringify(after.languages);
  if (changed.includes('consents')) set.consents = JSON.stringify(after.consents);
  if (changed.includes('vulnerabilities')) {
    set.vulnerabilityFlags = vulnerabilityFlags(after.vulnerabilities.map((v) => v.kind));
    const notes = Object.fromEntries(
      after.vulnerabilities.filter((v) => v.note).map((v) => [v.kind, v.note]),
    );
    set.vulnerabilityNotesEnc = Object.keys(notes).length
      ? deps.keyring.encrypt(JSON.stringify(notes), CTX.notes)
      : null;
  }
  if (changed.includes('emergencyContacts'))
    set.emergencyContactsEnc = after.emergencyContacts.length
      ? deps.keyring.encrypt(JSON.stringify(after.emergencyContacts), CTX.emergency)
      : null;
  if (changed.includes('documents') || changed.includes('contacts')) {
    await repo.replaceChildren(trx, row.id, {
      documents: buildDocuments(deps.keyring, row.id, after),
      contacts: buildContacts(deps.keyring, row.id, after, check.phones),
    });
  }
  if (moved && after.location) {
    const { location, precision } = placeLocation(after.location);
    await repo.appendLocation(trx, buildLocation(deps.keyring, row.id, location, at));
    Object.assign(set, {
      country: location.country,
      adminArea: location.adminArea ?? null,
      city: location.city ?? null,
      lat: location.lat ?? null,
      lon: location.lon ?? null,
      locationPrecision: precision,
    });
  }
  if (moved || set.registeredMissionId !== undefined) {
    const coverage = await loadCoverage(trx);
    set.missionId = missionFor(coverage, after.location, registeredMissionId);
  }
  if (returned !== undefined && returned !== (row.returnedAt !== null)) {
    set.returnedAt = returned ? at : null;
    if (returned) {
      const today = at.slice(0, 10);
      if (!after.stayUntil || after.stayUntil > today) set.stayUntil = today;
    }
    changed.push('returned');
  }
  let oldHousehold: string | null = null;
  if (household !== undefined) {
    const target = household?.id ?? null;
    if (target !== row.householdId || (household && household.relationship !== row.householdRole)) {
      if (household && !(await repo.findHousehold(trx, household.id)))
        throw new AppError('household.not_found', 404, 'Household not found', [
          { path: 'body.household.id', code: 'not_found', message: 'No such household' },
        ]);
      oldHousehold = row.householdId;
      set.householdId = target;
      set.householdRole = household?.relationship ?? null;
      changed.push('household');
    }
  }
  if (changed.length === 0) return [];
  if (opts.source) set.source = opts.source;
  if (opts.contentHash !== undefined) set.contentHash = opts.contentHash;
  const res = await trx
    .updateTable('people')
    .set({ ...set, version: row.version + 1, updatedAt: at })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw staleVersion();
  if (oldHousehold) await repo.recountHousehold(trx, oldHousehold, at);
  if (set.householdId) await repo.recountHousehold(trx, set.householdId, at);
  await appendAudit(trx, deps, ctx, {
    action: 'person.update',
    entityType: 'person',
    entityId: row.id,
    changes: changed,
  });
  return changed;
}

export async function updatePerson(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  patch: PersonUpdate,
): Promise<Person> {
  const { version, ...rest } = patch;
  await deps.db.transaction().execute(async (trx) => {
    const row = await personForChange(trx, ctx, id, 'write');
    if (row.version !== version) throw staleVersion();
    await applyUpdate(deps, trx, ctx, row, rest);
  });
  return readPerson(deps, deps.db, ctx, id, { allowOutOfScope: true });
}

/** Removes a person and everything stored about them; the audit entry keeps only the id and reason. */
export async function erasePerson(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  body: PersonErase,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await personForChange(trx, ctx, id, 'erase');
    if (row.version !== body.version) throw staleVersion();
    await repo.deleteNameKeys(
      trx,
      row.id,
      row.sortName,
      personSearchKeys({ ...row, aliases: JSON.parse(row.aliases) as string[] }),
    );
    await repo.deletePerson(trx, row.id);
    if (row.householdId) await repo.recountHousehold(trx, row.householdId, deps.now().toISOString());
    await appendAudit(trx, deps, ctx, {
      action: 'person.erase',
      entityType: 'person',
      entityId: row.id,
      meta: { reason: body.reason },
    });
  });
}

/** Shows sensitive fields to a role allowed to see them; every reveal is audited with its reason. */
export async function revealPerson(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  body: PersonReveal,
): Promise<PersonSensitive> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await repo.findPersonRow(trx, id);
    if (!row || !canPeople(ctx, 'read') || !inScope(ctx, row)) throw personNotFound();
    if (!canPeople(ctx, 'reveal')) throw forbidden('Your role may not see sensitive fields');
    const out: PersonSensitive = {};
    const fields = [...new Set(body.fields)];
    if (fields.includes('documents')) {
      const docs = await repo.documentsOf(trx, id);
      out.documents = docs.map((d) => ({
        id: d.id,
        kind: d.kind as NonNullable<PersonSensitive['documents']>[number]['kind'],
        issuingCountry: d.issuingCountry,
        number: deps.keyring.decrypt(d.numberEnc, CTX.document),
      }));
    }
    if (fields.includes('vulnerabilities')) {
      const notes = row.vulnerabilityNotesEnc
        ? (JSON.parse(deps.keyring.decrypt(row.vulnerabilityNotesEnc, CTX.notes)) as Record<string, string>)
        : {};
      out.vulnerabilities = vulnerabilityKinds(row.vulnerabilityFlags).map((kind) => ({
        kind,
        note: notes[kind] ?? null,
      }));
    }
    await appendAudit(trx, deps, ctx, {
      action: 'person.reveal',
      entityType: 'person',
      entityId: id,
      changes: fields,
      meta: { reason: body.reason },
    });
    return out;
  });
}
