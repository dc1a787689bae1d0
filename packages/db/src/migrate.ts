import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type pg from 'pg';

/** Arbitrary constant: the advisory lock every migrator takes, so two never race. */
const MIGRATION_LOCK_ID = 727_311_001;
const FILE_PATTERN = /^(\d{4})_[a-z0-9_]+\.sql$/;

export interface MigrationResult {
  applied: string[];
  skipped: string[];
}

/**
 * Apply every `NNNN_name.sql` in `dir` not yet recorded in `schema_migrations`, in order,
 * each in its own transaction, while holding an advisory lock. A migration already applied
 * whose file has since changed is an error: migrations are forward only.
 */
export async function migrate(client: pg.ClientBase, dir: string, log: (msg: string) => void = () => {}): Promise<MigrationResult> {
  const files = (await readdir(dir)).filter((f) => FILE_PATTERN.test(f)).sort();
  const seen = new Set<string>();
  for (const f of files) {
    const version = f.slice(0, 4);
    if (seen.has(version)) throw new Error(`Two migrations share version ${version}`);
    seen.add(version);
  }

  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: string; name: string; checksum: string }>(
      'SELECT version, name, checksum FROM schema_migrations',
    );
    const done = new Map(rows.map((r) => [r.version, r]));
    const result: MigrationResult = { applied: [], skipped: [] };
    for (const file of files) {
      const sql = await readFile(join(dir, file), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      const version = file.slice(0, 4);
      const prior = done.get(version);
      if (prior) {
        if (prior.checksum !== checksum || prior.name !== file) {
          throw new Error(`Migration ${file} was changed after it was applied (forward-only: add a new migration)`);
        }
        result.skipped.push(file);
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [version, file, checksum]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw new Error(`Migration ${file} failed: ${(err as Error).message}`, { cause: err });
      }
      log(`applied ${file}`);
      result.applied.push(file);
    }
    return result;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => {});
  }
}
