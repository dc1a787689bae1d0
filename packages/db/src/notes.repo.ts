import type { Coding, Note, Provenance, Sections, Signature } from '@scribe/domain';
import type { Queryable } from './pool.ts';
import { decodeCursor, encodeCursor } from './paging.ts';

export interface NoteRow {
  id: string;
  org_id: string;
  session_id: string;
  clinician_ref: string;
  status: Note['status'];
  version: number;
  ai_generated: boolean;
  provenance: Provenance;
  sections: Sections;
  coding: Coding;
  signature: Signature | null;
  created_at: Date;
  updated_at: Date;
}

export const NOTE_COLUMNS = `id, org_id, session_id, clinician_ref, status, version, ai_generated, provenance, sections, coding,
  signature, created_at, updated_at`;

/** Shape a row as the public Note contract. */
export function toNote(r: NoteRow): Note {
  return {
    id: r.id,
    sessionId: r.session_id,
    clinicianRef: r.clinician_ref,
    status: r.status,
    version: r.version,
    aiGenerated: r.ai_generated,
    provenance: r.provenance,
    sections: r.sections,
    coding: r.coding,
    signature: r.signature,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export interface DraftNoteInput {
  orgId: string;
  sessionId: string;
  clinicianRef: string;
  provenance: Provenance;
  sections: Sections;
  coding: Coding;
  detail: unknown;
}

/**
 * Store the AI draft of a session, with its first revision. Call inside a transaction.
 * Exactly one note per session: a repeated draft stage returns the existing note's id
 * and changes nothing.
 */
export async function insertDraftNote(q: Queryable, n: DraftNoteInput): Promise<{ id: string; created: boolean }> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO notes (org_id, session_id, clinician_ref, provenance, sections, coding, draft_detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (session_id) DO NOTHING RETURNING id`,
    [n.orgId, n.sessionId, n.clinicianRef, n.provenance, n.sections, n.coding, JSON.stringify(n.detail ?? null)],
  );
  if (rows[0]) {
    await q.query(
      `INSERT INTO note_revisions (note_id, version, actor, changes, sections, coding) VALUES ($1, 1, 'system:drafter', $2, $3, $4)`,
      [rows[0].id, JSON.stringify([{ type: 'drafted', engine: n.provenance.engine }]), n.sections, n.coding],
    );
    return { id: rows[0].id, created: true };
  }
  const existing = await q.query<{ id: string }>('SELECT id FROM notes WHERE session_id = $1', [n.sessionId]);
  return { id: existing.rows[0]!.id, created: false };
}

/** A note in `orgId` by its id, or by its session's id. */
export async function getNote(q: Queryable, orgId: string, by: { id: string } | { sessionId: string }, opts: { forUpdate?: boolean } = {}): Promise<Note | null> {
  const [col, val] = 'id' in by ? ['id', by.id] : ['session_id', by.sessionId];
  const { rows } = await q.query<NoteRow>(
    `SELECT ${NOTE_COLUMNS} FROM notes WHERE ${col} = $1 AND org_id = $2${opts.forUpdate ? ' FOR UPDATE' : ''}`,
    [val, orgId],
  );
  return rows[0] ? toNote(rows[0]) : null;
}

/** Notes of `orgId`, newest first, with keyset paging like sessions. */
export async function listNotes(
  q: Queryable,
  orgId: string,
  opts: { status?: Note['status']; clinicianRef?: string; limit: number; cursor?: string },
): Promise<{ notes: Note[]; nextCursor: string | null }> {
  const cursor = decodeCursor(opts.cursor);
  const { rows } = await q.query<NoteRow>(
    `SELECT ${NOTE_COLUMNS} FROM notes
     WHERE org_id = $1
       AND ($2::text IS NULL OR status = $2)
       AND ($3::text IS NULL OR clinician_ref = $3)
       AND ($4::timestamptz IS NULL OR (created_at, id) < ($4::timestamptz, $5::uuid))
     ORDER BY created_at DESC, id DESC
     LIMIT $6`,
    [orgId, opts.status ?? null, opts.clinicianRef ?? null, cursor?.createdAt ?? null, cursor?.id ?? null, opts.limit + 1],
  );
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > opts.limit && last ? encodeCursor({ createdAt: last.created_at.toISOString(), id: last.id }) : null;
  return { notes: page.map(toNote), nextCursor };
}

/** The database clock, so revision times, signatures and `created_at` share one clock. */
export async function databaseNow(q: Queryable): Promise<Date> {
  const { rows } = await q.query<{ now: Date }>('SELECT clock_timestamp() AS now');
  return rows[0]!.now;
}

/**
 * Store a clinician's edit of a draft: new content and `version + 1`, only if the note is
 * still a draft at `expectedVersion` (a conditional update: a stale writer gets null).
 */
export async function updateDraftContent(
  q: Queryable,
  id: string,
  expectedVersion: number,
  content: { sections: Sections; coding: Coding; at: Date },
): Promise<Note | null> {
  const { rows } = await q.query<NoteRow>(
    `UPDATE notes SET sections = $3, coding = $4, version = version + 1, updated_at = $5
     WHERE id = $1 AND version = $2 AND status = 'draft'
     RETURNING ${NOTE_COLUMNS}`,
    [id, expectedVersion, content.sections, content.coding, content.at],
  );
  return rows[0] ? toNote(rows[0]) : null;
}

/**
 * Sign a draft at `expectedVersion`. The only statement in the system that sets a note's
 * status to signed; it is called only from the sign route (`POST /v1/notes/{id}/sign`),
 * i.e. on a clinician's explicit call. Returns null if the note moved on or is not a draft.
 */
export async function markNoteSigned(q: Queryable, id: string, expectedVersion: number, signature: Signature, at: Date): Promise<Note | null> {
  const { rows } = await q.query<NoteRow>(
    `UPDATE notes SET status = 'signed', signature = $3, version = version + 1, updated_at = $4
     WHERE id = $1 AND version = $2 AND status = 'draft'
     RETURNING ${NOTE_COLUMNS}`,
    [id, expectedVersion, signature, at],
  );
  return rows[0] ? toNote(rows[0]) : null;
}
