import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticateApiKey } from '@scribe/db';
import { createTestDatabase, ROOT, type TestDatabase } from '../helpers/db.ts';

const run = promisify(execFile);
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

const scribe = (...args: string[]) => run('scripts/scribe', args, { cwd: ROOT, env: { ...process.env, DATABASE_URL: db.url } });

describe('scripts/scribe keys', () => {
  it('creates a key, prints it once on stdout, and stores only its hash', async () => {
    const { stdout, stderr } = await scribe('keys', 'create', '--org', 'Clinic CLI', '--scopes', 'sessions:write,notes:read');
    const key = stdout.trim();
    expect(key).toMatch(/^sk_[a-f0-9]{16}_[A-Za-z0-9_-]{43}$/);
    expect(stderr).toContain('shown only once');
    const principal = await authenticateApiKey(db.pool, key);
    expect(principal?.scopes).toEqual(['sessions:write', 'notes:read']);
    const { rows } = await db.pool.query(`SELECT * FROM api_keys WHERE prefix = $1`, [key.slice(3, 19)]);
    expect(JSON.stringify(rows)).not.toContain(key.slice(20));
  });

  it('revokes a key by prefix, after which it no longer authenticates', async () => {
    const key = (await scribe('keys', 'create', '--org', 'Clinic CLI')).stdout.trim();
    await scribe('keys', 'revoke', key.slice(3, 19));
    expect(await authenticateApiKey(db.pool, key)).toBeNull();
  });

  it('refuses unknown scopes and a missing --org with exit code 2 and a helpful message', async () => {
    const bad = await scribe('keys', 'create', '--org', 'X', '--scopes', 'notes:read,root').catch((e) => e);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown scope\(s\): root/);
    const noOrg = await scribe('keys', 'create').catch((e) => e);
    expect(noOrg.code).toBe(2);
    expect(noOrg.stderr).toMatch(/--org/);
  });
});
