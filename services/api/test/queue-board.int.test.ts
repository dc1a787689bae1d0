/**
 * The queue board (bull-board) at /admin/queues: 401 without a key, 403 without ops:read,
 * 200 with it, read-only, and the one-time link that opens it in a browser through a
 * short-lived HttpOnly cookie (single use, revoked with the key).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeApiKey } from '@scribe/db';
import { enqueueStage } from '@scribe/queue';
import { createTestApi, bearer, type TestApi } from '../../../test/helpers/api.ts';
import { PHI_MARKER, sessionBody } from '../../../test/helpers/fixtures.ts';

let t: TestApi;
let opsKey: string;
let writeKey: string;
let sessionId: string;

beforeAll(async () => {
  t = await createTestApi(import.meta.filename);
  opsKey = await t.key('clinic-board', ['ops:read']);
  writeKey = await t.key('clinic-board', ['sessions:write']);
  const res = await t.app.inject({ method: 'POST', url: '/v1/sessions', headers: bearer(writeKey), payload: sessionBody({ mode: 'dictation', consent: undefined }) });
  sessionId = res.json().session.id;
  await enqueueStage(t.deps.queues, 'transcribe', { sessionId, run: 0 });
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

describe('/admin/queues with an API key', () => {
  const pages = ['/admin/queues', '/admin/queues/', '/admin/queues/queue/transcribe', '/admin/queues/api/queues'];

  it.each(pages)('%s: 401 without a key, 401 with a bad one, 403 without ops:read', async (url) => {
    const none = await get(url);
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('UNAUTHORIZED');
    expect((await get(url, bearer('sk_0123456789abcdef_notarealkeynotarealkeynotarealkeynotareal'))).statusCode).toBe(401);
    const forbidden = await get(url, bearer(writeKey));
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe('FORBIDDEN');
  });

  it('serves the UI and its API with ops:read, never cached or framed', async () => {
    const ui = await get('/admin/queues', bearer(opsKey));
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);
    expect(ui.headers['cache-control']).toBe('no-store');
    expect(ui.headers['x-frame-options']).toBe('DENY');
    // The page's own script is served behind the same guard.
    const script = /src="([^"]+\.js)"/.exec(ui.body)?.[1];
    expect(script).toBeTruthy();
    const path = script!.startsWith('/') ? script! : `/admin/queues/${script}`;
    expect((await get(path)).statusCode).toBe(401);
    expect((await get(path, bearer(opsKey))).statusCode).toBe(200);

    const api = await get('/admin/queues/api/queues?activeQueue=transcribe&status=waiting', bearer(opsKey));
    expect(api.statusCode).toBe(200);
    const names = (api.json().queues as { name: string }[]).map((q) => q.name).sort();
    expect(names).toEqual(['deliver', 'draft', 'transcribe', 'webhooks']);
    // Job data is ids only: the session id shows, the patient ref (a PHI marker) does not.
    expect(api.body).toContain(sessionId);
    expect(api.body).not.toContain(PHI_MARKER);
  });

  it('is read-only: writes answer 405 whatever the scope, and the job stays', async () => {
    const admin = await t.key('clinic-board', ['admin']);
    for (const [method, url] of [['PUT', '/admin/queues/api/queues/transcribe/clean/waiting'], ['PUT', '/admin/queues/api/queues/pause'], ['POST', '/admin/queues/api/queues/transcribe/add']] as const) {
      const res = await t.app.inject({ method, url, headers: bearer(admin), payload: {} });
      expect(res.statusCode).toBe(405);
      expect(res.json().error.code).toBe('READ_ONLY');
    }
    expect(await t.deps.queues.transcribe.getWaitingCount()).toBe(1);
  });
});

describe('opening the board in a browser', () => {
  async function link(key = opsKey) {
    const res = await t.app.inject({ method: 'POST', url: '/v1/ops/board-sessions', headers: { ...bearer(key), host: 'localhost:3000' } });
    return res;
  }
  const cookieOf = (setCookie: string | string[] | undefined) => String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(';')[0]!;

  it('issues a link only to an ops:read key', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/v1/ops/board-sessions' })).statusCode).toBe(401);
    expect((await link(writeKey)).statusCode).toBe(403);
    const res = await link();
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.url).toBe(`http://localhost:3000${body.path}`);
    expect(body.path).toMatch(/^\/admin\/queues\/login\?ticket=/);
    expect(new Date(body.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(60_000);
  });

  it('the link sets an HttpOnly, SameSite=Strict cookie for the board path once; the cookie opens the board', async () => {
    const { path } = (await link()).json();
    const login = await get(path);
    expect(login.statusCode).toBe(303);
    expect(login.headers.location).toBe('/admin/queues/');
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/^scribe_board=cookie\./);
    for (const attr of ['HttpOnly', 'SameSite=Strict', 'Path=/admin/queues', 'Max-Age=1800']) expect(setCookie).toContain(attr);
    const cookie = cookieOf(login.headers['set-cookie']);

    expect((await get('/admin/queues/', { cookie })).statusCode).toBe(200);
    expect((await get('/admin/queues/api/queues', { cookie })).statusCode).toBe(200);
    // The cookie is for the board only, not for the API.
    expect((await get('/v1/ops/queues', { cookie })).statusCode).toBe(401);

    const again = await get(path);
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('BOARD_LINK_INVALID');
  });

  it('refuses a forged ticket or cookie, and a cookie whose key was revoked', async () => {
    const { path } = (await link()).json();
    const forged = path.replace(/.$/, (c: string) => (c === 'A' ? 'B' : 'A'));
    expect((await get(forged)).statusCode).toBe(401);
    expect((await get('/admin/queues/login')).statusCode).toBe(401);

    const key = await t.key('clinic-board', ['ops:read']);
    const login = await get((await link(key)).json().path);
    const cookie = cookieOf(login.headers['set-cookie']);
    expect((await get('/admin/queues/api/queues', { cookie })).statusCode).toBe(200);
    const tampered = cookie.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await get('/admin/queues/api/queues', { cookie: tampered })).statusCode).toBe(401);
    // A ticket is not a cookie (and the other way round).
    expect((await get('/admin/queues/api/queues', { cookie: `scribe_board=${(await link(key)).json().path.split('ticket=')[1]}` })).statusCode).toBe(401);

    await revokeApiKey(t.db.pool, key.slice(3, 19));
    expect((await get('/admin/queues/api/queues', { cookie })).statusCode).toBe(401);
  });

  it('a cookie of a key that lost ops:read gets 403', async () => {
    const key = await t.key('clinic-board', ['ops:read']);
    const cookie = cookieOf((await get((await link(key)).json().path)).headers['set-cookie']);
    await t.db.pool.query(`UPDATE api_keys SET scopes = '{sessions:write}' WHERE prefix = $1`, [key.slice(3, 19)]);
    expect((await get('/admin/queues/api/queues', { cookie })).statusCode).toBe(403);
  });
});
