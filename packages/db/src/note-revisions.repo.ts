import type { Coding, NoteRevision, RevisionChange, Sections } from '@scribe/domain';
import type { Queryable } from './pool.ts';

export interface RevisionInput {
  noteId: string;
  version: number;
  /** `key:<keyId>` for an API call. */
  actor: string;
  clinicianRef: string | null;
  at: Date;
  changes: RevisionChange[];
  /** The note's full content as of this version (revisions are snapshots, never diffs alone). */
  sections: Sections;
  coding: Coding;
}

/** Append one immutable revision (the table refuses updates and deletes; the key refuses a second writer of a version). */
export async function insertRevision(q: Queryable, r: RevisionInput): Promise<void> {
  await q.query(
    `INSERT INTO note_revisions (note_id, version, actor, clinician_ref, at, changes, sections, coding)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [r.noteId, r.version, r.actor, r.clinicianRef, r.at, JSON.stringify(r.changes), r.sections, r.coding],
  );
}

export interface RevisionRow {
  note_id: string;
  version: number;
  actor: string;
  clinician_ref: string | null;
  at: Date;
  changes: RevisionChange[];
}

const toRevision = (r: RevisionRow): NoteRevision => ({
  version: r.version,
  actor: r.actor,
  ...(r.clinician_ref ? { clinicianRef: r.clinician_ref } : {}),
  at: r.at.toISOString(),
  changes: r.changes,
});

/**
 * Every revision of a note, oldest first. Callers check the note's organisation first:
 * revisions carry no org id of their own.
 */
export async function listRevisions(q: Queryable, noteId: string): Promise<NoteRevision[]> {
  const { rows } = await q.query<RevisionRow>(
    'SELECT note_id, version, actor, clinician_ref, at, changes FROM note_revisions WHERE note_id = $1 ORDER BY version',
    [noteId],
  );
  return rows.map(toRevision);
}

/** What review telemetry is computed from: the AI draft (version 1) and every revision's changes. */
export interface ReviewHistory {
  draft: Sections;
  revisions: NoteRevision[];
}

const emptySections = (): Sections => ({ subjective: [], objective: [], assessment: [], plan: [] });

/** Fold one note's revision rows (oldest first) into its review history. */
export function foldHistory(into: ReviewHistory | undefined, r: RevisionRow & { draft: Sections | null }): ReviewHistory {
  const h = into ?? { draft: r.draft ?? emptySections(), revisions: [] };
  if (r.draft) h.draft = r.draft;
  h.revisions.push(toRevision(r));
  return h;
}

/** Review histories of several notes in one round trip (a list page), keyed by note id. */
export async function getReviewHistories(q: Queryable, noteIds: string[]): Promise<Map<string, ReviewHistory>> {
  const out = new Map<string, ReviewHistory>();
  if (noteIds.length === 0) return out;
  const { rows } = await q.query<RevisionRow & { draft: Sections | null }>(
    `SELECT note_id, version, actor, clinician_ref, at, changes, CASE WHEN version = 1 THEN sections END AS draft
     FROM note_revisions WHERE note_id = ANY($1::uuid[]) ORDER BY note_id, version`,
    [noteIds],
  );
  for (const r of rows) out.set(r.note_id, foldHistory(out.get(r.note_id), r));
  return out;
}
