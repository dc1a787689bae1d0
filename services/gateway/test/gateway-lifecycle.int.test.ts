import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthPcm } from '@scribe/audio';
import { frames } from '../../../packages/storage/test/helpers.ts';
import { startGateway, sleep, TestClient, type TestGateway } from './harness.ts';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startGateway(import.meta.filename, { STREAM_IDLE_TIMEOUT_SEC: '1' });
});
afterAll(async () => gw?.close());

describe('gateway lifecycle', () => {
  it('serves healthz and readyz', async () => {
    const http = gw.url.replace('ws://', 'http://');
    expect(await (await fetch(`${http}/healthz`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${http}/readyz`)).status).toBe(200);
  });

  it('closes an idle socket with 4408 IDLE_TIMEOUT', async () => {
    const s = await gw.session();
    const c = await TestClient.connect(gw.url, s.id, s.token);
    await c.start();
    expect(await c.error()).toEqual({ code: 'IDLE_TIMEOUT', close: 4408 });
  });

  it('on shutdown makes every accepted frame durable, acks it, and closes 1001; a restarted gateway resumes there', async () => {
    const s = await gw.session();
    const parts = frames(synthPcm(5, { seed: 4 }));
    const c = await TestClient.connect(gw.url, s.id, s.token);
    await c.start();
    for (let i = 0; i < 30; i++) c.frame(i + 1, parts[i]!);
    await c.next((m) => m.type === 'ack');
    await sleep(20);
    const closing = gw.restart();
    const err = await c.error();
    expect(err).toEqual({ code: 'SHUTTING_DOWN', close: 1001 });
    await closing;
    expect(c.lastAck).toBe(30);

    const again = await TestClient.connect(gw.url, s.id, s.token);
    expect(await again.start()).toBe(30);
    for (let i = 30; i < parts.length; i++) again.frame(i + 1, parts[i]!);
    again.json({ type: 'end' });
    expect((await again.type('ended')).bytes).toBe(parts.reduce((n, p) => n + p.length, 0));
  });
});
