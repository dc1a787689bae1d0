import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeApiKey } from '@scribe/db';
import { verifyStreamToken } from '@scribe/domain';
import { createTestApi, bearer, type TestApi } from '../../../test/helpers/api.ts';
import { sessionBody, PHI_MARKER } from '../../../test/helpers/fixtures.ts';

let t: TestApi;
let key: string;
const count = async (sql: string, params: unknown[] = []) => Number((await t.db.pool.query(sql, params)).rows[0].n);

beforeAll(async () => {
  t = await createTestApi(import.meta.filename);
  key = await t.key('clinic-a');
});
afterAll(() => t.close());

describe('POST /v1/sessions', () => {
  it('creates a session with a stream grant and audits it', async () => {
    const body = sessionBody();
    const res = await t.app.inject({ method: 'POST', url: '/v1/sessions', headers: bearer(key), payload: body });
    expect(res.statusCode).toBe(201);
    const { session, stream } = res.json();
    expect(session).toMatchObject({ mode: 'ambient', discipline: 'pt', status: 'created', patientRef: body.patientRef, dateOfService: '2026-11-23' });
    expect(session.audio).toEqual({ bytes: 0, durationSec: 0, sha256: null });
    expect(stream.url).toBe(`ws://127.0.0.1:3001/v1/sessions/${session.id}/audio`);
    expect(new Date(stream.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const check = verifyStreamToken(t.deps.config.STREAM_TOKEN_SECRET, stream.token, session.id);
    expect(check.ok).toBe(true);
    expect(verifyStreamToken(t.deps.config.STREAM_TOKEN_SECRET, stream.token, '00000000-0000-4000-8000-000000000000')).toEqual({ ok: false, reason: 'wrong_session' });
    expect(await count(`SELECT count(*) n FROM audit_events WHERE resource_id = $1 AND action = 'session.create'`, [session.id])).toBe(1);
  });

  it('refuses an ambient session without consent (422 CONSENT_REQUIRED) and writes nothing', async () => {
    const before = await count('SELECT count(*) n FROM sessions');
    for (const consent of [undefined, { obtained: false }]) {
      const res = await t.app.inject({ method: 'POST', url: '/v1/sessions', headers: bearer(key), payload: sessionBody({ consent }) });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('CONSENT_REQUIRED');
    }
    expect(await count('SELECT count(*) n FROM sessions')).toBe(before);
  });

  it('allows a dictation session without ambient consent', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/v1/sessions', headers: bearer(key), payload: sessionBody({ mode: 'dictation', consent: undefined }) });
    expect(res.statusCode).toBe(201);
  });

  it('answers 400 VALIDATION_FAILED with paths for wrong types and unknown enums, writing nothing', async () => {
    const before = await count('SELECT count(*) n FROM sessions');
    const res = await t.app.inject({
      method: 'POST', url: '/v1/sessions', headers: bearer(key),
      payload: sessionBody({ discipline: 'dentistry', visitNumber: 'x', payer: { type: 'hmo' }, dateOfService: '23/11/2026', context: { visitNumber: 'four' } }),
    });
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.requestId).toBe(res.headers['x-request-id']);
    const paths = err.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.discipline', 'body.payer.type', 'body.dateOfService', 'body.context.visitNumber']));
    expect(await count('SELECT count(*) n FROM sessions')).toBe(before);
  });

  it('answers 400 MALFORMED_JSON without echoing the body', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/v1/sessions', headers: { ...bearer(key), 'content-type': 'application/json' },
      payload: `{"patientRef": "${PHI_MARKER}leak", `,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('MALFORMED_JSON');
    expect(res.body).not.toContain(PHI_MARKER);
  });

  it('answers 413 for an oversized body and 415 for a wrong content type', async () => {
    const big = await t.app.inject({
      method: 'POST', url: '/v1/sessions', headers: bearer(key),
      payload: sessionBody({ patientRef: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    const text = await t.app.inject({ method: 'POST', url: '/v1/sessions', headers: { ...bearer(key), 'content-type': 'text/csv' }, payload: 'a,b' });
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('auth and scopes', () => {
  it('401 for a missing, malformed, unknown or revoked key', async () => {
    const revoked = await t.key('clinic-a');
    await revokeApiKey(t.db.pool, revoked.slice(3, 19));
    const variants = [{}, { authorization: 'Basic abc' }, bearer('sk_nothex_x'), bearer(`sk_${'a'.repeat(16)}_${'b'.repeat(43)}`), bearer(revoked)];
    for (const headers of variants) {
      const res = await t.app.inject({ method: 'GET', url: '/v1/sessions', headers });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHORIZED');
    }
  });

  it('403 when the key lacks the scope, and nothing is written', async () => {
    const readOnly = await t.key('clinic-a', ['notes:read']);
    const before = await count('SELECT count(*) n FROM sessions');
    const res = await t.app.inject({ method: 'POST', url: '/v1/sessions', headers: bearer(readOnly), payload: sessionBody() });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect(await count('SELECT count(*) n FROM sessions')).toBe(before);
    const writeOnly = await t.key('clinic-a', ['sessions:write']);
    expect((await t.app.inject({ method: 'GET', url: '/v1/sessions', headers: bearer(writeOnly) })).statusCode).toBe(403);
  });

  it('rejects a malformed X-Clinician-Id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/sessions', headers: bearer(key, { 'x-clinician-id': 'bad id with spaces' }) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_CLINICIAN_ID');
  });
});

describe('tenancy', () => {
  it("answers 404 for another organisation's session and leaks nothing", async () => {
    const created = (await t.app.inject({ method: 'POST', url: '/v1/sessions', headers: bearer(key), payload: sessionBody() })).json().session;
    const other = await t.key('clinic-b');
    for (const [method, url] of [['GET', `/v1/sessions/${created.id}`], ['POST', `/v1/sessions/${created.id}/stream-token`]] as const) {
      const res = await t.app.inject({ method, url, headers: bearer(other) });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
      expect(res.body).not.toContain(created.patientRef);
      expect(res.body).not.toContain(created.id);
    }
    const list = (await t.app.inject({ method: 'GET', url: '/v1/sessions?limit=100', headers: bearer(other) })).json();
    expect(list.sessions.map((s: { id: string }) => s.id)).not.toContain(created.id);
  });

  it('answers 400 for a malformed id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/sessions/not-a-uuid', headers: bearer(key) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('params.id');
  });
});

describe('GET /v1/sessions paging', () => {
  it('pages newest first with a cursor, filters by status, and audits every session read', async () => {
    const pager = await t.key('clinic-paging');
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      ids.push((await t.app.inject({ method: 'POST', url: '/v1/sessions', headers: bearer(pager), payload: sessionBody() })).json().session.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/v1/sessions?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await t.app.inject({ method: 'GET', url, headers: bearer(pager) })).json();
      seen.push(...page.sessions.map((s: { id: string }) => s.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());

    const none = (await t.app.inject({ method: 'GET', url: '/v1/sessions?status=drafted', headers: bearer(pager) })).json();
    expect(none.sessions).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/v1/sessions?status=bogus', headers: bearer(pager) })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/v1/sessions?cursor=garbage', headers: bearer(pager) })).json().error.code).toBe('INVALID_CURSOR');
    expect((await t.app.inject({ method: 'GET', url: '/v1/sessions?limit=1000', headers: bearer(pager) })).statusCode).toBe(400);

    const reads = await count(`SELECT count(*) n FROM audit_events WHERE action = 'session.read' AND resource_id = ANY($1::uuid[])`, [ids]);
    expect(reads).toBe(7);
  });

  it('audits a single read with the acting clinician', async () => {
    const s = (await t.app.inject({ method: 'POST', url: '/v1/sessions', headers: bearer(key), payload: sessionBody() })).json().session;
    await t.app.inject({ method: 'GET', url: `/v1/sessions/${s.id}`, headers: bearer(key, { 'x-clinician-id': 'emr-clin-9' }) });
    const { rows } = await t.db.pool.query(`SELECT actor, clinician_ref FROM audit_events WHERE resource_id = $1 AND action = 'session.read'`, [s.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].clinician_ref).toBe('emr-clin-9');
    expect(rows[0].actor).toMatch(/^key:/);
    await expect(t.db.pool.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
  });
});

describe('public endpoints and logs', () => {
  it('serves healthz, readyz, openapi and docs without a key', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject('/readyz')).json()).toEqual({ status: 'ok', checks: { postgres: 'ok' } });
    const doc = (await t.app.inject('/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/sessions', '/v1/sessions/{id}']));
    expect(doc.paths['/v1/sessions'].post.operationId).toBe('createSession');
    expect((await t.app.inject('/docs')).statusCode).toBeLessThan(400);
  });

  it('logged nothing that carries a patient ref or an API key', () => {
    const lines = t.logLines();
    expect(lines.length).toBeGreaterThan(10);
    const text = lines.join('\n');
    expect(text).not.toContain(PHI_MARKER);
    expect(text).not.toMatch(/sk_[a-f0-9]{16}_/);
  });
});
