/**
 * The README's first command, as a newcomer runs it: `scripts/demo` brings up the three
 * services (here on free ports, with their own state folder and a fresh database, so a
 * developer's running stack is untouched), streams the spoken sample, prints the draft,
 * runs a dictation, edits and signs it; `scripts/dev down` stops everything.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createTestDatabase, ROOT, type TestDatabase } from '../helpers/db.ts';
import { LOG_DIR } from '../helpers/logs.ts';
import { uniquePrefix, deletePrefix } from '../helpers/redis.ts';

const freePort = () => new Promise<number>((r) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address() as AddressInfo;
    s.close(() => r(port));
  });
});

let db: TestDatabase | undefined;
let env: NodeJS.ProcessEnv = {};
const state = mkdtempSync(join(tmpdir(), 'scribe-demo-'));
const prefix = uniquePrefix('demo');

function run(cmd: string, args: string[] = []): Promise<{ code: number; out: string }> {
  return new Promise((res) => {
    execFile(cmd, args, { cwd: ROOT, env, maxBuffer: 16 * 1024 * 1024, timeout: 600_000 }, (err, stdout, stderr) => {
      res({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` });
    });
  });
}

afterAll(async () => {
  await run(resolve(ROOT, 'scripts/dev'), ['down']);
  // The services' own logs went to the state folder: keep them with the scanned test logs.
  mkdirSync(LOG_DIR, { recursive: true });
  for (const s of ['api', 'gateway', 'worker']) {
    const f = join(state, 'logs', `${s}.log`);
    if (existsSync(f)) copyFileSync(f, join(LOG_DIR, `demo-${s}.ndjson`));
  }
  await deletePrefix(prefix);
  await db?.drop();
  rmSync(state, { recursive: true, force: true });
});

it('scripts/demo runs the whole job and prints the draft, codes, checks, stage times and the signed note', async () => {
  db = await createTestDatabase();
  const [api, gateway, worker] = [await freePort(), await freePort(), await freePort()];
  env = {
    PATH: process.env.PATH, HOME: process.env.HOME,
    SCRIBE_DIR: state, DATABASE_URL: db.url, STORAGE_DIR: join(state, 'audio'), QUEUE_PREFIX: prefix,
    API_PORT: String(api), GATEWAY_PORT: String(gateway), WORKER_METRICS_PORT: String(worker),
    DEMO_SPEED: '8', LOG_LEVEL: 'info',
  };
  const { code, out } = await run(resolve(ROOT, 'scripts/demo'));
  expect(out).toContain(`api ready on http://127.0.0.1:${api}`);
  expect(code).toBe(0);
  expect(out).toMatch(/ended: \d+ bytes, 81\.\d s stored/);
  expect(out).toContain('offline-pocketsphinx');
  expect(out).toMatch(/Note [0-9a-f-]{36} {2}\[draft, AI-generated, v1\]/);
  expect(out).toMatch(/Left shoulder pain 2\/10/);
  expect(out).toMatch(/97110-GP {2}x1/);
  expect(out).toMatch(/time per stage: .*transcribe \d+\.\d s/);
  expect(out).toContain('is now "ai_edited" (version 2)');
  expect(out).toMatch(/signed by demo-clinician-1 .*still AI-generated: true/);
  expect(out).toContain('409 NOTE_SIGNED');
}, 600_000);
