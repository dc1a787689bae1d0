import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/index.ts';
import { createTestDatabase, MIGRATIONS_DIR, ROOT, type TestDatabase } from '../../../test/helpers/db.ts';

const run = promisify(execFile);
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ migrated: false });
});
afterAll(() => db.drop());

const client = async () => {
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  return c;
};

describe('migration runner', () => {
  it('applies every migration once; re-running is a no-op', async () => {
    const c = await client();
    try {
      const first = await migrate(c, MIGRATIONS_DIR);
      expect(first.applied[0]).toBe('0001_foundation.sql');
      const second = await migrate(c, MIGRATIONS_DIR);
      expect(second.applied).toEqual([]);
      expect(second.skipped).toEqual(first.applied);
    } finally {
      await c.end();
    }
  });

  it('lets concurrent runners race safely under the advisory lock', async () => {
    const clients = await Promise.all([client(), client(), client()]);
    try {
      const results = await Promise.all(clients.map((c) => migrate(c, MIGRATIONS_DIR)));
      expect(results.every((r) => r.applied.length === 0)).toBe(true);
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
  });

  it('rolls back a failing migration, records nothing, and refuses an edited one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mig-'));
    await writeFile(join(dir, '0001_ok.sql'), 'CREATE TABLE t_ok (id int);');
    await writeFile(join(dir, '0002_bad.sql'), 'CREATE TABLE t_half (id int); SELECT * FROM no_such_table;');
    const scratch = await createTestDatabase({ migrated: false });
    const c = new pg.Client({ connectionString: scratch.url });
    await c.connect();
    try {
      await expect(migrate(c, dir)).rejects.toThrow(/0002_bad.sql failed/);
      const { rows } = await c.query(`SELECT to_regclass('t_half') AS half, (SELECT count(*) FROM schema_migrations)::int AS n`);
      expect(rows[0]).toEqual({ half: null, n: 1 });
      await writeFile(join(dir, '0002_bad.sql'), 'SELECT 1;');
      await writeFile(join(dir, '0001_ok.sql'), 'CREATE TABLE t_ok (id int, extra int);');
      await expect(migrate(c, dir)).rejects.toThrow(/changed after it was applied/);
    } finally {
      await c.end();
      await scratch.drop();
    }
  });

  it('the CLI exits non-zero on failure', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mig-'));
    await writeFile(join(dir, '0001_bad.sql'), 'THIS IS NOT SQL;');
    const scratch = await createTestDatabase({ migrated: false });
    try {
      const err = await run('pnpm', ['exec', 'tsx', 'packages/db/src/migrate-cli.ts', '--dir', dir], {
        cwd: ROOT, env: { ...process.env, DATABASE_URL: scratch.url },
      }).catch((e: { code: number; stderr: string }) => e);
      expect((err as { code: number }).code).toBe(1);
      expect((err as { stderr: string }).stderr).toMatch(/0001_bad.sql failed/);
    } finally {
      await scratch.drop();
    }
  });
});
