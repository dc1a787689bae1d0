/**
 * Contract test of the Deepgram live adapter against a local WebSocket server speaking the
 * documented streaming wire format of `/v1/listen` (query options, `Authorization: Token
 * <key>`, binary audio frames, `KeepAlive`/`Finalize`/`CloseStream` text frames; `Results`
 * messages with words and speakers; close codes). It shows what the adapter sends and how it
 * reads those messages; it does not show that Deepgram's live service behaves exactly so.
 */
import type { Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DeepgramLiveTranscriber } from '../src/deepgram/deepgram-live.ts';
import type { LiveOpenOptions, LiveResult } from '../src/live.ts';
import { TranscriptionError } from '../src/transcriber.ts';
import { refusedUrl } from './helpers/stub-server.ts';
import { StubWsServer, waitFor, type Connection } from './helpers/stub-ws-server.ts';

const KEY = 'dg-live-key';

type W = [word: string, start: number, end: number, speaker: number];
/** A `Results` message in Deepgram's documented shape. */
function results(words: W[], opts: { final: boolean; fromFinalize?: boolean; transcript?: string }) {
  const start = words[0]?.[1] ?? 0;
  const end = words[words.length - 1]?.[2] ?? start;
  return JSON.stringify({
    type: 'Results', channel_index: [0, 1], duration: end - start, start, is_final: opts.final, speech_final: opts.final,
    from_finalize: opts.fromFinalize ?? false,
    channel: { alternatives: [{
      transcript: opts.transcript ?? words.map((w) => w[0]).join(' '), confidence: 0.97,
      words: words.map(([w, s, e, speaker]) => ({ word: w.toLowerCase().replace(/[^a-z]/g, ''), start: s, end: e, confidence: 0.97, speaker, punctuated_word: w })),
    }] },
    metadata: { request_id: 'req', model_uuid: 'uuid', model_info: { name: 'nova-3-medical', version: '1', arch: 'nova-3' } },
  });
}

let stub: StubWsServer;
let baseUrl: string;
let got: LiveResult[];
let errors: TranscriptionError[];

const live = (opts: Partial<{ baseUrl: string; keepAliveMs: number; closeWaitMs: number }> = {}) =>
  new DeepgramLiveTranscriber({ apiKey: KEY, baseUrl, model: 'nova-3-medical', connectTimeoutSec: 3, ...opts });
const openOpts = (over: Partial<LiveOpenOptions> = {}): LiveOpenOptions => ({
  encoding: 'pcm_s16le', sampleRate: 16000, channels: 1, mode: 'ambient',
  onResult: (r) => got.push(r), onError: (e) => errors.push(e), ...over,
});
const conn = (): Connection => stub.connections[stub.connections.length - 1]!;

async function refused(p: Promise<unknown>): Promise<TranscriptionError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(TranscriptionError);
  return err as TranscriptionError;
}

beforeAll(async () => {
  stub = new StubWsServer();
  baseUrl = await stub.start();
});
afterAll(() => stub.stop());
beforeEach(() => {
  got = [];
  errors = [];
  stub.refuseWith = undefined;
  stub.onConnection = () => undefined;
  // Like Deepgram: flush and close with 1000 after CloseStream.
  stub.onText = (c, m) => {
    if (m.type === 'CloseStream') c.ws.close(1000);
  };
});

describe('Deepgram live: connection and frames', () => {
  it('opens /v1/listen with the options as query parameters and the key as Token', async () => {
    const s = await live().open(openOpts());
    await waitFor(() => stub.connections.length > 0);
    expect(conn().url.pathname).toBe('/v1/listen');
    expect(Object.fromEntries(conn().url.searchParams)).toEqual({
      model: 'nova-3-medical', encoding: 'linear16', sample_rate: '16000', channels: '1', language: 'en',
      diarize: 'true', interim_results: 'true', smart_format: 'true', punctuate: 'true',
    });
    expect(conn().headers.authorization).toBe(`Token ${KEY}`);
    await s.close();
  });

  it('sends no encoding or sample rate for containerized audio, and no diarization in dictation', async () => {
    const s = await live().open(openOpts({ encoding: 'webm_opus', sampleRate: undefined, mode: 'dictation' }));
    await waitFor(() => stub.connections.length > 0);
    const q = conn().url.searchParams;
    expect([q.get('encoding'), q.get('sample_rate'), q.get('diarize')]).toEqual([null, null, 'false']);
    await s.close();
  });

  it('sends audio as binary frames, Finalize on finalize(), CloseStream on close()', async () => {
    const s = await live().open(openOpts());
    const a = Buffer.alloc(3200, 1);
    const b = Buffer.alloc(1600, 2);
    s.send(a);
    s.send(b);
    s.finalize();
    await waitFor(() => conn().binary.length === 2 && conn().text.length === 1);
    expect(Buffer.concat(conn().binary).equals(Buffer.concat([a, b]))).toBe(true);
    expect(conn().text).toEqual([{ type: 'Finalize' }]);
    await s.close();
    expect(conn().text).toEqual([{ type: 'Finalize' }, { type: 'CloseStream' }]);
    expect(errors).toEqual([]);
    s.send(a); // after close: dropped, no throw
    expect(conn().binary).toHaveLength(2);
  });

  it('sends KeepAlive while no audio flows', async () => {
    const s = await live({ keepAliveMs: 150 }).open(openOpts());
    await waitFor(() => conn().text.some((m) => (m as { type: string }).type === 'KeepAlive'), 2000);
    await s.close();
  });
});

describe('Deepgram live: results', () => {
  it('relays interim results and splits a final result into one line per speaker, with roles and times', async () => {
    stub.onConnection = (c) => {
      c.ws.send(results([['How', 0.2, 0.4, 0], ['is', 0.4, 0.5, 0]], { final: false }));
      c.ws.send(results([['How', 0.2, 0.4, 0], ['is', 0.4, 0.5, 0], ['it?', 0.5, 0.9, 0], ['Sore.', 1.3, 1.8, 1]], { final: true }));
      c.ws.send(JSON.stringify({ type: 'UtteranceEnd', channel: [0, 1], last_word_end: 1.8 }));
      c.ws.send(JSON.stringify({ type: 'SpeechStarted', channel: [0, 1], timestamp: 2.0 }));
    };
    const s = await live().open(openOpts());
    await waitFor(() => got.length === 3);
    expect(got.map((r) => [r.final, r.speaker, r.text, r.start, r.end])).toEqual([
      [false, 'clinician', 'How is', 0.2, 0.5],
      [true, 'clinician', 'How is it?', 0.2, 0.9],
      [true, 'patient', 'Sore.', 1.3, 1.8],
    ]);
    expect(got[2]!.words).toEqual([{ word: 'Sore.', start: 1.3, end: 1.8, confidence: 0.97 }]);
    await s.close();
  });

  it('labels everything clinician in dictation', async () => {
    stub.onConnection = (c) => c.ws.send(results([['Patient', 0, 0.5, 0], ['tolerated', 0.5, 1, 1]], { final: true }));
    const s = await live().open(openOpts({ mode: 'dictation' }));
    await waitFor(() => got.length > 0);
    expect(got.map((r) => r.speaker)).toEqual(['clinician']);
    await s.close();
  });

  it('relays nothing for empty or marker-only results (silence)', async () => {
    stub.onConnection = (c) => {
      c.ws.send(results([], { final: true, transcript: '' }));
      c.ws.send(results([], { final: true, transcript: '[inaudible]' }));
      c.ws.send(results([['Done.', 3, 3.4, 0]], { final: true }));
    };
    const s = await live().open(openOpts());
    await waitFor(() => got.length > 0);
    expect(got.map((r) => r.text)).toEqual(['Done.']);
    await s.close();
  });

  it('delivers the last final results flushed after CloseStream before close() resolves', async () => {
    stub.onText = (c, m) => {
      if (m.type === 'CloseStream') {
        c.ws.send(results([['Bye.', 9, 9.4, 1]], { final: true, fromFinalize: true }));
        c.ws.send(JSON.stringify({ type: 'Metadata', request_id: 'req', duration: 9.5, channels: 1 }));
        setTimeout(() => c.ws.close(1000), 20);
      }
    };
    const s = await live().open(openOpts());
    await s.close();
    expect(got.map((r) => r.text)).toEqual(['Bye.']);
    expect(errors).toEqual([]);
  });
});

describe('Deepgram live: errors', () => {
  it.each([
    [401, 'unrecoverable', 'PROVIDER_AUTH'],
    [400, 'unrecoverable', 'PROVIDER_BAD_REQUEST'],
    [429, 'rate_limited', 'RATE_LIMITED'],
    [500, 'transient', 'PROVIDER_UNAVAILABLE'],
    [503, 'transient', 'PROVIDER_UNAVAILABLE'],
  ] as const)('a refused upgrade (HTTP %i) rejects open() as %s %s', async (status, kind, code) => {
    stub.refuseWith = { status };
    const e = await refused(live().open(openOpts()));
    expect([e.kind, e.code]).toEqual([kind, code]);
    expect(errors.map((x) => x.code + ' ' + x.message)).toEqual([]); // open() rejected; onError is for streams that were open
  });

  it('connection refused rejects open() as transient NETWORK', async () => {
    const e = await refused(live({ baseUrl: await refusedUrl() }).open(openOpts()));
    expect([e.kind, e.code]).toEqual(['transient', 'NETWORK']);
  });

  it('a server close with 1011 mid-stream -> onError transient, once; later audio is dropped', async () => {
    const s = await live().open(openOpts());
    conn().ws.close(1011, 'NET-0001');
    await waitFor(() => errors.length > 0);
    expect([errors[0]!.kind, errors[0]!.code]).toEqual(['transient', 'STREAM_CLOSED']);
    s.send(Buffer.alloc(10));
    await s.close();
    expect(errors).toHaveLength(1);
  });

  it('a server close with 1008 (undecodable audio) -> onError unrecoverable BAD_AUDIO', async () => {
    await live().open(openOpts());
    conn().ws.close(1008, 'DATA-0000');
    await waitFor(() => errors.length > 0);
    expect([errors[0]!.kind, errors[0]!.code]).toEqual(['unrecoverable', 'BAD_AUDIO']);
  });

  it('raw PCM without a sample rate is refused before connecting', async () => {
    const before = stub.connections.length;
    const e = await refused(live().open(openOpts({ sampleRate: undefined })));
    expect([e.kind, e.code]).toEqual(['unrecoverable', 'BAD_AUDIO']);
    expect(stub.connections.length).toBe(before);
  });

  it('while the server is closing (close frame received, TCP still open) KeepAlive, audio, finalize and close are quiet no-ops', async () => {
    const s = await live({ keepAliveMs: 150, closeWaitMs: 300 }).open(openOpts());
    // Deepgram's close frame (1011) reaches the client, but the server side never finishes the
    // closing handshake: the client socket stays CLOSING (ws waits 30 s) and sends would throw.
    const raw = (conn().ws as unknown as { _socket: Socket })._socket;
    raw.write(Buffer.from([0x88, 0x02, 0x03, 0xf3]));
    raw.pause();
    await new Promise((r) => setTimeout(r, 400)); // several KeepAlive ticks
    expect(() => s.send(Buffer.alloc(10))).not.toThrow();
    expect(() => s.finalize()).not.toThrow();
    await s.close();
    raw.destroy();
  });

  it('aborting the signal closes the stream without an error', async () => {
    const ac = new AbortController();
    await live({ closeWaitMs: 200 }).open(openOpts({ signal: ac.signal }));
    const c = conn();
    let closed = false;
    c.ws.on('close', () => (closed = true));
    ac.abort();
    await waitFor(() => closed);
    expect(c.text).toEqual([{ type: 'CloseStream' }]);
    expect(errors).toEqual([]);
  });
});
