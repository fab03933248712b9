// One typed, validated, frozen configuration read from the environment at boot.
// Every bad setting is reported at once; development defaults never apply in production.
import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: int(0, 65535).default(8080),
  SIAGA_HOST: z.string().min(1).default('127.0.0.1'),
  SIAGA_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\//,
      'must be a postgres:// URL; leave it unset for the embedded SQLite database',
    )
    .optional(),
  SIAGA_DB_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'lower-case SQL identifier')
    .optional(),
  SIAGA_SECRET_KEY: z
    .string()
    .refine(
      (v) => Buffer.from(v, 'base64').length === 32,
      'must be 32 random bytes in base64 (openssl rand -base64 32)',
    )
    .optional(),
  SIAGA_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SIAGA_PUBLIC_URL: z.url().optional(),
  SIAGA_TRUST_PROXY: bool.default(false),
  SIAGA_SESSION_IDLE_MINUTES: int(1, 24 * 60).default(30),
  SIAGA_SESSION_ABSOLUTE_HOURS: int(1, 24 * 7).default(12),
  SIAGA_LOGIN_MAX_FAILURES: int(2, 100).default(5),
  SIAGA_LOCKOUT_MINUTES: int(1, 24 * 60).default(15),
  SIAGA_RATE_LIMIT_PER_MINUTE: int(10, 1_000_000).default(600),
  SIAGA_BODY_LIMIT_BYTES: int(1024, 100 * 1024 * 1024).default(1024 * 1024),
  SIAGA_ARGON2_MEMORY_KIB: int(1024, 1024 * 1024).default(19456),
  SIAGA_OUTBOX_MAX_ATTEMPTS: int(1, 100).default(8),
  SIAGA_OUTBOX_POLL_MS: int(10, 60_000).default(1000),
  SIAGA_MAP_TILE_URL: z
    .string()
    .regex(/^https?:\/\/.*\{z\}.*\{x\}.*\{y\}/, 'an XYZ tile URL template with {z}, {x} and {y}')
    .optional(),
  SIAGA_MAP_ATTRIBUTION: z.string().max(300).optional(),
  SIAGA_HQ_NAME: z.string().min(3).max(200).default('Direktorat Pelindungan WNI, Kementerian Luar Negeri'),
});

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly database:
    | { readonly kind: 'sqlite'; readonly file: string }
    | {
        readonly kind: 'postgres';
        readonly url: string;
        readonly schema: string | null;
      };
  /** Base64 key from the environment; in development it may come from the data directory instead. */
  readonly secretKey: string | null;
  readonly logLevel: string;
  readonly publicUrl: string | null;
  readonly trustProxy: boolean;
  readonly session: { readonly idleMinutes: number; readonly absoluteHours: number };
  readonly login: { readonly maxFailures: number; readonly lockoutMinutes: number };
  readonly rateLimitPerMinute: number;
  readonly bodyLimitBytes: number;
  readonly argon2MemoryKib: number;
  readonly outbox: { readonly maxAttempts: number; readonly pollMs: number };
  readonly map: { readonly tileUrl: string | null; readonly attribution: string | null };
  readonly hqName: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "unset", as shells and .env files often leave them.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.')}: ${issue.message}`);
  }
  // Rules across settings are checked on the raw values too, so that they are listed together
  // with any malformed setting instead of only after it is fixed.
  if (cleaned.NODE_ENV === 'production' && !cleaned.SIAGA_SECRET_KEY) {
    problems.push('SIAGA_SECRET_KEY: required when NODE_ENV=production (openssl rand -base64 32)');
  }
  if (cleaned.SIAGA_DB_SCHEMA && !cleaned.DATABASE_URL)
    problems.push('SIAGA_DB_SCHEMA: only applies with DATABASE_URL');
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const e = parsed.data;

  const dataDir = path.resolve(e.SIAGA_DATA_DIR);
  const config: Config = {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.SIAGA_HOST,
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, schema: e.SIAGA_DB_SCHEMA ?? null }
      : { kind: 'sqlite', file: path.join(dataDir, 'siaga.db') },
    secretKey: e.SIAGA_SECRET_KEY ?? null,
    logLevel: e.SIAGA_LOG_LEVEL,
    publicUrl: e.SIAGA_PUBLIC_URL ?? null,
    trustProxy: e.SIAGA_TRUST_PROXY,
    session: { idleMinutes: e.SIAGA_SESSION_IDLE_MINUTES, absoluteHours: e.SIAGA_SESSION_ABSOLUTE_HOURS },
    login: { maxFailures: e.SIAGA_LOGIN_MAX_FAILURES, lockoutMinutes: e.SIAGA_LOCKOUT_MINUTES },
    rateLimitPerMinute: e.SIAGA_RATE_LIMIT_PER_MINUTE,
    bodyLimitBytes: e.SIAGA_BODY_LIMIT_BYTES,
    argon2MemoryKib: e.SIAGA_ARGON2_MEMORY_KIB,
    outbox: { maxAttempts: e.SIAGA_OUTBOX_MAX_ATTEMPTS, pollMs: e.SIAGA_OUTBOX_POLL_MS },
    map: { tileUrl: e.SIAGA_MAP_TILE_URL ?? null, attribution: e.SIAGA_MAP_ATTRIBUTION ?? null },
    hqName: e.SIAGA_HQ_NAME,
  };
  return deepFreeze(config);
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}
