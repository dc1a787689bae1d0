import type { CreateSessionBody, Session, SessionStatus } from '@scribe/domain';
import type { Queryable } from './pool.ts';
import { compact, iso, isoDay } from './rows.ts';
import { decodeCursor, encodeCursor } from './paging.ts';

interface SessionRow {
  id: string;
  org_id: string;
  mode: Session['mode'];
  discipline: Session['discipline'];
  note_type: Session['noteType'];
  patient_ref: string;
  encounter_ref: string;
  case_ref: string | null;
  clinician_ref: string;
  date_of_service: Date;
  payer: Session['payer'];
  context: Session['context'] | null;
  consent: Session['consent'] | null;
  audio_format: Session['audioFormat'] | null;
  status: SessionStatus;
  failure_stage: string | null;
  failure_code: string | null;
  failure_message: string | null;
  audio_bytes: string;
  audio_duration_sec: number;
  audio_sha256: string | null;
  note_id: string | null;
  created_at: Date;
  recording_started_at: Date | null;
  ended_at: Date | null;
  transcribed_at: Date | null;
  drafted_at: Date | null;
  pipeline_run: number;
}

const COLUMNS = `id, org_id, mode, discipline, note_type, patient_ref, encounter_ref, case_ref, clinician_ref,
  date_of_service, payer, context, consent, audio_format, status, failure_stage, failure_code, failure_message,
  audio_bytes, audio_duration_sec, audio_sha256, note_id, created_at, recording_started_at, ended_at,
  transcribed_at, drafted_at, pipeline_run`;

/** Shape a row as the public Session contract. */
export function toSession(r: SessionRow): Session {
  return compact({
    id: r.id,
    mode: r.mode,
    discipline: r.discipline,
    noteType: r.note_type,
    patientRef: r.patient_ref,
    encounterRef: r.encounter_ref,
    caseRef: r.case_ref,
    clinicianRef: r.clinician_ref,
    dateOfService: isoDay(r.date_of_service),
    payer: r.payer,
    context: r.context,
    consent: r.consent,
    audioFormat: r.audio_format,
    status: r.status,
    failure: r.failure_code
      ? { stage: r.failure_stage ?? 'unknown', code: r.failure_code, message: r.failure_message ?? '' }
      : undefined,
    audio: { bytes: Number(r.audio_bytes), durationSec: r.audio_duration_sec, sha256: r.audio_sha256 },
    noteId: r.note_id,
    timings: compact({
      createdAt: r.created_at.toISOString(),
      recordingStartedAt: iso(r.recording_started_at),
      endedAt: iso(r.ended_at),
      transcribedAt: iso(r.transcribed_at),
      draftedAt: iso(r.drafted_at),
    }),
  }) as Session;
}

export async function insertSession(q: Queryable, orgId: string, body: CreateSessionBody, keyId: string | null): Promise<Session> {
  const { rows } = await q.query<SessionRow>(
    `INSERT INTO sessions (org_id, mode, discipline, note_type, patient_ref, encounter_ref, case_ref, clinician_ref,
       date_of_service, payer, context, consent, audio_format, created_by_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     RETURNING ${COLUMNS}`,
    [
      orgId, body.mode, body.discipline, body.noteType, body.patientRef, body.encounterRef, body.caseRef ?? null,
      body.clinicianRef, body.dateOfService, body.payer, body.context ?? null, body.consent ?? null, body.audio ?? null, keyId,
    ],
  );
  return toSession(rows[0]!);
}

/** The session if it belongs to `orgId`; null otherwise (callers answer 404 either way). */
export async function getSession(q: Queryable, orgId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<Session | null> {
  const { rows } = await q.query<SessionRow>(
    `SELECT ${COLUMNS} FROM sessions WHERE id = $1 AND org_id = $2${opts.forUpdate ? ' FOR UPDATE' : ''}`,
    [id, orgId],
  );
  return rows[0] ? toSession(rows[0]) : null;
}

/** A session with the internal fields the worker and gateway need. */
export type InternalSession = Session & { orgId: string; pipelineRun: number };

/** Look a session up by id alone: only for internal callers (worker, gateway) that already hold a verified id. */
export async function getSessionById(q: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<InternalSession | null> {
  const { rows } = await q.query<SessionRow>(
    `SELECT ${COLUMNS} FROM sessions WHERE id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ? { ...toSession(rows[0]), orgId: rows[0].org_id, pipelineRun: rows[0].pipeline_run } : null;
}

export async function listSessions(
  q: Queryable,
  orgId: string,
  opts: { status?: SessionStatus; limit: number; cursor?: string },
): Promise<{ sessions: Session[]; nextCursor: string | null }> {
  const cursor = decodeCursor(opts.cursor);
  const { rows } = await q.query<SessionRow>(
    `SELECT ${COLUMNS} FROM sessions
     WHERE org_id = $1
       AND ($2::text IS NULL OR status = $2)
       AND ($3::timestamptz IS NULL OR (created_at, id) < ($3::timestamptz, $4::uuid))
     ORDER BY created_at DESC, id DESC
     LIMIT $5`,
    [orgId, opts.status ?? null, cursor?.createdAt ?? null, cursor?.id ?? null, opts.limit + 1],
  );
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > opts.limit && last ? encodeCursor({ createdAt: last.created_at.toISOString(), id: last.id }) : null;
  return { sessions: page.map(toSession), nextCursor };
}
