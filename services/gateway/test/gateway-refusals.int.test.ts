import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthPcm } from '@scribe/audio';
import { issueStreamToken } from '@scribe/domain';
import { cancelSession } from '@scribe/storage';
import { frames } from '../../../packages/storage/test/helpers.ts';
import { startGateway, sleep, TestClient, type TestGateway } from './harness.ts';

let gw: TestGateway;
const pcm = synthPcm(3, { seed: 9 });
const parts = frames(pcm);

beforeAll(async () => {
  gw = await startGateway(import.meta.filename);
});
afterAll(async () => gw?.close());

const status = async (id: string) => (await gw.db.pool.query('SELECT status FROM sessions WHERE id = $1', [id])).rows[0].status;
const stored = async (id: string) => (await gw.db.pool.query(
  `SELECT (SELECT count(*) FROM audio_segments WHERE session_id = $1)::int + (SELECT count(*) FROM audio_pending_chunks WHERE session_id = $1)::int AS n`, [id])).rows[0].n;

/** Open a socket and get to `ready`. */
async function ready(s: { id: string; token: string }) {
  const c = await TestClient.connect(gw.url, s.id, s.token);
  await c.start();
  return c;
}

describe('refusals, while a healthy stream keeps going', () => {
  let healthy: TestClient;
  let healthyId: string;
  beforeAll(async () => {
    const s = await gw.session();
    healthyId = s.id;
    healthy = await ready(s);
  });

  it('streams a healthy session whose socket stays open through every refusal below', async () => {
    // Its socket is ended only in the last test, after all the bad clients were refused.
    for (let i = 0; i < parts.length; i++) {
      healthy.frame(i + 1, parts[i]!);
      await sleep(2);
    }
    await healthy.waitAck(parts.length);
  });

  it('refuses text where a control message or binary audio is expected (4400 BAD_MESSAGE), storing nothing', async () => {
    const s = await gw.session();
    const c = await ready(s);
    c.ws.send('RIFF....WAVEfmt this is audio sent as text');
    expect(await c.error()).toEqual({ code: 'BAD_MESSAGE', close: 4400 });
    expect(await stored(s.id)).toBe(0);
    expect(await status(s.id)).toBe('created');
  });

  it('refuses audio before start (4400 START_REQUIRED)', async () => {
    const s = await gw.session();
    const c = await TestClient.connect(gw.url, s.id, s.token);
    c.frame(1, parts[0]!);
    expect(await c.error()).toEqual({ code: 'START_REQUIRED', close: 4400 });
  });

  it('refuses a frame over the limit (4413 FRAME_TOO_LARGE) and keeps the frames before it', async () => {
    const s = await gw.session();
    const c = await ready(s);
    c.frame(1, parts[0]!);
    await c.waitAck(1);
    c.frame(2, Buffer.alloc(70 * 1024, 3));
    expect(await c.error()).toEqual({ code: 'FRAME_TOO_LARGE', close: 4413 });
    expect((await gw.store.readSessionAudio(s.id)).equals(parts[0]!)).toBe(true);
  });

  it('refuses a gap in sequence numbers (4400 SEQUENCE_GAP); a reconnect resumes after the last stored frame', async () => {
    const s = await gw.session();
    const c = await ready(s);
    c.frame(1, parts[0]!);
    c.frame(2, parts[1]!);
    await c.waitAck(2);
    c.frame(5, parts[4]!);
    expect(await c.error()).toEqual({ code: 'SEQUENCE_GAP', close: 4400 });
    const again = await TestClient.connect(gw.url, s.id, s.token);
    expect(await again.start()).toBe(2);
    expect((await gw.store.readSessionAudio(s.id)).equals(Buffer.concat([parts[0]!, parts[1]!]))).toBe(true);
    again.ws.close();
  });

  it('refuses frames after end (4400 FRAME_AFTER_END); the recording holds exactly the frames before end', async () => {
    const s = await gw.session();
    const c = await ready(s);
    for (let i = 0; i < 3; i++) c.frame(i + 1, parts[i]!);
    c.json({ type: 'end' });
    c.frame(4, parts[3]!);
    expect(await c.error()).toEqual({ code: 'FRAME_AFTER_END', close: 4400 });
    for (let i = 0; i < 100 && (await status(s.id)) !== 'recorded'; i++) await sleep(50);
    expect(await status(s.id)).toBe('recorded');
    expect((await gw.store.readSessionAudio(s.id)).equals(Buffer.concat(parts.slice(0, 3)))).toBe(true);

    // A finished session is not open for audio any more.
    const late = await TestClient.connect(gw.url, s.id, s.token);
    late.json({ type: 'start' });
    expect(await late.error()).toEqual({ code: 'SESSION_NOT_OPEN', close: 4409 });
  });

  it('refuses audio to a cancelled session (4409), and a live socket of a session cancelled under it', async () => {
    const s = await gw.session();
    const live = await ready(s);
    live.frame(1, parts[0]!);
    await live.waitAck(1);
    await cancelSession(gw.store, s.id, { orgId: s.orgId, actor: 'system:test', actorKeyId: null });
    live.frame(2, parts[1]!);
    expect(await live.error()).toMatchObject({ close: 4409 });
    const late = await TestClient.connect(gw.url, s.id, s.token);
    late.json({ type: 'start' });
    expect(await late.error()).toEqual({ code: 'SESSION_NOT_OPEN', close: 4409 });
    expect(await stored(s.id)).toBe(0);
  });

  it('refuses before the upgrade (HTTP 401): a token of another session, expired, forged or missing', async () => {
    const a = await gw.session();
    const b = await gw.session();
    const secret = gw.config.STREAM_TOKEN_SECRET;
    const expired = issueStreamToken(secret, { sid: a.id, org: a.orgId, exp: Math.floor(Date.now() / 1000) - 1 });
    const forged = issueStreamToken('another-secret-of-at-least-32-characters!!', { sid: a.id, org: a.orgId, exp: Math.floor(Date.now() / 1000) + 60 });
    for (const token of [b.token, expired, forged, 'garbage', null]) {
      await expect(TestClient.connect(gw.url, a.id, token)).rejects.toThrow('HTTP 401');
    }
    await expect(TestClient.connect(gw.url, 'not-a-uuid', a.token)).rejects.toThrow('HTTP 400');
    expect(await stored(a.id)).toBe(0);
  });

  it('a newer socket for the same session supersedes the older one (4409 STREAM_SUPERSEDED)', async () => {
    const s = await gw.session();
    const first = await ready(s);
    first.frame(1, parts[0]!);
    await first.waitAck(1);
    const second = await TestClient.connect(gw.url, s.id, s.token);
    expect(await second.start()).toBe(1);
    expect(await first.error()).toEqual({ code: 'STREAM_SUPERSEDED', close: 4409 });
    second.frame(2, parts[1]!);
    await second.waitAck(2);
    second.ws.close();
  });

  it('finished the healthy stream with every byte', async () => {
    healthy.json({ type: 'end' });
    expect(await healthy.type('ended')).toMatchObject({ bytes: pcm.length, durationSec: 3 });
    expect((await gw.store.readSessionAudio(healthyId)).equals(pcm)).toBe(true);
  });
});
