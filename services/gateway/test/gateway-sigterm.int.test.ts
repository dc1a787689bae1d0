/**
 * The real gateway binary (`node --import tsx services/gateway/src/main.ts`) as a child
 * process, stopped with SIGTERM in the middle of a stream. Its logs go to
 * test-results/logs/gateway-sigterm-main.ndjson (scanned for PHI after the run).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '@scribe/config';
import { ensureOrganisation, insertSession, listLiveFinals } from '@scribe/db';
import { issueStreamToken, type CreateSessionBody } from '@scribe/domain';
import { createAudioStore } from '@scribe/storage';
import { waitFor } from '../../../packages/transcription/test/helpers/stub-ws-server.ts';
import { frames } from '../../../packages/storage/test/helpers.ts';
import { createTestDatabase, ROOT, type TestDatabase } from '../../../test/helpers/db.ts';
import { testConfig } from '../../../test/helpers/config.ts';
import { sessionBody } from '../../../test/helpers/fixtures.ts';
import { LOG_DIR } from '../../../test/helpers/logs.ts';
import { REDIS_URL, deletePrefix, uniquePrefix } from '../../../test/helpers/redis.ts';
import { BLOCK_BYTES, blockAudio, blocksOf, DeepgramLiveScript } from './deepgram-live-script.ts';
import { sleep, TestClient } from './harness.ts';

let db: TestDatabase;
let dir: string;
let prefix: string;
let config: Config;
let dg: DeepgramLiveScript;
let child: ChildProcess;
let url: string;
const LOG_FILE = resolve(LOG_DIR, 'gateway-sigterm-main.ndjson');

/** Start main.ts on a free port; resolves with its ws:// base URL once it listens. */
function startMain(env: Record<string, string>): Promise<string> {
  mkdirSync(LOG_DIR, { recursive: true });
  const log = createWriteStream(LOG_FILE, { flags: 'a' });
  child = spawn(process.execPath, ['--import', 'tsx', 'services/gateway/src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr!.pipe(log);
  return new Promise((resolvePort, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      log.write(`${line}\n`);
      const m = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(line);
      if (m) resolvePort(`ws://127.0.0.1:${m[1]}`);
    });
    child.once('exit', (code) => reject(new Error(`gateway exited early (${code}); see ${LOG_FILE}`)));
  });
}

const exited = () => new Promise<number | null>((r) => (child.exitCode !== null ? r(child.exitCode) : child.once('exit', (code) => r(code))));

beforeAll(async () => {
  db = await createTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'scribe-gw-sigterm-'));
  prefix = uniquePrefix('gwsig');
  dg = new DeepgramLiveScript();
  // The engine says nothing final until the stream is finalized, and takes a while to answer:
  // every stored final below is one the shutdown waited for (bounded).
  dg.blocksPerFinal = 1000;
  dg.flushDelayMs = 600;
  const dgUrl = await dg.start();
  config = testConfig({ DATABASE_URL: db.url, STORAGE_DIR: dir, QUEUE_PREFIX: prefix });
  url = await startMain({
    PATH: process.env.PATH ?? '',
    DATABASE_URL: db.url,
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    STORAGE_DIR: dir,
    AUDIO_KEK: config.AUDIO_KEK,
    STREAM_TOKEN_SECRET: config.STREAM_TOKEN_SECRET,
    HOST: '127.0.0.1',
    GATEWAY_PORT: '0',
    LOG_LEVEL: 'info',
    SHUTDOWN_TIMEOUT_MS: '20000',
    TRANSCRIBER: 'deepgram',
    DEEPGRAM_API_KEY: 'dg-sigterm-test-key',
    DEEPGRAM_BASE_URL: dgUrl,
  });
});

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGKILL');
    await exited();
  }
  await dg?.stop();
  await deletePrefix(prefix);
  await db?.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('gateway main.ts under SIGTERM', () => {
  it('SIGTERM during an active stream: the client gets 1001 SHUTTING_DOWN, every acked byte is stored, the live stream is flushed, the process exits 0', async () => {
    const orgId = await ensureOrganisation(db.pool, 'clinic-sigterm');
    const session = await insertSession(db.pool, orgId, sessionBody() as CreateSessionBody, null);
    const token = issueStreamToken(config.STREAM_TOKEN_SECRET, { sid: session.id, org: orgId, exp: Math.floor(Date.now() / 1000) + 600 });
    const source = blockAudio(300); // 30 s: more than the client sends before the signal
    const parts = frames(source, BLOCK_BYTES);

    const c = await TestClient.connect(url, session.id, token);
    expect(await c.start()).toBe(0);
    // A real-time-ish client: it keeps sending until the server closes the socket.
    let sending = true;
    const sender = (async () => {
      for (let seq = 1; seq <= parts.length && sending && c.ws.readyState === c.ws.OPEN; seq++) {
        c.frame(seq, parts[seq - 1]!);
        await sleep(10);
      }
    })();
    await c.waitAck(20);
    child.kill('SIGTERM');

    expect(await c.error()).toEqual({ code: 'SHUTTING_DOWN', close: 1001 });
    sending = false;
    await sender;
    expect(await exited()).toBe(0);

    // Every acked frame is stored, and nothing else: the shutdown acked all it accepted.
    const acked = c.lastAck;
    expect(acked).toBeGreaterThanOrEqual(20);
    const store = createAudioStore(config, db.pool);
    const stored = await store.readSessionAudio(session.id);
    expect(stored.equals(source.subarray(0, acked * BLOCK_BYTES))).toBe(true);
    expect((await db.pool.query('SELECT status FROM sessions WHERE id = $1', [session.id])).rows[0].status).toBe('recording');

    // The live stream got exactly that audio, was finalized and closed before the process
    // exited, and the finals it flushed then were stored: every block once.
    const [live, ...others] = dg.connections;
    expect(others).toEqual([]);
    await waitFor(() => live!.text.some((m) => (m as { type: string }).type === 'CloseStream'), 1000);
    expect(Buffer.concat(live!.binary).equals(stored)).toBe(true);
    const rows = await listLiveFinals(db.pool, orgId, session.id);
    expect(rows.flatMap((r) => blocksOf(r.text))).toEqual(Array.from({ length: acked }, (_, i) => i));
  });
});
