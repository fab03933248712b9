// HTTP throughput: a bare hello-world route against an authenticated API read (bearer token,
// actor loading, policy, presenter) on the same server in the same run.
//   npm run bench -- http [--seconds 10] [--connections 20]
// On PostgreSQL: DATABASE_URL=postgres://… npm run bench -- http
import autocannon from 'autocannon';
import { numberArg } from './lib/args';
import { startServer } from './lib/spawn-server';

async function load(url: string, seconds: number, connections: number, headers: Record<string, string> = {}) {
  const r = await autocannon({ url, duration: seconds, connections, headers });
  if (r.non2xx > 0) throw new Error(`${url}: ${r.non2xx} non-2xx answers`);
  return {
    rps: Math.round(r.requests.average),
    p50ms: r.latency.p50,
    p99ms: r.latency.p99,
    requests: r.requests.total,
  };
}

export async function main(args: string[]) {
  const seconds = numberArg(args, 'seconds', 10);
  const connections = numberArg(args, 'connections', 20);
  const server = await startServer();
  try {
    const base = `http://127.0.0.1:${server.port}`;
    await load(`${base}/bench/hello`, 1, connections); // warm-up
    const hello = await load(`${base}/bench/hello`, seconds, connections);
    const apiRead = await load(`${base}/api/v1/missions/${server.code}`, seconds, connections, {
      authorization: `Bearer ${server.token}`,
    });
    const result = {
      bench: 'http',
      seconds,
      connections,
      database: process.env.DATABASE_URL ? 'postgres' : 'sqlite',
      baseline: { route: 'GET /bench/hello (public, no database)', ...hello },
      apiRead: { route: 'GET /api/v1/missions/:code (bearer token)', ...apiRead },
      apiReadVsBaseline: Number((apiRead.rps / hello.rps).toFixed(3)),
    };
    console.log(JSON.stringify(result));
  } finally {
    server.child.kill('SIGTERM');
  }
}
