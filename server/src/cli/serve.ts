// Starting the HTTP server (and, unless told not to, the outbox worker in the same process),
// and the standalone worker. Both stop cleanly on SIGINT/SIGTERM.
import { buildApp, createDeps, type AppDeps } from '../app';
import type { Config } from '../config';
import { buildHandlers } from '../jobs';
import { OutboxWorker } from '../platform/outbox/outbox';
import { purgeExpiredAuthState } from '../modules/auth/auth.service';
import { purgeOldRegistrations } from '../modules/registration/registration.service';
import type { Deps } from '../platform/context';

const HOUSEKEEPING_MS = 10 * 60_000;

/**
 * Periodic clean-up that rides along with every worker: expired sessions, stale lockout counts,
 * and self-registrations older than a day.
 */
function startHousekeeping(deps: Deps) {
  const run = () =>
    Promise.all([purgeExpiredAuthState(deps), purgeOldRegistrations(deps)]).catch((err: unknown) =>
      deps.log.warn({ err }, 'housekeeping failed'),
    );
  void run();
  const timer = setInterval(run, HOUSEKEEPING_MS);
  timer.unref();
  return () => clearInterval(timer);
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
