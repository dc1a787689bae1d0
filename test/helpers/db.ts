/**
 * Test databases on the real PostgreSQL. The global setup migrates a template database
 * once per run; every integration file clones its own database from it, so files run in
 * parallel without seeing each other's rows.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import pg from 'pg';
import { createPool, migrate, type Pool } from '@scribe/db';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const MIGRATIONS_DIR = resolve(ROOT, 'migrations');
const SERVER_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';

/** The template's name carries a hash of the migrations, so concurrent runs share it safely. */
const TEMPLATE = (() => {
  const h = createHash('sha256');
  for (const f of readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort()) h.update(f).update(readFileSync(resolve(MIGRATIONS_DIR, f)));
  return `scribe_tpl_${h.digest('hex').slice(0, 12)}`;
})();
const TEMPLATE_LOCK = 727_311_002;

export const dbUrl = (name: string) => `${SERVER_URL}/${name}`;

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: dbUrl('postgres') });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/**
 * Make sure the migrated template for the current migrations exists (called once per run).
 * Built under a lock as `<name>_building` and renamed when complete, so a run never clones
 * a half-migrated template and concurrent runs never drop each other's.
 */
export async function prepareTemplateDatabase(): Promise<void> {
  await withAdmin(async (admin) => {
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE]);
      if (rowCount) return;
      const building = `${TEMPLATE}_building`;
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${building}`);
      const c = new pg.Client({ connectionString: dbUrl(building) });
      await c.connect();
      try {
        await migrate(c, MIGRATIONS_DIR);
      } finally {
        await c.end();
      }
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${TEMPLATE}`);
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
}

export interface TestDatabase {
  name: string;
  url: string;
  pool: Pool;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file. Call `drop()` in afterAll. */
export async function createTestDatabase(opts: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const name = `scribe_t_${randomBytes(6).toString('hex')}`;
  await withAdmin((c) => c.query(opts.migrated === false ? `CREATE DATABASE ${name}` : `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`));
  const url = dbUrl(name);
  const pool = createPool({ connectionString: url, max: 5, statementTimeoutMs: 10_000 });
  return {
    name,
    url,
    pool,
    async drop() {
      await pool.end();
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
