/**
 * The API's `/metrics` (API.md, Operations): Prometheus text without an API key, request
 * latency by route template and status that moves with each request, no id or PHI in any
 * label; and request log lines carry the request id and the session id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, bearer, type TestApi } from '../../../test/helpers/api.ts';
import { PHI_MARKER, sessionBody } from '../../../test/helpers/fixtures.ts';
import { labelValues, sample } from '../../worker/test/helpers/prom-text.ts';

let t: TestApi;
let key: string;

beforeAll(async () => {
  t = await createTestApi(import.meta.filename);
  key = await t.key('clinic-metrics');
});
afterAll(() => t.close());

const scrape = async () => {
  const res = await t.app.inject({ method: 'GET', url: '/metrics' });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.body;
};
const count = (text: string, labels: Record<string, string>) => sample(text, 'scribe_http_request_duration_seconds_count', labels) || 0;

describe('GET /metrics on the api', () => {
  it('needs no key and exposes process series labelled service="api"', async () => {
    const text = await scrape();
    expect(text).toContain('# TYPE scribe_http_request_duration_seconds histogram');
    expect(sample(text, 'scribe_process_nodejs_heap_size_used_bytes', { service: 'api' })).toBeGreaterThan(0);
  });

  it('counts each request under its route template and status; ids never become labels', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/v1/sessions', headers: bearer(key), payload: sessionBody() });
    expect(created.statusCode).toBe(201);
    const id = created.json().session.id as string;
    const route = { method: 'GET', route: '/v1/sessions/:id' };

    const before = await scrape();
    for (let i = 0; i < 3; i++) expect((await t.app.inject({ method: 'GET', url: `/v1/sessions/${id}`, headers: bearer(key) })).statusCode).toBe(200);
    await t.app.inject({ method: 'GET', url: '/v1/sessions/00000000-0000-4000-8000-000000000000', headers: bearer(key) });
    await t.app.inject({ method: 'GET', url: `/no/such/route/${id}` });
    const after = await scrape();

    expect(count(after, { ...route, status: '200' }) - count(before, { ...route, status: '200' })).toBe(3);
    expect(count(after, { ...route, status: '404' }) - count(before, { ...route, status: '404' })).toBe(1);
    expect(count(after, { route: 'unmatched', status: '404' }) - count(before, { route: 'unmatched', status: '404' })).toBe(1);
    expect(sample(after, 'scribe_http_request_duration_seconds_sum', { ...route, status: '200' })).toBeGreaterThan(sample(before, 'scribe_http_request_duration_seconds_sum', { ...route, status: '200' }) || 0);
    expect(count(after, { method: 'POST', route: '/v1/sessions', status: '201' })).toBe(1);

    expect(after).not.toContain(id);
    expect(after).not.toContain(PHI_MARKER);
    for (const v of labelValues(after)) expect(v).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('logs each request with its request id and, on a session route, the session id', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/v1/sessions', headers: bearer(key), payload: sessionBody() });
    const id = created.json().session.id as string;
    const res = await t.app.inject({ method: 'GET', url: `/v1/sessions/${id}`, headers: bearer(key) });
    const reqId = res.headers['x-request-id'];
    const lines = t.logLines().map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.reqId === reqId);
    // One line per request, once answered, with what an operator needs and no more.
    expect(lines.map((l) => l.msg)).toEqual(['request completed']);
    expect(lines[0]).toMatchObject({ sessionId: id, reqId, req: { method: 'GET', route: '/v1/sessions/:id' }, res: { statusCode: 200 } });
    expect(lines[0]!.responseTime).toEqual(expect.any(Number));
    expect(JSON.stringify(t.logLines())).not.toContain(PHI_MARKER);
  });

  it('binds a note id on note paths, and only a UUID-shaped one', async () => {
    const noteId = '00000000-0000-4000-8000-00000000abcd';
    const lineOf = async (url: string) => {
      const res = await t.app.inject({ method: 'GET', url, headers: bearer(key) });
      const reqId = res.headers['x-request-id'];
      const lines = t.logLines().map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.reqId === reqId);
      expect(lines).toHaveLength(1);
      return lines[0]!;
    };
    expect(await lineOf(`/v1/notes/${noteId}/revisions`)).toMatchObject({ noteId, req: { route: '/v1/notes/:id/revisions' }, res: { statusCode: 404 } });
    expect(await lineOf(`/v1/notes/${noteId}?x=1`)).toMatchObject({ noteId });
    const malformed = await lineOf('/v1/notes/not-a-note-id-but-a-sentence-of-any-length');
    expect(malformed).not.toHaveProperty('noteId');
    expect(JSON.stringify(malformed)).not.toContain('sentence');
  });
});
