// Starting the HTTP server (and, unless told not to, the outbox worker in the same process),
// and the standalone worker. Both stop cleanly on SIGINT/SIGTERM.
import { buildApp, createDeps, type AppDeps } from '../app';
import type { Config } from '../config';
import { buildHandlers } from '../jobs';
import { OutboxWorker } from '../platform/outbox/outbox';
import { purgeExpiredAuthState } from '../modules/auth/auth.service';
import { purgeOldRegistrations } from '../modules/registration/registration.service';
import { systemContext, type Deps } from '../platform/context';
import { pruneChanges } from '../modules/affected/affected.repo';
import { populationIndex } from '../modules/affected/population-index';
import { pollDueFeeds } from '../modules/hazards/feeds.service';

const HOUSEKEEPING_MS = 10 * 60_000;
const FEEDS_MS = 60_000;
/** Every process catches up on the change log within seconds; a day is plenty. */
const CHANGES_KEPT_MS = 24 * 3600_000;

/**
 * Periodic work that rides along with every worker: expired sessions, stale lockout counts,
 * self-registrations older than a day and the old part of the people change log; and the hazard
 * feeds that are due, polled every minute.
 */
function startHousekeeping(deps: Deps) {
  const run = () =>
    Promise.all([
      purgeExpiredAuthState(deps),
      purgeOldRegistrations(deps),
      pruneChanges(deps.db, new Date(deps.now().getTime() - CHANGES_KEPT_MS).toISOString()),
    ]).catch((err: unknown) => deps.log.warn({ err }, 'housekeeping failed'));
  void run();
  const timer = setInterval(run, HOUSEKEEPING_MS);
  timer.unref();
  const ctx = systemContext('feeds');
  let polling = false;
  const poll = () => {
    if (polling) return;
    polling = true;
    pollDueFeeds(deps, ctx)
      .catch((err: unknown) => deps.log.warn({ err }, 'feed polling failed'))
      .finally(() => (polling = false));
  };
  const feeds = setInterval(poll, FEEDS_MS);
  feeds.unref();
  return () => {
    clearInterval(timer);
    clearInterval(feeds);
  };
}

function onSignal(stop: () => Promise<void>) {
  let stopping = false;
  const handler = () => {
    if (stopping) return;
    stopping = true;
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

export async function serve(
  config: Config,
  opts: { worker: boolean; deps?: AppDeps; onListening?: (url: string) => void },
) {
  const { app, deps } = await buildApp(config, opts.deps);
  const worker = opts.worker ? new OutboxWorker(deps, buildHandlers()) : null;
  const address = await app.listen({ port: config.port, host: config.host });
  worker?.start();
  // Warm the population index in the background: until it is built, crisis counts come from the
  // database's spatial index.
  populationIndex(deps.db)
    .build()
    .catch((err: unknown) => deps.log.error({ err }, 'population index build failed'));
  const stopHousekeeping = worker ? startHousekeeping(deps) : () => undefined;
  onSignal(async () => {
    stopHousekeeping();
    await app.close();
    await worker?.stop();
    await deps.handle.close();
  });
  opts.onListening?.(address);
  return { app, deps, address };
}

export async function runWorker(config: Config) {
  const deps = await createDeps(config);
  const worker = new OutboxWorker(deps, buildHandlers());
  worker.start();
  const stopHousekeeping = startHousekeeping(deps);
  onSignal(async () => {
    stopHousekeeping();
    await worker.stop();
    await deps.handle.close();
  });
  return worker;
}
