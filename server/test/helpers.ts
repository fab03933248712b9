// Test helpers: a real server on a freshly migrated database (SQLite in a temporary directory,
// or, with SIAGA_TEST_DATABASE_URL set, a fresh PostgreSQL schema in the run's throwaway database,
// which scripts/run-tests.sh drops at the end), users, sign-in and requests.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { MissionCreate, Role } from '@siaga/contracts';
import { buildApp, type AppDeps } from '../src/app';
import { loadConfig, type Config } from '../src/config';
import { systemContext } from '../src/platform/context';
import { createUser } from '../src/modules/users/users.service';
import { createMission } from '../src/modules/missions/missions.service';
import { createOrganisation } from '../src/modules/organisations/organisations.service';

export const PG_URL = process.env.SIAGA_TEST_DATABASE_URL;
export const dialectUnderTest = PG_URL ? 'postgres' : 'sqlite';

/** A configuration on a private data directory and, for PostgreSQL, a private schema. */
export function testConfig(env: Record<string, string> = {}): {
  config: Config;
  dataDir: string;
  schema: string | null;
} {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siaga-test-'));
  const schema = PG_URL ? `t_${randomBytes(6).toString('hex')}` : null;
  const config = loadConfig({
    NODE_ENV: 'test',
    SIAGA_DATA_DIR: dataDir,
    SIAGA_LOG_LEVEL: 'silent',
    SIAGA_ARGON2_MEMORY_KIB: '1024',
    SIAGA_RATE_LIMIT_PER_MINUTE: '100000',
    ...(PG_URL ? { DATABASE_URL: PG_URL, SIAGA_DB_SCHEMA: schema! } : {}),
    ...env,
  });
  return { config, dataDir, schema };
}

export interface TestApp {
  app: FastifyInstance;
  deps: AppDeps;
  config: Config;
  close(): Promise<void>;
}

export async function buildTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const { config, dataDir } = testConfig(env);
  const { app, deps } = await buildApp(config);
  await app.ready();
  return {
    app,
    deps,
    config,
    async close() {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const system = systemContext('test');
export const PASSWORD = 'a-long-test-password-42';

let seq = 0;
export const uniqueEmail = (prefix = 'user') => `${prefix}.${process.pid}.${++seq}@test.example`;

export async function makeMission(t: TestApp, over: Partial<MissionCreate> = {}) {
  const n = ++seq;
  return createMission(t.deps, system, {
    code: `KBRI-TEST${n}`,
    name: `KBRI Test ${n}`,
    kind: 'embassy',
    city: 'Khartoum',
    countries: ['SD'],
    jurisdictions: [],
    hotline: '+249912345678',
    address: 'Street 60, Khartoum',
    ...over,
  });
}

export async function makePartner(t: TestApp, name = `Partner ${++seq}`) {
  return createOrganisation(t.deps, system, { name, shortName: name.slice(0, 10), kind: 'partner' });
}

/** A user with a known password, not required to change it. */
export async function makeUser(
  t: TestApp,
  role: Role,
  opts: { missionCodes?: string[]; organisationId?: string; email?: string } = {},
) {
  const res = await createUser(t.deps, system, {
    email: opts.email ?? uniqueEmail(role),
    displayName: `Test ${role}`,
    role,
    missionCodes: opts.missionCodes ?? [],
    ...(opts.organisationId ? { organisationId: opts.organisationId } : {}),
    locale: 'en',
    password: PASSWORD,
  });
  return res.user;
}

export interface Session {
  cookie: string;
  csrf: string;
}

export function cookieFrom(res: LightMyRequestResponse, name = 'siaga_session'): string | undefined {
  const c = res.cookies.find((x) => x.name === name);
  return c ? `${name}=${c.value}` : undefined;
}

export async function login(t: TestApp, email: string, password = PASSWORD): Promise<Session> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return { cookie: cookieFrom(res)!, csrf: res.json().csrfToken };
}

/** Makes a user of the role and signs them in. */
export async function signedInAs(t: TestApp, role: Role, opts: Parameters<typeof makeUser>[2] = {}) {
  const user = await makeUser(t, role, opts);
  return { user, session: await login(t, user.email) };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A request as the browser console sends it: session cookie plus CSRF header on writes. */
export function call(t: TestApp, s: Session | null, method: Method, url: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: {
      ...(s ? { cookie: s.cookie } : {}),
      ...(s && method !== 'GET' ? { 'x-csrf-token': s.csrf } : {}),
    },
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
}

export async function auditActions(t: TestApp): Promise<string[]> {
  const rows = await t.deps.db.selectFrom('auditLog').select('action').orderBy('seq').execute();
  return rows.map((r) => r.action);
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Runs `node bin/siaga.mjs ARGS` from the repository root as an operator would, on the given data
 * directory (and PostgreSQL schema), with none of this process's Siaga settings leaking in.
 */
export function runSiaga(
  args: string[],
  install: { dataDir: string; schema: string | null },
  opts: { input?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<CliResult> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !k.startsWith('SIAGA_') && k !== 'DATABASE_URL' && k !== 'NODE_ENV') env[k] = v;
  }
  Object.assign(env, {
    SIAGA_DATA_DIR: install.dataDir,
    SIAGA_ARGON2_MEMORY_KIB: '1024',
    ...(PG_URL && install.schema ? { DATABASE_URL: PG_URL, SIAGA_DB_SCHEMA: install.schema } : {}),
    ...opts.env,
  });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/siaga.mjs', ...args], {
      cwd: REPO_ROOT,
      env,
      timeout: opts.timeoutMs ?? 120_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}
