import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthWav } from '@scribe/audio';
import { frames, leaksPlaintext, sha256 } from '../../../packages/storage/test/helpers.ts';
import { startGateway, sleep, TestClient, type TestGateway } from './harness.ts';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startGateway(import.meta.filename);
});
afterAll(async () => gw?.close());

/** A seeded generator so a failing run can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('streaming with cuts and resume', () => {
  it('stores a 60 s WAV streamed in 100 ms frames through 6 abrupt cuts exactly once, encrypted', async () => {
    const source = synthWav(60, { seed: 11 });
    const parts = frames(source); // 3200-byte frames: 100 ms of 16 kHz mono 16-bit
    expect(parts.length).toBe(601);
    const random = rng(20261123);
    const cuts = Array.from({ length: 6 }, () => 20 + Math.floor(random() * 560)).sort((a, b) => a - b);
    const s = await gw.session({ audio: { encoding: 'wav' } });

    let acked = 0;
    let connections = 0;
    let duplicatesResent = 0;
    let ended: Record<string, unknown> | null = null;
    while (!ended) {
      const c = await TestClient.connect(gw.url, s.id, s.token);
      connections++;
      const lastSeq = await c.start({ encoding: 'wav' });
      // The server never forgets an acked frame; it may hold more than was acked.
      expect(lastSeq).toBeGreaterThanOrEqual(acked);
      // Resend from our own last ack, as a client that lost the acks in flight would.
      duplicatesResent += lastSeq - acked;
      const cut = cuts.shift();
      let seq = acked + 1;
      for (; seq <= parts.length; seq++) {
        c.frame(seq, parts[seq - 1]!);
        if (seq % 8 === 0) await sleep(1);
        if (cut !== undefined && seq >= cut) break;
      }
      if (cut !== undefined && seq <= parts.length) {
        if (connections === 1) {
          // The first cut loses the acks of the last 8 frames in flight, for certain: the server
          // has stored and acked them, the client never saw those acks, so it resends them. (At the
          // other cuts, whether any stored frame is still unacked depends on timing.)
          await c.waitAck(seq);
          acked = Math.max(acked, seq - 8);
        } else {
          await sleep(Math.floor(random() * 5));
          acked = Math.max(acked, c.lastAck);
        }
        c.ws.terminate();
        await c.closed;
        continue;
      }
      await c.waitAck(parts.length);
      acked = c.lastAck;
      c.json({ type: 'end' });
      ended = await c.type('ended');
      expect((await c.closed).code).toBe(1000);
    }
    expect(connections).toBe(7);
    // Frames stored but not acked to the client at a cut were resent: the duplicate path was exercised.
    expect(duplicatesResent).toBeGreaterThanOrEqual(8);
    expect(ended).toEqual({ type: 'ended', sessionId: s.id, durationSec: 60, bytes: source.length });

    // The stored audio decrypts to exactly the source bytes.
    expect(sha256(await gw.store.readSessionAudio(s.id))).toBe(sha256(source));
    const { rows: [row] } = await gw.db.pool.query(
      'SELECT status, audio_bytes, audio_duration_sec, audio_sha256, recording_started_at, ended_at FROM sessions WHERE id = $1', [s.id]);
    expect(row).toMatchObject({ status: 'recorded', audio_bytes: String(source.length), audio_duration_sec: 60, audio_sha256: sha256(source) });
    expect(row.recording_started_at).toBeInstanceOf(Date);
    expect(row.ended_at.getTime()).toBeGreaterThanOrEqual(row.recording_started_at.getTime());

    // No segment stored twice: contiguous manifest, one object per manifest row, empty tail.
    const segs = (await gw.db.pool.query('SELECT segment_index, first_seq, last_seq, object_key FROM audio_segments WHERE session_id = $1 ORDER BY segment_index', [s.id])).rows;
    let expect1 = 1;
    for (const [i, r] of segs.entries()) {
      expect(r.segment_index).toBe(i);
      expect(Number(r.first_seq)).toBe(expect1);
      expect1 = Number(r.last_seq) + 1;
    }
    expect(expect1).toBe(parts.length + 1);
    // Segments of about SEGMENT_TARGET_BYTES (160 KB +-20%), not one object per frame.
    expect(segs.length).toBeGreaterThanOrEqual(8);
    expect(segs.length).toBeLessThanOrEqual(30);
    expect((await gw.store.blobs.list(`sessions/${s.id}/`)).sort()).toEqual(segs.map((r) => r.object_key).sort());
    expect((await gw.db.pool.query('SELECT count(*)::int n FROM audio_pending_chunks WHERE session_id = $1', [s.id])).rows[0].n).toBe(0);

    // Bytes at rest carry no plaintext audio.
    for (const f of await gw.storedFiles()) expect(leaksPlaintext(f, source)).toBeNull();

    // One pipeline job, id-only payload, queued after the commit.
    const job = await gw.queues.transcribe.getJob(`transcribe-${s.id}-r0`);
    expect(job?.data).toEqual({ sessionId: s.id, run: 0 });
    const audits = (await gw.db.pool.query('SELECT action, count(*)::int n FROM audit_events WHERE resource_id = $1 GROUP BY action', [s.id])).rows;
    expect(Object.fromEntries(audits.map((a) => [a.action, a.n]))).toEqual({ 'audio.stream.open': 7, 'audio.recorded': 1 });
  });

  it('acks resent frames again without storing them twice', async () => {
    const s = await gw.session();
    const pcm = synthWav(2, { seed: 5 }).subarray(44);
    const parts = frames(pcm);
    const a = await TestClient.connect(gw.url, s.id, s.token);
    await a.start();
    parts.forEach((p, i) => a.frame(i + 1, p));
    await a.waitAck(parts.length);
    a.ws.close();
    await a.closed;

    const b = await TestClient.connect(gw.url, s.id, s.token);
    expect(await b.start()).toBe(parts.length);
    for (let seq = 1; seq <= 5; seq++) b.frame(seq, parts[seq - 1]!);
    for (let seq = 1; seq <= 5; seq++) await b.next((m) => m.type === 'ack' && m.seq === seq);
    b.json({ type: 'end' });
    expect((await b.type('ended')).bytes).toBe(pcm.length);
    expect((await gw.store.readSessionAudio(s.id)).equals(pcm)).toBe(true);
  });

  it('logged no token and no patient ref', () => {
    const text = gw.logLines().join('\n');
    expect(text).toContain('audio stream opened');
    expect(text).not.toMatch(/token=|PHI-PATIENT-/);
  });
});
