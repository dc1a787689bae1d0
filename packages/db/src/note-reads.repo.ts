import type { Note, RevisionChange, Sections } from '@scribe/domain';
import { createBatcher, type BatcherOptions } from './batcher.ts';
import { foldHistory, type ReviewHistory } from './note-revisions.repo.ts';
import { NOTE_COLUMNS, toNote, type NoteRow } from './notes.repo.ts';
import type { AuditEventInput } from './audit.repo.ts';
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

/** One read of a note by id, made by `actor` within its organisation. */
export interface AuditedNoteRead {
  orgId: string;
  id: string;
  actor: Omit<AuditEventInput, 'orgId' | 'action' | 'resourceType' | 'resourceId'>;
  /** The version tag of a copy the caller already holds: when it is still current, the note is not sent again. */
  known?: string;
}

/**
 * What a read found: nothing (no such note in that organisation: no audit row either), or the
 * note's current version tag with the note and its history, or with `found: null` when the tag
 * equals the caller's `known` (its copy is current).
 */
export type AuditedNoteResult = { tag: string; found: NoteWithHistory | null } | null;

/**
 * Several reads of notes by id, each only within its own organisation, in one statement and one
 * commit: every note found gets its `note.read` audit row in the same statement (in the order
 * asked), and the row is committed when this resolves. Answers in the order asked.
 *
 * The tag is the row's `xmin`, the transaction that last wrote it: every change to a note, and
 * every revision (written in the same transaction as the note's update), gives it a new one. So
 * a caller may keep a note it read with its tag and, on the next read, receive only the tag when
 * nothing changed; the audit row is written either way.
 */
export async function readNotesAudited(q: Queryable, reads: AuditedNoteRead[]): Promise<AuditedNoteResult[]> {
  if (reads.length === 0) return [];
  const { rows } = await q.query<Partial<Row> & { i: number; tag: string }>({ name: 'read-notes-audited', text:
    `WITH k AS (
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[])
         WITH ORDINALITY AS k(want_id, want_org, key_id, actor_name, actor_clinician, request_id, known, i)
     ), f AS (
       SELECT k.*, n.xmin::text AS tag FROM k JOIN notes n ON n.id = k.want_id AND n.org_id = k.want_org
     ), audited AS (
       INSERT INTO audit_events (org_id, actor_key_id, actor, clinician_ref, action, resource_type, resource_id, request_id)
       SELECT want_org, key_id, actor_name, actor_clinician, 'note.read', 'note', want_id, request_id FROM f ORDER BY i
     )
     SELECT f.i::int AS i, f.tag, cur.* FROM f LEFT JOIN LATERAL (
       SELECT ${NOTE_COLUMNS}, h.revisions FROM notes n ${HISTORY}
       WHERE n.id = f.want_id AND f.tag IS DISTINCT FROM f.known
       -- Keeps the subquery from being flattened, so the tag test gates it (a one-time filter)
       -- instead of filtering its result: a current copy costs no note or history read.
       OFFSET 0
     ) cur ON true`,
    values: [
      reads.map((r) => r.id), reads.map((r) => r.orgId), reads.map((r) => r.actor.actorKeyId), reads.map((r) => r.actor.actor),
      reads.map((r) => r.actor.clinicianRef ?? null), reads.map((r) => r.actor.requestId ?? null), reads.map((r) => r.known ?? null),
    ] });
  const out: AuditedNoteResult[] = reads.map(() => null);
  for (const row of rows) out[row.i - 1] = { tag: row.tag, found: row.id === null || row.id === undefined ? null : toNoteWithHistory(row as Row) };
  return out;
}

export interface AuditedNoteReader {
  /** Like `readNotesAudited(q, [read])`; concurrent calls share one statement and one commit. */
  read(read: AuditedNoteRead): Promise<AuditedNoteResult>;
}

/**
 * Batched audited single-note reads (see `createBatcher`): under load, concurrent reads of any
 * notes of any organisations go to Postgres as one statement, one commit, instead of a read and
 * an insert each. A read only joins a statement not yet sent, so it sees every write committed
 * before it was made; it resolves only once its audit row is committed.
 */
export function createAuditedNoteReader(q: Queryable, opts: BatcherOptions = {}): AuditedNoteReader {
  return { read: createBatcher((reads: AuditedNoteRead[]) => readNotesAudited(q, reads), opts) };
}
