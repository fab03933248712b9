// Both languages must carry the same keys, and every key the console uses must exist.
import { ERROR_CODES, MISSION_KINDS, ORGANISATION_KINDS, ROLES, USER_STATUSES } from '@siaga/contracts';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const webSrc = fileURLToPath(new URL('../../web/src/', import.meta.url));

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

async function load(lang: string): Promise<Map<string, string>> {
  return flatten(JSON.parse(await readFile(join(webSrc, 'i18n', `${lang}.json`), 'utf8')) as Tree);
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory()
        ? sourceFiles(join(dir, e.name))
        : Promise.resolve(/\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []),
    ),
  );
  return nested.flat();
}

test('id.json and en.json have identical key sets', async () => {
  const [id, en] = await Promise.all([load('id'), load('en')]);
  const onlyId = [...id.keys()].filter((k) => !en.has(k));
  const onlyEn = [...en.keys()].filter((k) => !id.has(k));
  assert.deepEqual({ onlyId, onlyEn }, { onlyId: [], onlyEn: [] });
});

test('translations are non-empty and use the same placeholders', async () => {
  const [id, en] = await Promise.all([load('id'), load('en')]);
  const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
  for (const [key, value] of id) {
    assert.ok(value.trim(), `id: ${key} is empty`);
    assert.ok(en.get(key)?.trim(), `en: ${key} is empty`);
    assert.deepEqual(vars(value), vars(en.get(key) ?? ''), `placeholders differ for ${key}`);
  }
});

test('every literal key used in web/src exists', async () => {
  const id = await load('id');
  const missing: string[] = [];
  for (const file of await sourceFiles(webSrc)) {
    const text = await readFile(file, 'utf8');
    for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) {
      if (!id.has(match[1]!)) missing.push(`${file.slice(webSrc.length)}: ${match[1]}`);
    }
  }
  assert.deepEqual(missing, []);
});

test('roles, kinds, statuses and error codes from the contracts are translated', async () => {
  const id = await load('id');
  const needed = [
    ...ROLES.map((r) => `roles.${r}`),
    ...MISSION_KINDS.map((k) => `missionKinds.${k}`),
    ...USER_STATUSES.map((s) => `userStatus.${s}`),
    ...ORGANISATION_KINDS.map((k) => `organisationKinds.${k}`),
    ...ERROR_CODES.map((c) => `errors.${c}`),
    'titles.login',
    'titles.dashboard',
    'titles.users',
    'titles.user',
    'titles.missions',
    'titles.mission',
    'titles.organisations',
    'titles.audit',
    'titles.account',
    'titles.notFound',
  ];
  assert.deepEqual(
    needed.filter((k) => !id.has(k)),
    [],
  );
});
