// The worker thread of a big import (pipeline.ts): prepares batches and hands them over in order,
// never more than `ahead` of what the writer has taken.
import { parentPort, workerData } from 'node:worker_threads';
import { createKeyring } from '../../../platform/crypto';
import type { WorkerInput, WorkerMessage } from './pipeline';
import { prepareBatches } from './prepare';
import { ImportFileError } from './read';

const { secretKey, options, ahead } = workerData as WorkerInput;
const port = parentPort!;
let credits = ahead;
let wake: (() => void) | null = null;
port.on('message', () => {
  credits++;
  wake?.();
  wake = null;
});

const send = (m: WorkerMessage) => port.postMessage(m);

try {
  for await (const batch of prepareBatches(createKeyring(secretKey), options)) {
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    credits--;
    send({ type: 'batch', batch });
  }
} catch (err) {
  send({
    type: 'error',
    code: err instanceof ImportFileError ? err.code : undefined,
    message: err instanceof Error ? err.message : String(err),
  });
}
