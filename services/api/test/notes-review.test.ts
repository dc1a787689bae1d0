import { describe, expect, it } from 'vitest';
import { AppError, PatchNoteBody, type Note, type NoteRevision } from '@scribe/domain';
import { applyPatch } from '../src/notes/apply-patch.ts';
import { computeReview } from '../src/notes/review.ts';
import { commonWords, words } from '../src/notes/words.ts';
import { parseIfMatch } from '../src/notes/if-match.ts';
import { draftCoding, draftSections } from './helpers/notes-fixtures.ts';

const body = (b: unknown) => PatchNoteBody.parse(b);
const draft = () => ({ sections: draftSections(), coding: draftCoding() });
const code = (fn: () => unknown) => {
  try { fn(); } catch (e) { return e instanceof AppError ? `${e.statusCode} ${e.code}` : String(e); }
  return 'no error';
};

describe('applyPatch', () => {
  it('marks an edited AI statement ai_edited, adds clinician statements with no evidence, deletes, and keeps the input untouched', () => {
    const before = draft();
    const r = applyPatch(before, body({ statements: [
      { section: 'subjective', id: 's1', text: 'Patient reports left knee pain' },
      { section: 'plan', text: 'Home program reviewed' },
      { section: 'plan', text: 'Ice after sessions' },
      { section: 'subjective', id: 's2', delete: true },
    ] }), 2);
    expect(r.sections.subjective).toEqual([{ id: 's1', text: 'Patient reports left knee pain', origin: 'ai_edited', evidence: ['u1'] }]);
    expect(r.sections.plan.slice(2)).toEqual([
      { id: 'p-v2-1', text: 'Home program reviewed', origin: 'clinician', evidence: [] },
      { id: 'p-v2-2', text: 'Ice after sessions', origin: 'clinician', evidence: [] },
    ]);
    expect(r.changes.map((c) => c.type)).toEqual(['statement_edited', 'statement_added', 'statement_added', 'statement_deleted']);
    expect(before.sections).toEqual(draftSections());
  });

  it('keeps clinician and ai_edited origins on a further edit', () => {
    const v2 = applyPatch(draft(), body({ statements: [{ section: 'plan', text: 'A' }, { section: 'plan', id: 'p1', text: 'B' }] }), 2);
    const v3 = applyPatch(v2, body({ statements: [{ section: 'plan', id: 'p-v2-1', text: 'A2' }, { section: 'plan', id: 'p1', text: 'B2' }] }), 3);
    expect(v3.sections.plan.find((s) => s.id === 'p-v2-1')!.origin).toBe('clinician');
    expect(v3.sections.plan.find((s) => s.id === 'p1')!.origin).toBe('ai_edited');
  });

  it('treats the same text again as no change (an empty change list)', () => {
    const r = applyPatch(draft(), body({ statements: [{ section: 'plan', id: 'p2', text: 'Progress step-ups next visit' }] }), 2);
    expect(r.changes).toEqual([]);
    expect(r.sections.plan[1]!.origin).toBe('ai');
  });

  it('refuses unknown ids, ids in the wrong section and two operations on one statement (422)', () => {
    expect(code(() => applyPatch(draft(), body({ statements: [{ section: 'plan', id: 'p9', text: 'x' }] }), 2))).toBe('422 UNKNOWN_STATEMENT');
    expect(code(() => applyPatch(draft(), body({ statements: [{ section: 'plan', id: 's1', delete: true }] }), 2))).toBe('422 UNKNOWN_STATEMENT');
    expect(code(() => applyPatch(draft(), body({ statements: [
      { section: 'plan', id: 'p1', text: 'x' }, { section: 'plan', id: 'p1', delete: true },
    ] }), 2))).toBe('422 CONFLICTING_OPERATIONS');
  });

  it('replaces coding lines, moves the timed total by the change in line minutes, and refuses duplicates', () => {
    const r = applyPatch(draft(), body({ codingLines: [
      { code: '97110', minutes: 25, units: 2, modifiers: ['GP'] },
      { code: '97530', minutes: 15, units: 1, modifiers: ['GP'] },
    ] }), 2);
    expect(r.coding.totalTimedMinutes).toBe(40);
    expect(r.coding.lines[0]).toEqual({ code: '97110', description: '', minutes: 25, units: 2, modifiers: ['GP'], rationale: '', evidence: [] });
    expect(r.coding.checks).toEqual(draftCoding().checks);
    expect(r.changes).toEqual([{ type: 'coding_replaced',
      before: [{ code: '97110', units: 1, modifiers: ['GP'] }, { code: '97530', units: 1, modifiers: ['GP'] }],
      after: [{ code: '97110', units: 2, modifiers: ['GP'] }, { code: '97530', units: 1, modifiers: ['GP'] }] }]);
    expect(code(() => applyPatch(draft(), body({ codingLines: [{ code: '97110', units: 1 }, { code: '97110', units: 2 }] }), 2))).toBe('422 DUPLICATE_CODING_LINE');
    expect(applyPatch(draft(), body({ codingLines: draftCoding().lines }), 2).changes).toEqual([]);
  });

  it('validates the body shape: empty, unknown sections and keys, blank text, bad codes', () => {
    for (const bad of [
      {}, { statements: [] }, { statements: [{ section: 'history', text: 'x' }] }, { statements: [{ section: 'plan', text: '  ' }] },
      { statements: [{ section: 'plan', id: 'p1', text: 'x', delete: true }] }, { sections: {} },
      { codingLines: [{ code: '9711', units: 1 }] }, { codingLines: [{ code: '97110', units: -1 }] },
    ]) expect(PatchNoteBody.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
});

describe('words and kept-word counting', () => {
  it('counts words as review telemetry does', () => {
    expect(words('Patient reports right knee pain 3/10 PHI-TEXT')).toHaveLength(7);
    expect(words("Sit-to-stand x10; pt. didn't fatigue.")).toEqual(['sit-to-stand', 'x10', 'pt', "didn't", 'fatigue']);
  });
  it('finds the longest common subsequence of words', () => {
    expect(commonWords(words('a b c d e'), words('a x c d'))).toBe(3);
    expect(commonWords(words('right knee pain'), words('left knee pain'))).toBe(2);
    expect(commonWords([], words('a'))).toBe(0);
  });
});

describe('computeReview', () => {
  const base = (over: Partial<Note>): Note => ({
    id: '00000000-0000-4000-8000-000000000001', sessionId: '00000000-0000-4000-8000-000000000002', clinicianRef: 'emr-clin-7',
    status: 'draft', version: 1, aiGenerated: true,
    provenance: { engine: 'e', model: 'm', promptVersion: 'p', transcriptSha256: 'h', generatedAt: '2026-11-23T16:00:00.000Z', latencyMs: 1 },
    sections: draftSections(), coding: draftCoding(), signature: null,
    createdAt: '2026-11-23T16:00:00.000Z', updatedAt: '2026-11-23T16:00:00.000Z', ...over,
  });
  const rev = (version: number, at: string, changes: NoteRevision['changes']): NoteRevision => ({ version, actor: 'key:k', at, changes });

  it('is all-kept with no edits for an untouched draft', () => {
    const r = computeReview(base({}), { draft: draftSections(), revisions: [rev(1, '2026-11-23T16:00:00.000Z', [{ type: 'drafted', engine: 'e' }])] });
    expect(r).toMatchObject({ aiWords: 29, aiWordsKept: 29, aiTextKeptShare: 1, editCount: 0, revisionCount: 1, signedAt: null, draftToSignSec: null,
      statements: { ai: 6, ai_edited: 0, clinician: 0 } });
  });

  it('counts kept words per statement, edits per section, and time to sign', () => {
    const current = draftSections();
    current.subjective = [{ ...current.subjective[0]!, text: 'Patient reports left knee pain 4/10 PHI-TEXT', origin: 'ai_edited' }];
    current.plan.push({ id: 'p-v2-1', text: 'Added', origin: 'clinician', evidence: [] });
    const note = base({ status: 'signed', version: 3, sections: current, signature: { clinicianRef: 'c', signedAt: '2026-11-23T16:05:30.500Z' } });
    const r = computeReview(note, { draft: draftSections(), revisions: [
      rev(1, '2026-11-23T16:00:00.000Z', [{ type: 'drafted', engine: 'e' }]),
      rev(2, '2026-11-23T16:03:00.000Z', [
        { type: 'statement_edited', section: 'subjective', id: 's1', before: 'x', after: 'y' },
        { type: 'statement_deleted', section: 'subjective', id: 's2', before: 'x' },
        { type: 'statement_added', section: 'plan', id: 'p-v2-1', after: 'Added' },
      ]),
      rev(3, '2026-11-23T16:05:30.500Z', [{ type: 'signed', clinicianRef: 'c' }]),
    ] });
    // s1 keeps 5 of 7 words (right->left, 3/10->4/10), s2 (3 words) is gone: 29 - 2 - 3 = 24.
    expect(r.aiWordsKept).toBe(24);
    expect(r.aiTextKeptShare).toBe(0.8276);
    expect(r.editsBySection.subjective).toEqual({ edited: 1, added: 0, deleted: 1 });
    expect(r.editsBySection.plan).toEqual({ edited: 0, added: 1, deleted: 0 });
    expect(r).toMatchObject({ editCount: 1, revisionCount: 3, draftToSignSec: 330.5, statements: { ai: 4, ai_edited: 1, clinician: 1 } });
  });
});

describe('If-Match', () => {
  it('takes 3, "3" and W/"3"; requires it for edits (428) and refuses anything else (400)', () => {
    expect(parseIfMatch('3', true)).toBe(3);
    expect(parseIfMatch('"3"', true)).toBe(3);
    expect(parseIfMatch('W/"12"', true)).toBe(12);
    expect(parseIfMatch(undefined, false)).toBeNull();
    expect(code(() => parseIfMatch(undefined, true))).toBe('428 PRECONDITION_REQUIRED');
    for (const bad of ['*', '0', 'abc', '3, 4', '-1']) expect(code(() => parseIfMatch(bad, true))).toBe('400 INVALID_IF_MATCH');
  });
});
