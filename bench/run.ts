// npm run bench -- NAME [args]: runs bench/NAME.bench.ts; each benchmark prints one JSON line last.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''));
const [name, ...args] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- NAME [args]\navailable: ${available.join(', ')}`);
  process.exit(2);
}
const mod = (await import(path.join(dir, `${name}.bench.ts`))) as { main(args: string[]): Promise<void> };
await mod.main(args);
