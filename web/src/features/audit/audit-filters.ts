// The audit page keeps its filters in the address (so a link such as a user's "Activity" opens
// it pre-filtered), and the form edits date-times in local time while the API wants ISO 8601.
import type { AuditFilters } from './audit.api';

export const ENTITY_TYPES = [
  'user',
  'mission',
  'organisation',
  'api_token',
  'role',
  'person',
  'household',
  'import',
] as const;

/** Actions Siaga records, offered as suggestions in the action filter. */
export const KNOWN_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.totp_setup',
  'auth.totp_enable',
  'auth.totp_disable',
  'auth.totp_verified',
  'auth.totp_failed',
  'user.create',
  'user.update',
  'user.password_change',
  'user.password_reset',
  'role.update',
  'mission.create',
  'mission.update',
  'organisation.create',
  'organisation.update',
  'token.create',
  'token.revoke',
  'person.create',
  'person.update',
  'person.erase',
  'person.reveal',
  'person.export',
  'household.create',
  'import.start',
  'import.batch',
  'import.finish',
  'import.fail',
  'demo.people',
] as const;

const KEYS = ['actorId', 'action', 'entityType', 'entityId', 'from', 'to'] as const;

export function filtersFromSearch(search: string): AuditFilters {
  const params = new URLSearchParams(search);
  const out: AuditFilters = {};
  for (const key of KEYS) {
    const value = params.get(key)?.trim();
    if (value) out[key] = value;
  }
  return out;
}

/** What the filter form edits: text as typed, date-times as datetime-local values. */
export interface AuditDraft {
  action: string;
  entityType: string;
  entityId: string;
  from: string;
  to: string;
}

export const draftOf = (f: AuditFilters): AuditDraft => ({
  action: f.action ?? '',
  entityType: f.entityType ?? '',
  entityId: f.entityId ?? '',
  from: isoToLocal(f.from),
  to: isoToLocal(f.to),
});

/** The filters a draft asks for; an actor chosen by link (actorId) is kept. */
export function filtersOf(draft: AuditDraft, current: AuditFilters): AuditFilters {
  const out: AuditFilters = {};
  if (current.actorId) out.actorId = current.actorId;
  const action = draft.action.trim();
  const entityId = draft.entityId.trim();
  const from = localToIso(draft.from);
  const to = localToIso(draft.to);
  if (action) out.action = action;
  if (draft.entityType) out.entityType = draft.entityType;
  if (entityId) out.entityId = entityId;
  if (from) out.from = from;
  if (to) out.to = to;
  return out;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** "2026-05-01T10:30" in the browser's time zone → "2026-05-01T10:30:00+07:00". */
export function localToIso(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return undefined;
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const date = `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return `${date}T${time}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

/** An ISO 8601 date-time → the datetime-local value for the same moment in the browser's zone. */
export function isoToLocal(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const date = `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${date}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
