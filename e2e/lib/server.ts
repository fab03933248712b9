// Starts a real Siaga server on a fresh data directory and a free port, and runs the CLI
// against the same directory. Each test file gets its own server.
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const artifactsDir = fileURLToPath(new URL('../artifacts/', import.meta.url));

/** The one place that knows how to invoke Siaga; adjust here if the CLI changes. */
export function siagaCommand(args: string[]): { command: string; args: string[] } {
  return { command: process.execPath, args: ['bin/siaga.mjs', ...args] };
}

export interface CliUser {
  id: string;
  email: string;
  role: string;
  [key: string]: unknown;
}

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  cli: (args: string[], stdin?: string) => Promise<string>;
  createUser: (email: string, role: string, password: string, extra?: string[]) => Promise<CliUser>;
  createMission: (code: string, extra?: string[]) => Promise<unknown>;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function run(args: string[], env: NodeJS.ProcessEnv, stdin?: string): Promise<string> {
  const { command, args: argv } = siagaCommand(args);
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd: repoRoot, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`siaga ${args.join(' ')} exited ${code}\n${err}${out}`)),
    );
    child.stdin.end(stdin ?? '');
  });
}

function parseJson(text: string): unknown {
  const start = text.search(/[[{]/);
  return JSON.parse(start > 0 ? text.slice(start) : text);
}

export async function startServer(name: string): Promise<RunningServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'siaga-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, SIAGA_DATA_DIR: dataDir, NODE_ENV: 'test' };
  const { command, args } = siagaCommand(['serve', '--port', String(port)]);
  // Its own process group, so stopping it also stops any worker it starts.
  const child = spawn(command, args, {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.on('exit', () => {
      exited = true;
      resolve();
    }),
  );

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited) throw new Error(`siaga serve exited early:\n${log}`);
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
      throw new Error(`siaga serve did not become healthy:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  const cli = (cliArgs: string[], stdin?: string) => run(cliArgs, env, stdin);

  return {
    baseUrl,
    dataDir,
    cli,
    async createUser(email, role, password, extra = []) {
      const out = await cli(
        ['user', 'create', '--email', email, '--role', role, '--password-stdin', '--json', ...extra],
        `${password}\n`,
      );
      const parsed = parseJson(out) as { user?: CliUser };
      return (parsed.user ?? parsed) as CliUser;
    },
    async createMission(code, extra = []) {
      return parseJson(await cli(['mission', 'create', '--code', code, '--json', ...extra]));
    },
    async stop() {
      if (!exited && child.pid) {
        process.kill(-child.pid, 'SIGTERM');
        const timer = setTimeout(() => child.pid && !exited && process.kill(-child.pid, 'SIGKILL'), 5_000);
        await exit;
        clearTimeout(timer);
      }
      await mkdir(artifactsDir, { recursive: true });
      await writeFile(join(artifactsDir, `${name}-server.log`), log);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
