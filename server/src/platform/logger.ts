// One pino logger per process, writing JSON lines to stderr so that stdout stays clean for the
// CLI's output (--json documents, the start banner). Secrets in headers never reach the log.
import pino from 'pino';
import type { Config } from '../config';

export function createLogger(config: Pick<Config, 'logLevel' | 'env'>) {
  return pino(
    {
      level: config.env === 'test' && config.logLevel === 'info' ? 'warn' : config.logLevel,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'req.headers["x-csrf-token"]',
          'res.headers["set-cookie"]',
        ],
        censor: '[redacted]',
      },
    },
    pino.destination(2),
  );
}
