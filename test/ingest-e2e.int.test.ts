/**
 * Across services: the API creates a session and its stream grant, the gateway takes the
 * audio over a real WebSocket, the API shows the recorded facts, DELETE shreds it, and the
 * gateway then refuses the session.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { synthPcm } from '@scribe/audio';
import { TailWriter, type AudioStore } from '@scribe/storage';
import { buildGateway } from '../services/gateway/src/app.ts';
import { TestClient } from '../services/gateway/test/harness.ts';
import { frames, sha256 } from '../packages/storage/test/helpers.ts';
import { createTestApi, bearer, type TestApi } from './helpers/api.ts';
import { testLogger } from './helpers/logs.ts';
import { sessionBody } from './helpers/fixtures.ts';

let api: TestApi;
let gateway: FastifyInstance;
let store: AudioStore;

beforeAll(async () => {
  api = await createTestApi(import.meta.filename);
  store = api.deps.audio;
  gateway = await buildGateway({
    config: api.deps.config, logger: testLogger('gateway', import.meta.filename).logger, store, tail: new TailWriter(api.db.pool), queues: api.deps.queues, readiness: [],
  });
  await gateway.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await gateway?.close();
  await api?.close();
});

it('API session -> gateway stream -> recorded facts in the API -> DELETE -> unreadable and refused', async () => {
  const key = await api.key('clinic-e2e');
  const created = (await api.app.inject({ method: 'POST', url: '/v1/sessions', headers: bearer(key), payload: sessionBody() })).json();
  const port = (gateway.server.address() as AddressInfo).port;
  const base = `ws://127.0.0.1:${port}`;
  expect(created.stream.url).toMatch(new RegExp(`/v1/sessions/${created.session.id}/audio$`));

  const pcm = synthPcm(10, { seed: 21 });
  const c = await TestClient.connect(base, created.session.id, created.stream.token);
  expect(await c.start({ encoding: 'pcm_s16le', sampleRate: 16000, channels: 1 })).toBe(0);
  frames(pcm).forEach((f, i) => c.frame(i + 1, f));
  c.json({ type: 'end' });
  expect(await c.type('ended')).toMatchObject({ durationSec: 10, bytes: pcm.length });

  const session = (await api.app.inject({ url: `/v1/sessions/${created.session.id}`, headers: bearer(key) })).json().session;
  expect(session).toMatchObject({ status: 'recorded', audio: { bytes: pcm.length, durationSec: 10, sha256: sha256(pcm) } });
  expect(session.timings.recordingStartedAt).toBeDefined();
  expect(session.timings.endedAt).toBeDefined();
  expect((await api.deps.queues.transcribe.getJob(`transcribe-${session.id}-r0`))?.data).toEqual({ sessionId: session.id, run: 0 });

  expect((await api.app.inject({ method: 'DELETE', url: `/v1/sessions/${session.id}`, headers: bearer(key) })).statusCode).toBe(204);
  await expect(store.readSessionAudio(session.id)).rejects.toMatchObject({ code: 'AUDIO_SHREDDED' });
  const again = await TestClient.connect(base, session.id, created.stream.token);
  again.json({ type: 'start' });
  expect(await again.error()).toEqual({ code: 'SESSION_NOT_OPEN', close: 4409 });
});
