/**
 * The failure policy on the real stack (API.md statuses; STYLE.md queues): transient provider
 * errors are retried with backoff, a 429 waits, a provider 4xx fails the session with a
 * readable reason and a dead letter, an operator re-drives it, retries run out into a dead
 * letter, and re-running any stage changes nothing. The speech provider is a local server
 * speaking the OpenAI wire format.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Job } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StageJob } from '@scribe/queue';
import { startStack, type TestStack } from '../helpers/stack.ts';
import { bearer } from '../helpers/api.ts';
import { ROOT } from '../helpers/db.ts';
import { REDIS_URL } from '../helpers/redis.ts';
import { PHI_MARKER } from '../helpers/fixtures.ts';
import { createSession, settled, waitFor } from '../helpers/pipeline.ts';
import { OpenAIStub, openAIConfig } from '../helpers/openai-stub.ts';
import { processTranscribe } from '../../services/worker/src/processors/transcribe.processor.ts';
import { processDraft } from '../../services/worker/src/processors/draft.processor.ts';
import { processDeliver } from '../../services/worker/src/processors/deliver.processor.ts';

const WAV = readFileSync(resolve(ROOT, 'test/fixtures/sample-visit/sample-visit.wav'));
let stack: TestStack;
let stub: OpenAIStub;
let key: string;

beforeAll(async () => {
  stub = new OpenAIStub();
  await stub.start();
  stack = await startStack(import.meta.filename, { config: { ...openAIConfig(stub.baseUrl), PIPELINE_ATTEMPTS: '4', PIPELINE_BACKOFF_MS: '100' } });
  key = await stack.api.key('clinic-failures');
  await stack.api.app.inject({
    method: 'POST', url: '/v1/webhooks', headers: bearer(key),
    payload: { url: 'http://127.0.0.1:9/never', events: ['session.failed'], secret: 'a-webhook-secret-of-length' },
  });
}, 60_000);
afterAll(async () => {
  await stack?.close();
  await stub?.stop();
});
beforeEach(() => {
  stub.steps = [];
});

/** A session with the sample recording uploaded (which queues the pipeline). */
async function recorded() {
  const { session } = await createSession(stack.api, key, { audio: { encoding: 'wav', sampleRate: 16000, channels: 1 } });
  const res = await stack.api.app.inject({
    method: 'POST', url: `/v1/sessions/${session.id}/recording`, headers: { ...bearer(key), 'content-type': 'audio/wav' }, payload: WAV,
  });
  expect(res.statusCode).toBe(202);
  return session.id;
}

const count = async (sql: string, id: string) => Number((await stack.api.db.pool.query(sql, [id])).rows[0].n);
const attempts = async (id: string, stage: string) =>
  (await stack.api.db.pool.query('SELECT attempts FROM stage_runs WHERE session_id = $1 AND stage = $2 ORDER BY run DESC LIMIT 1', [id, stage])).rows[0]?.attempts;

describe('failure policy', () => {
  it('retries transient provider failures (5xx) with backoff and finishes', async () => {
    stub.steps = [{ status: 503 }, { status: 500 }];
    const before = stub.transcriptionRequests.length;
    const id = await recorded();
    const s = await waitFor(stack.api, key, id, settled);
    expect(s.status).toBe('drafted');
    expect(stub.transcriptionRequests.length - before).toBe(3);
    expect(await attempts(id, 'transcribe')).toBe(3);
  });

  it('waits on a 429 and then finishes', async () => {
    stub.steps = [{ status: 429, retryAfter: '1' }];
    const id = await recorded();
    const s = await waitFor(stack.api, key, id, settled);
    expect(s.status).toBe('drafted');
  });

  it('fails the session on a provider 4xx with a readable reason and a dead letter; re-drive finishes it', async () => {
    stub.steps = [{ status: 400 }];
    const id = await recorded();
    const failed = await waitFor(stack.api, key, id, settled);
    expect(failed.status).toBe('failed');
    expect(failed.failure).toMatchObject({ stage: 'transcribe', code: 'PROVIDER_BAD_REQUEST' });
    expect(failed.failure!.message).toMatch(/400/);
    expect(failed.failure!.message).not.toContain(PHI_MARKER);
    expect(await count('SELECT count(*) n FROM dead_letters WHERE session_id = $1', id)).toBe(1);
    expect(await count(`SELECT count(*) n FROM webhook_deliveries WHERE event_type = 'session.failed' AND payload->'data'->>'sessionId' = $1`, id)).toBe(1);

    const noScope = await stack.api.key('clinic-failures', ['ops:read']);
    expect((await stack.api.app.inject({ method: 'POST', url: `/v1/ops/sessions/${id}/retry`, headers: bearer(noScope) })).statusCode).toBe(403);
    const retry = await stack.api.app.inject({ method: 'POST', url: `/v1/ops/sessions/${id}/retry`, headers: bearer(key) });
    expect(retry.statusCode).toBe(202);
    expect(retry.json().stage).toBe('transcribe');
    const done = await waitFor(stack.api, key, id, (x) => x.status === 'drafted' || (x.status === 'failed' && x !== failed));
    expect(done.status).toBe('drafted');
    expect(done.failure).toBeUndefined();
    expect(await count('SELECT count(*) n FROM transcripts WHERE session_id = $1', id)).toBe(1);
    expect(await count('SELECT count(*) n FROM notes WHERE session_id = $1', id)).toBe(1);

    const again = await stack.api.app.inject({ method: 'POST', url: `/v1/ops/sessions/${id}/retry`, headers: bearer(key) });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('NOT_FAILED');
  });

  it('records a dead letter when transient failures exhaust the retries', async () => {
    stub.steps = Array.from({ length: 4 }, () => ({ status: 502 }));
    const id = await recorded();
    const s = await waitFor(stack.api, key, id, settled);
    expect(s.status).toBe('failed');
    expect(s.failure?.stage).toBe('transcribe');
    const dl = (await stack.api.db.pool.query('SELECT attempts, error_code FROM dead_letters WHERE session_id = $1', [id])).rows;
    expect(dl).toEqual([{ attempts: 4, error_code: 'PROVIDER_UNAVAILABLE' }]);
  });
});

describe('idempotent stages', () => {
  it('re-running transcribe, draft and deliver on a drafted session changes nothing', async () => {
    const id = await recorded();
    const done = await waitFor(stack.api, key, id, settled);
    expect(done.status).toBe('drafted');
    const snapshot = async () => (await stack.api.db.pool.query(
      `SELECT (SELECT count(*) FROM transcripts WHERE session_id = $1)::int AS transcripts,
              (SELECT count(*) FROM notes WHERE session_id = $1)::int AS notes,
              (SELECT count(*) FROM note_revisions r JOIN notes n ON n.id = r.note_id WHERE n.session_id = $1)::int AS revisions,
              (SELECT count(*) FROM webhook_deliveries WHERE payload->'data'->>'sessionId' = $1::text)::int AS deliveries,
              (SELECT updated_at FROM notes WHERE session_id = $1) AS note_updated,
              (SELECT status FROM sessions WHERE id = $1) AS status`, [id])).rows[0];
    const before = await snapshot();
    const requests = stub.transcriptionRequests.length;
    const job = { id: 'manual', data: { sessionId: id, run: 0 }, attemptsMade: 0, opts: { attempts: 1 } } as unknown as Job<StageJob>;
    for (let i = 0; i < 2; i++) {
      await processTranscribe(job, stack.workerDeps);
      await processDraft(job, stack.workerDeps);
      await processDeliver(job, stack.workerDeps);
    }
    expect(await snapshot()).toEqual(before);
    expect(stub.transcriptionRequests.length).toBe(requests);
  });

  it('two draft jobs racing on one session store exactly one note', async () => {
    const { session } = await createSession(stack.api, key, { mode: 'dictation', consent: undefined });
    // Stop the worker from taking it: transcribe by hand, then race two draft runs.
    await stack.api.app.inject({ method: 'POST', url: `/v1/sessions/${session.id}/dictation`, headers: bearer(key), payload: { text: 'Knee pain PHI-TEXT three out of ten. Plan twice a week.' } });
    await waitFor(stack.api, key, session.id, (x) => ['transcribed', 'drafting', 'drafted'].includes(x.status));
    const job = { id: 'race', data: { sessionId: session.id, run: 0 }, attemptsMade: 0, opts: { attempts: 1 } } as unknown as Job<StageJob>;
    await Promise.all([processDraft(job, stack.workerDeps), processDraft(job, stack.workerDeps)]);
    await waitFor(stack.api, key, session.id, settled);
    expect(await count('SELECT count(*) n FROM notes WHERE session_id = $1', session.id)).toBe(1);
    expect(await count(`SELECT count(*) n FROM audit_events WHERE action = 'note.draft' AND resource_id = (SELECT id FROM notes WHERE session_id = $1)`, session.id)).toBe(1);
  });
});

describe('what Redis holds', () => {
  it('job payloads, return values and failure reasons hold ids only: no transcript text or patient ref', async () => {
    const redis = new Redis(REDIS_URL);
    try {
      const keys = await redis.keys(`${stack.api.queuePrefix}:*`);
      expect(keys.length).toBeGreaterThan(10);
      let dumped = '';
      for (const k of keys) {
        const type = await redis.type(k);
        if (type === 'hash') dumped += JSON.stringify(await redis.hgetall(k));
        else if (type === 'string') dumped += await redis.get(k);
        else if (type === 'list') dumped += JSON.stringify(await redis.lrange(k, '0', '-1'));
        else if (type === 'zset') dumped += JSON.stringify(await redis.zrange(k, '0', '-1'));
        else if (type === 'set') dumped += JSON.stringify(await redis.smembers(k));
        else if (type === 'stream') dumped += JSON.stringify(await redis.xrange(k, '-', '+'));
      }
      expect(dumped).toContain('sessionId');
      expect(dumped).not.toContain('PHI-TEXT');
      expect(dumped).not.toContain(PHI_MARKER);
      expect(dumped).not.toMatch(/knee pain/i);
    } finally {
      redis.disconnect();
    }
  });
});
