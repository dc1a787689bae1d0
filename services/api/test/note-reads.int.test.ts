/**
 * GET /v1/notes/{id} reads through one statement per batch of concurrent requests that also
 * writes their audit rows (readNotesAudited / createAuditedNoteReader), and answers a note
 * unchanged since this process last sent it with the body it sent then. These check that the
 * batched path answers exactly what the two-query path did, never crosses organisations, leaves
 * one committed audit row per read (cached or not), and never serves a stale body.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditedNoteReader, getNote, getNoteWithHistory, getReviewHistories, readNotesAudited, type AuditedNoteRead } from '@scribe/db';
import { bearer, createTestApi, type TestApi } from '../../../test/helpers/api.ts';
import { PHI_TEXT, seedDraft, type SeededNote } from './helpers/notes-fixtures.ts';

let t: TestApi;
let keyA: string;
let keyB: string;
let a: SeededNote;
let b: SeededNote;
beforeAll(async () => {
  t = await createTestApi(import.meta.filename);
  keyA = await t.key('clinic-reads-a');
  keyB = await t.key('clinic-reads-b');
  a = await seedDraft(t, 'clinic-reads-a', keyA);
  b = await seedDraft(t, 'clinic-reads-b', keyB);
  // Two clinician edits, so the history has several revisions with actors, clinicians and times.
  const clin = bearer(keyA, { 'x-clinician-id': 'emr-clin-7' });
  for (const [version, text] of [[1, `Knee pain 2/10 ${PHI_TEXT}`], [2, `Knee pain 1/10 ${PHI_TEXT}`]] as const) {
    const res = await t.app.inject({ method: 'PATCH', url: `/v1/notes/${a.noteId}`, headers: { ...clin, 'if-match': String(version) }, payload: { statements: [{ section: 'subjective', id: 's1', text }] } });
    expect(res.statusCode).toBe(200);
  }
});
afterAll(() => t.close());

const actor = (requestId: string): AuditedNoteRead['actor'] => ({ actorKeyId: null, actor: 'system:test', requestId });
const auditRows = async (requestId: string) =>
  (await t.db.pool.query<{ org_id: string; resource_id: string; action: string; actor: string }>(
    'SELECT org_id, resource_id, action, actor FROM audit_events WHERE request_id = $1 ORDER BY id', [requestId])).rows;

describe('batched note reads', () => {
  it('answer exactly what getNote + getReviewHistories answer, by id, by session and in a batch', async () => {
    const note = await getNote(t.db.pool, a.orgId, { id: a.noteId });
    const history = (await getReviewHistories(t.db.pool, [a.noteId])).get(a.noteId);
    expect(history?.revisions).toHaveLength(3);
    const expected = { note, history };
    expect(await getNoteWithHistory(t.db.pool, a.orgId, { id: a.noteId })).toEqual(expected);
    expect(await getNoteWithHistory(t.db.pool, a.orgId, { sessionId: a.session.id })).toEqual(expected);
    const [one, other, again] = await readNotesAudited(t.db.pool, [
      { orgId: a.orgId, id: a.noteId, actor: actor('batch-1') }, { orgId: b.orgId, id: b.noteId, actor: actor('batch-2') },
      { orgId: a.orgId, id: a.noteId, actor: actor('batch-3') },
    ]);
    expect(one?.found).toEqual(expected);
    expect(again?.found).toEqual(expected);
    expect(one?.tag).toBe(again?.tag);
    expect(other?.found?.note.id).toBe(b.noteId);
    // Each read found leaves its own note.read row, committed with the read.
    expect(await auditRows('batch-1')).toEqual([{ org_id: a.orgId, resource_id: a.noteId, action: 'note.read', actor: 'system:test' }]);
    expect(await auditRows('batch-2')).toEqual([{ org_id: b.orgId, resource_id: b.noteId, action: 'note.read', actor: 'system:test' }]);
  });

  it('never return another organisation\'s note, even in a batch with that organisation\'s own read, and audit only what was found', async () => {
    const answers = await readNotesAudited(t.db.pool, [
      { orgId: b.orgId, id: a.noteId, actor: actor('cross-1') }, { orgId: a.orgId, id: a.noteId, actor: actor('cross-2') },
      { orgId: a.orgId, id: b.noteId, actor: actor('cross-3') },
    ]);
    expect(answers.map((x) => x?.found?.note.id ?? null)).toEqual([null, a.noteId, null]);
    expect([answers[0], answers[2]]).toEqual([null, null]);
    expect(await getNoteWithHistory(t.db.pool, b.orgId, { id: a.noteId })).toBeNull();
    expect(await auditRows('cross-1')).toEqual([]);
    expect(await auditRows('cross-3')).toEqual([]);
    expect(await auditRows('cross-2')).toHaveLength(1);
  });

  it('send only the tag when the caller\'s copy is current, a new tag and the note after any change, and audit every read', async () => {
    const first = await readNotesAudited(t.db.pool, [{ orgId: b.orgId, id: b.noteId, actor: actor('tag-1') }]);
    const tag = first[0]!.tag;
    expect(first[0]!.found?.note.id).toBe(b.noteId);
    expect(await readNotesAudited(t.db.pool, [{ orgId: b.orgId, id: b.noteId, actor: actor('tag-2'), known: tag }])).toEqual([{ tag, found: null }]);
    // Another organisation naming the same tag gets nothing, not "unchanged".
    expect(await readNotesAudited(t.db.pool, [{ orgId: a.orgId, id: b.noteId, actor: actor('tag-3'), known: tag }])).toEqual([null]);
    // Any write to the row gives it a new tag, even one that leaves the version alone.
    await t.db.pool.query('UPDATE notes SET clinician_ref = clinician_ref WHERE id = $1', [b.noteId]);
    const after = await readNotesAudited(t.db.pool, [{ orgId: b.orgId, id: b.noteId, actor: actor('tag-4'), known: tag }]);
    expect(after[0]!.tag).not.toBe(tag);
    expect(after[0]!.found?.note).toEqual(first[0]!.found?.note);
    for (const id of ['tag-1', 'tag-2', 'tag-4']) expect(await auditRows(id)).toHaveLength(1);
    expect(await auditRows('tag-3')).toEqual([]);
  });

  it('see a write committed before the read was made', async () => {
    const reader = createAuditedNoteReader(t.db.pool);
    const before = await reader.read({ orgId: b.orgId, id: b.noteId, actor: actor('seen-1') });
    const res = await t.app.inject({ method: 'PATCH', url: `/v1/notes/${b.noteId}`, headers: bearer(keyB, { 'x-clinician-id': 'emr-clin-7', 'if-match': String(before!.found!.note.version) }), payload: { statements: [{ section: 'plan', id: 'p2', delete: true }] } });
    expect(res.statusCode).toBe(200);
    const after = await reader.read({ orgId: b.orgId, id: b.noteId, actor: actor('seen-2'), known: before!.tag });
    expect(after?.found?.note.version).toBe(before!.found!.note.version + 1);
  });

  it('over the API: a repeated read sends the same bytes as the uncached path, and an edit is seen by the very next read', async () => {
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: bearer(keyA) });
    const [r1, r2, viaSession] = [await get(`/v1/notes/${a.noteId}`), await get(`/v1/notes/${a.noteId}`), await get(`/v1/sessions/${a.session.id}/note`)];
    for (const r of [r1, r2, viaSession]) expect(r.statusCode).toBe(200);
    expect(r2.body).toBe(r1.body);
    expect(r1.body).toBe(viaSession.body);
    expect(r1.headers['content-type']).toBe(viaSession.headers['content-type']);
    expect(r1.headers.etag).toBe(viaSession.headers.etag);
    const version = r1.json().note.version as number;
    const edit = await t.app.inject({ method: 'PATCH', url: `/v1/notes/${a.noteId}`, headers: bearer(keyA, { 'x-clinician-id': 'emr-clin-7', 'if-match': String(version) }), payload: { statements: [{ section: 'subjective', id: 's1', text: `Knee pain 0/10 ${PHI_TEXT}` }] } });
    expect(edit.statusCode).toBe(200);
    const r3 = await get(`/v1/notes/${a.noteId}`);
    expect(r3.json().note.version).toBe(version + 1);
    expect(r3.headers.etag).toBe(`"${version + 1}"`);
    expect(r3.body).toBe(edit.body);
    const reads = await t.db.pool.query(`SELECT 1 FROM audit_events WHERE action = 'note.read' AND request_id = ANY($1)`, [[r1, r2, r3].map((r) => String(r.headers['x-request-id']))]);
    expect(reads.rowCount).toBe(3);
  });

  it('over the API, with the first organisation\'s note already held: concurrent reads from two organisations each get their own note or 404, and every 200 leaves its own audit row', async () => {
    const reads = Array.from({ length: 30 }, (_, i) => {
      const [key, id] = ([[keyA, a.noteId], [keyB, b.noteId], [keyB, a.noteId]] as const)[i % 3]!;
      return t.app.inject({ method: 'GET', url: `/v1/notes/${id}`, headers: bearer(key) }).then((res) => ({ res, id, crossOrg: key === keyB && id === a.noteId }));
    });
    const done = await Promise.all(reads);
    for (const { res, id, crossOrg } of done) {
      expect(res.statusCode).toBe(crossOrg ? 404 : 200);
      if (!crossOrg) expect(res.json().note.id).toBe(id);
    }
    const okIds = done.filter((d) => !d.crossOrg).map((d) => String(d.res.headers['x-request-id']));
    const { rows } = await t.db.pool.query<{ request_id: string }>(`SELECT request_id FROM audit_events WHERE action = 'note.read' AND request_id = ANY($1)`, [okIds]);
    expect(rows.map((r) => r.request_id).sort()).toEqual([...okIds].sort());
  });
});
