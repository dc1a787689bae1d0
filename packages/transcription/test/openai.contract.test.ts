/**
 * Contract test of the OpenAI-compatible adapter against a local server speaking the
 * documented wire format of `POST /v1/audio/transcriptions` (multipart/form-data with `file`,
 * `model`, `response_format`, ...; `Authorization: Bearer <key>`; JSON answers in the json,
 * verbose_json and diarized_json shapes). It shows what the adapter sends and how it reads
 * those shapes; it does not show that any particular server answers exactly this way.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Transcript } from '@scribe/domain';
import { OpenAITranscriber, type OpenAIResponseFormat } from '../src/openai/openai-transcriber.ts';
import { TranscriptionError } from '../src/transcriber.ts';
import { readWav } from '../src/wav.ts';
import { silence, syllables, tone, wavFromSamples, whiteNoise } from './helpers/audio.ts';
import { hang, json, refusedUrl, StubServer, type Recorded } from './helpers/stub-server.ts';

const KEY = 'sk-test-key';
const SPEECH = wavFromSamples(syllables(4));
const SECRET_TEXT = 'patient-said-something-private';

let stub: StubServer;
let baseUrl: string;
const transcriber = (opts: Partial<{ baseUrl: string; model: string; responseFormat: OpenAIResponseFormat; timeoutMs: number; maxChunkSec: number }> = {}) =>
  new OpenAITranscriber({ apiKey: KEY, baseUrl: `${baseUrl}/v1`, model: 'whisper-1', responseFormat: 'auto', timeoutMs: 5000, timeoutPerAudioSecMs: 0, ...opts });

/** The multipart body as the server sees it (undici's parser). */
async function form(r: Recorded): Promise<FormData> {
  return new Response(r.body, { headers: { 'content-type': String(r.headers['content-type']) } }).formData();
}

async function failure(p: Promise<unknown>): Promise<TranscriptionError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(TranscriptionError);
  return err as TranscriptionError;
}

const VERBOSE = {
  task: 'transcribe',
  language: 'english',
  duration: 4,
  text: 'How is the knee today? About a three.',
  segments: [
    { id: 0, seek: 0, start: 0.3, end: 2.1, text: ' How is the knee today?', tokens: [1], temperature: 0, avg_logprob: -0.2, compression_ratio: 1.1, no_speech_prob: 0.01 },
    { id: 1, seek: 0, start: 2.4, end: 3.9, text: ' About a three.', tokens: [2], temperature: 0, avg_logprob: -0.25, compression_ratio: 1.1, no_speech_prob: 0.02 },
  ],
  words: [
    { word: 'How', start: 0.3, end: 0.5 }, { word: 'is', start: 0.5, end: 0.6 }, { word: 'the', start: 0.6, end: 0.7 },
    { word: 'knee', start: 0.7, end: 1.1 }, { word: 'today', start: 1.1, end: 2.1 },
    { word: 'About', start: 2.4, end: 2.8 }, { word: 'a', start: 2.8, end: 2.9 }, { word: 'three', start: 2.9, end: 3.9 },
  ],
};

beforeAll(async () => {
  stub = new StubServer();
  baseUrl = await stub.start();
});
afterAll(() => stub.stop());
beforeEach(() => {
  stub.requests.length = 0;
  stub.reply = json(200, VERBOSE);
});

describe('OpenAI-compatible: request', () => {
  it('POSTs multipart to /v1/audio/transcriptions with Bearer auth, the WAV as audio.wav, verbose_json and word+segment times for Whisper', async () => {
    await transcriber().transcribe({ wav: SPEECH, mode: 'ambient', language: 'en' });
    expect(stub.requests).toHaveLength(1);
    const r = stub.requests[0]!;
    expect(r.method).toBe('POST');
    expect(r.url.pathname).toBe('/v1/audio/transcriptions');
    expect(r.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(String(r.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
    const f = await form(r);
    const file = f.get('file') as File;
    expect(file.name).toBe('audio.wav');
    expect(file.type).toBe('audio/wav');
    expect(Buffer.from(await file.arrayBuffer()).equals(SPEECH)).toBe(true);
    expect(f.get('model')).toBe('whisper-1');
    expect(f.get('response_format')).toBe('verbose_json');
    expect(f.get('language')).toBe('en');
    expect(f.getAll('timestamp_granularities[]')).toEqual(['segment', 'word']);
  });

  it.each([
    ['gpt-4o-transcribe', 'json'],
    ['gpt-4o-mini-transcribe', 'json'],
    ['gpt-4o-transcribe-diarize', 'diarized_json'],
    ['Systran/faster-whisper-small', 'verbose_json'],
  ])('asks %s for %s', async (model, format) => {
    stub.reply = json(200, { text: 'Okay.' });
    await transcriber({ model }).transcribe({ wav: SPEECH, mode: 'ambient' });
    const f = await form(stub.requests[0]!);
    expect(f.get('response_format')).toBe(format);
    expect(f.get('language')).toBeNull();
    if (format === 'diarized_json') expect(f.get('chunking_strategy')).toBe('auto');
    if (format !== 'verbose_json') expect(f.getAll('timestamp_granularities[]')).toEqual([]);
  });

  it('uses the configured format over auto', async () => {
    await transcriber({ responseFormat: 'json' }).transcribe({ wav: SPEECH, mode: 'ambient' });
    expect((await form(stub.requests[0]!)).get('response_format')).toBe('json');
  });
});

describe('OpenAI-compatible: response', () => {
  it('reads verbose_json segments with times and words', async () => {
    const t = await transcriber().transcribe({ wav: SPEECH, mode: 'dictation', language: 'en' });
    expect(Transcript.parse(t)).toEqual(t);
    expect(t).toMatchObject({ engine: 'openai', model: 'whisper-1', language: 'en' });
    expect(t.utterances.map((u) => [u.id, u.speaker, u.start, u.end, u.text])).toEqual([
      ['u1', 'clinician', 0.3, 2.1, 'How is the knee today?'],
      ['u2', 'clinician', 2.4, 3.9, 'About a three.'],
    ]);
    expect(t.utterances[1]!.words!.map((w) => w.word)).toEqual(['About', 'a', 'three']);
  });

  it('reads diarized_json speakers and maps them to roles', async () => {
    stub.reply = json(200, {
      task: 'transcribe', duration: 9, text: '...',
      segments: [
        { type: 'transcript.text.segment', id: 'seg_0', start: 0.2, end: 4.0, text: 'How is the knee today? Any pain on the stairs?', speaker: 'A' },
        { type: 'transcript.text.segment', id: 'seg_1', start: 4.3, end: 5.1, text: 'A little.', speaker: 'B' },
        { type: 'transcript.text.segment', id: 'seg_2', start: 5.5, end: 8.8, text: 'Then we start the leg press.', speaker: 'A' },
      ],
    });
    const t = await transcriber({ model: 'gpt-4o-transcribe-diarize' }).transcribe({ wav: SPEECH, mode: 'ambient' });
    expect(t.utterances.map((u) => u.speaker)).toEqual(['clinician', 'patient', 'clinician']);
  });

  it('handles a server that returns only {text}: sentences with estimated times inside the recording', async () => {
    stub.reply = json(200, { text: 'Good morning. How is the knee today?' });
    const t = await transcriber({ model: 'gpt-4o-transcribe' }).transcribe({ wav: SPEECH, mode: 'ambient' });
    expect(t.utterances.map((u) => [u.speaker, u.text])).toEqual([
      ['other', 'Good morning.'],
      ['other', 'How is the knee today?'],
    ]);
    for (const u of t.utterances) {
      expect(u.start).toBeGreaterThanOrEqual(0);
      expect(u.end).toBeGreaterThan(u.start);
      expect(u.end).toBeLessThanOrEqual(4);
    }
  });

  it('returns no utterances for an empty answer or markers only', async () => {
    for (const body of [{ text: '' }, { text: '[BLANK_AUDIO]' }, { text: ' (silence) ', segments: [] }]) {
      stub.reply = json(200, body);
      expect((await transcriber().transcribe({ wav: SPEECH, mode: 'ambient' })).utterances).toEqual([]);
    }
  });

  it('never calls the server for a silent or noise-only recording (Whisper invents text for silence)', async () => {
    stub.reply = json(200, { text: 'Thank you for watching.' });
    for (const wav of [wavFromSamples(silence(5)), wavFromSamples(whiteNoise(5, 4000))]) {
      expect((await transcriber().transcribe({ wav, mode: 'ambient' })).utterances).toEqual([]);
    }
    expect(stub.requests).toHaveLength(0);
  });
});

describe('OpenAI-compatible: long recordings', () => {
  it('uploads pieces no longer than maxChunkSec, skips pieces without speech, and puts times back on the recording clock', async () => {
    // Speech 0-3 s and 20-23 s. With 8 s pieces: [0, 8] (no pause to cut in before 8 s),
    // [8, 11.5] and [11.5, 19.5] (silent: skipped), [19.5, 23].
    const wav = wavFromSamples([...tone(3), ...silence(17), ...tone(3)]);
    let n = 0;
    stub.reply = (_req, res) => {
      n++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ text: `Piece ${n}.`, language: 'english', segments: [{ id: 0, start: 0.5, end: 1.5, text: `Piece ${n}.`, avg_logprob: -0.1, no_speech_prob: 0.01 }] }));
    };
    const t = await transcriber({ maxChunkSec: 8 }).transcribe({ wav, mode: 'ambient' });
    expect(stub.requests.length).toBe(2);
    const durations: number[] = [];
    for (const r of stub.requests) {
      const file = (await form(r)).get('file') as File;
      durations.push(readWav(Buffer.from(await file.arrayBuffer())).durationSec);
    }
    expect(durations).toEqual([8, 3.5]);
    expect(t.utterances.map((u) => [u.text, u.start, u.end])).toEqual([
      ['Piece 1.', 0.5, 1.5],
      ['Piece 2.', 20, 21],
    ]);
  });
});

describe('OpenAI-compatible: errors', () => {
  it.each([
    [400, 'unrecoverable', 'PROVIDER_BAD_REQUEST'],
    [401, 'unrecoverable', 'PROVIDER_AUTH'],
    [413, 'unrecoverable', 'AUDIO_TOO_LARGE'],
    [415, 'unrecoverable', 'UNSUPPORTED_AUDIO'],
    [500, 'transient', 'PROVIDER_UNAVAILABLE'],
    [502, 'transient', 'PROVIDER_UNAVAILABLE'],
  ] as const)('HTTP %i -> %s %s, without the response body in the message', async (status, kind, code) => {
    stub.reply = json(status, { error: { message: SECRET_TEXT, type: 'invalid_request_error', code: 'some_code' } });
    const e = await failure(transcriber().transcribe({ wav: SPEECH, mode: 'ambient' }));
    expect([e.kind, e.code]).toEqual([kind, code]);
    expect(e.message).toBe(`OpenAI-compatible server answered HTTP ${status} (some_code)`);
    expect(stub.requests).toHaveLength(1);
  });

  it('429 -> rate_limited with the Retry-After wait', async () => {
    stub.reply = json(429, { error: { message: 'slow down', type: 'requests', code: 'rate_limit_exceeded' } }, { 'retry-after': '20' });
    const e = await failure(transcriber().transcribe({ wav: SPEECH, mode: 'ambient' }));
    expect([e.kind, e.code, e.retryAfterMs]).toEqual(['rate_limited', 'RATE_LIMITED', 20_000]);
  });

  it('connection refused -> transient NETWORK', async () => {
    const e = await failure(transcriber({ baseUrl: `${await refusedUrl()}/v1` }).transcribe({ wav: SPEECH, mode: 'ambient' }));
    expect([e.kind, e.code]).toEqual(['transient', 'NETWORK']);
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
});
