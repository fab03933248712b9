// Configuration is read once at boot: sensible defaults for a laptop, a refusal to start in
// production without a secret key, and every bad setting reported in one go.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../src/config';
import { resolveSecretKey } from '../src/platform/crypto';
import { runSiaga } from './helpers';

const KEY = randomBytes(32).toString('base64');

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    assert.ok(err instanceof ConfigError, `expected a ConfigError, got ${String(err)}`);
    return err.problems;
  }
  assert.fail('expected the configuration to be refused');
}

const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'siaga-config-'));

describe('configuration', () => {
  it('has development defaults: port 8080, ./data resolved, SQLite inside it', () => {
    const c = loadConfig({});
    assert.equal(c.env, 'development');
    assert.equal(c.port, 8080);
    assert.equal(c.host, '127.0.0.1');
    assert.equal(c.dataDir, path.resolve('./data'));
    assert.ok(path.isAbsolute(c.dataDir));
    assert.deepEqual(c.database, { kind: 'sqlite', file: path.join(path.resolve('./data'), 'siaga.db') });
    assert.equal(c.secretKey, null);
    assert.deepEqual(c.outbox, { maxAttempts: 8, pollMs: 1000 });
    assert.equal(c.trustProxy, false);
  });

  it('treats empty settings as unset', () => {
    const c = loadConfig({ PORT: '', SIAGA_DATA_DIR: '', DATABASE_URL: '' });
    assert.equal(c.port, 8080);
    assert.equal(c.database.kind, 'sqlite');
  });

  it('reads settings from the environment', () => {
    const dir = tmpDir();
    const c = loadConfig({
      PORT: '9090',
      SIAGA_DATA_DIR: dir,
      SIAGA_TRUST_PROXY: 'yes',
      DATABASE_URL: 'postgres://siaga@db.internal:5432/siaga',
      SIAGA_DB_SCHEMA: 'siaga_prod',
    });
    assert.equal(c.port, 9090);
    assert.equal(c.dataDir, dir);
    assert.equal(c.trustProxy, true);
    assert.deepEqual(c.database, {
      kind: 'postgres',
      url: 'postgres://siaga@db.internal:5432/siaga',
      schema: 'siaga_prod',
    });
  });

  it('refuses to start in production without a secret key, naming the setting', () => {
    assert.throws(
      () => loadConfig({ NODE_ENV: 'production' }),
      (err: unknown) => err instanceof ConfigError && /SIAGA_SECRET_KEY/.test(err.message),
    );
    const c = loadConfig({ NODE_ENV: 'production', SIAGA_SECRET_KEY: KEY });
    assert.equal(c.env, 'production');
    assert.equal(c.secretKey, KEY);
  });

  it('lists every bad setting at once', () => {
    const problems = problemsOf({
      PORT: '99999',
      SIAGA_LOG_LEVEL: 'loud',
      DATABASE_URL: 'mysql://root@localhost/siaga',
      SIAGA_SECRET_KEY: 'too-short',
      SIAGA_TRUST_PROXY: 'maybe',
    });
    for (const name of ['PORT', 'SIAGA_LOG_LEVEL', 'DATABASE_URL', 'SIAGA_SECRET_KEY', 'SIAGA_TRUST_PROXY']) {
      assert.ok(
        problems.some((p) => p.startsWith(`${name}:`)),
        `${name} is listed in ${JSON.stringify(problems)}`,
      );
    }
    assert.equal(problems.length, 5);
  });

  it('lists a missing production key together with malformed settings', () => {
    const problems = problemsOf({ NODE_ENV: 'production', PORT: 'eighty' });
    assert.ok(problems.some((p) => p.startsWith('PORT:')));
    assert.ok(problems.some((p) => p.startsWith('SIAGA_SECRET_KEY:')));
  });

  it('rejects a DATABASE_URL that is not PostgreSQL', () => {
    for (const url of ['mysql://root@localhost/siaga', 'sqlite:///tmp/siaga.db', 'not a url']) {
      const problems = problemsOf({ DATABASE_URL: url });
      assert.equal(problems.length, 1);
      assert.match(problems[0]!, /^DATABASE_URL: must be a postgres:\/\/ URL/);
    }
    assert.equal(loadConfig({ DATABASE_URL: 'postgresql://h/db' }).database.kind, 'postgres');
  });

  it('rejects a database schema without a PostgreSQL database', () => {
    assert.deepEqual(problemsOf({ SIAGA_DB_SCHEMA: 'siaga' }), [
      'SIAGA_DB_SCHEMA: only applies with DATABASE_URL',
    ]);
    assert.ok(
      problemsOf({ DATABASE_URL: 'postgres://h/db', SIAGA_DB_SCHEMA: 'Bad-Name' })[0]!.startsWith(
        'SIAGA_DB_SCHEMA:',
      ),
    );
  });

  it('is frozen all the way down', () => {
    const c = loadConfig({});
    assert.ok(Object.isFrozen(c));
    assert.ok(Object.isFrozen(c.database));
    assert.ok(Object.isFrozen(c.session));
    assert.throws(() => {
      (c as { port: number }).port = 1;
    }, TypeError);
    assert.throws(() => {
      (c.outbox as { maxAttempts: number }).maxAttempts = 1;
    }, TypeError);
    assert.equal(c.port, 8080);
  });
});

describe('secret key outside production', () => {
  it('is generated into the data directory once, readable by the owner only, and reused', () => {
    const dir = path.join(tmpDir(), 'nested', 'data');
    try {
      const config = loadConfig({ SIAGA_DATA_DIR: dir });
      const key = resolveSecretKey(config);
      assert.equal(Buffer.from(key, 'base64').length, 32);
      const file = path.join(dir, 'secret.key');
      assert.equal(fs.statSync(file).mode & 0o777, 0o600);
      assert.equal(fs.readFileSync(file, 'utf8').trim(), key);
      assert.equal(resolveSecretKey(config), key);
      assert.equal(resolveSecretKey(loadConfig({ SIAGA_DATA_DIR: dir })), key);
    } finally {
      fs.rmSync(path.dirname(path.dirname(dir)), { recursive: true, force: true });
    }
  });

  it('comes from SIAGA_SECRET_KEY when set, and then nothing is written', () => {
    const dir = tmpDir();
    try {
      const key = resolveSecretKey(loadConfig({ SIAGA_DATA_DIR: dir, SIAGA_SECRET_KEY: KEY }));
      assert.equal(key, KEY);
      assert.equal(fs.existsSync(path.join(dir, 'secret.key')), false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the command line under a bad configuration', () => {
  it('exits non-zero in production without a key, saying why, before touching the data', async () => {
    const dir = tmpDir();
    try {
      const res = await runSiaga(
        ['migrate'],
        { dataDir: dir, schema: null },
        { env: { NODE_ENV: 'production' } },
      );
      assert.notEqual(res.code, 0);
      assert.match(res.stderr, /Invalid configuration/);
      assert.match(res.stderr, /SIAGA_SECRET_KEY: required when NODE_ENV=production/);
      assert.equal(res.stdout, '');
      assert.deepEqual(fs.readdirSync(dir), []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
