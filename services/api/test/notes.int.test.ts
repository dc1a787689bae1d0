import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, bearer, type TestApi } from '../../../test/helpers/api.ts';
import { PHI_MARKER, sessionBody } from '../../../test/helpers/fixtures.ts';
import { PHI_TEXT, seedDraft } from './helpers/notes-fixtures.ts';

let t: TestApi;
let key: string;
const ORG = 'clinic-notes';
const count = async (sql: string, params: unknown[] = []) => Number((await t.db.pool.query(sql, params)).rows[0].n);
const clin = (extra: Record<string, string> = {}) => bearer(key, { 'x-clinician-id': 'emr-clin-7', ...extra });
const patch = (id: string, payload: unknown, headers: Record<string, string>) => t.app.inject({ method: 'PATCH', url: `/v1/notes/${id}`, headers, payload: payload as object });
const getNote = async (id: string) => (await t.app.inject({ method: 'GET', url: `/v1/notes/${id}`, headers: bearer(key) })).json().note;

beforeAll(async () => {
  t = await createTestApi(import.meta.filename);
  key = await t.key(ORG);
});
afterAll(() => t.close());

describe('reading notes', () => {
  it('GET /v1/notes/{id} and /v1/sessions/{id}/note return the note with review telemetry, an ETag, and an audit event', async () => {
    const { noteId, session } = await seedDraft(t, ORG, key);
    const res = await t.app.inject({ method: 'GET', url: `/v1/notes/${noteId}`, headers: bearer(key) });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    const { note } = res.json();
    expect(note).toMatchObject({ id: noteId, sessionId: session.id, clinicianRef: 'emr-clin-7', status: 'draft', version: 1, aiGenerated: true, signature: null });
    expect(note.sections.subjective[0]).toMatchObject({ id: 's1', origin: 'ai', evidence: ['u1'] });
    expect(note.review).toMatchObject({ aiWords: 29, aiWordsKept: 29, aiTextKeptShare: 1, revisionCount: 1, editCount: 0, signedAt: null });
    const bySession = await t.app.inject({ method: 'GET', url: `/v1/sessions/${session.id}/note`, headers: bearer(key) });
    expect(bySession.json().note.id).toBe(noteId);
    expect(await count(`SELECT count(*) n FROM audit_events WHERE resource_id = $1 AND action = 'note.read'`, [noteId])).toBe(2);
  });

  it('answers 404 for a session without a note yet and for an unknown note', async () => {
    const s = (await t.app.inject({ method: 'POST', url: '/v1/sessions', headers: bearer(key), payload: sessionBody() })).json().session;
    expect((await t.app.inject({ method: 'GET', url: `/v1/sessions/${s.id}/note`, headers: bearer(key) })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/v1/notes/00000000-0000-4000-8000-000000000000', headers: bearer(key) })).json().error.code).toBe('NOT_FOUND');
  });

  it('lists newest first with cursor paging and status / clinician filters', async () => {
    const pager = await t.key('clinic-list');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await seedDraft(t, 'clinic-list', pager, { clinicianRef: i % 2 ? 'emr-clin-odd' : 'emr-clin-even' })).noteId);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { notes: { id: string }[]; nextCursor: string | null } = (await t.app.inject({ method: 'GET', url: `/v1/notes?limit=2${cursor ? `&cursor=${cursor}` : ''}`, headers: bearer(pager) })).json();
      seen.push(...page.notes.map((n: { id: string }) => n.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    const odd = (await t.app.inject({ method: 'GET', url: '/v1/notes?clinicianRef=emr-clin-odd', headers: bearer(pager) })).json();
    expect(odd.notes.map((n: { id: string }) => n.id)).toEqual([ids[3], ids[1]]);
    await t.app.inject({ method: 'POST', url: `/v1/notes/${ids[0]}/sign`, headers: bearer(pager, { 'x-clinician-id': 'emr-clin-even' }) });
    const signed = (await t.app.inject({ method: 'GET', url: '/v1/notes?status=signed', headers: bearer(pager) })).json();
    expect(signed.notes.map((n: { id: string }) => n.id)).toEqual([ids[0]]);
    expect(signed.notes[0].review.signedAt).toEqual(expect.any(String));
    expect((await t.app.inject({ method: 'GET', url: '/v1/notes?status=final', headers: bearer(pager) })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/v1/notes?cursor=bogus', headers: bearer(pager) })).json().error.code).toBe('INVALID_CURSOR');
  });
});

describe('PATCH /v1/notes/{id}', () => {
  it('edits, adds and deletes as one new revision (version + 1) with origin bookkeeping; aiGenerated stays true', async () => {
    const { noteId } = await seedDraft(t, ORG, key);
    const res = await patch(noteId, { statements: [
      { section: 'subjective', id: 's1', text: `Patient reports left knee pain 3/10 ${PHI_TEXT}` },
      { section: 'plan', text: `Home exercise program reviewed ${PHI_TEXT}` },
      { section: 'subjective', id: 's2', delete: true },
    ] }, clin({ 'if-match': '1' }));
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    const { note } = res.json();
    expect(note).toMatchObject({ version: 2, status: 'draft', aiGenerated: true });
    expect(note.sections.subjective).toEqual([{ id: 's1', text: `Patient reports left knee pain 3/10 ${PHI_TEXT}`, origin: 'ai_edited', evidence: ['u1'] }]);
    const added = note.sections.plan[2];
    expect(added).toEqual({ id: 'p-v2-1', text: `Home exercise program reviewed ${PHI_TEXT}`, origin: 'clinician', evidence: [] });

    const again = await patch(noteId, { statements: [
      { section: 'plan', id: added.id, text: `Home exercise program reviewed and updated ${PHI_TEXT}` },
      { section: 'subjective', id: 's1', text: `Patient reports left knee pain 4/10 ${PHI_TEXT}` },
    ] }, clin({ 'if-match': '"2"' }));
    const v3 = again.json().note;
    expect(v3.version).toBe(3);
    expect(v3.sections.plan[2].origin).toBe('clinician');
    expect(v3.sections.subjective[0].origin).toBe('ai_edited');
    expect(v3.sections.subjective.map((s: { id: string }) => s.id)).not.toContain('s2');
    expect(v3.aiGenerated).toBe(true);
    expect(await count('SELECT count(*) n FROM note_revisions WHERE note_id = $1', [noteId])).toBe(3);
    expect(await count(`SELECT count(*) n FROM audit_events WHERE resource_id = $1 AND action = 'note.edit' AND clinician_ref = 'emr-clin-7'`, [noteId])).toBe(2);
  });

  it('needs If-Match (428), a well-formed one (400), the current version (412), X-Clinician-Id (400) and the scope (403)', async () => {
    const { noteId } = await seedDraft(t, ORG, key);
    const body = { statements: [{ section: 'plan', id: 'p1', text: 'x' }] };
    const cases: [Record<string, string>, number, string][] = [
      [clin(), 428, 'PRECONDITION_REQUIRED'],
      [clin({ 'if-match': '*' }), 400, 'INVALID_IF_MATCH'],
      [clin({ 'if-match': '7' }), 412, 'VERSION_MISMATCH'],
      [bearer(key, { 'if-match': '1' }), 400, 'CLINICIAN_REQUIRED'],
      [bearer(await t.key(ORG, ['notes:read']), { 'if-match': '1', 'x-clinician-id': 'c' }), 403, 'FORBIDDEN'],
    ];
    for (const [headers, status, code] of cases) {
      const res = await patch(noteId, body, headers);
      expect([res.statusCode, res.json().error.code]).toEqual([status, code]);
    }
    expect((await getNote(noteId)).version).toBe(1);
  });

  it('refuses unknown statement ids (422) and sections (400) and writes nothing', async () => {
    const { noteId } = await seedDraft(t, ORG, key);
    const unknown = await patch(noteId, { statements: [{ section: 'plan', id: 'p1', text: 'ok' }, { section: 'plan', id: 'p99', text: 'x' }] }, clin({ 'if-match': '1' }));
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error).toMatchObject({ code: 'UNKNOWN_STATEMENT', details: { section: 'plan', id: 'p99' } });
    const badSection = await patch(noteId, { statements: [{ section: 'history', text: 'x' }] }, clin({ 'if-match': '1' }));
    expect([badSection.statusCode, badSection.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const dup = await patch(noteId, { codingLines: [{ code: '97110', units: 1 }, { code: '97110', units: 1 }] }, clin({ 'if-match': '1' }));
    expect(dup.json().error.code).toBe('DUPLICATE_CODING_LINE');
    const note = await getNote(noteId);
    expect(note.version).toBe(1);
    expect(note.sections.plan[0].text).not.toBe('ok');
    expect(await count('SELECT count(*) n FROM note_revisions WHERE note_id = $1', [noteId])).toBe(1);
  });

  it('answers a PATCH that changes nothing with the note as it is (same version, no revision)', async () => {
    const { noteId } = await seedDraft(t, ORG, key);
    const same = await patch(noteId, { statements: [{ section: 'plan', id: 'p2', text: 'Progress step-ups next visit' }] }, clin({ 'if-match': '1' }));
    expect(same.statusCode).toBe(200);
    expect(same.json().note.version).toBe(1);
    expect(await count('SELECT count(*) n FROM note_revisions WHERE note_id = $1', [noteId])).toBe(1);
    const empty = await patch(noteId, {}, clin({ 'if-match': '1' }));
    expect([empty.statusCode, empty.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('lets exactly one of concurrent PATCHes with the same version win; the others get 412', async () => {
    const { noteId } = await seedDraft(t, ORG, key);
    const ids = ['s1', 's2', 'o1', 'a1', 'p1', 'p2'] as const;
    const sections = { s1: 'subjective', s2: 'subjective', o1: 'objective', a1: 'assessment', p1: 'plan', p2: 'plan' } as const;
    const results = await Promise.all(ids.map((id) => patch(noteId, { statements: [{ section: sections[id], id, text: `racer ${id}` }] }, clin({ 'if-match': '1' }))));
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, 412, 412, 412, 412, 412]);
    for (const r of results.filter((x) => x.statusCode === 412)) expect(r.json().error.code).toBe('VERSION_MISMATCH');
    const note = await getNote(noteId);
    expect(note.version).toBe(2);
    expect(Object.values(note.sections).flat().filter((s) => (s as { text: string }).text.startsWith('racer'))).toHaveLength(1);
    expect((await t.db.pool.query('SELECT version FROM note_revisions WHERE note_id = $1 ORDER BY version', [noteId])).rows.map((r) => r.version)).toEqual([1, 2]);
  });
});

describe('revisions and review telemetry', () => {
  it('lists every revision in order and computes telemetry for a scripted review (draft -> 2 edits -> sign)', async () => {
    const { noteId } = await seedDraft(t, ORG, key);
    await patch(noteId, { statements: [
      { section: 'subjective', id: 's1', text: `Patient reports left knee pain 3/10 ${PHI_TEXT}` },
      { section: 'plan', text: `Home exercise program reviewed ${PHI_TEXT}` },
      { section: 'subjective', id: 's2', delete: true },
    ] }, clin({ 'if-match': '1' }));
    await patch(noteId, {
      statements: [
        { section: 'subjective', id: 's1', text: `Patient reports left knee pain 4/10 ${PHI_TEXT}` },
        { section: 'plan', id: 'p-v2-1', text: `Home exercise program reviewed and printed ${PHI_TEXT}` },
      ],
      codingLines: [{ code: '97110', minutes: 25, units: 2, modifiers: ['GP'] }, { code: '97530', minutes: 15, units: 1, modifiers: ['GP'] }],
    }, clin({ 'if-match': '2' }));
    const signRes = await t.app.inject({ method: 'POST', url: `/v1/notes/${noteId}/sign`, headers: bearer(key, { 'x-clinician-id': 'emr-clin-9', 'if-match': '3' }) });
    expect(signRes.statusCode).toBe(200);
    const note = signRes.json().note;

    const revs = (await t.app.inject({ method: 'GET', url: `/v1/notes/${noteId}/revisions`, headers: bearer(key) })).json().revisions;
    expect(revs.map((r: { version: number }) => r.version)).toEqual([1, 2, 3, 4]);
    expect(revs[0]).toMatchObject({ actor: 'system:drafter', changes: [{ type: 'drafted', engine: 'offline-therapy-drafter' }] });
    expect(revs[0].clinicianRef).toBeUndefined();
    expect(revs[1]).toMatchObject({ actor: expect.stringMatching(/^key:/), clinicianRef: 'emr-clin-7' });
    expect(revs[1].changes).toEqual([
      { type: 'statement_edited', section: 'subjective', id: 's1', before: `Patient reports right knee pain 3/10 ${PHI_TEXT}`, after: `Patient reports left knee pain 3/10 ${PHI_TEXT}` },
      { type: 'statement_added', section: 'plan', id: 'p-v2-1', after: `Home exercise program reviewed ${PHI_TEXT}` },
      { type: 'statement_deleted', section: 'subjective', id: 's2', before: 'Patient denies numbness' },
    ]);
    expect(revs[2].changes.map((c: { type: string }) => c.type)).toEqual(['statement_edited', 'statement_edited', 'coding_replaced']);
    expect(revs[3]).toMatchObject({ clinicianRef: 'emr-clin-9', changes: [{ type: 'signed', clinicianRef: 'emr-clin-9' }] });
    for (let i = 1; i < revs.length; i++) expect(Date.parse(revs[i].at)).toBeGreaterThanOrEqual(Date.parse(revs[i - 1].at));

    // 29 AI words drafted; s1 keeps 5 of 7 (right->left, 3/10->4/10), s2's 3 are deleted: 24 kept.
    expect(note.review).toEqual({
      draftedAt: revs[0].at,
      signedAt: note.signature.signedAt,
      draftToSignSec: (Date.parse(note.signature.signedAt) - Date.parse(revs[0].at)) / 1000,
      revisionCount: 4,
      editCount: 2,
      aiWords: 29,
      aiWordsKept: 24,
      aiTextKeptShare: 0.8276,
      editsBySection: {
        subjective: { edited: 2, added: 0, deleted: 1 },
        objective: { edited: 0, added: 0, deleted: 0 },
        assessment: { edited: 0, added: 0, deleted: 0 },
        plan: { edited: 1, added: 1, deleted: 0 },
      },
      codingReplacements: 1,
      statements: { ai: 4, ai_edited: 1, clinician: 1 },
    });
    expect(note.signature.signedAt).toBe(revs[3].at);
    expect(note.coding.totalTimedMinutes).toBe(40);
    expect(note.review.draftToSignSec).toBeGreaterThanOrEqual(0);
  });
});

describe('logs', () => {
  it('carry no note text and no patient refs', () => {
    const text = t.logLines().join('\n');
    expect(t.logLines().length).toBeGreaterThan(10);
    expect(text).not.toContain(PHI_TEXT);
    expect(text).not.toContain(PHI_MARKER);
  });
});
