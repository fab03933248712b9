// What a national may do with their management link: read their household's records, change their
// phone or email, move (the whole household: the new location is appended to each person's history
// and the responsible mission recomputed), and report that they have returned home.
import { CountryCode, PersonContactInput, PersonLocationInput, type PersonCreate } from '@siaga/contracts';
import { AppError } from '../../errors';
import type { Deps } from '../../platform/context';
import { sha256 } from '../../platform/crypto';
import { loadChildren, toInput } from '../people/people.presenter';
import { applyUpdate, type Trx } from '../people/people.service';
import { normalisePhone } from '../people/phones';
import { checkKey, type FieldErrors } from './form';
import type { Lang } from './i18n';
import { isResidenceCountry } from './options';
import * as repo from './registration.repo';
import { selfContext } from './registration.service';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export interface HouseholdView {
  /** The language the national registered in. */
  lang: Lang;
  expiresAt: string;
  people: {
    fullName: string;
    relationship: string;
    sex: string;
    birthDate: string | null;
    returnedAt: string | null;
    stayUntil: string | null;
  }[];
  contacts: { kind: 'phone' | 'email' | 'messaging'; value: string; verified: boolean }[];
  location: { country: string; city: string | null; addressText: string | null } | null;
  mission: { code: string; name: string } | null;
  returnedAt: string | null;
}

/** The link's household with its registrant first, or null for a wrong, expired or orphaned link. */
async function open(deps: Deps, db: Deps['db'] | Trx, token: string) {
  if (!TOKEN.test(token)) return null;
  const link = await repo.findLink(db, sha256(token), deps.now().toISOString());
  if (!link) return null;
  const rows = await repo.householdRows(db, link.householdId);
  const head = rows.find((r) => r.id === link.personId);
  if (!head) return null;
  return { link, head, people: [head, ...rows.filter((r) => r.id !== head.id)] };
}

export const linkInvalid = () =>
  new AppError('registration.link_invalid', 404, 'This link is wrong, has expired or its records are gone');

export async function viewHousehold(deps: Deps, token: string): Promise<HouseholdView | null> {
  const found = await open(deps, deps.db, token);
  if (!found) return null;
  const { head, people, link } = found;
  const input = toInput(deps.keyring, head, await loadChildren(deps.db, head));
  const mission = head.missionId ? ((await repo.missionRef(deps.db, head.missionId)) ?? null) : null;
  return {
    lang: link.lang,
    expiresAt: link.expiresAt,
    people: people.map((p) => ({
      fullName: p.fullName,
      relationship: p.householdRole ?? 'other',
      sex: p.sex,
      birthDate: p.birthDate,
      returnedAt: p.returnedAt,
      stayUntil: p.stayUntil,
    })),
    contacts: input.contacts.map((c) => ({ kind: c.kind, value: c.value, verified: c.verified })),
    location: input.location
      ? {
          country: input.location.country,
          city: input.location.city ?? null,
          addressText: input.location.addressText ?? null,
        }
      : null,
    mission,
    returnedAt: head.returnedAt,
  };
}

export type ChangeResult =
  { ok: true } | { ok: false; errors: FieldErrors } | { ok: false; invalidLink: true };

/** Runs a change on the link's household in one transaction, as the self-registration actor. */
async function change(
  deps: Deps,
  token: string,
  requestId: string | null,
  fn: (
    trx: Trx,
    ctx: ReturnType<typeof selfContext>,
    found: NonNullable<Awaited<ReturnType<typeof open>>>,
  ) => Promise<void>,
): Promise<ChangeResult> {
  const ok = await deps.db.transaction().execute(async (trx) => {
    const found = await open(deps, trx, token);
    if (!found) return false;
    await fn(trx, selfContext(requestId), found);
    await repo.touchLink(trx, found.link.tokenHash, deps.now().toISOString());
    return true;
  });
  return ok ? { ok: true } : { ok: false, invalidLink: true };
}

/** Replaces the registrant's phone and email; a changed one is no longer verified. */
export async function changeContacts(
  deps: Deps,
  token: string,
  values: { phone: string; email: string },
  requestId: string | null,
): Promise<ChangeResult> {
  const phone = values.phone.trim();
  const email = values.email.trim();
  if (phone === '' && email === '') return { ok: false, errors: { phone: 'contact.required' } };
  const errors: FieldErrors = {};
  try {
    return await change(deps, token, requestId, async (trx, ctx, { head }) => {
      const before = toInput(deps.keyring, head, await loadChildren(trx, head));
      const residence = before.location?.country;
      const alerts = JSON.parse(head.consents).some(
        (c: { purpose: string }) => c.purpose === 'alerts',
      ) as boolean;
      const old = (kind: 'phone' | 'email') => before.contacts.find((c) => c.kind === kind);
      const same = (kind: 'phone' | 'email', value: string) => {
        const prev = old(kind)?.value;
        if (prev === undefined) return false;
        if (kind === 'email') return prev.toLowerCase() === value.toLowerCase();
        const r = normalisePhone(value, residence);
        return r.ok && r.e164 === prev;
      };
      const next: PersonCreate['contacts'] = before.contacts.filter((c) => c.kind === 'messaging');
      const fields: string[] = before.contacts.filter((c) => c.kind === 'messaging').map(() => 'phone');
      for (const [kind, value] of [
        ['phone', phone],
        ['email', email],
      ] as const) {
        if (value === '') continue;
        const parsed = PersonContactInput.safeParse({
          kind,
          value,
          consent: old(kind)?.consent ?? alerts,
          verified: same(kind, value) && (old(kind)?.verified ?? false),
        });
        if (!parsed.success) {
          const code = parsed.error.issues[0]?.code;
          errors[kind] =
            code === 'too_big' ? 'too_long' : /\p{Cc}/u.test(value) ? 'chars' : `${kind}.invalid`;
        } else {
          next.push(parsed.data);
          fields.push(kind);
        }
      }
      if (Object.keys(errors).length > 0) throw new FieldProblems();
      try {
        await applyUpdate(deps, trx, ctx, head, { contacts: next });
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'request.invalid') throw err;
        for (const d of err.details ?? []) {
          const index = Number(/^body\.contacts\.(\d+)/.exec(d.path)?.[1]);
          errors[fields[index] ?? 'phone'] = checkKey(d.code);
        }
        throw new FieldProblems();
      }
    });
  } catch (err) {
    if (err instanceof FieldProblems) return { ok: false, errors };
    throw err;
  }
}

// Thrown inside a transaction to roll it back when the national's input is at fault.
class FieldProblems extends Error {}

/** Moves the whole household: each person's location history grows and their mission is recomputed. */
export async function moveHousehold(
  deps: Deps,
  token: string,
  values: { country: string; city: string; address: string },
  requestId: string | null,
): Promise<ChangeResult> {
  const errors: FieldErrors = {};
  if (values.country.trim() === '') errors.country = 'required';
  else if (!CountryCode.safeParse(values.country).success || !isResidenceCountry(values.country))
    errors.country = 'country.unknown';
  if (values.city.trim() === '') errors.city = 'required';
  const location = PersonLocationInput.safeParse({
    country: values.country,
    city: values.city,
    ...(values.address.trim() !== '' ? { addressText: values.address } : {}),
    source: 'self',
  });
  if (!location.success) {
    for (const issue of location.error.issues) {
      const field = issue.path[0] === 'addressText' ? 'address' : String(issue.path[0] ?? 'city');
      if (field in errors) continue;
      const value = String((values as Record<string, string>)[field] ?? '');
      errors[field] = issue.code === 'too_big' ? 'too_long' : /\p{Cc}/u.test(value) ? 'chars' : 'invalid';
    }
  }
  if (Object.keys(errors).length > 0 || !location.success) return { ok: false, errors };
  return change(deps, token, requestId, async (trx, ctx, { people }) => {
    for (const row of people) await applyUpdate(deps, trx, ctx, row, { location: location.data });
  });
}

/** "I have returned home", for the whole household: each stay ends today. */
export function markReturned(deps: Deps, token: string, requestId: string | null): Promise<ChangeResult> {
  return change(deps, token, requestId, async (trx, ctx, { people }) => {
    for (const row of people) await applyUpdate(deps, trx, ctx, row, { returned: true });
  });
}
