/**
 * Tenancy sweep: every notes and sessions endpoint in the served OpenAPI document (read at
 * test time, so endpoints added later are swept too), called with another organisation's
 * key for this organisation's records, answers 404 and its body carries none of the
 * record's ids, patient ref or text. Requests are well-formed (headers, a body that passes
 * the route's schema), so a 404 cannot come from validation. Owner GETs answer 200 first,
 * proving the records exist.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, bearer, type TestApi } from '../../../test/helpers/api.ts';
import { PHI_TEXT, seedDraft, type SeededNote } from './helpers/notes-fixtures.ts';
import { sampleFromSchema } from './helpers/openapi-sample.ts';

type Op = { method: string; path: string; op: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
let t: TestApi;
let owner: string;
let stranger: string;
let seeded: SeededNote;
let doc: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
let ops: Op[];

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const isSwept = (path: string) => /^\/v1\/(notes|sessions)\b/.test(path) || /\/v1\/ops\/sessions\//.test(path);
const urlFor = (path: string) =>
  path.replace('{id}', path.startsWith('/v1/notes/') ? seeded.noteId : seeded.session.id);

function requestFor(o: Op, key: string) {
  const headers: Record<string, string> = { ...bearer(key), 'x-clinician-id': 'emr-clin-7', 'if-match': '1' };
  const content = o.op.requestBody?.content as Record<string, { schema: Record<string, unknown> }> | undefined;
  let payload: string | Buffer | undefined;
  if (content) {
    const type = content['application/json'] ? 'application/json' : Object.keys(content)[0]!;
    headers['content-type'] = type;
    payload = type === 'application/json' ? JSON.stringify(sampleFromSchema(content[type]!.schema, doc)) : Buffer.alloc(256, 1);
  }
  return { method: o.method.toUpperCase() as 'GET', url: urlFor(o.path), headers, payload };
}

beforeAll(async () => {
  t = await createTestApi(import.meta.filename);
  owner = await t.key('clinic-owner');
  stranger = await t.key('clinic-stranger');
  seeded = await seedDraft(t, 'clinic-owner', owner); // session drafted, with transcript and note
  doc = (await t.app.inject('/openapi.json')).json();
  ops = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
    .filter(([path]) => isSwept(path))
    .flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((m) => ({ method: m, path, op: item[m] as Op['op'] })));
});
afterAll(() => t.close());

describe('tenancy sweep over the OpenAPI document', () => {
  it('finds the notes and sessions endpoints', () => {
    const names = ops.map((o) => `${o.method.toUpperCase()} ${o.path}`);
    expect(names).toEqual(expect.arrayContaining([
      'GET /v1/notes/{id}', 'PATCH /v1/notes/{id}', 'POST /v1/notes/{id}/sign', 'GET /v1/notes/{id}/revisions',
      'GET /v1/notes/{id}/fhir', 'GET /v1/sessions/{id}/note', 'GET /v1/sessions/{id}', 'GET /v1/notes', 'GET /v1/sessions',
    ]));
  });

  it("owner GETs of the records answer 200 (the records exist)", async () => {
    for (const o of ops.filter((x) => x.method === 'get' && x.path.includes('{id}'))) {
      const res = await t.app.inject(requestFor(o, owner));
      expect(res.statusCode, `${o.method} ${o.path}`).toBe(200);
    }
  });

  it("every {id} endpoint answers 404 to another organisation's key and leaks nothing", async () => {
    const secrets = [seeded.noteId, seeded.session.id, seeded.session.patientRef, PHI_TEXT];
    const swept = ops.filter((o) => o.path.includes('{id}'));
    expect(swept.length).toBeGreaterThanOrEqual(8);
    for (const o of swept) {
      const res = await t.app.inject(requestFor(o, stranger));
      const what = `${o.method.toUpperCase()} ${o.path}`;
      expect(res.statusCode, what).toBe(404);
      expect(res.json().error.code, what).toBe('NOT_FOUND');
      for (const s of secrets) expect(res.body, what).not.toContain(s);
      expect(JSON.stringify(res.headers), what).not.toContain(seeded.noteId);
    }
    // Nothing happened to the owner's records.
    const note = (await t.app.inject({ method: 'GET', url: `/v1/notes/${seeded.noteId}`, headers: bearer(owner) })).json().note;
    expect(note).toMatchObject({ status: 'draft', version: 1 });
    const session = (await t.app.inject({ method: 'GET', url: `/v1/sessions/${seeded.session.id}`, headers: bearer(owner) })).json().session;
    expect(session.status).toBe('drafted');
  });

  it("list endpoints answer the other organisation without the owner's records", async () => {
    for (const o of ops.filter((x) => x.method === 'get' && !x.path.includes('{id}'))) {
      const res = await t.app.inject(requestFor(o, stranger));
      expect(res.statusCode, o.path).toBe(200);
      for (const s of [seeded.noteId, seeded.session.id, seeded.session.patientRef, PHI_TEXT]) expect(res.body, o.path).not.toContain(s);
    }
    const audit = await t.app.inject({ method: 'GET', url: `/v1/audit?resourceId=${seeded.noteId}`, headers: bearer(stranger) });
    expect(audit.json().events).toEqual([]);
  });
});
