// A Siaga server for benchmarks, in its own process so that the load generator does not share
// its event loop: a fresh data directory, an admin with a personal API token, a demo directory,
// and one extra bare route as the baseline. Prints {"port","token","code"} on stdout when ready.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { buildApp } from '../../server/src/app';
import { loadConfig } from '../../server/src/config';
import { systemContext } from '../../server/src/platform/context';
import { createUser } from '../../server/src/modules/users/users.service';
import { createMission } from '../../server/src/modules/missions/missions.service';
import { createToken } from '../../server/src/modules/auth/tokens.service';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siaga-bench-'));
// With DATABASE_URL set, the benchmark runs on PostgreSQL in a schema of its own, dropped at the end.
const schema = process.env.DATABASE_URL ? `bench_${process.pid}` : undefined;
const config = loadConfig({
  ...process.env,
  ...(schema ? { SIAGA_DB_SCHEMA: schema } : {}),
  NODE_ENV: 'production',
  SIAGA_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
  SIAGA_DATA_DIR: dataDir,
  SIAGA_LOG_LEVEL: 'warn',
  SIAGA_RATE_LIMIT_PER_MINUTE: '1000000',
});
const { app, deps } = await buildApp(config);
app.get('/bench/hello', { config: { public: true } }, async () => ({ hello: 'world' }));
const ctx = systemContext('bench');
const admin = await createUser(deps, ctx, {
  email: 'bench@siaga.local',
  displayName: 'Bench',
  role: 'hq_admin',
  missionCodes: [],
  locale: 'en',
  password: 'bench-password-long-enough',
});
const mission = await createMission(deps, ctx, {
  code: 'KBRI-KHARTOUM',
  name: 'KBRI Khartoum',
  kind: 'embassy',
  city: 'Khartoum',
  countries: ['SD'],
  jurisdictions: [],
  hotline: '+249183225106',
  address: 'Street 60, Khartoum',
});
const { token } = await createToken(deps, ctx, admin.user.id, { name: 'bench' });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(
  `${JSON.stringify({ port: Number(new URL(address).port), token, code: mission.code, dataDir })}\n`,
);
const stop = async () => {
  if (schema) await sql`drop schema ${sql.id(schema)} cascade`.execute(deps.db);
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
