/**
 * Single-note reads go through one statement per batch of concurrent requests (createNoteReader)
 * and their audit rows through a group commit (createAuditWriter). These check that the batched
 * path answers exactly what the two-query path did, never crosses organisations, and still leaves
 * one committed audit row per read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNoteReader, getNote, getNotesWithHistory, getNoteWithHistory, getReviewHistories } from '@scribe/db';
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

describe('batched note reads', () => {
  it('answer exactly what getNote + getReviewHistories answer, by id, by session and in a batch', async () => {
    const note = await getNote(t.db.pool, a.orgId, { id: a.noteId });
    const history = (await getReviewHistories(t.db.pool, [a.noteId])).get(a.noteId);
    expect(history?.revisions).toHaveLength(3);
    const expected = { note, history };
    expect(await getNoteWithHistory(t.db.pool, a.orgId, { id: a.noteId })).toEqual(expected);
    expect(await getNoteWithHistory(t.db.pool, a.orgId, { sessionId: a.session.id })).toEqual(expected);
    const [one, other, again] = await getNotesWithHistory(t.db.pool, [
      { orgId: a.orgId, id: a.noteId }, { orgId: b.orgId, id: b.noteId }, { orgId: a.orgId, id: a.noteId },
    ]);
    expect(one).toEqual(expected);
    expect(again).toEqual(expected);
    expect(other?.note.id).toBe(b.noteId);
  });

  it('never return another organisation\'s note, even in a batch with that organisation\'s own read', async () => {
    const answers = await getNotesWithHistory(t.db.pool, [
      { orgId: b.orgId, id: a.noteId }, { orgId: a.orgId, id: a.noteId }, { orgId: a.orgId, id: b.noteId },
    ]);
    expect(answers.map((x) => x?.note.id ?? null)).toEqual([null, a.noteId, null]);
    expect(await getNoteWithHistory(t.db.pool, b.orgId, { id: a.noteId })).toBeNull();
  });

  it('see a write committed before the read was made', async () => {
    const reader = createNoteReader(t.db.pool);
    const before = await reader.byId(b.orgId, b.noteId);
    const res = await t.app.inject({ method: 'PATCH', url: `/v1/notes/${b.noteId}`, headers: bearer(keyB, { 'x-clinician-id': 'emr-clin-7', 'if-match': String(before!.note.version) }), payload: { statements: [{ section: 'plan', id: 'p2', delete: true }] } });
    expect(res.statusCode).toBe(200);
    expect((await reader.byId(b.orgId, b.noteId))?.note.version).toBe(before!.note.version + 1);
  });

  it('over the API: concurrent reads from two organisations each get their own note or 404, and every 200 leaves its own audit row', async () => {
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
