// Who is acting and on whose request: passed to every service call, recorded in the audit log.
import type { Role } from '@siaga/contracts';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Db, Dialect } from '../db/client';
import type { Keyring } from './crypto';

export interface Actor {
  kind: 'user';
  userId: string;
  email: string;
  role: Role;
  missionIds: string[];
  missionCodes: string[];
  organisationId: string | null;
  /** How the request authenticated: a browser session (CSRF applies) or a personal API token. */
  via: 'session' | 'token';
}

/** The CLI and the worker act as the system, never as a user. */
export interface SystemActor {
  kind: 'system';
  label: string;
}

/** A caller who has not signed in: public routes only, never allowed by a policy. */
export interface AnonymousActor {
  kind: 'anonymous';
}

export interface RequestContext {
  actor: Actor | SystemActor | AnonymousActor;
  requestId: string | null;
}

/** Everything a service needs, built once at boot and shared. */
export interface Deps {
  config: Config;
  db: Db;
  dialect: Dialect;
  keyring: Keyring;
  log: Logger;
  now: () => Date;
}

export const systemContext = (label: string): RequestContext => ({
  actor: { kind: 'system', label },
  requestId: null,
});

export const actorLabel = (a: RequestContext['actor']) =>
  a.kind === 'user' ? a.email : a.kind === 'system' ? `system:${a.label}` : 'anonymous';
export const actorId = (a: RequestContext['actor']) => (a.kind === 'user' ? a.userId : null);
