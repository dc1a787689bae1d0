import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhook, ensureOrganisation } from '@scribe/db';
import { createTestApi, bearer, type TestApi } from '../../../test/helpers/api.ts';
import { PHI_MARKER } from '../../../test/helpers/fixtures.ts';
import { PHI_TEXT, seedDraft } from './helpers/notes-fixtures.ts';
import { checkDocumentBundle, resourcesOf } from './helpers/fhir-r4-check.ts';

let t: TestApi;
let key: string;
const ORG = 'clinic-signoff';
type R = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const sign = (id: string, headers: Record<string, string>) => t.app.inject({ method: 'POST', url: `/v1/notes/${id}/sign`, headers });
const signer = (extra: Record<string, string> = {}) => bearer(key, { 'x-clinician-id': 'emr-clin-9', ...extra });

beforeAll(async () => {
  t = await createTestApi(import.meta.filename);
  key = await t.key(ORG);
});
afterAll(() => t.close());

describe('POST /v1/notes/{id}/sign', () => {
  it('signs on the clinician call: status signed, signature, version + 1, aiGenerated kept; then the note is frozen (409)', async () => {
    const { noteId } = await seedDraft(t, ORG, key);
    const res = await sign(noteId, signer());
    expect(res.statusCode).toBe(200);
    const { note } = res.json();
    expect(note).toMatchObject({ status: 'signed', version: 2, aiGenerated: true, signature: { clinicianRef: 'emr-clin-9', signedAt: expect.any(String) } });
    expect(res.headers.etag).toBe('"2"');

    const edit = await t.app.inject({ method: 'PATCH', url: `/v1/notes/${noteId}`, headers: signer({ 'if-match': '2' }), payload: { statements: [{ section: 'plan', id: 'p1', text: 'x' }] } });
    expect([edit.statusCode, edit.json().error.code]).toEqual([409, 'NOTE_SIGNED']);
    const again = await sign(noteId, signer());
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'NOTE_SIGNED']);
    const read = (await t.app.inject({ method: 'GET', url: `/v1/notes/${noteId}`, headers: bearer(key) })).json().note;
    expect(read).toMatchObject({ status: 'signed', version: 2, aiGenerated: true });
  });

  it('refuses without the notes:sign scope (403) or X-Clinician-Id (400), and with a stale If-Match (412); nothing changes', async () => {
    const { noteId } = await seedDraft(t, ORG, key);
    const writer = await t.key(ORG, ['notes:read', 'notes:write']);
    const cases: [Record<string, string>, number, string][] = [
      [bearer(writer, { 'x-clinician-id': 'emr-clin-9' }), 403, 'FORBIDDEN'],
      [bearer(key), 400, 'CLINICIAN_REQUIRED'],
      [signer({ 'if-match': '5' }), 412, 'VERSION_MISMATCH'],
      [signer({ 'if-match': 'latest' }), 400, 'INVALID_IF_MATCH'],
    ];
    for (const [headers, status, code] of cases) {
      const res = await sign(noteId, headers);
      expect([res.statusCode, res.json().error.code]).toEqual([status, code]);
    }
    const { rows } = await t.db.pool.query('SELECT status, version, signature FROM notes WHERE id = $1', [noteId]);
    expect(rows[0]).toEqual({ status: 'draft', version: 1, signature: null });
    expect((await sign(noteId, signer({ 'if-match': '1' }))).statusCode).toBe(200);
  });

  it('the database itself refuses to change a signed note (backstop to 409) or to sign without a signature', async () => {
    const { noteId } = await seedDraft(t, ORG, key);
    await t.db.pool.query('UPDATE notes SET status = $2 WHERE id = $1', [noteId, 'draft']); // allowed on a draft
    await expect(t.db.pool.query(`UPDATE notes SET status = 'signed' WHERE id = $1`, [noteId])).rejects.toThrow(/notes_signature_iff_signed/);
    await sign(noteId, signer());
    await expect(t.db.pool.query(`UPDATE notes SET sections = '{}'::jsonb WHERE id = $1`, [noteId])).rejects.toThrow(/is signed and cannot change/);
    await expect(t.db.pool.query(`UPDATE notes SET status = 'draft', signature = NULL WHERE id = $1`, [noteId])).rejects.toThrow(/is signed/);
    await expect(t.db.pool.query(`UPDATE note_revisions SET changes = '[]' WHERE note_id = $1`, [noteId])).rejects.toThrow(/append-only/);
  });

  it('announces note.signed: a delivery row (ids only) per subscribed webhook, queued by id after the commit', async () => {
    const orgId = await ensureOrganisation(t.db.pool, ORG);
    await createWebhook(t.db.pool, orgId, { url: 'http://127.0.0.1:9/hook', events: ['note.signed'], secret: 'a-secret-of-16-chars' });
    const { noteId, session } = await seedDraft(t, ORG, key);
    expect((await sign(noteId, signer())).statusCode).toBe(200);
    const { rows } = await t.db.pool.query(`SELECT id, payload, status FROM webhook_deliveries WHERE event_type = 'note.signed' AND payload->'data'->>'noteId' = $1`, [noteId]);
    expect(rows).toHaveLength(1);
    expect(rows[0].status).toBe('pending');
    expect(rows[0].payload).toMatchObject({ type: 'note.signed', data: { sessionId: session.id, noteId } });
    expect(JSON.stringify(rows[0].payload)).not.toContain(PHI_MARKER);
    const job = await t.deps.webhooks.getJob(`webhook-${rows[0].id}`);
    expect(job?.data).toEqual({ deliveryId: rows[0].id });
  });
});

describe('GET /v1/notes/{id}/fhir', () => {
  it('exports a draft and then the signed note as valid R4 document bundles, and audits each export', async () => {
    const { noteId, session } = await seedDraft(t, ORG, key);
    const draftRes = await t.app.inject({ method: 'GET', url: `/v1/notes/${noteId}/fhir`, headers: bearer(key) });
    expect(draftRes.statusCode).toBe(200);
    expect(draftRes.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const draft: R = draftRes.json();
    expect(checkDocumentBundle(draft)).toEqual([]);
    expect(resourcesOf(draft, 'Composition')[0]).toMatchObject({ status: 'preliminary', meta: { security: [{ code: 'AIAST' }] } });
    expect(resourcesOf(draft, 'Patient')[0]).toMatchObject({ identifier: [{ value: session.patientRef }] });
    expect(JSON.stringify(draft)).toContain(PHI_TEXT); // the note's own text goes to its owner

    await sign(noteId, signer());
    const signed: R = (await t.app.inject({ method: 'GET', url: `/v1/notes/${noteId}/fhir`, headers: bearer(key) })).json();
    expect(checkDocumentBundle(signed)).toEqual([]);
    expect(resourcesOf(signed, 'Composition')[0]).toMatchObject({ status: 'final', meta: { security: [{ code: 'CLINAST_AIRPT' }] } });
    expect(resourcesOf(signed, 'DocumentReference')[0]).toMatchObject({ status: 'current', docStatus: 'final' });
    expect(resourcesOf(signed, 'Practitioner')[0]).toMatchObject({ identifier: [{ value: 'emr-clin-9' }] });
    expect((resourcesOf(signed, 'Provenance')[0] as R).agent.map((a: R) => a.type.coding[0].code)).toEqual(['author', 'verifier']);
    expect(signed.identifier).not.toEqual(draft.identifier);
    const { rows } = await t.db.pool.query(`SELECT count(*)::int n FROM audit_events WHERE resource_id = $1 AND action = 'note.export'`, [noteId]);
    expect(rows[0].n).toBe(2);
  });
});

describe('GET /v1/audit', () => {
  it('lists who read, edited, signed and exported a note, newest first, scoped to the organisation', async () => {
    const { noteId } = await seedDraft(t, ORG, key);
    await t.app.inject({ method: 'GET', url: `/v1/notes/${noteId}`, headers: bearer(key, { 'x-clinician-id': 'emr-clin-7' }) });
    await t.app.inject({ method: 'PATCH', url: `/v1/notes/${noteId}`, headers: bearer(key, { 'x-clinician-id': 'emr-clin-7', 'if-match': '1' }), payload: { statements: [{ section: 'plan', id: 'p1', text: 'edited' }] } });
    await t.app.inject({ method: 'GET', url: `/v1/notes/${noteId}/revisions`, headers: bearer(key) });
    await sign(noteId, signer());
    await t.app.inject({ method: 'GET', url: `/v1/notes/${noteId}/fhir`, headers: bearer(key) });

    const auditor = await t.key(ORG, ['audit:read']);
    const res = await t.app.inject({ method: 'GET', url: `/v1/audit?resourceId=${noteId}`, headers: bearer(auditor) });
    expect(res.statusCode).toBe(200);
    const events = res.json().events;
    expect(events.map((e: { action: string }) => e.action)).toEqual(['note.export', 'note.sign', 'note.read_revisions', 'note.edit', 'note.read']);
    expect(events[1]).toMatchObject({ actor: expect.stringMatching(/^key:/), clinicianRef: 'emr-clin-9', resourceType: 'note', resourceId: noteId, at: expect.any(String) });
    expect(events[3].clinicianRef).toBe('emr-clin-7');

    expect((await t.app.inject({ method: 'GET', url: `/v1/audit?resourceId=${noteId}&limit=2`, headers: bearer(auditor) })).json().events).toHaveLength(2);
    expect((await t.app.inject({ method: 'GET', url: '/v1/audit', headers: bearer(await t.key(ORG, ['notes:read'])) })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/v1/audit?resourceId=nope', headers: bearer(auditor) })).statusCode).toBe(400);
    const stranger = await t.key('clinic-elsewhere', ['audit:read']);
    expect((await t.app.inject({ method: 'GET', url: `/v1/audit?resourceId=${noteId}`, headers: bearer(stranger) })).json().events).toEqual([]);
  });
});

describe('logs', () => {
  it('carry no note text and no patient refs', () => {
    const text = t.logLines().join('\n');
    expect(text).not.toContain(PHI_TEXT);
    expect(text).not.toContain(PHI_MARKER);
  });
});
