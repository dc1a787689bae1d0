/**
 * A worker killed mid-job (SIGKILL: no chance to clean up) leaves a stalled job; a second
 * worker process takes it over and the session ends with exactly one transcript and one note.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startStack, type TestStack } from '../helpers/stack.ts';
import { bearer } from '../helpers/api.ts';
import { ROOT } from '../helpers/db.ts';
import { createSession, settled, waitFor } from '../helpers/pipeline.ts';
import { OpenAIStub, openAIConfig } from '../helpers/openai-stub.ts';
import { exited, spawnWorker } from '../helpers/worker-process.ts';

let stack: TestStack;
let stub: OpenAIStub;
const children: ChildProcess[] = [];

beforeAll(async () => {
  stub = new OpenAIStub();
  await stub.start();
  // No in-process worker: the worker processes are the real binary.
  stack = await startStack(import.meta.filename, { startWorker: false, config: openAIConfig(stub.baseUrl) });
}, 60_000);
afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  await stack?.close();
  await stub?.stop();
});

it('a second worker finishes the job of a worker killed mid-transcription, with one transcript and one note', async () => {
  const key = await stack.api.key('clinic-crash');
  const env = { ...openAIConfig(stub.baseUrl), JOB_LOCK_MS: '2000' };
  // The first answer takes long enough to kill the worker while it waits for it.
  stub.steps = [{ delayMs: 30_000 }];
  const first = spawnWorker(stack.api, 'worker-crash-a', env);
  children.push(first);

  const { session } = await createSession(stack.api, key, { audio: { encoding: 'wav', sampleRate: 16000, channels: 1 } });
  const wav = readFileSync(resolve(ROOT, 'test/fixtures/sample-visit/sample-visit.wav'));
  const up = await stack.api.app.inject({ method: 'POST', url: `/v1/sessions/${session.id}/recording`, headers: { ...bearer(key), 'content-type': 'audio/wav' }, payload: wav });
  expect(up.statusCode).toBe(202);

  await expect.poll(() => stub.transcriptionRequests.length, { timeout: 60_000, interval: 100 }).toBe(1);
  expect((await waitFor(stack.api, key, session.id, () => true)).status).toBe('transcribing');
  first.kill('SIGKILL');
  await exited(first);

  const second = spawnWorker(stack.api, 'worker-crash-b', env);
  children.push(second);
  const done = await waitFor(stack.api, key, session.id, settled, 90_000);
  expect(done.status).toBe('drafted');
  expect(stub.transcriptionRequests.length).toBe(2);
  const n = async (sql: string) => Number((await stack.api.db.pool.query(sql, [session.id])).rows[0].n);
  expect(await n('SELECT count(*) n FROM transcripts WHERE session_id = $1')).toBe(1);
  expect(await n('SELECT count(*) n FROM notes WHERE session_id = $1')).toBe(1);
  second.kill('SIGTERM');
  await exited(second);
}, 180_000);
