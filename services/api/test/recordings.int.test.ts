import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthPcm, synthWav } from '@scribe/audio';
import type { StageQueues } from '@scribe/queue';
import { StreamWriter, TailWriter, type AudioStore } from '@scribe/storage';
import { createTestApi, bearer, type TestApi } from '../../../test/helpers/api.ts';
import { sessionBody, PHI_MARKER } from '../../../test/helpers/fixtures.ts';
import { frames, sha256 } from '../../../packages/storage/test/helpers.ts';

let t: TestApi;
let key: string;
let store: AudioStore;
let queues: StageQueues;

const webm = (wav: Buffer) => execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-f', 'wav', '-i', 'pipe:0', '-c:a', 'libopus', '-b:a', '24k', '-f', 'webm', 'pipe:1'], { input: wav });

beforeAll(async () => {
  t = await createTestApi(import.meta.filename, { config: { MAX_UPLOAD_BYTES: String(3_000_000) } });
  store = t.deps.audio;
  queues = t.deps.queues;
  key = await t.key('clinic-a');
});
afterAll(() => t?.close());

async function create(overrides: Record<string, unknown> = {}, k = key) {
  const res = await t.app.inject({ method: 'POST', url: '/v1/sessions', headers: bearer(k), payload: sessionBody(overrides) });
  expect(res.statusCode).toBe(201);
  return res.json().session as { id: string };
}
const post = (url: string, payload: Buffer | string | object, contentType: string, k = key) =>
  t.app.inject({ method: 'POST', url, headers: { ...bearer(k), 'content-type': contentType }, payload: payload as string });
const row = async (id: string) => (await t.db.pool.query('SELECT status, audio_bytes, audio_sha256, audio_duration_sec FROM sessions WHERE id = $1', [id])).rows[0];
const objects = async (id: string) => store.blobs.list(`sessions/${id}/`);
const job = async (id: string) => (await queues.transcribe.getJob(`transcribe-${id}-r0`))?.data;

describe('POST /v1/sessions/{id}/recording', () => {
  it('stores a WAV upload encrypted, marks it recorded with its facts, audits and queues the pipeline', async () => {
    const s = await create();
    const wav = synthWav(12, { seed: 1 });
    const res = await post(`/v1/sessions/${s.id}/recording`, wav, 'audio/wav');
    expect(res.statusCode).toBe(202);
    expect(res.json().session).toMatchObject({ status: 'recorded', audio: { bytes: wav.length, durationSec: 12, sha256: sha256(wav) } });
    expect(res.json().session.timings.endedAt).toBeDefined();
    expect((await store.readSessionAudio(s.id)).equals(wav)).toBe(true);
    expect((await objects(s.id)).length).toBeGreaterThan(1);
    expect(await job(s.id)).toEqual({ sessionId: s.id, run: 0 });
    const audit = await t.db.pool.query(`SELECT 1 FROM audit_events WHERE resource_id = $1 AND action = 'audio.upload'`, [s.id]);
    expect(audit.rowCount).toBe(1);
  });

  it('accepts WebM/Opus and raw PCM (application/octet-stream in the session encoding)', async () => {
    const w = await create();
    const res = await post(`/v1/sessions/${w.id}/recording`, webm(synthWav(4)), 'audio/webm;codecs=opus');
    expect(res.statusCode).toBe(202);
    expect(Math.abs(res.json().session.audio.durationSec - 4)).toBeLessThan(0.1);
    const p = await create({ audio: { encoding: 'pcm_s16le', sampleRate: 8000, channels: 1 } });
    const pcm = synthPcm(3, { sampleRate: 8000 });
    const res2 = await post(`/v1/sessions/${p.id}/recording`, pcm, 'application/octet-stream');
    expect(res2.json().session.audio).toMatchObject({ bytes: pcm.length, durationSec: 3 });
  });

  it('accepts a truncated WebM, decoded up to the cut (DEPENDENCIES.md §5)', async () => {
    const s = await create();
    const full = webm(synthWav(6));
    const res = await post(`/v1/sessions/${s.id}/recording`, full.subarray(0, Math.floor(full.length / 2)), 'audio/webm');
    expect(res.statusCode).toBe(202);
    expect(res.json().session.audio.durationSec).toBeGreaterThan(1);
    expect(res.json().session.audio.durationSec).toBeLessThan(5);
  });

  it('refuses garbage, a headerless WebM continuation chunk, a mismatched container and odd PCM with 422, storing nothing', async () => {
    const garbage = Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 251));
    const cases: Array<[Buffer, string, string]> = [
      [garbage, 'audio/ogg', 'INVALID_AUDIO'],
      [garbage, 'audio/wav', 'INVALID_AUDIO'],
      [Buffer.concat([Buffer.from('1a45dfa3', 'hex'), garbage]), 'audio/webm', 'UNDECODABLE_AUDIO'],
      [webm(synthWav(3)).subarray(3000), 'audio/webm', 'INVALID_AUDIO'],
      [synthWav(1), 'audio/webm', 'AUDIO_FORMAT_MISMATCH'],
      [Buffer.alloc(3001, 1), 'application/octet-stream', 'INVALID_AUDIO'],
      [Buffer.alloc(0), 'audio/wav', 'EMPTY_AUDIO'],
    ];
    for (const [body, type, code] of cases) {
      const s = await create();
      const res = await post(`/v1/sessions/${s.id}/recording`, body, type);
      expect.soft(res.statusCode, `${type} ${code}`).toBe(422);
      expect.soft(res.json().error.code, type).toBe(code);
      expect(await objects(s.id)).toEqual([]);
      expect((await row(s.id)).status).toBe('created');
      expect(await job(s.id)).toBeUndefined();
    }
  });

  it('answers 413 over MAX_UPLOAD_BYTES, 415 for another content type, 409 for a second upload', async () => {
    const s = await create();
    expect((await post(`/v1/sessions/${s.id}/recording`, synthWav(100), 'audio/wav')).statusCode).toBe(413);
    expect(await objects(s.id)).toEqual([]);
    expect((await post(`/v1/sessions/${s.id}/recording`, 'a,b', 'text/csv')).json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect((await post(`/v1/sessions/${s.id}/recording`, synthWav(1), 'audio/wav')).statusCode).toBe(202);
    const again = await post(`/v1/sessions/${s.id}/recording`, synthWav(1), 'audio/wav');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('SESSION_NOT_OPEN');
  });
});

describe('POST /v1/sessions/{id}/dictation', () => {
  it('stores recognised text encrypted as the transcript source and queues the pipeline', async () => {
    const s = await create({ mode: 'dictation', consent: undefined });
    const text = `Pt reports R knee pain 3/10 after stairs ${PHI_MARKER}dictated`;
    const res = await post(`/v1/sessions/${s.id}/dictation`, { text }, 'application/json');
    expect(res.statusCode).toBe(202);
    expect(res.json().session.status).toBe('recorded');
    expect(await store.readDictationText(s.id)).toBe(text);
    expect((await store.audioInfo(s.id))?.source).toBe('text');
    expect(await job(s.id)).toEqual({ sessionId: s.id, run: 0 });
    expect(t.logLines().join('\n')).not.toContain('knee pain');
  });

  it('takes dictation audio too; refuses an ambient session (409) and empty text (400)', async () => {
    const d = await create({ mode: 'dictation', consent: undefined });
    expect((await post(`/v1/sessions/${d.id}/dictation`, synthWav(2), 'audio/wav')).statusCode).toBe(202);
    const a = await create();
    expect((await post(`/v1/sessions/${a.id}/dictation`, { text: 'x' }, 'application/json')).json().error.code).toBe('WRONG_MODE');
    const e = await create({ mode: 'dictation', consent: undefined });
    const bad = await post(`/v1/sessions/${e.id}/dictation`, { text: '   ' }, 'application/json');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('POST /v1/sessions/{id}/finish', () => {
  it('ends a streamed session whose socket is gone, idempotently', async () => {
    const s = await create();
    const pcm = synthPcm(5, { seed: 3 });
    const writer = await StreamWriter.open({ store, tail: new TailWriter(t.db.pool), segmentTargetBytes: 50_000 }, s.id, {}, { orgId: (await t.db.pool.query('SELECT org_id FROM sessions WHERE id = $1', [s.id])).rows[0].org_id, actor: 'system:test', actorKeyId: null }, {
      durable: () => {}, released: () => {}, failed: () => {},
    });
    frames(pcm).forEach((f, i) => writer.append(i + 1, f));
    await writer.idle();
    writer.detach();

    const first = await t.app.inject({ method: 'POST', url: `/v1/sessions/${s.id}/finish`, headers: bearer(key) });
    expect(first.statusCode).toBe(202);
    expect(first.json().session).toMatchObject({ status: 'recorded', audio: { bytes: pcm.length, durationSec: 5, sha256: sha256(pcm) } });
    const second = await t.app.inject({ method: 'POST', url: `/v1/sessions/${s.id}/finish`, headers: bearer(key) });
    expect(second.statusCode).toBe(202);
    expect(second.json().session).toEqual(first.json().session);
    expect(await job(s.id)).toEqual({ sessionId: s.id, run: 0 });
    expect((await store.readSessionAudio(s.id)).equals(pcm)).toBe(true);
  });

  it('answers 409 NO_AUDIO for a session with nothing recorded', async () => {
    const s = await create();
    const res = await t.app.inject({ method: 'POST', url: `/v1/sessions/${s.id}/finish`, headers: bearer(key) });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('NO_AUDIO');
  });
});

describe('DELETE /v1/sessions/{id}', () => {
  it('cancels and crypto-shreds: 204, then no path reads the audio and no path adds any', async () => {
    const s = await create();
    const wav = synthWav(3, { seed: 8 });
    await post(`/v1/sessions/${s.id}/recording`, wav, 'audio/wav');
    const res = await t.app.inject({ method: 'DELETE', url: `/v1/sessions/${s.id}`, headers: bearer(key) });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect((await row(s.id)).status).toBe('cancelled');
    await expect(store.readSessionAudio(s.id)).rejects.toMatchObject({ code: 'AUDIO_SHREDDED' });
    await expect(store.readDictationText(s.id)).rejects.toMatchObject({ code: 'AUDIO_SHREDDED' });
    expect(await objects(s.id)).toEqual([]);
    expect((await t.db.pool.query('SELECT wrapped_key FROM audio_data_keys WHERE session_id = $1', [s.id])).rows[0].wrapped_key).toBeNull();
    expect((await post(`/v1/sessions/${s.id}/recording`, wav, 'audio/wav')).json().error.code).toBe('SESSION_NOT_OPEN');
    expect((await t.app.inject({ method: 'POST', url: `/v1/sessions/${s.id}/finish`, headers: bearer(key) })).json().error.code).toBe('SESSION_NOT_OPEN');
    expect((await t.app.inject({ method: 'DELETE', url: `/v1/sessions/${s.id}`, headers: bearer(key) })).statusCode).toBe(204);
    const actions = (await t.db.pool.query('SELECT action FROM audit_events WHERE resource_id = $1', [s.id])).rows.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['session.cancel', 'audio.shred']));
  });
});

describe('tenancy and scopes', () => {
  it("answers 404 for another organisation's session on every route, 403 without sessions:write", async () => {
    const s = await create();
    const other = await t.key('clinic-b');
    const readOnly = await t.key('clinic-a', ['notes:read']);
    for (const k of [other, readOnly]) {
      const want = k === other ? 404 : 403;
      expect((await post(`/v1/sessions/${s.id}/recording`, synthWav(1), 'audio/wav', k)).statusCode).toBe(want);
      expect((await post(`/v1/sessions/${s.id}/dictation`, { text: 'x' }, 'application/json', k)).statusCode).toBe(want);
      expect((await t.app.inject({ method: 'POST', url: `/v1/sessions/${s.id}/finish`, headers: bearer(k) })).statusCode).toBe(want);
      expect((await t.app.inject({ method: 'DELETE', url: `/v1/sessions/${s.id}`, headers: bearer(k) })).statusCode).toBe(want);
    }
    expect((await row(s.id)).status).toBe('created');
    expect(await objects(s.id)).toEqual([]);
  });

  it('describes the routes in OpenAPI', async () => {
    const doc = (await t.app.inject('/openapi.json')).json();
    expect(doc.paths['/v1/sessions/{id}/recording'].post.operationId).toBe('uploadRecording');
    expect(doc.paths['/v1/sessions/{id}/dictation'].post.operationId).toBe('submitDictation');
    expect(doc.paths['/v1/sessions/{id}/finish'].post.operationId).toBe('finishSession');
    expect(doc.paths['/v1/sessions/{id}'].delete.operationId).toBe('deleteSession');
  });
});
