import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthPcm } from '@scribe/audio';
import { frames } from '../../../packages/storage/test/helpers.ts';
import { startGateway, sleep, TestClient, type TestGateway } from './harness.ts';
import { sample } from './metrics-text.ts';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startGateway(import.meta.filename, {}, {
    readiness: [
      { name: 'postgres', check: async () => true },
      { name: 'redis', check: async () => false },
      // Never answers: the shared readiness gives up after 2 s and reports it down.
      { name: 'storage', check: () => new Promise<boolean>(() => {}) },
    ],
  });
});
afterAll(async () => gw?.close());

const scrape = async () => {
  const res = await fetch(`${gw.http}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0.0.4/);
  return res.text();
};
const ws = (text: string) => ({
  connections: sample(text, 'scribe_ws_connections', { service: 'gateway' }),
  bytes: sample(text, 'scribe_ws_audio_bytes_total'),
  acks: sample(text, 'scribe_ws_acks_total'),
  latencyCount: sample(text, 'scribe_ws_ack_latency_seconds_count'),
  latencySum: sample(text, 'scribe_ws_ack_latency_seconds_sum'),
});

describe('gateway metrics and health', () => {
  it('GET /metrics: the ingest series exist at zero and move with a stream (bytes, acked frames, ack latency per frame, open sockets)', async () => {
    expect(ws(await scrape())).toEqual({ connections: 0, bytes: 0, acks: 0, latencyCount: 0, latencySum: 0 });
    const pcm = synthPcm(2, { seed: 3 });
    const parts = frames(pcm);
    const s = await gw.session();
    const c = await TestClient.connect(gw.url, s.id, s.token);
    await c.start();
    parts.forEach((p, i) => c.frame(i + 1, p));
    await c.waitAck(parts.length);
    const during = ws(await scrape());
    expect(during).toMatchObject({ connections: 1, bytes: pcm.length, acks: parts.length, latencyCount: parts.length });
    expect(during.latencySum).toBeGreaterThan(0);

    // Resent frames are acked again but write nothing: no bytes, no acks counted.
    const seen = c.messages.length;
    for (let seq = 1; seq <= 5; seq++) c.frame(seq, parts[seq - 1]!);
    await c.next((m) => m.type === 'ack' && m.seq === 5 && c.messages.indexOf(m) >= seen);
    expect(ws(await scrape())).toMatchObject({ bytes: pcm.length, acks: parts.length, latencyCount: parts.length });

    c.json({ type: 'end' });
    await c.type('ended');
    await c.closed;
    for (let i = 0; i < 50 && ws(await scrape()).connections !== 0; i++) await sleep(20);
    expect(ws(await scrape()).connections).toBe(0);
    // The latency histogram has the buckets the alert rule reads (le 0.1).
    expect(sample(await scrape(), 'scribe_ws_ack_latency_seconds_bucket', { le: '0.1' })).toBeGreaterThan(0);
  });

  it('times its HTTP routes by route template; an upgrade refused before the socket counts, an open socket does not', async () => {
    await fetch(`${gw.http}/healthz`);
    await fetch(`${gw.http}/healthz`);
    const s = await gw.session();
    await expect(TestClient.connect(gw.url, s.id, 'not-a-token')).rejects.toThrow('HTTP 401');
    const text = await scrape();
    expect(sample(text, 'scribe_http_request_duration_seconds_count', { method: 'GET', route: '/healthz', status: '200' })).toBe(2);
    expect(sample(text, 'scribe_http_request_duration_seconds_count', { route: '/v1/sessions/:id/audio', status: '401' })).toBe(1);
    // The stream of the first test was a successful upgrade: not an HTTP request here.
    expect(text).not.toMatch(/scribe_http_request_duration_seconds_count\{[^}]*route="\/v1\/sessions\/:id\/audio"[^}]*status="(101|200)"/);
  });

  it('/readyz uses the shared readiness checks: a failing and a hung dependency are down (503) within the 2 s limit', async () => {
    const t0 = Date.now();
    const res = await fetch(`${gw.http}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'unavailable', checks: { postgres: 'ok', redis: 'down', storage: 'down' } });
    expect(Date.now() - t0).toBeLessThan(5_000);
  });
});
