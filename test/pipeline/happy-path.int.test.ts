/**
 * The pipeline end to end on the real stack: a stored recording or dictation becomes one
 * transcript and one AI draft note, stages in order, timings recorded, and the webhook
 * announces the draft with a valid signature.
 */
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../helpers/stack.ts';
import { bearer } from '../helpers/api.ts';
import { ROOT } from '../helpers/db.ts';
import { createSession, DICTATION, settled, waitFor } from '../helpers/pipeline.ts';
import { pcmToWav } from '@scribe/audio';
import { streamAudio } from '../../scripts/cli/stream-client.ts';

let stack: TestStack;
let key: string;
let hooks: Server;
const received: { body: string; signature: string }[] = [];

beforeAll(async () => {
  stack = await startStack(import.meta.filename);
  key = await stack.api.key('clinic-pipeline');
  hooks = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ body, signature: String(req.headers['x-scribe-signature']) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => hooks.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(hooks.address() as AddressInfo).port}/hook`;
  const res = await stack.api.app.inject({
    method: 'POST', url: '/v1/webhooks', headers: bearer(key),
    payload: { url, events: ['note.drafted', 'session.failed'], secret: 'a-webhook-secret-of-length' },
  });
  expect(res.statusCode).toBe(201);
}, 60_000);
afterAll(async () => {
  await stack?.close();
  hooks?.close();
});

describe('pipeline happy path', () => {
  it('text dictation -> transcript -> draft note with evidence and coding -> note.drafted webhook', async () => {
    const { session } = await createSession(stack.api, key, { mode: 'dictation', consent: undefined });
    const up = await stack.api.app.inject({ method: 'POST', url: `/v1/sessions/${session.id}/dictation`, headers: bearer(key), payload: { text: DICTATION } });
    expect(up.statusCode).toBe(202);

    const done = await waitFor(stack.api, key, session.id, settled);
    expect(done.status).toBe('drafted');
    expect(done.noteId).toBeTruthy();
    for (const t of ['createdAt', 'endedAt', 'transcribedAt', 'draftedAt']) expect(done.timings[t]).toBeTruthy();

    const transcript = (await stack.api.app.inject({ method: 'GET', url: `/v1/sessions/${session.id}/transcript`, headers: bearer(key) })).json().transcript;
    expect(transcript.engine).toBe('device-text');
    expect(transcript.utterances.length).toBe(6);
    expect(transcript.utterances.every((u: { speaker: string }) => u.speaker === 'clinician')).toBe(true);

    const note = (await stack.api.app.inject({ method: 'GET', url: `/v1/notes/${done.noteId}`, headers: bearer(key) })).json().note;
    expect(note).toMatchObject({ sessionId: session.id, status: 'draft', version: 1, aiGenerated: true });
    expect(note.provenance.engine).toBe('offline-therapy-drafter');
    const ids = new Set(transcript.utterances.map((u: { id: string }) => u.id));
    const statements = Object.values(note.sections).flat() as { text: string; origin: string; evidence: string[] }[];
    expect(statements.length).toBeGreaterThan(3);
    for (const s of statements) {
      expect(s.origin).toBe('ai');
      expect(s.evidence.length).toBeGreaterThan(0);
      for (const e of s.evidence) expect(ids.has(e)).toBe(true);
    }
    expect(statements.map((s) => s.text).join(' ')).toMatch(/3\/10/);
    // One timed line of 18 minutes, 1 unit, GP (which code the block gets is the coding tests' concern).
    expect(note.coding.lines).toHaveLength(1);
    expect(note.coding.lines[0]).toMatchObject({ minutes: 18, units: 1, modifiers: ['GP'] });
    expect(note.coding.unitMethod).toBe('cms_total_time');

    const runs = (await stack.api.db.pool.query('SELECT stage, status FROM stage_runs WHERE session_id = $1 ORDER BY queued_at', [session.id])).rows;
    expect(runs).toEqual([
      { stage: 'transcribe', status: 'completed' }, { stage: 'draft', status: 'completed' }, { stage: 'deliver', status: 'completed' },
    ]);

    await expect.poll(() => received.length, { timeout: 15_000 }).toBeGreaterThan(0);
    const hook = received.find((r) => JSON.parse(r.body).data.sessionId === session.id)!;
    const payload = JSON.parse(hook.body);
    expect(payload).toMatchObject({ type: 'note.drafted', data: { sessionId: session.id, noteId: done.noteId } });
    expect(Object.keys(payload.data).sort()).toEqual(['noteId', 'sessionId']);
    const [t, v1] = hook.signature.split(',').map((p) => p.split('=')[1]);
    expect(v1).toBe(createHmac('sha256', 'a-webhook-secret-of-length').update(`${t}.${hook.body}`).digest('hex'));
  });

  it('a silent recording gives an empty transcript and a note with no content and the silent_or_empty_audio check', async () => {
    const silent = pcmToWav(Buffer.alloc(16_000 * 2 * 6), 16_000, 1); // six seconds of digital silence
    const { session } = await createSession(stack.api, key, { audio: { encoding: 'wav', sampleRate: 16000, channels: 1 } });
    const up = await stack.api.app.inject({ method: 'POST', url: `/v1/sessions/${session.id}/recording`, headers: { ...bearer(key), 'content-type': 'audio/wav' }, payload: silent });
    expect(up.statusCode).toBe(202);
    const done = await waitFor(stack.api, key, session.id, settled);
    expect(done.status).toBe('drafted');
    const transcript = (await stack.api.app.inject({ method: 'GET', url: `/v1/sessions/${session.id}/transcript`, headers: bearer(key) })).json().transcript;
    expect(transcript.utterances).toEqual([]);
    const note = (await stack.api.app.inject({ method: 'GET', url: `/v1/notes/${done.noteId}`, headers: bearer(key) })).json().note;
    expect(Object.values(note.sections).flat()).toEqual([]);
    expect(note.coding.lines).toEqual([]);
    expect(note.coding.checks.map((c: { id: string }) => c.id)).toEqual(['silent_or_empty_audio']);
  });

  it('a streamed recording goes through the offline speech engine to a draft', async () => {
    const wav = readFileSync(resolve(ROOT, 'test/fixtures/sample-visit/sample-visit.wav'));
    const { session, stream } = await createSession(stack.api, key, { audio: { encoding: 'wav', sampleRate: 16000, channels: 1 } });
    const result = await streamAudio({
      url: stream.url, token: async () => stream.token, audio: wav, encoding: 'wav', sampleRate: 16000, channels: 1,
      frameBytes: 3200, bytesPerSecond: 0, speed: 1,
    });
    expect(result.bytes).toBe(wav.length);
    const done = await waitFor(stack.api, key, session.id, settled, 120_000);
    expect(done.status).toBe('drafted');
    const transcript = (await stack.api.app.inject({ method: 'GET', url: `/v1/sessions/${session.id}/transcript`, headers: bearer(key) })).json().transcript;
    expect(transcript.engine).toBe('offline-pocketsphinx');
    expect(transcript.utterances.length).toBeGreaterThan(3);
  }, 150_000);
});
