// Starting the HTTP server (and, unless told not to, the outbox worker in the same process),
// and the standalone worker. Both stop cleanly on SIGINT/SIGTERM.
import { buildApp, createDeps, type AppDeps } from '../app';
import type { Config } from '../config';
import { buildHandlers } from '../jobs';
import { OutboxWorker } from '../platform/outbox/outbox';

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

export async function serve(config: Config, opts: { worker: boolean; deps?: AppDeps; onListening?: (url: string) => void }) {
  const { app, deps } = await buildApp(config, opts.deps);
  const worker = opts.worker ? new OutboxWorker(deps, buildHandlers()) : null;
  const address = await app.listen({ port: config.port, host: config.host });
  worker?.start();
  onSignal(async () => {
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
  onSignal(async () => {
    await worker.stop();
    await deps.handle.close();
  });
  return worker;
}
