// Stored rows -> the person officers read. Sensitive values stay hidden here: document numbers
// show their last characters, vulnerabilities only their count. A viewer also sees contact values,
// addresses and emergency contacts masked.
import type { Person, PersonCreate, PersonSummary } from '@siaga/contracts';
import type { PersonRow } from '../../db/schema';
import type { Keyring } from '../../platform/crypto';
import * as repo from './people.repo';
import { CTX, vulnerabilityKinds } from './records';
import type { Executor } from '../../db/client';

type MissionRef = { id: string; code: string; name: string };
type Children = {
  documents: Awaited<ReturnType<typeof repo.documentsOf>>;
  contacts: Awaited<ReturnType<typeof repo.contactsOf>>;
  locations: Awaited<ReturnType<typeof repo.locationsOf>>;
  members: Awaited<ReturnType<typeof repo.householdMembers>>;
};

export const mask = (value: string, keep = 3) =>
  value.length <= keep
    ? '•'.repeat(value.length)
    : `${'•'.repeat(Math.min(value.length - keep, 8))}${value.slice(-keep)}`;

const popcount = (n: number) => vulnerabilityKinds(n).length;

export async function loadChildren(db: Executor, row: PersonRow): Promise<Children> {
  const [documents, contacts, locations, members] = await Promise.all([
    repo.documentsOf(db, row.id),
    repo.contactsOf(db, row.id),
    repo.locationsOf(db, row.id, 1),
    row.householdId ? repo.householdMembers(db, row.householdId) : Promise.resolve([]),
  ]);
  return { documents, contacts, locations, members };
}

export function presentPerson(
  keyring: Keyring,
  row: PersonRow,
  children: Children,
  missions: Map<string, MissionRef>,
  opts: { maskContacts: boolean },
): Person {
  const loc = children.locations[0];
  const decrypt = (v: string | null, ctx: string) => (v === null ? null : keyring.decrypt(v, ctx));
  const address = loc ? decrypt(loc.addressEnc, CTX.address) : null;
  return {
    id: row.id,
    version: row.version,
    fullName: row.fullName,
    givenName: row.givenName,
    familyName: row.familyName,
    nativeName: row.nativeName,
    aliases: JSON.parse(row.aliases) as string[],
    sex: row.sex,
    birthDate: row.birthDate,
    nationalities: JSON.parse(row.nationalities) as string[],
    languages: JSON.parse(row.languages) as string[],
    statusAbroad: row.statusAbroad as Person['statusAbroad'],
    employer: row.employer,
    stayFrom: row.stayFrom,
    stayUntil: row.stayUntil,
    returnedAt: row.returnedAt,
    mission: (row.missionId && missions.get(row.missionId)) || null,
    registeredBy: (row.registeredMissionId && missions.get(row.registeredMissionId)) || null,
    household: row.householdId
      ? {
          id: row.householdId,
          relationship: (row.householdRole ?? 'other') as NonNullable<Person['household']>['relationship'],
          members: children.members.map((m) => ({
            id: m.id,
            fullName: m.fullName,
            relationship: (m.householdRole ?? 'other') as NonNullable<Person['household']>['relationship'],
            birthDate: m.birthDate,
          })),
        }
      : null,
    location: loc
      ? {
          addressText: address && opts.maskContacts ? mask(address, 0) : address,
          city: loc.city,
          adminArea: loc.adminArea,
          country: loc.country,
          lat: loc.lat,
          lon: loc.lon,
          accuracyM: loc.accuracyM,
          source: loc.source as NonNullable<Person['location']>['source'],
          validFrom: loc.validFrom,
          validUntil: loc.validUntil,
        }
      : null,
    documents: children.documents.map((d) => ({
      id: d.id,
      kind: d.kind as Person['documents'][number]['kind'],
      issuingCountry: d.issuingCountry,
      expiresOn: d.expiresOn,
      number: `••••${d.numberLast}`,
    })),
    contacts: children.contacts.map((c) => {
      const value = keyring.decrypt(c.valueEnc, CTX.contact);
      return {
        id: c.id,
        kind: c.kind,
        value: opts.maskContacts ? mask(value) : value,
        service: c.service as Person['contacts'][number]['service'],
        consent: c.consent === 1,
        verified: c.verified === 1,
      };
    }),
    emergencyContacts:
      row.emergencyContactsEnc && !opts.maskContacts
        ? (JSON.parse(
            keyring.decrypt(row.emergencyContactsEnc, CTX.emergency),
          ) as Person['emergencyContacts'])
        : [],
    vulnerabilityCount: popcount(row.vulnerabilityFlags),
    consents: JSON.parse(row.consents) as Person['consents'],
    retainUntil: row.retainUntil,
    source: row.source,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * The whole record, decrypted, in the shape it was submitted: the base an update is applied to.
 * Never sent to a client as such.
 */
export function toInput(
  keyring: Keyring,
  row: PersonRow,
  children: Children,
  missionCode?: string,
): PersonCreate {
  const loc = children.locations[0];
  const notes = row.vulnerabilityNotesEnc
    ? (JSON.parse(keyring.decrypt(row.vulnerabilityNotesEnc, CTX.notes)) as Record<string, string>)
    : {};
  const opt = <T>(v: T | null) => (v === null ? undefined : v);
  return {
    fullName: row.fullName,
    givenName: opt(row.givenName),
    familyName: opt(row.familyName),
    nativeName: opt(row.nativeName),
    aliases: JSON.parse(row.aliases) as string[],
    sex: row.sex,
    birthDate: opt(row.birthDate),
    nationalities: JSON.parse(row.nationalities) as string[],
    languages: JSON.parse(row.languages) as string[],
    statusAbroad: row.statusAbroad as PersonCreate['statusAbroad'],
    employer: opt(row.employer),
    stayFrom: opt(row.stayFrom),
    stayUntil: opt(row.stayUntil),
    documents: children.documents.map((d) => ({
      kind: d.kind as PersonCreate['documents'][number]['kind'],
      number: keyring.decrypt(d.numberEnc, CTX.document),
      issuingCountry: d.issuingCountry,
      expiresOn: opt(d.expiresOn),
    })),
    contacts: children.contacts.map((c) => ({
      kind: c.kind,
      value: keyring.decrypt(c.valueEnc, CTX.contact),
      service: opt(c.service) as PersonCreate['contacts'][number]['service'],
      consent: c.consent === 1,
      verified: c.verified === 1,
    })),
    location: loc
      ? {
          addressText: opt(loc.addressEnc === null ? null : keyring.decrypt(loc.addressEnc, CTX.address)),
          city: opt(loc.city),
          adminArea: opt(loc.adminArea),
          country: loc.country,
          lat: opt(loc.lat),
          lon: opt(loc.lon),
          accuracyM: opt(loc.accuracyM),
          source: loc.source as NonNullable<PersonCreate['location']>['source'],
        }
      : undefined,
    emergencyContacts: row.emergencyContactsEnc
      ? (JSON.parse(
          keyring.decrypt(row.emergencyContactsEnc, CTX.emergency),
        ) as PersonCreate['emergencyContacts'])
      : [],
    vulnerabilities: vulnerabilityKinds(row.vulnerabilityFlags).map((kind) => ({
      kind,
      ...(notes[kind] !== undefined && { note: notes[kind] }),
    })),
    consents: JSON.parse(row.consents) as PersonCreate['consents'],
    retainUntil: opt(row.retainUntil),
    missionCode,
  };
}

export function presentSummary(
  row: Pick<
    PersonRow,
    | 'id'
    | 'fullName'
    | 'sex'
    | 'birthDate'
    | 'statusAbroad'
    | 'country'
    | 'city'
    | 'returnedAt'
    | 'updatedAt'
    | 'missionId'
  > & { householdSize: number | null },
  missionCodes: Map<string, { code: string }>,
): PersonSummary {
  return {
    id: row.id,
    fullName: row.fullName,
    sex: row.sex,
    birthDate: row.birthDate,
    statusAbroad: row.statusAbroad as PersonSummary['statusAbroad'],
    missionCode: (row.missionId && missionCodes.get(row.missionId)?.code) || null,
    country: row.country,
    city: row.city,
    householdSize: Number(row.householdSize ?? 1),
    returnedAt: row.returnedAt,
    updatedAt: row.updatedAt,
  };
}
