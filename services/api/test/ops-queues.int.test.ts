/**
 * `GET /v1/ops/queues` (API.md, Operations) on the real Redis under a unique prefix: counts
 * move as jobs are added, fail, wait for a retry and are retried; the oldest waiting job's
 * age shows; recent failures list ids and codes of the caller's organisation only, never
 * the failure text.
 */
import { randomUUID } from 'node:crypto';
import { Worker, type Job } from 'bullmq';
import { createDeliveries, createWebhook, ensureOrganisation } from '@scribe/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedis, enqueueStage, enqueueWebhook, type StageJob, type WebhookJob } from '@scribe/queue';
import { createTestApi, bearer, type TestApi } from '../../../test/helpers/api.ts';
import { REDIS_URL } from '../../../test/helpers/redis.ts';
import { sessionBody } from '../../../test/helpers/fixtures.ts';

let t: TestApi;
let opsKey: string;
let writeKey: string;
const redis = createRedis(REDIS_URL);
const ids: Record<'a' | 'b' | 'c' | 'other', string> = { a: '', b: '', c: '', other: '' };

interface QueueView { name: string; waiting: number; active: number; delayed: number; failed: number; completed: number; oldestWaitingSec: number }
interface Failure { queue: string; jobId: string; sessionId: string | null; deliveryId: string | null; code: string; state: string; attempts: number; at: string }

async function ops(key = opsKey) {
  const res = await t.app.inject({ method: 'GET', url: '/v1/ops/queues', headers: bearer(key) });
  expect(res.statusCode).toBe(200);
  const body = res.json() as { queues: QueueView[]; recentFailures: Failure[] };
  return { ...body, raw: res.body, q: (name: string) => body.queues.find((x) => x.name === name)! };
}

async function newSession(key: string) {
  const res = await t.app.inject({ method: 'POST', url: '/v1/sessions', headers: bearer(key), payload: sessionBody({ mode: 'dictation', consent: undefined }) });
  expect(res.statusCode).toBe(201);
  return res.json().session.id as string;
}

beforeAll(async () => {
  t = await createTestApi(import.meta.filename);
  opsKey = await t.key('clinic-ops', ['ops:read']);
  writeKey = await t.key('clinic-ops', ['sessions:write']);
  ids.a = await newSession(writeKey);
  ids.b = await newSession(writeKey);
  ids.c = await newSession(writeKey);
  ids.other = await newSession(await t.key('clinic-other', ['sessions:write']));
});
afterAll(async () => {
  await t.close();
  redis.disconnect();
});

describe('GET /v1/ops/queues', () => {
  it('answers 401 without a key and 403 without the ops:read scope', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/v1/ops/queues' })).statusCode).toBe(401);
    const res = await t.app.inject({ method: 'GET', url: '/v1/ops/queues', headers: bearer(writeKey) });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('lists every stage queue and the webhooks queue, empty at first', async () => {
    const { queues, recentFailures } = await ops();
    expect(queues.map((q) => q.name)).toEqual(['transcribe', 'draft', 'deliver', 'webhooks']);
    for (const q of queues) expect(q).toEqual({ name: q.name, waiting: 0, active: 0, delayed: 0, failed: 0, completed: 0, oldestWaitingSec: 0 });
    expect(recentFailures).toEqual([]);
  });

  it('reflects jobs added, failed, waiting for a retry and retried; failures show ids and codes of this organisation only', async () => {
    await enqueueStage(t.deps.queues, 'transcribe', { sessionId: ids.a, run: 0 });
    expect((await ops()).q('transcribe')).toMatchObject({ waiting: 1, active: 0 });

    // A worker whose processor fails the way the stage runner does: `CODE: readable message`.
    const reasons: Record<string, string> = {
      [ids.a]: 'PROVIDER_REJECTED: Provider refused the request (400)',
      [ids.b]: 'PROVIDER_UNAVAILABLE: Provider error (503)',
      [ids.other]: 'PROVIDER_REJECTED: Provider refused the request (400)',
    };
    const worker = new Worker<StageJob>('draft', async (job: Job<StageJob>) => {
      throw new Error(reasons[job.data.sessionId]);
    }, { connection: redis, prefix: t.queuePrefix, settings: { backoffStrategy: () => 60_000 } });
    try {
      const draft = t.deps.queues.draft;
      await draft.add('draft', { sessionId: ids.a, run: 0 }, { jobId: 'draft-a', attempts: 1 });
      await draft.add('draft', { sessionId: ids.b, run: 0 }, { jobId: 'draft-b', attempts: 3 });
      await draft.add('draft', { sessionId: ids.other, run: 0 }, { jobId: 'draft-other', attempts: 1 });
      await expect.poll(async () => {
        const d = (await ops()).q('draft');
        return [d.failed, d.delayed, d.waiting, d.active];
      }, { timeout: 10_000, interval: 100 }).toEqual([2, 1, 0, 0]);
    } finally {
      await worker.close();
    }

    const view = await ops();
    // Counts are deployment-wide (the other organisation's failed job counts)...
    expect(view.q('draft')).toMatchObject({ failed: 2, delayed: 1, waiting: 0 });
    // ...failures are the caller's own, newest first, codes only.
    const mine = view.recentFailures.map((f) => ({ queue: f.queue, jobId: f.jobId, sessionId: f.sessionId, code: f.code, state: f.state, attempts: f.attempts }));
    expect(mine).toHaveLength(2);
    expect(mine).toEqual(expect.arrayContaining([
      { queue: 'draft', jobId: 'draft-a', sessionId: ids.a, code: 'PROVIDER_REJECTED', state: 'failed', attempts: 1 },
      { queue: 'draft', jobId: 'draft-b', sessionId: ids.b, code: 'PROVIDER_UNAVAILABLE', state: 'retrying', attempts: 1 },
    ]));
    expect(view.raw).not.toContain(ids.other);
    expect(view.raw).not.toContain('Provider refused');
    expect(new Date(view.recentFailures[0]!.at).getTime()).toBeGreaterThan(Date.now() - 60_000);

    // An operator retries the failed job: it leaves `failed` and waits again.
    await (await t.deps.queues.draft.getJob('draft-a'))!.retry();
    expect((await ops()).q('draft')).toMatchObject({ failed: 1, delayed: 1, waiting: 1 });
    expect((await ops()).recentFailures.map((f) => f.jobId)).toEqual(['draft-b']);
  });

  it('reports the age of the job waiting longest', async () => {
    expect((await ops()).q('deliver').oldestWaitingSec).toBe(0);
    await t.deps.queues.deliver.add('deliver', { sessionId: ids.c, run: 0 }, { jobId: 'deliver-old', timestamp: Date.now() - 10 * 60_000 });
    await t.deps.queues.deliver.add('deliver', { sessionId: ids.a, run: 0 }, { jobId: 'deliver-new' });
    const d = (await ops()).q('deliver');
    expect(d.waiting).toBe(2);
    expect(d.oldestWaitingSec).toBeGreaterThanOrEqual(600);
    expect(d.oldestWaitingSec).toBeLessThan(660);
    // The fresh transcribe job from the first test has waited seconds, not minutes.
    const tr = (await ops()).q('transcribe');
    expect(tr.oldestWaitingSec).toBeGreaterThan(0);
    expect(tr.oldestWaitingSec).toBeLessThan(120);
  });

  it('lists a webhook delivery waiting for a retry by its delivery id and code', async () => {
    const orgId = await ensureOrganisation(t.db.pool, 'clinic-ops');
    await createWebhook(t.db.pool, orgId, { url: 'http://127.0.0.1:9/hook', events: ['note.drafted'], secret: 'a-webhook-secret-of-length' });
    const [deliveryId] = await createDeliveries(t.db.pool, orgId, { id: randomUUID(), type: 'note.drafted', createdAt: new Date().toISOString(), data: { sessionId: ids.a } });
    const worker = new Worker<WebhookJob>('webhooks', async () => {
      throw new Error('WEBHOOK_HTTP_500: webhook delivery failed (500)');
    }, { connection: redis, prefix: t.queuePrefix, settings: { backoffStrategy: () => 60_000 } });
    try {
      await enqueueWebhook(t.deps.webhooks, deliveryId!);
      // Deliveries are retried with backoff (12 attempts): after one failure it waits for the next.
      await expect.poll(async () => (await ops()).q('webhooks').delayed, { timeout: 10_000, interval: 100 }).toBe(1);
    } finally {
      await worker.close();
    }
    expect((await ops()).recentFailures).toContainEqual(expect.objectContaining({ queue: 'webhooks', deliveryId, sessionId: null, code: 'WEBHOOK_HTTP_500', state: 'retrying', attempts: 1 }));
  });

  it('answers 503 QUEUES_UNAVAILABLE when Redis does not', async () => {
    const { createTestApi: make } = await import('../../../test/helpers/api.ts');
    // A Redis nobody listens on (port 1 on loopback): the queue client fails fast.
    const down = await make(`${import.meta.filename}-down`, { redisUrl: 'redis://127.0.0.1:1' });
    try {
      const key = await down.key('clinic-ops', ['ops:read']);
      const res = await down.app.inject({ method: 'GET', url: '/v1/ops/queues', headers: bearer(key) });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('QUEUES_UNAVAILABLE');
    } finally {
      await down.close();
    }
  });
});
