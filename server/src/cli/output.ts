// CLI output: tables for people, one JSON document for scripts, errors on stderr with exit codes.
import { AppError } from '../errors';
import { ConfigError } from '../config';

export interface OutputOptions {
  json?: boolean;
}

export function print(opts: OutputOptions, value: unknown, human: () => string) {
  process.stdout.write(opts.json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
}

export function table(rows: Record<string, unknown>[], columns: string[]): string {
  if (!rows.length) return '(none)';
  const cell = (v: unknown) =>
    v === null || v === undefined ? '' : Array.isArray(v) ? v.join(',') : String(v);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) =>
    vals
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [
    line(columns.map((c) => c.toUpperCase())),
    ...rows.map((r) => line(columns.map((c) => cell(r[c])))),
  ].join('\n');
}

export function fail(err: unknown, opts: OutputOptions): never {
  if (err instanceof AppError) {
    const lines = [
      `error: ${err.message} (${err.code})`,
      ...(err.details ?? []).map((d) => `  ${d.path}: ${d.message}`),
    ];
    process.stderr.write(`${lines.join('\n')}\n`);
    if (opts.json)
      process.stdout.write(
        `${JSON.stringify({ error: { code: err.code, message: err.message, details: err.details ?? [] } })}\n`,
      );
    process.exit(err.status >= 500 ? 70 : 1);
  }
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(78);
  }
  const e = err as { issues?: { path: PropertyKey[]; code?: string; message: string }[] };
  if (Array.isArray(e?.issues)) {
    process.stderr.write(
      `error: invalid input\n${e.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}\n`,
    );
    // Scripts get the same error document for bad input as for a refused request.
    if (opts.json) {
      const details = e.issues.map((i) => ({
        path: i.path.join('.'),
        code: i.code ?? 'invalid',
        message: i.message,
      }));
      process.stdout.write(
        `${JSON.stringify({ error: { code: 'request.invalid', message: 'Invalid input', details } })}\n`,
      );
    }
    process.exit(1);
  }
  process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Follows a paginated listing to the end, for commands that print everything. */
export async function collectAll<T>(
  pageAt: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const p = await pageAt(cursor);
    all.push(...p.items);
    cursor = p.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/** A whole number from a command-line option, or a clear error. */
export function positiveInt(value: string, option: string): number {
  const n = Number(value);
  if (!/^\d+$/u.test(value) || !Number.isSafeInteger(n))
    throw new AppError('request.invalid', 400, `${option} must be a whole number, not "${value}"`, [
      { path: option, code: 'invalid_number', message: 'A whole number' },
    ]);
  return n;
}

/**
 * Progress on standard error: a bar redrawn in place on a terminal, a line per tenth otherwise
 * (logs of CI and cron stay short). Silent when `quiet`, e.g. with --json. Call with `final` once
 * at the end.
 */
export function progressLine(total: number, quiet: boolean, unit = 'rows') {
  const started = performance.now();
  const tty = process.stderr.isTTY === true;
  let lastTenth = -1;
  return (done: number, final = false) => {
    if (quiet || total <= 0) return;
    const share = Math.min(1, done / total);
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    const text = `${Math.floor(share * 100)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${unit}, ${rate.toLocaleString('en')}/s`;
    if (tty) {
      const width = 30;
      const filled = Math.round(share * width);
      process.stderr.write(
        `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${text}${final ? '\n' : ''}`,
      );
    } else {
      const tenth = Math.floor(share * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        process.stderr.write(`${text}\n`);
      }
    }
  };
}

/** A misused command: the message on stderr (and as JSON for scripts), exit 2. */
export function usage(message: string, json: boolean): never {
  process.stderr.write(`error: ${message}\n`);
  if (json)
    process.stdout.write(`${JSON.stringify({ error: { code: 'request.invalid', message, details: [] } })}\n`);
  process.exit(2);
}
