/**
 * Contract test of the Deepgram prerecorded adapter against a local server speaking the
 * documented wire format of `POST /v1/listen` (query options, `Authorization: Token <key>`,
 * raw audio body; JSON with results.channels and results.utterances). It shows that the
 * adapter sends what Deepgram documents and reads what Deepgram documents; it does not show
 * that Deepgram's real service answers this way today.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Transcript } from '@scribe/domain';
import { DeepgramTranscriber } from '../src/deepgram/deepgram-transcriber.ts';
import { TranscriptionError } from '../src/transcriber.ts';
import { silence, syllables, wavFromSamples, whiteNoise } from './helpers/audio.ts';
import { hang, json, refusedUrl, StubServer } from './helpers/stub-server.ts';

const KEY = 'dg-test-key';
const SPEECH = wavFromSamples(syllables(4));
const SECRET_TEXT = 'patient-said-something-private';

const word = (w: string, start: number, end: number, speaker: number) => ({
  word: w.toLowerCase().replace(/[^a-z]/g, ''), start, end, confidence: 0.98, speaker, speaker_confidence: 0.9, punctuated_word: w,
});

/** A documented-shape answer: two voices, speaker 0 talking most. */
const ANSWER = {
  metadata: { request_id: 'req-1', sha256: 'x', created: '2026-11-23T10:00:00Z', duration: 9.5, channels: 1, models: ['m'], model_info: {} },
  results: {
    channels: [{ alternatives: [{ transcript: 'How is the knee today? About a three. Good, leg press next.', confidence: 0.97, words: [] }] }],
    utterances: [
      { start: 0.4, end: 2.1, confidence: 0.97, channel: 0, transcript: 'How is the knee today?', speaker: 0, id: 'a',
        words: [word('How', 0.4, 0.6, 0), word('is', 0.6, 0.7, 0), word('the', 0.7, 0.8, 0), word('knee', 0.8, 1.2, 0), word('today?', 1.2, 2.1, 0)] },
      { start: 2.5, end: 3.6, confidence: 0.95, channel: 0, transcript: 'About a three.', speaker: 1, id: 'b',
        words: [word('About', 2.5, 2.9, 1), word('a', 2.9, 3.0, 1), word('three.', 3.0, 3.6, 1)] },
      { start: 4.0, end: 9.4, confidence: 0.96, channel: 0, transcript: 'Good, leg press next.', speaker: 0, id: 'c',
        words: [word('Good,', 4.0, 4.5, 0), word('leg', 4.6, 5.0, 0), word('press', 5.0, 5.6, 0), word('next.', 5.6, 9.4, 0)] },
    ],
  },
};

let stub: StubServer;
let baseUrl: string;
const transcriber = (opts: Partial<{ baseUrl: string; timeoutMs: number }> = {}) =>
  new DeepgramTranscriber({ apiKey: KEY, baseUrl, model: 'nova-3-medical', timeoutMs: 5000, timeoutPerAudioSecMs: 0, ...opts });

async function failure(p: Promise<unknown>): Promise<TranscriptionError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(TranscriptionError);
  return err as TranscriptionError;
}

beforeAll(async () => {
  stub = new StubServer();
  baseUrl = await stub.start();
});
afterAll(() => stub.stop());
beforeEach(() => {
  stub.requests.length = 0;
  stub.reply = json(200, ANSWER);
});

describe('Deepgram prerecorded: request', () => {
  it('POSTs the WAV to /v1/listen with the medical model, diarization, utterances, smart_format, punctuate and the key as Token', async () => {
    await transcriber().transcribe({ wav: SPEECH, mode: 'ambient' });
    expect(stub.requests).toHaveLength(1);
    const r = stub.requests[0]!;
    expect(r.method).toBe('POST');
    expect(r.url.pathname).toBe('/v1/listen');
    expect(Object.fromEntries(r.url.searchParams)).toEqual({
      model: 'nova-3-medical', diarize: 'true', utterances: 'true', smart_format: 'true', punctuate: 'true', language: 'en',
    });
    expect(r.headers.authorization).toBe(`Token ${KEY}`);
    expect(r.headers['content-type']).toBe('application/octet-stream');
    expect(r.body.equals(SPEECH)).toBe(true);
  });

  it('does not ask for diarization in dictation and passes the language', async () => {
    await transcriber().transcribe({ wav: SPEECH, mode: 'dictation', language: 'en-US' });
    const q = stub.requests[0]!.url.searchParams;
    expect(q.get('diarize')).toBe('false');
    expect(q.get('language')).toBe('en-US');
  });
});

describe('Deepgram prerecorded: response', () => {
  it('turns utterances into a transcript with roles, times and punctuated word timings', async () => {
    const t = await transcriber().transcribe({ wav: SPEECH, mode: 'ambient' });
    expect(Transcript.parse(t)).toEqual(t);
    expect(t).toMatchObject({ engine: 'deepgram', model: 'nova-3-medical', language: 'en' });
    expect(t.utterances.map((u) => [u.id, u.speaker, u.start, u.end, u.text])).toEqual([
      ['u1', 'clinician', 0.4, 2.1, 'How is the knee today?'],
      ['u2', 'patient', 2.5, 3.6, 'About a three.'],
      ['u3', 'clinician', 4, 9.4, 'Good, leg press next.'],
    ]);
    expect(t.utterances[1]!.words).toEqual([
      { word: 'About', start: 2.5, end: 2.9, confidence: 0.98 },
      { word: 'a', start: 2.9, end: 3, confidence: 0.98 },
      { word: 'three.', start: 3, end: 3.6, confidence: 0.98 },
    ]);
  });

  it('labels every utterance clinician in dictation', async () => {
    const t = await transcriber().transcribe({ wav: SPEECH, mode: 'dictation' });
    expect(new Set(t.utterances.map((u) => u.speaker))).toEqual(new Set(['clinician']));
  });

  it('falls back to the word list, split at speaker changes, when there are no utterances', async () => {
    stub.reply = json(200, {
      metadata: ANSWER.metadata,
      results: { channels: [{ alternatives: [{ transcript: 'x', words: [word('Hi.', 0, 0.5, 0), word('Ouch,', 1, 1.4, 1), word('really.', 1.4, 2, 1), word('Okay.', 2.2, 2.6, 0), word('Go.', 2.7, 3, 0)] }] }] },
    });
    const t = await transcriber().transcribe({ wav: SPEECH, mode: 'ambient' });
    expect(t.utterances.map((u) => [u.speaker, u.text])).toEqual([
      ['clinician', 'Hi.'],
      ['patient', 'Ouch, really.'],
      ['clinician', 'Okay. Go.'],
    ]);
  });

  it('returns no utterances when Deepgram hears nothing', async () => {
    stub.reply = json(200, { metadata: ANSWER.metadata, results: { channels: [{ alternatives: [{ transcript: '', confidence: 0, words: [] }] }], utterances: [] } });
    expect((await transcriber().transcribe({ wav: SPEECH, mode: 'ambient' })).utterances).toEqual([]);
  });

  it('never calls Deepgram for a silent or noise-only recording, and returns no utterances', async () => {
    for (const wav of [wavFromSamples(silence(5)), wavFromSamples(whiteNoise(5, 4000))]) {
      const t = await transcriber().transcribe({ wav, mode: 'ambient' });
      expect(t.utterances).toEqual([]);
    }
    expect(stub.requests).toHaveLength(0);
  });
});

describe('Deepgram prerecorded: errors', () => {
  it.each([
    [400, 'unrecoverable', 'PROVIDER_BAD_REQUEST'],
    [401, 'unrecoverable', 'PROVIDER_AUTH'],
    [413, 'unrecoverable', 'AUDIO_TOO_LARGE'],
    [415, 'unrecoverable', 'UNSUPPORTED_AUDIO'],
    [500, 'transient', 'PROVIDER_UNAVAILABLE'],
    [503, 'transient', 'PROVIDER_UNAVAILABLE'],
  ] as const)('HTTP %i -> %s %s, without the response body in the message', async (status, kind, code) => {
    stub.reply = json(status, { err_code: 'SOME_CODE', err_msg: SECRET_TEXT, request_id: 'r' });
    const e = await failure(transcriber().transcribe({ wav: SPEECH, mode: 'ambient' }));
    expect([e.kind, e.code]).toEqual([kind, code]);
    expect(e.message).toBe(`Deepgram answered HTTP ${status} (SOME_CODE)`);
    expect(stub.requests).toHaveLength(1); // the SDK's own retries are off
  });

  it('429 -> rate_limited with the Retry-After wait', async () => {
    stub.reply = json(429, { err_code: 'TOO_MANY_REQUESTS' }, { 'retry-after': '17' });
    const e = await failure(transcriber().transcribe({ wav: SPEECH, mode: 'ambient' }));
    expect([e.kind, e.code, e.retryAfterMs]).toEqual(['rate_limited', 'RATE_LIMITED', 17_000]);
  });

  it('connection refused -> transient NETWORK', async () => {
    const e = await failure(transcriber({ baseUrl: await refusedUrl() }).transcribe({ wav: SPEECH, mode: 'ambient' }));
    expect([e.kind, e.code]).toEqual(['transient', 'NETWORK']);
    expect(e.message).toContain('ECONNREFUSED');
  });

  it('no answer within the timeout -> transient TIMEOUT', async () => {
    stub.reply = hang;
    const e = await failure(transcriber({ timeoutMs: 300 }).transcribe({ wav: SPEECH, mode: 'ambient' }));
    expect([e.kind, e.code]).toEqual(['transient', 'TIMEOUT']);
  });

  it('honours the caller AbortSignal', async () => {
    stub.reply = hang;
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const e = await failure(transcriber().transcribe({ wav: SPEECH, mode: 'ambient' }, ac.signal));
    expect([e.kind, e.code]).toEqual(['transient', 'ABORTED']);
  });

  it('a body that is not a WAV -> unrecoverable BAD_AUDIO, and nothing is sent', async () => {
    const e = await failure(transcriber().transcribe({ wav: Buffer.from('definitely not audio'), mode: 'ambient' }));
    expect([e.kind, e.code]).toEqual(['unrecoverable', 'BAD_AUDIO']);
    expect(stub.requests).toHaveLength(0);
  });
});
