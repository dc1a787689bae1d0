/**
 * Contract test of the gateway's live transcript relay: the real gateway (TRANSCRIBER=deepgram,
 * DEEPGRAM_BASE_URL at a local server speaking Deepgram's live wire format, see
 * deepgram-live-script.ts) with a real Postgres. It shows what the gateway sends the engine,
 * and how it turns the engine's results into `transcript` messages and stored finals (failing
 * engines: gateway-live-failures.contract.int.test.ts). It does not show that Deepgram's
 * service behaves so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWavHeader } from '@scribe/audio';
import { insertLiveFinals, listLiveFinals } from '@scribe/db';
import { cancelSession } from '@scribe/storage';
import { waitFor } from '../../../packages/transcription/test/helpers/stub-ws-server.ts';
import { frames, sha256 } from '../../../packages/storage/test/helpers.ts';
import { BLOCK_BYTES, blockAudio, blocksOf, type DeepgramLiveScript } from './deepgram-live-script.ts';
import { sleep, TestClient, type TestGateway } from './harness.ts';
import { concat, DG_KEY, role, send, startLiveGateway, transcripts, type Msg } from './live-kit.ts';

let dg: DeepgramLiveScript;
let gw: TestGateway;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ gw, dg, close } = await startLiveGateway(import.meta.filename));
});
afterAll(async () => close?.());

describe('live transcript relay (Deepgram live wire format)', () => {
  it('forwards every acked byte once, in order, across a forced reconnect; relays interim and final lines on the session clock; stores the finals', async () => {
    const source = blockAudio(60); // 6 s
    const parts = frames(source, BLOCK_BYTES);
    const s = await gw.session();
    const before = dg.connections.length;

    const c1 = await TestClient.connect(gw.url, s.id, s.token);
    expect(await c1.start()).toBe(0);
    await send(c1, parts, 1, 27);
    await c1.waitAck(27);
    await c1.next((m) => m.type === 'transcript' && m.final === true);
    // A burst, then the client closes at once: the server stores frames after the socket is
    // gone, never acked to this client; the live stream must still get them (the next socket
    // resumes after them). (A close, not a TCP reset, so the burst is not lost in flight.)
    for (let seq = 28; seq <= 40; seq++) c1.frame(seq, parts[seq - 1]!);
    c1.ws.close();
    await c1.closed;
    await sleep(200); // a client reconnects after a moment; a faster takeover may refuse the burst instead (nothing stored)

    const c2 = await TestClient.connect(gw.url, s.id, s.token);
    const resumedAt = await c2.start();
    expect(resumedAt).toBeGreaterThan(c1.lastAck);
    await send(c2, parts, resumedAt + 1, parts.length);
    await c2.waitAck(parts.length);
    c2.json({ type: 'end' });
    expect(await c2.type('ended')).toMatchObject({ bytes: source.length, durationSec: 6 });
    expect((await c2.closed).code).toBe(1000);

    // The engine got exactly the stored audio: the first socket's stream up to where the
    // second resumed (frames made durable after the cut included), the second's from there.
    const [dg1, dg2, ...more] = dg.connections.slice(before);
    expect(more).toEqual([]);
    await waitFor(() => dg1!.text.some((m) => (m as Msg).type === 'CloseStream'), 10_000);
    expect(concat(dg1!.binary).equals(source.subarray(0, resumedAt * BLOCK_BYTES))).toBe(true);
    expect(concat(dg2!.binary).equals(source.subarray(resumedAt * BLOCK_BYTES))).toBe(true);
    expect(sha256(concat([...dg1!.binary, ...dg2!.binary]))).toBe(sha256(source));
    expect(sha256(await gw.store.readSessionAudio(s.id))).toBe(sha256(source));

    for (const c of [dg1!, dg2!]) {
      expect(Object.fromEntries(c.url.searchParams)).toMatchObject({ model: 'nova-3-medical', encoding: 'linear16', sample_rate: '16000', channels: '1', diarize: 'true', interim_results: 'true' });
      expect(c.headers.authorization).toBe(`Token ${DG_KEY}`);
      // end (second) or the cut (first): Finalize, then CloseStream.
      expect(c.text.map((m) => (m as Msg).type).filter((t) => t !== 'KeepAlive')).toEqual(['Finalize', 'CloseStream']);
    }

    // Every line the client saw is on the session clock (block i starts at i * 0.1 s), with
    // the speaker the engine's label maps to (first voice of a stream: clinician).
    const seen = [...transcripts(c1), ...transcripts(c2)];
    expect(seen.some((m) => !m.final)).toBe(true);
    for (const m of seen) {
      const b = blocksOf(m.text);
      expect([m.start, m.end]).toEqual([b[0]! / 10, (b[b.length - 1]! + 1) / 10]);
      expect(m.speaker).toBe(role(dg.labels.get(b[0]!)));
    }
    // The last final (flushed by Finalize at `end`) reached the client before `ended`.
    const lastFinal = c2.messages.findLastIndex((m) => m.type === 'transcript' && m.final === true);
    expect(blocksOf(c2.messages[lastFinal]!.text as string)).toContain(59);
    expect(lastFinal).toBeLessThan(c2.messages.findIndex((m) => m.type === 'ended'));

    // Stored finals: every block exactly once across both sockets, on the session clock.
    const rows = await listLiveFinals(gw.db.pool, s.orgId, s.id);
    expect(rows.flatMap((r) => blocksOf(r.text))).toEqual(Array.from({ length: 60 }, (_, i) => i));
    for (const r of rows) {
      const b = blocksOf(r.text);
      expect([r.start, r.end]).toEqual([b[0]! / 10, (b[b.length - 1]! + 1) / 10]);
      expect(r.speaker).toBe(role(dg.labels.get(b[0]!)));
    }
    expect(new Set(rows.map((r) => r.streamEpoch)).size).toBe(2);
    // Interim lines are previews: only finals are stored, and every final the client saw is stored.
    const stored = new Set(rows.map((r) => r.text));
    for (const m of seen.filter((x) => x.final)) expect(stored.has(m.text)).toBe(true);
    // Another organisation reads nothing.
    expect(await listLiveFinals(gw.db.pool, '00000000-0000-4000-8000-000000000000', s.id)).toEqual([]);
  });

  it('a WAV recording goes to the engine as WAV, and resumes as linear16 from its stored header with the header kept off the clock', async () => {
    const source = Buffer.concat([buildWavHeader(40 * BLOCK_BYTES, 16000, 1), blockAudio(40)]);
    const parts = frames(source, BLOCK_BYTES); // the client's frames do not line up with the 100 ms blocks
    const s = await gw.session({ audio: { encoding: 'wav' } });
    const before = dg.connections.length;
    const c1 = await TestClient.connect(gw.url, s.id, s.token);
    await c1.start({ encoding: 'wav' });
    await send(c1, parts, 1, 16);
    await c1.waitAck(16);
    c1.ws.close();
    await c1.closed;
    const c2 = await TestClient.connect(gw.url, s.id, s.token);
    const resumedAt = await c2.start({ encoding: 'wav' });
    await send(c2, parts, resumedAt + 1, parts.length);
    await c2.waitAck(parts.length);
    c2.json({ type: 'end' });
    expect(await c2.type('ended')).toMatchObject({ bytes: source.length, durationSec: 4 });

    const [dg1, dg2] = dg.connections.slice(before);
    await waitFor(() => dg1!.text.some((m) => (m as Msg).type === 'CloseStream'), 10_000);
    expect(dg1!.url.searchParams.get('encoding')).toBeNull();
    expect(Object.fromEntries(dg2!.url.searchParams)).toMatchObject({ encoding: 'linear16', sample_rate: '16000', channels: '1' });
    expect(concat(dg1!.binary).equals(source.subarray(0, resumedAt * BLOCK_BYTES))).toBe(true);
    expect(concat(dg2!.binary).equals(source.subarray(resumedAt * BLOCK_BYTES))).toBe(true);

    // The second stream's clock starts at the audio before it: stored bytes less the 44-byte header.
    const offset = (resumedAt * BLOCK_BYTES - 44) / 32000;
    const rows = await listLiveFinals(gw.db.pool, s.orgId, s.id);
    const epochs = [...new Set(rows.map((r) => r.streamEpoch))].sort((a, b) => a - b);
    expect(epochs).toHaveLength(2);
    const second = rows.filter((r) => r.streamEpoch === epochs[1]);
    expect(second[0]!.start).toBe(Math.round(offset * 1000) / 1000);
    for (const r of rows) {
      // Each line starts inside the block the engine heard first (block i: [i/10, (i+1)/10) s).
      const first = blocksOf(r.text)[0]!;
      expect(r.start).toBeGreaterThanOrEqual(first / 10);
      expect(r.start).toBeLessThan((first + 1) / 10);
    }
  });

  it('a socket resuming inside a sample (odd-sized frames) starts its engine stream at the next sample boundary', async () => {
    const source = blockAudio(30);
    const parts = frames(source, 3201);
    const s = await gw.session();
    const before = dg.connections.length;
    const c1 = await TestClient.connect(gw.url, s.id, s.token);
    await c1.start();
    await send(c1, parts, 1, 11);
    await c1.waitAck(11);
    c1.ws.close();
    await c1.closed;
    const c2 = await TestClient.connect(gw.url, s.id, s.token);
    expect(await c2.start()).toBe(11);
    // 11 * 3201 bytes stored: an odd count, half a sample. The next stream starts one byte later.
    await send(c2, parts, 12, parts.length);
    await c2.waitAck(parts.length);
    c2.json({ type: 'end' });
    await c2.type('ended');
    const [, dg2] = dg.connections.slice(before);
    expect(concat(dg2!.binary).equals(source.subarray(11 * 3201 + 1))).toBe(true);
    const rows = await listLiveFinals(gw.db.pool, s.orgId, s.id);
    const second = rows.filter((r) => r.streamEpoch === Math.max(...rows.map((x) => x.streamEpoch)));
    expect(second[0]!.start).toBe(Math.round(((11 * 3201 + 1) / 32000) * 1000) / 1000);
    expect(blocksOf(second[0]!.text)[0]).toBe(11);
  });

  it('WebM goes to the engine as is (no encoding named); a resumed WebM socket gets no live stream (a continuation has no header) and ingest goes on', async () => {
    // The EBML magic, then bytes the gateway treats as opaque container data.
    const source = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), blockAudio(10).subarray(4)]);
    const parts = frames(source, BLOCK_BYTES);
    const s = await gw.session({ audio: { encoding: 'webm_opus' } });
    const before = dg.connections.length;
    const c1 = await TestClient.connect(gw.url, s.id, s.token);
    await c1.start({ encoding: 'webm_opus' });
    await send(c1, parts, 1, 4);
    await c1.waitAck(4);
    c1.ws.close();
    await c1.closed;
    const c2 = await TestClient.connect(gw.url, s.id, s.token);
    expect(await c2.start({ encoding: 'webm_opus' })).toBe(4);
    await send(c2, parts, 5, parts.length);
    await c2.waitAck(parts.length);
    c2.json({ type: 'end' });
    expect(await c2.type('ended')).toMatchObject({ bytes: source.length });
    const mine = dg.connections.slice(before);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.url.searchParams.get('encoding')).toBeNull();
    expect(mine[0]!.url.searchParams.get('sample_rate')).toBeNull();
    expect(concat(mine[0]!.binary).equals(source.subarray(0, 4 * BLOCK_BYTES))).toBe(true);
    expect(gw.logLines().some((l) => l.includes(s.id) && l.includes('"code":"CONTAINER_RESUME"'))).toBe(true);
    expect((await gw.store.readSessionAudio(s.id)).equals(source)).toBe(true);
  });

  it('cancelling a session deletes its live transcript; finals arriving after the cancel are not stored', async () => {
    const source = blockAudio(10);
    const parts = frames(source, BLOCK_BYTES);
    const s = await gw.session();
    const c = await TestClient.connect(gw.url, s.id, s.token);
    await c.start();
    await send(c, parts, 1, parts.length);
    await c.waitAck(parts.length);
    c.json({ type: 'end' });
    await c.type('ended');
    expect((await listLiveFinals(gw.db.pool, s.orgId, s.id)).length).toBe(2);
    await cancelSession(gw.store, s.id, { orgId: s.orgId, actor: 'system:test', actorKeyId: null });
    expect(await listLiveFinals(gw.db.pool, s.orgId, s.id)).toEqual([]);
    const late = { streamEpoch: 9, ordinal: 1, speaker: 'patient' as const, start: 1, end: 2, text: 'PHI-TEXT late' };
    expect(await insertLiveFinals(gw.db.pool, s.orgId, s.id, { engine: 'deepgram', model: 'm' }, [late])).toBe(0);
  });

  it('logged no transcript text', () => {
    const text = gw.logLines().join('\n');
    expect(text).toContain('audio stream opened');
    expect(text).not.toMatch(/PHI-TEXT|PHI-PATIENT-/);
  });
});
