// Where an import's prepared batches come from: this thread for small files, a worker thread for
// big ones, so that parsing, validation and encryption (about 350 µs a row) run on one core while
// the database writes run on the other. Batches arrive in file order either way.
import { Worker } from 'node:worker_threads';
import type { Keyring } from '../../../platform/crypto';
import { prepareBatches, type PrepareOptions, type PreparedBatch } from './prepare';
import { ImportFileError } from './read';

/** Files from this size are prepared in a worker; below it, starting one costs more than it saves. */
export const WORKER_FROM_BYTES = 512 * 1024;

export type WorkerMessage =
  { type: 'batch'; batch: PreparedBatch } | { type: 'error'; code?: string | undefined; message: string };

export interface WorkerInput {
  secretKey: string;
  options: PrepareOptions;
  /** Batches the worker may prepare ahead of the writer: both stay busy, memory stays bounded. */
  ahead: number;
}

export function preparedBatches(
  o: PrepareOptions,
  how: { keyring: Keyring; secretKey: string; worker: boolean },
): AsyncGenerator<PreparedBatch> {
  return how.worker
    ? fromWorker({ secretKey: how.secretKey, options: o, ahead: 2 })
    : prepareBatches(how.keyring, o);
}

async function* fromWorker(input: WorkerInput): AsyncGenerator<PreparedBatch> {
  // The CLI loads TypeScript through tsx's register() in its own thread only; a worker registers it
  // itself before loading the TypeScript entry.
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./prepare.worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
  const worker = new Worker(boot, { eval: true, execArgv: [], workerData: input });
  const inbox: WorkerMessage[] = [];
  let failure: Error | null = null;
  let exited = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (m: WorkerMessage) => {
    inbox.push(m);
    notify();
  });
  worker.on('error', (err) => {
    failure = err;
    notify();
  });
  worker.on('exit', () => {
    exited = true;
    notify();
  });
  try {
    for (;;) {
      while (inbox.length === 0) {
        if (failure) throw failure;
        if (exited) throw new Error('The import worker thread stopped unexpectedly.');
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const m = inbox.shift()!;
      if (m.type === 'error') {
        throw m.code?.startsWith('import.')
          ? new ImportFileError(m.code as ImportFileError['code'], m.message)
          : new Error(m.message);
      }
      // Ask for the next batch before writing this one: that overlap is the point of the worker.
      worker.postMessage('more');
      yield m.batch;
      if (m.batch.done) return;
    }
  } finally {
    await worker.terminate();
  }
}
