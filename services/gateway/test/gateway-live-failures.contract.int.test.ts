/**
 * Contract test: a live engine that fails (refuses the upgrade, closes 1011 mid-stream, is
 * slow to flush) must leave the gateway's ingest alone: acks, the open socket, `ended` and
 * the stored recording. The engine is a local server speaking Deepgram's live wire format
 * (deepgram-live-script.ts); this shows the gateway's side only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listLiveFinals } from '@scribe/db';
import { waitFor } from '../../../packages/transcription/test/helpers/stub-ws-server.ts';
import { frames } from '../../../packages/storage/test/helpers.ts';
import { BLOCK_BYTES, blockAudio, blocksOf, type DeepgramLiveScript } from './deepgram-live-script.ts';
import { sleep, TestClient, type TestGateway } from './harness.ts';
import { concat, send, startLiveGateway, transcripts, type Msg } from './live-kit.ts';

let dg: DeepgramLiveScript;
let gw: TestGateway;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ gw, dg, close } = await startLiveGateway(import.meta.filename));
});
afterAll(async () => close?.());

const metrics = async () => (await fetch(`${gw.http}/metrics`)).text();

describe('a failing live engine never disturbs ingest', () => {
  it('a live server that refuses the upgrade (HTTP 503) leaves ingest untouched: every frame acked, the recording stored, no transcript', async () => {
    dg.server.refuseWith = { status: 503 };
    try {
      const source = blockAudio(30);
      const parts = frames(source, BLOCK_BYTES);
      const s = await gw.session();
      const c = await TestClient.connect(gw.url, s.id, s.token);
      await c.start();
      await send(c, parts, 1, parts.length);
      await c.waitAck(parts.length);
      c.json({ type: 'end' });
      expect(await c.type('ended')).toMatchObject({ bytes: source.length });
      expect((await c.closed).code).toBe(1000);
      expect(c.messages.filter((m) => m.type === 'error' || m.type === 'transcript')).toEqual([]);
      expect((await gw.store.readSessionAudio(s.id)).equals(source)).toBe(true);
      expect(await listLiveFinals(gw.db.pool, s.orgId, s.id)).toEqual([]);
      expect(gw.logLines().some((l) => l.includes(s.id) && l.includes('live transcription could not start') && l.includes('"code":"PROVIDER_UNAVAILABLE"'))).toBe(true);
      expect(await metrics()).toMatch(/scribe_provider_errors_total\{[^}]*provider="deepgram"[^}]*kind="transient"[^}]*\} [1-9]/);
    } finally {
      dg.server.refuseWith = undefined;
    }
  });

  it('a live server that closes 1011 mid-stream: acks go on, the socket stays open, transcripts stop, the recording is whole', async () => {
    dg.failAfter = { bytes: 12 * BLOCK_BYTES, code: 1011 };
    try {
      const source = blockAudio(40);
      const parts = frames(source, BLOCK_BYTES);
      const s = await gw.session();
      const c = await TestClient.connect(gw.url, s.id, s.token);
      await c.start();
      await send(c, parts, 1, parts.length);
      await c.waitAck(parts.length);
      c.json({ type: 'end' });
      expect(await c.type('ended')).toMatchObject({ bytes: source.length });
      expect((await c.closed).code).toBe(1000);
      expect(c.messages.some((m) => m.type === 'error')).toBe(false);
      expect(c.messages.filter((m) => m.type === 'ack').length).toBeGreaterThan(0);
      expect((await gw.store.readSessionAudio(s.id)).equals(source)).toBe(true);
      // What the engine said before failing was relayed and stored; nothing after it.
      const heard = transcripts(c, true).flatMap((m) => blocksOf(m.text));
      expect(heard.length).toBeGreaterThan(0);
      expect(Math.max(...heard)).toBeLessThan(12);
      expect((await listLiveFinals(gw.db.pool, s.orgId, s.id)).flatMap((r) => blocksOf(r.text))).toEqual(heard);
      expect(gw.logLines().some((l) => l.includes(s.id) && l.includes('live transcription stopped') && l.includes('"code":"STREAM_CLOSED"'))).toBe(true);
    } finally {
      dg.failAfter = undefined;
    }
  });

  it('an engine slow to flush at `end` does not hold up `ended` past a short grace; its late finals are still stored', async () => {
    dg.flushDelayMs = 4_000; // longer than the gateway's 3 s grace
    try {
      const source = blockAudio(12); // finals for blocks 0-9 while streaming; 10-11 only when flushed
      const parts = frames(source, BLOCK_BYTES);
      const s = await gw.session();
      const c = await TestClient.connect(gw.url, s.id, s.token);
      await c.start();
      await send(c, parts, 1, parts.length);
      await c.waitAck(parts.length);
      await c.next((m) => m.type === 'transcript' && m.final === true && blocksOf(m.text as string).includes(9));
      c.json({ type: 'end' });
      expect(await c.type('ended')).toMatchObject({ bytes: source.length });
      // `ended` came before the flush: the client never saw blocks 10-11.
      expect(transcripts(c, true).flatMap((m) => blocksOf(m.text))).toEqual(Array.from({ length: 10 }, (_, i) => i));
      await waitFor(() => dg.connections.some((x) => x.ws.readyState === x.ws.CLOSED && x.text.some((m) => (m as Msg).type === 'CloseStream') && concat(x.binary).equals(source)), 10_000);
      let rows = await listLiveFinals(gw.db.pool, s.orgId, s.id);
      for (let i = 0; i < 100 && rows.length < 3; i++) {
        await sleep(50);
        rows = await listLiveFinals(gw.db.pool, s.orgId, s.id);
      }
      expect(rows.flatMap((r) => blocksOf(r.text))).toEqual(Array.from({ length: 12 }, (_, i) => i));
    } finally {
      dg.flushDelayMs = 10;
    }
  });

  it('logged no transcript text', () => {
    expect(gw.logLines().join('\n')).not.toMatch(/PHI-TEXT|PHI-PATIENT-/);
  });
});
