// Row types of every table, as Kysely sees them through CamelCasePlugin (snake_case in SQL).
// Dialect rules (docs/DATABASE.md): times are ISO 8601 UTC text, booleans are 0/1 integers,
// structured values are JSON text, ids are UUID text. The same rows work on SQLite and PostgreSQL.
import type { Generated, Selectable } from 'kysely';

export interface OrganisationsTable {
  id: string;
  kind: 'headquarters' | 'partner';
  name: string;
  shortName: string;
  email: string | null;
  phone: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface MissionsTable {
  id: string;
  code: string;
  name: string;
  kind: 'embassy' | 'consulate' | 'office';
  city: string;
  /** JSON array of ISO 3166-1 alpha-2 codes; mission_countries indexes it. */
  countries: string;
  /** JSON array of { country, adminAreas? }. */
  jurisdictions: string;
  hotline: string;
  email: string | null;
  address: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface MissionCountriesTable {
  missionId: string;
  country: string;
}

export interface UsersTable {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string;
  role: string;
  organisationId: string | null;
  locale: 'id' | 'en';
  status: 'active' | 'disabled';
  totpSecretEnc: string | null;
  totpEnabled: number;
  /** The last TOTP time step accepted, so that a code cannot be used twice. */
  totpLastStep: number | null;
  mustChangePassword: number;
  /** Keyed hash of the email, shared with login_throttle so lockouts work for unknown emails too. */
  loginKey: string;
  lastLoginAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface UserMissionsTable {
  userId: string;
  missionId: string;
}

export interface RoleSettingsTable {
  role: string;
  totpRequired: number;
  updatedAt: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie value; the cookie itself is never stored. */
  id: string;
  userId: string;
  csrfToken: string;
  stage: 'complete' | 'totp' | 'totp_enrol';
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
}

export interface ApiTokensTable {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  lockouts: number;
  lockedUntil: string | null;
  updatedAt: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  requestId: string | null;
  changes: string | null;
  meta: string | null;
  prevHash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface OutboxTable {
  id: string;
  kind: string;
  payload: string;
  status: 'pending' | 'processing' | 'done' | 'dead';
  attempts: number;
  maxAttempts: number;
  runAt: string;
  lockedBy: string | null;
  lockedUntil: string | null;
  lastError: string | null;
  idempotencyKey: string | null;
  createdAt: string;
  updatedAt: string;
  doneAt: string | null;
}

export interface Database {
  organisations: OrganisationsTable;
  missions: MissionsTable;
  missionCountries: MissionCountriesTable;
  users: UsersTable;
  userMissions: UserMissionsTable;
  roleSettings: RoleSettingsTable;
  sessions: SessionsTable;
  apiTokens: ApiTokensTable;
  loginThrottle: LoginThrottleTable;
  auditLog: AuditLogTable;
  auditHead: AuditHeadTable;
  outbox: OutboxTable;
  households: HouseholdsTable;
  people: PeopleTable;
  personDocuments: PersonDocumentsTable;
  personContacts: PersonContactsTable;
  personLocations: PersonLocationsTable;
  personNameKeys: PersonNameKeysTable;
  imports: ImportsTable;
  importErrors: ImportErrorsTable;
  peopleChanges: PeopleChangesTable;
  crises: CrisesTable;
  crisisCountries: CrisisCountriesTable;
  crisisAreas: CrisisAreasTable;
  crisisAlertLevels: CrisisAlertLevelsTable;
  crisisEvents: CrisisEventsTable;
  crisisMissions: CrisisMissionsTable;
  hazardFeeds: HazardFeedsTable;
  feedDocuments: FeedDocumentsTable;
  hazardEvents: HazardEventsTable;
  hazardMessages: HazardMessagesTable;
}

export interface HouseholdsTable {
  id: string;
  size: number;
  createdAt: string;
  updatedAt: string;
}

export interface PeopleTable {
  id: string;
  version: number;
  fullName: string;
  sortName: string;
  givenName: string | null;
  familyName: string | null;
  nativeName: string | null;
  /** JSON array of strings. */
  aliases: string;
  sex: 'female' | 'male' | 'unknown';
  birthDate: string | null;
  /** JSON arrays of ISO country codes and of BCP 47 tags. */
  nationalities: string;
  languages: string;
  statusAbroad: string;
  employer: string | null;
  stayFrom: string | null;
  stayUntil: string | null;
  returnedAt: string | null;
  missionId: string | null;
  registeredMissionId: string | null;
  householdId: string | null;
  householdRole: string | null;
  country: string | null;
  adminArea: string | null;
  city: string | null;
  lat: number | null;
  lon: number | null;
  /** 'point' for a position of the person's own, 'city' for their city's centre; null without one. */
  locationPrecision: 'point' | 'city' | null;
  /** Bit i set: VULNERABILITIES[i] recorded. */
  vulnerabilityFlags: number;
  /** Encrypted JSON { kind: note }. */
  vulnerabilityNotesEnc: string | null;
  /** Encrypted JSON array of emergency contacts. */
  emergencyContactsEnc: string | null;
  /** JSON array of consent records. */
  consents: string;
  retainUntil: string | null;
  source: 'officer' | 'import' | 'self' | 'demo';
  sourceKey: string | null;
  contentHash: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PersonDocumentsTable {
  id: string;
  personId: string;
  position: number;
  kind: string;
  issuingCountry: string;
  numberEnc: string;
  numberHash: string;
  /** The last characters, shown while the number is hidden. */
  numberLast: string;
  expiresOn: string | null;
}

export interface PersonContactsTable {
  id: string;
  personId: string;
  position: number;
  kind: 'phone' | 'email' | 'messaging';
  service: string | null;
  valueEnc: string;
  valueHash: string;
  consent: number;
  verified: number;
}

export interface PersonLocationsTable {
  id: string;
  personId: string;
  addressEnc: string | null;
  city: string | null;
  adminArea: string | null;
  country: string;
  lat: number | null;
  lon: number | null;
  accuracyM: number | null;
  source: string;
  validFrom: string;
  validUntil: string | null;
}

export interface PersonNameKeysTable {
  key: string;
  sortName: string;
  personId: string;
}

export interface ImportsTable {
  id: string;
  fileName: string;
  fileSha256: string;
  missionId: string | null;
  actorId: string | null;
  actorLabel: string;
  status: 'running' | 'done' | 'failed';
  dryRun: number;
  /** JSON: the options the import ran with (mapping, status, country). */
  options: string;
  rowsRead: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  totalBytes: number;
  bytesRead: number;
  error: string | null;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

export interface ImportErrorsTable {
  importId: string;
  row: number;
  column: string;
  code: string;
  message: string;
}

export type PersonRow = Selectable<PeopleTable>;
export type UserRow = Selectable<UsersTable>;
export type MissionRow = Selectable<MissionsTable>;
export type OrganisationRow = Selectable<OrganisationsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type OutboxRow = Selectable<OutboxTable>;

// Self-registration (modules/registration). Declared here, at the end, and merged into Database.

export interface RegistrationsTable {
  id: string;
  contactKind: 'phone' | 'email';
  /** Keyed hash of the contact the code went to: counts codes per contact without storing it. */
  contactHash: string;
  /** Encrypted JSON of the submitted household; null once confirmed, locked, or never sent. */
  payloadEnc: string | null;
  /** Keyed hash of the one-time code, bound to the registration id; null when no code was sent. */
  codeHash: string | null;
  attempts: number;
  maxAttempts: number;
  status: 'pending' | 'verified' | 'locked';
  lang: 'id' | 'en';
  createdAt: string;
  expiresAt: string;
  verifiedAt: string | null;
}

export interface RegistrationLinksTable {
  /** SHA-256 of the management link's token; the token itself is never stored. */
  tokenHash: string;
  registrationId: string;
  householdId: string;
  /** The registrant, head of the household. */
  personId: string;
  lang: 'id' | 'en';
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
}

export interface Database {
  registrations: RegistrationsTable;
  registrationLinks: RegistrationLinksTable;
}

/** Written by triggers on people: one row per insert, update or delete. */
export interface PeopleChangesTable {
  seq: Generated<number>;
  personId: string;
  at: string;
}

export interface CrisesTable {
  id: string;
  version: number;
  type: string;
  title: string;
  description: string;
  /** JSON array of ISO codes; crisis_countries holds the level of each. */
  countries: string;
  phase: string;
  status: 'monitoring' | 'active' | 'closed';
  exercise: number;
  hazardEventId: string | null;
  declaredBy: string;
  declaredById: string | null;
  declaredAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface CrisisCountriesTable {
  crisisId: string;
  country: string;
  alertLevel: string;
}

export interface CrisisAreasTable {
  id: string;
  crisisId: string;
  position: number;
  kind: 'polygon' | 'circle' | 'country' | 'admin1';
  name: string;
  /** JSON array of ISO codes the area touches. */
  countries: string;
  /** JSON of the validated area input. */
  spec: string;
  alertLevel: string | null;
}

export interface CrisisAlertLevelsTable {
  id: string;
  crisisId: string;
  country: string | null;
  areaId: string | null;
  level: string;
  reason: string;
  setBy: string;
  setById: string | null;
  setAt: string;
}

export interface CrisisEventsTable {
  id: string;
  crisisId: string;
  kind: string;
  text: string;
  /** JSON of the entry's particulars (CrisisEventData). */
  data: string | null;
  author: string;
  authorId: string | null;
  at: string;
}

export interface CrisisMissionsTable {
  crisisId: string;
  missionId: string;
}

export interface HazardFeedsTable {
  id: string;
  name: string;
  url: string;
  intervalMinutes: number;
  enabled: number;
  etag: string | null;
  lastModified: string | null;
  lastPolledAt: string | null;
  lastStatus: string | null;
  lastError: string | null;
  createdAt: string;
}

export interface FeedDocumentsTable {
  id: string;
  feedId: string | null;
  fileName: string | null;
  url: string | null;
  format: string;
  sha256: string;
  bytes: number;
  body: Uint8Array;
  status: 'accepted' | 'partial' | 'rejected' | 'unchanged';
  /** JSON array of { code, message, path?, itemIndex? }. */
  rejections: string;
  receivedAt: string;
}

export interface HazardEventsTable {
  id: string;
  source: 'cap' | 'gdacs' | 'usgs';
  externalKey: string;
  revision: number;
  kind: string;
  severity: string;
  status: string;
  title: string;
  description: string | null;
  magnitude: number | null;
  countries: string;
  /** JSON of the parsed area (polygons, circles, point, geocodes, description). */
  area: string;
  radiusKm: number | null;
  radiusSetBy: string | null;
  cancelled: number;
  sentAt: string;
  expiresAt: string | null;
  link: string | null;
  documentId: string | null;
  crisisId: string | null;
  revisions: number;
  createdAt: string;
  updatedAt: string;
}

export interface HazardMessagesTable {
  source: string;
  messageKey: string;
  eventId: string;
  revision: number;
  documentId: string | null;
  receivedAt: string;
}

export type CrisisRow = Selectable<CrisesTable>;
export type HazardEventRow = Selectable<HazardEventsTable>;
