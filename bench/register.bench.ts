// Self-registration throughput: nationals submitting the lapor-diri form through the JSON API, each
// from their own address and phone (so the per-address and per-contact limits stay out of the
// way, as with real people), every answer a durable write: the pending registration and its
// outbox job, committed to disk (SQLite synchronous=FULL) before the 202. Compared with a bare
// hello-world route on the same server in the same run.
//   npm run bench -- register [--seconds 10] [--connections 20]
// On PostgreSQL: DATABASE_URL=postgres://… npm run bench -- register
import path from 'node:path';
import SQLite from 'better-sqlite3';
import autocannon from 'autocannon';
import { numberArg } from './lib/args';
import { startServer } from './lib/spawn-server';

let n = 0;
const registrant = () => {
  n++;
  return {
    ip: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
    body: JSON.stringify({
      fullName: `Siti Rahayu ${n}`,
      sex: 'female',
      birthDate: '1991-04-17',
      phone: `+60 12-${String(1_000_000 + n).slice(-7)}`,
      country: 'MY',
      city: 'Kuala Lumpur',
      statusAbroad: 'worker',
      consentRegistry: true,
      consentAlerts: true,
      members: [{ fullName: `Budi Santoso ${n}`, relationship: 'spouse', sex: 'male', birthDate: '1988' }],
    }),
  };
};

export async function main(args: string[]) {
  const seconds = numberArg(args, 'seconds', 10);
  const connections = numberArg(args, 'connections', 20);
  const server = await startServer({ SIAGA_TRUST_PROXY: 'true' });
  try {
    const base = `http://127.0.0.1:${server.port}`;
    const hello = await autocannon({ url: `${base}/bench/hello`, duration: seconds, connections });
    const submit = await autocannon({
      url: base,
      duration: seconds,
      connections,
      requests: [
        {
          method: 'POST',
          path: '/api/v1/public/registrations',
          setupRequest: (req) => {
            const r = registrant();
            return {
              ...req,
              headers: { ...req.headers, 'content-type': 'application/json', 'x-forwarded-for': r.ip },
              body: r.body,
            };
          },
        },
      ],
    });
    if (submit.non2xx > 0) throw new Error(`${submit.non2xx} registrations were refused`);
    let stored: number | null = null;
    if (!process.env.DATABASE_URL) {
      const db = new SQLite(path.join(server.dataDir, 'siaga.db'), { readonly: true });
      stored = (db.prepare('select count(*) as n from registrations').get() as { n: number }).n;
      db.close();
    }
    const result = {
      bench: 'register',
      db: process.env.DATABASE_URL ? 'postgres' : 'sqlite',
      seconds,
      connections,
      baseline: { route: 'GET /bench/hello', rps: Math.round(hello.requests.average) },
      register: {
        route: 'POST /api/v1/public/registrations (household of 2)',
        rps: Math.round(submit.requests.average),
        p50Ms: submit.latency.p50,
        p99Ms: submit.latency.p99,
        requests: submit.requests.total,
        stored,
      },
      registerVsBaseline: Number((submit.requests.average / hello.requests.average).toFixed(3)),
    };
    console.error(
      `self-registration: ${result.register.rps} req/s (p50 ${result.register.p50Ms} ms) against ${result.baseline.rps} req/s for hello-world`,
    );
    console.log(JSON.stringify(result));
  } finally {
    server.child.kill('SIGTERM');
  }
}
