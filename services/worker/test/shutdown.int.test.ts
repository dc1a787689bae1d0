/**
 * SIGTERM on the real worker process (`services/worker/src/main.ts`): it stops taking jobs and
 * lets a running job finish within SHUTDOWN_TIMEOUT_MS; a job that outlasts the timeout is
 * left running when the process exits, its lock expires after JOB_LOCK_MS, BullMQ's stalled
 * check hands it to the next worker, and the session ends with exactly one transcript and one
 * note. The speech provider is a local server speaking the OpenAI wire format that delays
 * its answer. (A SIGKILL crash is covered by test/pipeline/worker-crash.int.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../../../test/helpers/stack.ts';
import { bearer } from '../../../test/helpers/api.ts';
import { ROOT } from '../../../test/helpers/db.ts';
import { LOG_DIR } from '../../../test/helpers/logs.ts';
import { createSession, settled, waitFor } from '../../../test/helpers/pipeline.ts';
import { OpenAIStub, openAIConfig } from '../../../test/helpers/openai-stub.ts';
import { exited, spawnWorker } from '../../../test/helpers/worker-process.ts';
import { sample } from './helpers/prom-text.ts';

const WAV = readFileSync(resolve(ROOT, 'test/fixtures/sample-visit/sample-visit.wav'));
let stack: TestStack;
let stub: OpenAIStub;
let key: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  stub = new OpenAIStub();
  await stub.start();
  // No in-process worker: the workers are the real binary, as child processes.
  stack = await startStack(import.meta.filename, { startWorker: false, config: openAIConfig(stub.baseUrl) });
  key = await stack.api.key('clinic-sigterm');
}, 60_000);
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && !c.signalCode) c.kill('SIGKILL');
  await stack?.close();
  await stub?.stop();
});

function worker(name: string, env: Record<string, string>) {
  const c = spawnWorker(stack.api, name, { ...openAIConfig(stub.baseUrl), ...env });
  children.push(c);
  return c;
}

/** A session with the sample recording uploaded: the upload queues its transcription. */
async function recorded() {
  const { session } = await createSession(stack.api, key, { audio: { encoding: 'wav', sampleRate: 16000, channels: 1 } });
  const up = await stack.api.app.inject({ method: 'POST', url: `/v1/sessions/${session.id}/recording`, headers: { ...bearer(key), 'content-type': 'audio/wav' }, payload: WAV });
  expect(up.statusCode).toBe(202);
  return session.id;
}

/** Send SIGTERM; resolve with the exit code and how long the process took to exit. */
async function terminate(child: ChildProcess) {
  const t0 = Date.now();
  child.kill('SIGTERM');
  const code = await exited(child);
  return { code, ms: Date.now() - t0 };
}

const rows = async (sql: string, id: string) => Number((await stack.api.db.pool.query(sql, [id])).rows[0].n);
/** The lines one child process wrote (the file is appended to across runs). */
const logOf = (name: string, child: ChildProcess) => readFileSync(resolve(LOG_DIR, `${name}.ndjson`), 'utf8').split('\n').filter(Boolean)
  .map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.pid === child.pid);

describe('worker SIGTERM', () => {
  it('a job longer than the shutdown timeout is cut at the timeout and finished once by the next worker', async () => {
    const env = { JOB_LOCK_MS: '2000', SHUTDOWN_TIMEOUT_MS: '1500' };
    stub.steps = [{ delayMs: 60_000 }];
    const requests = stub.transcriptionRequests.length;
    const first = worker('worker-sigterm-timeout-a', env);
    const id = await recorded();
    await expect.poll(() => stub.transcriptionRequests.length, { timeout: 60_000, interval: 100 }).toBe(requests + 1);
    expect((await waitFor(stack.api, key, id, () => true)).status).toBe('transcribing');

    const { code, ms } = await terminate(first);
    // It waited for the job (not an immediate exit), then gave up at the hard timeout.
    expect(code).toBe(1);
    expect(ms).toBeGreaterThanOrEqual(1_400);
    expect(ms).toBeLessThan(1_500 + 3_000);
    const jobId = `transcribe-${id}-r0`;
    const last = logOf('worker-sigterm-timeout-a', first).at(-1)!;
    expect(last).toMatchObject({ msg: 'shutdown timed out; exiting', handedBack: [`transcribe/${jobId}`], lockMs: 2000 });

    const second = worker('worker-sigterm-timeout-b', env);
    const done = await waitFor(stack.api, key, id, settled, 90_000);
    expect(done.status).toBe('drafted');
    expect(stub.transcriptionRequests.length).toBe(requests + 2);
    expect(await rows('SELECT count(*) n FROM transcripts WHERE session_id = $1', id)).toBe(1);
    expect(await rows('SELECT count(*) n FROM notes WHERE session_id = $1', id)).toBe(1);
    // It came back through BullMQ's stalled check (its lock expired), not as a failed attempt.
    const job = (await stack.api.deps.queues.transcribe.getJob(jobId))!;
    expect(await job.getState()).toBe('completed');
    expect(job.stalledCounter).toBe(1);
    expect(await rows(`SELECT count(*) n FROM dead_letters WHERE session_id = $1`, id)).toBe(0);

    const idle = await terminate(second);
    expect(idle.code).toBe(0);
  }, 180_000);

  it('a job shorter than the timeout finishes in the draining worker, which then exits 0 without taking the next stage', async () => {
    const env = { JOB_LOCK_MS: '2000', SHUTDOWN_TIMEOUT_MS: '20000' };
    stub.steps = [{ delayMs: 2_500 }];
    const requests = stub.transcriptionRequests.length;
    const first = worker('worker-sigterm-drain-a', env);
    const id = await recorded();
    await expect.poll(() => stub.transcriptionRequests.length, { timeout: 60_000, interval: 100 }).toBe(requests + 1);

    // The real process's private metrics port answers without a key; queue gauges are read on scrape.
    const started = () => logOf('worker-sigterm-drain-a', first).find((l) => l.msg === 'worker started');
    await expect.poll(started, { timeout: 10_000 }).toBeTruthy();
    const address = String(started()!.address);
    const metrics = await (await fetch(`${address}/metrics`)).text();
    expect(sample(metrics, 'scribe_queue_jobs', { queue: 'transcribe', state: 'active' })).toBe(1);

    const { code } = await terminate(first);
    expect(code).toBe(0);
    // The transcription committed before the exit; the draft it queued waits for another worker.
    expect((await waitFor(stack.api, key, id, () => true)).status).toBe('transcribed');
    expect(await stack.api.deps.queues.draft.getWaitingCount()).toBe(1);
    const msgs = logOf('worker-sigterm-drain-a', first).map((l) => l.msg);
    expect(msgs).toEqual(expect.arrayContaining(['shutting down', 'transcribed', 'shutdown complete']));
    expect(msgs.indexOf('transcribed')).toBeGreaterThan(msgs.indexOf('shutting down'));

    const second = worker('worker-sigterm-drain-b', env);
    expect((await waitFor(stack.api, key, id, settled, 90_000)).status).toBe('drafted');
    // Finished once: no second transcription.
    expect(stub.transcriptionRequests.length).toBe(requests + 1);
    expect(await rows('SELECT count(*) n FROM transcripts WHERE session_id = $1', id)).toBe(1);
    expect(await rows('SELECT count(*) n FROM notes WHERE session_id = $1', id)).toBe(1);
    expect((await terminate(second)).code).toBe(0);
  }, 180_000);

  it('the child workers logged no PHI', () => {
    for (const name of ['worker-sigterm-timeout-a', 'worker-sigterm-timeout-b', 'worker-sigterm-drain-a', 'worker-sigterm-drain-b']) {
      const text = readFileSync(resolve(LOG_DIR, `${name}.ndjson`), 'utf8');
      expect(text.length).toBeGreaterThan(0);
      expect(text).not.toMatch(/PHI-TEXT|PHI-PATIENT-/);
    }
  });
});
