/**
 * Redis restarted mid-pipeline, losing every queued job (the test Redis keeps nothing on
 * disk): the worker reconnects and its reconcile sweep re-queues every session that waits
 * for a stage, so all of them still finish, each with one transcript and one note.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startStack, type TestStack } from '../helpers/stack.ts';
import { bearer } from '../helpers/api.ts';
import { ROOT } from '../helpers/db.ts';
import { createSession, settled, waitFor } from '../helpers/pipeline.ts';
import { OpenAIStub, openAIConfig } from '../helpers/openai-stub.ts';

let stack: TestStack;
let stub: OpenAIStub;
let redis: ChildProcess | undefined;
let redisUrl = '';

async function freePort(): Promise<number> {
  return new Promise((r) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => r(port));
    });
  });
}

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const probe = new Redis(`redis://127.0.0.1:${port}`, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  for (let i = 0; i < 50; i++) {
    try {
      await probe.connect();
      await probe.ping();
      probe.disconnect();
      return child;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error('private redis-server did not start');
}

beforeAll(async () => {
  const port = await freePort();
  redisUrl = `redis://127.0.0.1:${port}`;
  redis = await startRedis(port);
  stub = new OpenAIStub();
  await stub.start();
  stack = await startStack(import.meta.filename, { redisUrl, config: { ...openAIConfig(stub.baseUrl), RECONCILE_INTERVAL_SEC: '1' } });
}, 60_000);
afterAll(async () => {
  await stack?.close();
  await stub?.stop();
  redis?.kill('SIGKILL');
});

it('every session finishes after Redis restarts mid-pipeline and forgets its jobs', async () => {
  const key = await stack.api.key('clinic-redis');
  const wav = readFileSync(resolve(ROOT, 'test/fixtures/sample-visit/sample-visit.wav'));
  stub.steps = Array.from({ length: 6 }, () => ({ delayMs: 1_500 }));
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) {
    const { session } = await createSession(stack.api, key, { audio: { encoding: 'wav', sampleRate: 16000, channels: 1 } });
    const up = await stack.api.app.inject({ method: 'POST', url: `/v1/sessions/${session.id}/recording`, headers: { ...bearer(key), 'content-type': 'audio/wav' }, payload: wav });
    expect(up.statusCode).toBe(202);
    ids.push(session.id);
  }
  // Mid-pipeline: transcriptions are in flight, other sessions wait in the queue.
  await expect.poll(() => stub.transcriptionRequests.length, { timeout: 30_000, interval: 50 }).toBeGreaterThan(0);
  const before = (await stack.api.db.pool.query('SELECT status FROM sessions WHERE id = ANY($1::uuid[])', [ids])).rows.map((r) => r.status);
  expect(before.some((s) => s === 'recorded' || s === 'transcribing')).toBe(true);
  const port = Number(new URL(redisUrl).port);
  // Jobs are queued now; a marker written beside them shows whether Redis kept anything.
  const old = new Redis(redisUrl);
  expect((await old.keys(`${stack.api.queuePrefix}:*-r0`)).length).toBeGreaterThan(0);
  await old.set('redis-restart-marker', '1');
  old.disconnect();
  redis!.kill('SIGKILL');
  await new Promise((r) => redis!.once('exit', r));
  await new Promise((r) => setTimeout(r, 1_000));
  redis = await startRedis(port);
  const fresh = new Redis(redisUrl);
  // Every job is gone with the restart. (Not checked on the job keys themselves: the worker's
  // reconcile sweep, every second here, may already have queued them again.)
  expect(await fresh.get('redis-restart-marker')).toBeNull();
  fresh.disconnect();

  for (const id of ids) {
    const s = await waitFor(stack.api, key, id, settled, 90_000);
    expect(s.status).toBe('drafted');
  }
  const counts = (await stack.api.db.pool.query(
    `SELECT s.id, (SELECT count(*) FROM transcripts t WHERE t.session_id = s.id)::int AS t, (SELECT count(*) FROM notes n WHERE n.session_id = s.id)::int AS n
     FROM sessions s WHERE s.id = ANY($1::uuid[])`, [ids])).rows;
  expect(counts.every((r) => r.t === 1 && r.n === 1)).toBe(true);
}, 180_000);
