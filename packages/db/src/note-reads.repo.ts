import type { Note, RevisionChange, Sections } from '@scribe/domain';
import { createBatcher, type BatcherOptions } from './batcher.ts';
import { foldHistory, type ReviewHistory } from './note-revisions.repo.ts';
import { NOTE_COLUMNS, toNote, type NoteRow } from './notes.repo.ts';
import type { Queryable } from './pool.ts';

/** A note with what its review telemetry is computed from; `history` is undefined without revisions. */
export interface NoteWithHistory {
  note: Note;
  history: ReviewHistory | undefined;
}

/** A revision as the queries below aggregate it (JSON: the time as epoch milliseconds). */
interface RevisionJson {
  version: number;
  actor: string;
  clinician_ref: string | null;
  at_ms: number;
  changes: RevisionChange[];
  draft: Sections | null;
}

type Row = NoteRow & { revisions: RevisionJson[] | null };

/** Every revision of note `n`, oldest first, as one JSON array (null when there is none). */
const HISTORY = `LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object('version', r.version, 'actor', r.actor, 'clinician_ref', r.clinician_ref,
      -- whole milliseconds, as pg's own timestamptz parser (and so getReviewHistories) gives them
      'at_ms', floor(extract(epoch FROM r.at) * 1000), 'changes', r.changes,
      'draft', CASE WHEN r.version = 1 THEN r.sections END) ORDER BY r.version) AS revisions
    FROM note_revisions r WHERE r.note_id = n.id
  ) h ON true`;

function toNoteWithHistory(row: Row): NoteWithHistory {
  let history: ReviewHistory | undefined;
  for (const r of row.revisions ?? []) history = foldHistory(history, { ...r, note_id: row.id, at: new Date(r.at_ms) });
  return { note: toNote(row), history };
}

/**
 * A note of `orgId` with its review history, in one round trip (`getNote` followed by
 * `getReviewHistories` costs two, with the same results).
 */
export async function getNoteWithHistory(q: Queryable, orgId: string, by: { id: string } | { sessionId: string }): Promise<NoteWithHistory | null> {
  const [col, val] = 'id' in by ? (['id', by.id] as const) : (['session_id', by.sessionId] as const);
  const { rows } = await q.query<Row>(
    `SELECT ${NOTE_COLUMNS}, h.revisions FROM notes n ${HISTORY} WHERE n.${col} = $1 AND n.org_id = $2`,
    [val, orgId],
  );
  return rows[0] ? toNoteWithHistory(rows[0]) : null;
}

/**
 * Several notes by id, each only within its own organisation, with their review histories, in
 * one statement; answers in the order asked, null where a note is not found in that
 * organisation. A note asked for twice is read twice (no shortcut for repeats).
 */
export async function getNotesWithHistory(q: Queryable, keys: { orgId: string; id: string }[]): Promise<(NoteWithHistory | null)[]> {
  if (keys.length === 0) return [];
  const { rows } = await q.query<Row & { i: number }>(
    `SELECT k.i::int AS i, ${NOTE_COLUMNS}, h.revisions
     FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS k(want_id, want_org, i)
     JOIN notes n ON n.id = k.want_id AND n.org_id = k.want_org
     ${HISTORY}`,
    [keys.map((k) => k.id), keys.map((k) => k.orgId)],
  );
  const out: (NoteWithHistory | null)[] = keys.map(() => null);
  for (const row of rows) out[row.i - 1] = toNoteWithHistory(row);
  return out;
}

export interface NoteReader {
  /** Like `getNoteWithHistory(q, orgId, { id })`; concurrent calls share one statement. */
  byId(orgId: string, id: string): Promise<NoteWithHistory | null>;
}

/**
 * Batched single-note reads (see `createBatcher`): under load, concurrent reads of any notes
 * of any organisations go to Postgres as one statement instead of one round trip each. A read
 * only joins a statement not yet sent, so it sees every write committed before it was made.
 */
export function createNoteReader(q: Queryable, opts: BatcherOptions = {}): NoteReader {
  const read = createBatcher((keys: { orgId: string; id: string }[]) => getNotesWithHistory(q, keys), opts);
  return { byId: (orgId, id) => read({ orgId, id }) };
}
