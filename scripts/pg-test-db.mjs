// Creates or drops the throwaway PostgreSQL database one test run works in.
//   node scripts/pg-test-db.mjs create BASE_URL NAME   prints the new database's URL
//   node scripts/pg-test-db.mjs drop BASE_URL NAME
// Each test app gets its own schema inside it. Schemas are never dropped during the run: Kysely's
// migrator inspects every schema in the database, and one dropped at that moment makes it fail.
import pg from 'pg';

const [action, baseUrl, name] = process.argv.slice(2);
if (!['create', 'drop'].includes(action) || !baseUrl || !/^[a-z_][a-z0-9_]*$/.test(name ?? '')) {
  console.error('usage: pg-test-db.mjs create|drop BASE_URL NAME');
  process.exit(2);
}
const client = new pg.Client({ connectionString: baseUrl });
await client.connect();
try {
  if (action === 'create') {
    await client.query(`create database "${name}"`);
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    console.log(url.toString());
  } else {
    await client.query(`drop database if exists "${name}" with (force)`);
  }
} finally {
  await client.end();
}
