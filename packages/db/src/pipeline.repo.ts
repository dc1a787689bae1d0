import type { SessionStatus } from '@scribe/domain';
import type { Queryable } from './pool.ts';

export type StageName = 'transcribe' | 'draft' | 'deliver';

const STAMP: Partial<Record<SessionStatus, string>> = {
  recording: 'recording_started_at',
  recorded: 'ended_at',
  transcribed: 'transcribed_at',
  drafted: 'drafted_at',
};

/**
 * Move a session to `to` only if its status is one of `from` (forward-only: callers list
 * the earlier statuses). Sets the matching timing column the first time. Returns whether it moved.
 */
export async function advanceSession(q: Queryable, sessionId: string, from: SessionStatus[], to: SessionStatus, extra: { noteId?: string } = {}): Promise<boolean> {
  const stamp = STAMP[to];
  const { rowCount } = await q.query(
    `UPDATE sessions SET status = $3, updated_at = now()
       ${stamp ? `, ${stamp} = COALESCE(${stamp}, clock_timestamp())` : ''}
       ${extra.noteId ? ', note_id = $4' : ''}
     WHERE id = $1 AND status = ANY($2::text[])`,
    extra.noteId ? [sessionId, from, to, extra.noteId] : [sessionId, from, to],
  );
  return (rowCount ?? 0) > 0;
}

/** Mark a session failed with a reason an operator can read (no PHI in `message`). */
export async function failSession(q: Queryable, sessionId: string, f: { stage: StageName; code: string; message: string }): Promise<void> {
  await q.query(
    `UPDATE sessions SET status = 'failed', failure_stage = $2, failure_code = $3, failure_message = $4, updated_at = now()
     WHERE id = $1 AND status NOT IN ('failed', 'cancelled')`,
    [sessionId, f.stage, f.code, f.message],
  );
}

export async function markStageQueued(q: Queryable, sessionId: string, stage: StageName, run: number): Promise<void> {
  await q.query(
    `INSERT INTO stage_runs (session_id, stage, run, status) VALUES ($1, $2, $3, 'queued') ON CONFLICT DO NOTHING`,
    [sessionId, stage, run],
  );
}

export async function markStageActive(q: Queryable, sessionId: string, stage: StageName, run: number): Promise<void> {
  await q.query(
    `INSERT INTO stage_runs (session_id, stage, run, status, attempts, started_at) VALUES ($1, $2, $3, 'active', 1, clock_timestamp())
     ON CONFLICT (session_id, stage, run) DO UPDATE
       SET status = 'active', attempts = stage_runs.attempts + 1, started_at = COALESCE(stage_runs.started_at, clock_timestamp())`,
    [sessionId, stage, run],
  );
}

export async function markStageDone(q: Queryable, sessionId: string, stage: StageName, run: number, outcome: 'completed' | 'failed', err?: { code: string; message: string }): Promise<void> {
  await q.query(
    `UPDATE stage_runs SET status = $4, finished_at = clock_timestamp(), error_code = $5, error_message = $6
     WHERE session_id = $1 AND stage = $2 AND run = $3`,
    [sessionId, stage, run, outcome, err?.code ?? null, err?.message ?? null],
  );
}

export interface DeadLetter {
  sessionId: string;
  stage: StageName;
  run: number;
  jobId: string;
  attempts: number;
  errorCode: string;
  errorMessage: string;
}

/** Record a job that will not be retried; once per (session, stage, run). */
export async function recordDeadLetter(q: Queryable, d: DeadLetter): Promise<void> {
  await q.query(
    `INSERT INTO dead_letters (session_id, stage, run, job_id, attempts, error_code, error_message)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (session_id, stage, run) DO NOTHING`,
    [d.sessionId, d.stage, d.run, d.jobId, d.attempts, d.errorCode, d.errorMessage],
  );
}

export interface StageTiming {
  stage: StageName;
  run: number;
  status: string;
  attempts: number;
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export async function listStageRuns(q: Queryable, sessionId: string): Promise<StageTiming[]> {
  const { rows } = await q.query<{ stage: StageName; run: number; status: string; attempts: number; queued_at: Date; started_at: Date | null; finished_at: Date | null }>(
    `SELECT stage, run, status, attempts, queued_at, started_at, finished_at FROM stage_runs WHERE session_id = $1
     ORDER BY run, array_position(ARRAY['transcribe','draft','deliver'], stage)`,
    [sessionId],
  );
  return rows.map((r) => ({
    stage: r.stage, run: r.run, status: r.status, attempts: r.attempts,
    queuedAt: r.queued_at.toISOString(), startedAt: r.started_at?.toISOString() ?? null, finishedAt: r.finished_at?.toISOString() ?? null,
  }));
}

/** The status a session returns to when an operator re-drives `stage`. */
export const REDRIVE_STATUS: Record<StageName, SessionStatus> = { transcribe: 'recorded', draft: 'transcribed', deliver: 'drafted' };

/**
 * Re-drive a failed session from its failed stage: clear the failure, bump the run counter,
 * and return what to enqueue. Null if the session is not failed (or not in `orgId`).
 */
export async function redriveSession(q: Queryable, orgId: string, sessionId: string): Promise<{ stage: StageName; run: number } | null> {
  const { rows } = await q.query<{ failure_stage: StageName | null; pipeline_run: number }>(
    `SELECT failure_stage, pipeline_run FROM sessions WHERE id = $1 AND org_id = $2 AND status = 'failed' FOR UPDATE`,
    [sessionId, orgId],
  );
  const r = rows[0];
  if (!r) return null;
  const stage: StageName = r.failure_stage && r.failure_stage in REDRIVE_STATUS ? r.failure_stage : 'transcribe';
  const run = r.pipeline_run + 1;
  await q.query(
    `UPDATE sessions SET status = $2, pipeline_run = $3, failure_stage = NULL, failure_code = NULL, failure_message = NULL, updated_at = now()
     WHERE id = $1`,
    [sessionId, REDRIVE_STATUS[stage], run],
  );
  return { stage, run };
}
