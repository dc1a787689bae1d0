/**
 * The console's browser streaming client (services/api/public/console/stream.js) run in Node
 * against the real gateway, with `ws` standing in for the browser's WebSocket: resume after
 * dropped sockets with nothing lost or stored twice, and refusal to append to a session that
 * already holds another recording's audio.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../helpers/stack.ts';
import { bearer } from '../helpers/api.ts';
import { ROOT } from '../helpers/db.ts';
import { createSession, getSession } from '../helpers/pipeline.ts';

interface StreamLike {
  start(): StreamLike;
  push(bytes: Uint8Array): void;
  finish(): Promise<{ durationSec: number; bytes: number }>;
  abort(): void;
  sha256(): Promise<string | null>;
  reconnects: number;
  acked: number;
}
type StreamCtor = new (o: Record<string, unknown>) => StreamLike;

let stack: TestStack;
let key: string;
let AudioStream: StreamCtor;
const wav = readFileSync(resolve(ROOT, 'test/fixtures/sample-visit/sample-visit.wav'));

beforeAll(async () => {
  // A browser module: loaded by URL so TypeScript does not need declarations for it.
  ({ AudioStream } = await import(pathToFileURL(resolve(ROOT, 'services/api/public/console/stream.js')).href) as { AudioStream: StreamCtor });
  stack = await startStack(import.meta.filename, { startWorker: false });
  key = await stack.api.key('clinic-console-stream');
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

const grant = (sessionId: string) => async () => {
  const res = await stack.api.app.inject({ method: 'POST', url: `/v1/sessions/${sessionId}/stream-token`, headers: bearer(key) });
  return res.json().stream as { url: string; token: string };
};

const until = async (ok: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('console stream client (stream.js) against the gateway', () => {
  it('resumes after two dropped sockets: the stored audio is exactly what was pushed (SHA-256), once', async () => {
    const { session } = await createSession(stack.api, key, { audio: { encoding: 'wav', sampleRate: 16000, channels: 1 } });
    const stream = new AudioStream({ grant: grant(session.id), encoding: 'wav', WebSocketImpl: WebSocket, maxPayloadBytes: 8_000, maxInFlight: 8 }).start();
    const chunks = Math.ceil(wav.length / 20_000);
    const cut = new Set<WebSocket>();
    let ackedAtCut = 0;
    for (let i = 0; i < chunks; i++) {
      stream.push(new Uint8Array(wav.subarray(i * 20_000, (i + 1) * 20_000)));
      // Like a recorder: audio keeps arriving while the connection comes and goes.
      if (i === Math.floor(chunks / 3) || i === Math.floor((2 * chunks) / 3)) {
        // Wait for a live socket that has stored something new since the last cut, then cut it.
        const live = () => [...stack.gateway.websocketServer.clients].filter((s) => !cut.has(s));
        await until(() => stream.acked > ackedAtCut && live().length === 1);
        ackedAtCut = stream.acked;
        for (const s of live()) {
          cut.add(s);
          s.terminate();
        }
      }
    }
    const ended = await stream.finish();
    expect(ended.bytes).toBe(wav.length);
    expect(stream.reconnects).toBe(2);
    const stored = await getSession(stack.api, key, session.id);
    expect(stored.status).toBe('recorded');
    expect(stored.audio.bytes).toBe(wav.length);
    expect(stored.audio.sha256).toBe(createHash('sha256').update(wav).digest('hex'));
    expect(await stream.sha256()).toBe(stored.audio.sha256);
  });

  it('will not append to a session that already holds audio from another recording', async () => {
    const { session } = await createSession(stack.api, key, { audio: { encoding: 'wav', sampleRate: 16000, channels: 1 } });
    const first = new AudioStream({ grant: grant(session.id), encoding: 'wav', WebSocketImpl: WebSocket }).start();
    first.push(new Uint8Array(wav.subarray(0, 32_000)));
    await until(() => first.acked >= 1);
    first.abort(); // e.g. a tab closed mid-visit: the stored audio stays

    const states: string[] = [];
    const second = new AudioStream({ grant: grant(session.id), encoding: 'wav', WebSocketImpl: WebSocket, onState: (s: string) => states.push(s) }).start();
    second.push(new Uint8Array(wav.subarray(0, 32_000)));
    await expect(second.finish()).rejects.toMatchObject({ code: 'SESSION_HAS_AUDIO' });
    expect(states.at(-1)).toBe('failed');
    expect((await getSession(stack.api, key, session.id)).audio.bytes).toBe(0); // nothing finished or appended
  });

  it('refuses to finish a stream with no audio', async () => {
    const { session } = await createSession(stack.api, key, { audio: { encoding: 'wav', sampleRate: 16000, channels: 1 } });
    const stream = new AudioStream({ grant: grant(session.id), encoding: 'wav', WebSocketImpl: WebSocket }).start();
    await expect(stream.finish()).rejects.toMatchObject({ code: 'NO_AUDIO' });
  });
});
