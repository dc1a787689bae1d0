/**
 * Worker and API metrics on the real stack (startStack: api + gateway + worker in one
 * process): a text dictation run moves the stage, queue-wait, drafting and provider series
 * and the API's request histogram; queue gauges are read on scrape; worker log lines carry
 * job, queue, session and stage ids. A failing drafter shows that retries and failures are
 * counted and that what Redis keeps as the failure reason is a code, never the error text.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetrics, type Metrics } from '@scribe/observability';
import { createRedis } from '@scribe/queue';
import { startStack, type TestStack } from '../../../test/helpers/stack.ts';
import { bearer } from '../../../test/helpers/api.ts';
import { PHI_MARKER } from '../../../test/helpers/fixtures.ts';
import { LOG_DIR } from '../../../test/helpers/logs.ts';
import { REDIS_URL } from '../../../test/helpers/redis.ts';
import { createSession, DICTATION, settled, waitFor } from '../../../test/helpers/pipeline.ts';
import { buildHealthServer } from '../src/health-server.ts';
import { queueGaugeRefresher } from '../src/queue-gauges.ts';
import { startWorkers } from '../src/app.ts';
import type { NoteDrafter } from '../src/ports.ts';
import { labelValues, sample } from './helpers/prom-text.ts';

let stack: TestStack;
let key: string;
let health: FastifyInstance;

const queuesOf = (s: TestStack) => [...Object.values(s.api.deps.queues), s.api.deps.webhooks];
const scrapeWorker = async () => (await health.inject({ method: 'GET', url: '/metrics' })).body;
const scrapeApi = async () => (await stack.api.app.inject({ method: 'GET', url: '/metrics' })).body;
const n = (text: string, name: string, labels: Record<string, string>) => {
  const v = sample(text, name, labels);
  return Number.isNaN(v) ? 0 : v;
};

async function dictate(text: string) {
  const { session } = await createSession(stack.api, key, { mode: 'dictation', consent: undefined });
  const up = await stack.api.app.inject({ method: 'POST', url: `/v1/sessions/${session.id}/dictation`, headers: bearer(key), payload: { text } });
  expect(up.statusCode).toBe(202);
  return session.id;
}

beforeAll(async () => {
  stack = await startStack(import.meta.filename, { config: { PIPELINE_ATTEMPTS: '2', PIPELINE_BACKOFF_MS: '100' } });
  key = await stack.api.key('clinic-metrics');
  const metrics = stack.worker.metrics!;
  health = buildHealthServer([], metrics, queueGaugeRefresher(metrics, queuesOf(stack)));
}, 60_000);
afterAll(async () => {
  await health?.close();
  await stack?.close();
});

describe('metrics move when work happens', () => {
  it('a text dictation moves the stage, wait, drafting and provider series on the worker and the request series on the api', async () => {
    const w0 = await scrapeWorker();
    const a0 = await scrapeApi();
    const id = await dictate(DICTATION);
    expect((await waitFor(stack.api, key, id, settled)).status).toBe('drafted');
    // deliver runs after the session is drafted: wait for it to be counted too.
    await expect.poll(async () => n(await scrapeWorker(), 'scribe_stage_outcomes_total', { stage: 'deliver', outcome: 'completed' }), { timeout: 15_000 })
      .toBe(n(w0, 'scribe_stage_outcomes_total', { stage: 'deliver', outcome: 'completed' }) + 1);
    const w1 = await scrapeWorker();
    const a1 = await scrapeApi();
    const moved = (name: string, labels: Record<string, string>) => n(w1, name, labels) - n(w0, name, labels);

    for (const stage of ['transcribe', 'draft', 'deliver']) {
      expect(moved('scribe_stage_outcomes_total', { stage, outcome: 'completed' }), stage).toBe(1);
      expect(moved('scribe_stage_duration_seconds_count', { stage, outcome: 'completed' }), stage).toBe(1);
      expect(moved('scribe_stage_duration_seconds_sum', { stage, outcome: 'completed' }), stage).toBeGreaterThan(0);
      expect(moved('scribe_queue_wait_seconds_count', { queue: stage }), stage).toBe(1);
    }
    expect(moved('scribe_drafts_total', { engine: 'offline-therapy-drafter' })).toBe(1);
    expect(moved('scribe_draft_latency_seconds_count', { engine: 'offline-therapy-drafter' })).toBe(1);
    expect(moved('scribe_provider_request_duration_seconds_count', { provider: 'offline-therapy-drafter', operation: 'draft' })).toBe(1);
    expect(w1).toContain('scribe_draft_latency_seconds_bucket{le="600"');

    // Queue gauges are read from Redis on each scrape: completed jobs are kept for a day.
    for (const queue of ['transcribe', 'draft', 'deliver']) {
      expect(n(w1, 'scribe_queue_jobs', { queue, state: 'completed' }), queue).toBeGreaterThanOrEqual(1);
      expect(n(w1, 'scribe_queue_jobs', { queue, state: 'waiting' }), queue).toBe(0);
      expect(sample(w1, 'scribe_queue_oldest_waiting_seconds', { queue }), queue).toBe(0);
    }
    expect(sample(w1, 'scribe_queue_jobs', { queue: 'webhooks', state: 'failed' })).toBe(0);

    const route = { method: 'POST', route: '/v1/sessions/:id/dictation', status: '202' };
    expect(n(a1, 'scribe_http_request_duration_seconds_count', route) - n(a0, 'scribe_http_request_duration_seconds_count', route)).toBe(1);

    for (const text of [w1, a1]) {
      expect(text).not.toContain(id);
      expect(text).not.toContain(PHI_MARKER);
      expect(text).not.toContain('PHI-TEXT');
      for (const v of labelValues(text)) expect(v).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    }

    // Every worker line about the session names its job, queue and stage; none carries PHI.
    const log = readFileSync(resolve(LOG_DIR, `${basename(import.meta.filename).replace(/\W+/g, '_')}.ndjson`), 'utf8');
    const lines = log.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    const mine = lines.filter((l) => l.name === 'worker' && l.sessionId === id);
    expect(mine.map((l) => l.msg)).toEqual(expect.arrayContaining(['transcribed', 'drafted']));
    for (const l of mine) expect(l).toMatchObject({ jobId: expect.stringContaining(id), queue: expect.any(String), stage: expect.any(String) });
    expect(log).not.toContain('PHI-TEXT');
    expect(log).not.toContain(PHI_MARKER);
  });
});

describe('failures, counted and kept as codes', () => {
  let metrics: Metrics;
  let pipeline: ReturnType<typeof startWorkers>;
  const connection = createRedis(REDIS_URL);

  beforeAll(async () => {
    // Replace the stack's worker with one whose drafter always fails with PHI in its message
    // (as a driver or provider error can): the processors and the failure policy are the real ones.
    await stack.worker.close();
    metrics = createMetrics('worker');
    const failing: NoteDrafter = {
      engine: 'failing-test-drafter',
      draft: async () => { throw new Error('socket hang up while sending "PHI-TEXT knee pain three out of ten"'); },
    };
    pipeline = startWorkers({ ...stack.workerDeps, drafter: failing, metrics }, connection);
  });
  afterAll(async () => {
    await pipeline?.close();
    connection.disconnect();
  });

  it('a drafter failing on every attempt: one retry then failed, provider errors counted, the reason in Redis and the ops view is a code', async () => {
    const id = await dictate('Knee pain PHI-TEXT three out of ten. Plan twice a week.');
    const s = await waitFor(stack.api, key, id, settled);
    expect(s.status).toBe('failed');
    expect(s.failure).toMatchObject({ stage: 'draft', code: 'INTERNAL' });

    const text = await metrics.registry.metrics();
    expect(sample(text, 'scribe_stage_outcomes_total', { stage: 'draft', outcome: 'retry' })).toBe(1);
    expect(sample(text, 'scribe_stage_outcomes_total', { stage: 'draft', outcome: 'failed' })).toBe(1);
    expect(sample(text, 'scribe_stage_outcomes_total', { stage: 'transcribe', outcome: 'completed' })).toBe(1);
    expect(sample(text, 'scribe_provider_errors_total', { provider: 'failing-test-drafter', kind: 'transient' })).toBe(2);
    expect(n(text, 'scribe_drafts_total', { engine: 'failing-test-drafter' })).toBe(0);

    const job = (await stack.api.deps.queues.draft.getJob(`draft-${id}-r0`))!;
    expect(await job.getState()).toBe('failed');
    expect(job.failedReason).toBe('INTERNAL: Error in the pipeline; will retry');
    expect(JSON.stringify({ reason: job.failedReason, stack: job.stacktrace, value: job.returnvalue })).not.toContain('PHI-TEXT');

    const ops = await stack.api.app.inject({ method: 'GET', url: '/v1/ops/queues', headers: bearer(key) });
    expect(ops.statusCode).toBe(200);
    expect(ops.json().queues.find((q: { name: string }) => q.name === 'draft').failed).toBeGreaterThanOrEqual(1);
    expect(ops.json().recentFailures).toContainEqual(expect.objectContaining({ queue: 'draft', sessionId: id, code: 'INTERNAL', state: 'failed', attempts: 2 }));
    expect(ops.body).not.toContain('PHI-TEXT');
  });
});
