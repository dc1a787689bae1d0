/**
 * `scripts/migrate`: apply migrations/*.sql to DATABASE_URL. Exits non-zero on failure.
 * Usage: migrate-cli.ts [--dir migrations] [--create-db]
 */
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import pg from 'pg';
import { migrate } from './migrate.ts';
import { ensureDatabase } from './admin.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const args = process.argv.slice(2);
const dir = args.includes('--dir') ? resolve(args[args.indexOf('--dir') + 1] ?? '') : resolve(root, 'migrations');
const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/scribe';

async function main(): Promise<void> {
  if (args.includes('--create-db')) await ensureDatabase(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { applied, skipped } = await migrate(client, dir, (m) => console.log(`migrate: ${m}`));
    console.log(`migrate: ${applied.length} applied, ${skipped.length} already up to date`);
  } finally {
    await client.end();
  }
}

main().catch((err: Error) => {
  console.error(`migrate: ${err.message}`);
  process.exit(1);
});
