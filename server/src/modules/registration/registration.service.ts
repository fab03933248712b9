// Self-registration: a submitted household waits, encrypted, until its one-time code comes back;
// then every person is written in one transaction and a private management link is issued.
//
// Nothing here looks at who is already registered: the answer to a submission is the same for a
// known and an unknown phone, email or passport, and a confirmed registration always creates new
// records (officers reconcile duplicates).
import { randomInt, randomUUID } from 'node:crypto';
import type { Deps, RequestContext } from '../../platform/context';
import { randomToken, safeEqual, sha256 } from '../../platform/crypto';
import { createHousehold, insertPerson } from '../people/people.service';
import type { ValidRegistration } from './form';
import type { Lang } from './i18n';
import { maskContact, sendCode, sendLink, type Channel } from './messages';
import * as repo from './registration.repo';

export const CODE_MINUTES = 30;
export const MAX_ATTEMPTS = 5;
/** Codes per contact per hour; beyond it the answer stays the same but nothing is sent. */
export const CODES_PER_CONTACT_PER_HOUR = 3;
export const LINK_DAYS = 365;
const PAYLOAD_CTX = 'registrations.payload';

/** The audit actor of changes made by nationals themselves: no personal data in the label. */
export const selfContext = (requestId: string | null): RequestContext => ({
  actor: { kind: 'system', label: 'self-registration' },
  requestId,
});

const minutes = (n: number) => n * 60_000;
const codeHash = (deps: Pick<Deps, 'keyring'>, id: string, code: string) =>
  deps.keyring.lookupHash('registration-code', `${id}:${code}`);
const contactKey = (deps: Pick<Deps, 'keyring'>, channel: Channel, to: string) =>
  deps.keyring.lookupHash('registration-contact', `${channel}:${to}`);

export interface Started {
  id: string;
  channel: Channel;
  /** The contact the code went to, masked. */
  sentTo: string;
  expiresAt: string;
}

interface Payload {
  registration: ValidRegistration;
}

/** Pending and finished registrations are kept a day, then removed by the housekeeping timer. */
export const KEEP_REGISTRATIONS_HOURS = 24;

export async function purgeOldRegistrations(deps: Deps): Promise<void> {
  const before = new Date(deps.now().getTime() - minutes(KEEP_REGISTRATIONS_HOURS * 60)).toISOString();
  await repo.deleteOldRegistrations(deps.db, before);
}

/** Stores the pending registration and sends its code (unless the contact has had too many). */
export async function startRegistration(deps: Deps, reg: ValidRegistration, lang: Lang): Promise<Started> {
  const now = deps.now();
  const at = now.toISOString();
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + minutes(CODE_MINUTES)).toISOString();
  const contactHash = contactKey(deps, reg.channel, reg.to);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const payload: Payload = { registration: reg };
  await deps.db.transaction().execute(async (trx) => {
    const recent = await repo.countRecentForContact(
      trx,
      contactHash,
      new Date(now.getTime() - minutes(60)).toISOString(),
    );
    const send = recent < CODES_PER_CONTACT_PER_HOUR;
    await repo.insertRegistration(trx, {
      id,
      contactKind: reg.channel,
      contactHash,
      payloadEnc: send ? deps.keyring.encrypt(JSON.stringify(payload), PAYLOAD_CTX) : null,
      codeHash: send ? codeHash(deps, id, code) : null,
      attempts: 0,
      maxAttempts: MAX_ATTEMPTS,
      status: 'pending',
      lang,
      createdAt: at,
      expiresAt,
      verifiedAt: null,
    });
    if (send)
      await sendCode(trx, deps, { id, channel: reg.channel, to: reg.to, lang, code, minutes: CODE_MINUTES });
    // Logged without the contact: the registration id is enough to find the row.
    else deps.log.warn({ registration: id }, 'registration code not sent: too many codes for this contact');
  });
  return { id, channel: reg.channel, sentTo: maskContact(reg.channel, reg.to), expiresAt };
}

export type Verified =
  | {
      kind: 'done';
      token: string;
      url: string;
      expiresAt: string;
      people: number;
      channel: Channel;
      sentTo: string;
      lang: Lang;
    }
  | { kind: 'wrong'; remaining: number; lang: Lang; channel: Channel }
  | { kind: 'expired'; lang: Lang | null }
  | { kind: 'already'; lang: Lang };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Checks a code. A correct one writes the household, the registrant at its head, in one
 * transaction and issues the management link; `baseUrl` is where the link points.
 */
export async function verifyRegistration(
  deps: Deps,
  id: string,
  code: string,
  opts: { requestId: string | null; baseUrl: string },
): Promise<Verified> {
  const row = UUID.test(id) ? await repo.findRegistration(deps.db, id) : undefined;
  if (!row) return { kind: 'expired', lang: null };
  const lang = row.lang;
  if (row.status === 'verified') return { kind: 'already', lang };
  const now = deps.now();
  const attempts = await repo.countAttempt(deps.db, id, now.toISOString());
  if (attempts === null) {
    const again = await repo.findRegistration(deps.db, id);
    return again?.status === 'verified' ? { kind: 'already', lang } : { kind: 'expired', lang };
  }
  const given = code.replace(/\s/g, '');
  const ok =
    row.codeHash !== null && /^\d{6}$/.test(given) && safeEqual(codeHash(deps, id, given), row.codeHash);
  if (!ok) {
    const remaining = row.maxAttempts - attempts;
    if (remaining > 0) return { kind: 'wrong', remaining, lang, channel: row.contactKind };
    await repo.lockRegistration(deps.db, id);
    return { kind: 'expired', lang };
  }
  if (row.payloadEnc === null) return { kind: 'expired', lang };
  const { registration: reg } = JSON.parse(deps.keyring.decrypt(row.payloadEnc, PAYLOAD_CTX)) as Payload;
  const ctx = selfContext(opts.requestId);
  const token = randomToken(32);
  const url = `${opts.baseUrl}/lapor/m/${token}`;
  const at = now.toISOString();
  const linkExpires = new Date(now.getTime() + minutes(LINK_DAYS * 24 * 60)).toISOString();

  const created = await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.claimVerified(trx, id, at))) return false;
    const householdId = await createHousehold(deps, trx, ctx);
    // The contact the code reached is proven to be the registrant's.
    const head = {
      ...reg.head,
      contacts: reg.head.contacts.map((c) => (c.kind === reg.channel ? { ...c, verified: true } : c)),
    };
    const headId = await writePerson(deps, trx, ctx, head, { id: householdId, relationship: 'head' });
    for (const m of reg.members)
      await writePerson(deps, trx, ctx, m.input, { id: householdId, relationship: m.relationship });
    await repo.insertLink(trx, {
      tokenHash: sha256(token),
      registrationId: id,
      householdId,
      personId: headId,
      lang,
      createdAt: at,
      expiresAt: linkExpires,
      lastUsedAt: null,
    });
    await sendLink(trx, deps, { id, channel: reg.channel, to: reg.to, lang, url });
    return true;
  });
  if (!created) return { kind: 'already', lang };
  return {
    kind: 'done',
    token,
    url,
    expiresAt: linkExpires,
    people: 1 + reg.members.length,
    channel: reg.channel,
    sentTo: maskContact(reg.channel, reg.to),
    lang,
  };
}

/**
 * Writes one person through the officers' path. A document number already on record is stored
 * rather than refused: a national registering must not learn that, and officers reconcile such
 * duplicates.
 */
function writePerson(
  deps: Deps,
  trx: Parameters<typeof insertPerson>[1],
  ctx: RequestContext,
  input: ValidRegistration['head'],
  household: { id: string; relationship: string },
) {
  return insertPerson(deps, trx, ctx, input, { source: 'self', household, allowDuplicateDocuments: true });
}
