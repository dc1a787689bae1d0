import { RateLimitError, UnrecoverableError, type Job } from 'bullmq';
import { failSession, markStageDone, recordDeadLetter, withTransaction, type StageName } from '@scribe/db';
import type { StageJob } from '@scribe/queue';
import { classifyFailure, type Failure } from './failure.ts';
import { emitEvent } from '@scribe/queue';
import type { Logger } from '@scribe/observability';
import type { JobContext, WorkerDeps } from './deps.ts';

/** A job's logger: every line names the job, its queue, session, stage, run and attempt (ids only). */
export function stageLogger(logger: Logger, stage: StageName, job: Job<StageJob>): Logger {
  return logger.child({ jobId: job.id, queue: stage, sessionId: job.data.sessionId, stage, run: job.data.run, attempt: job.attemptsMade + 1 });
}

/**
 * Run one stage under the failure policy. Unrecoverable failures and transient ones on the
 * last attempt fail the session and write a dead letter BEFORE the job is marked failed,
 * so nothing is lost if the worker dies right after; 429s pause the queue; other errors
 * are thrown for BullMQ to retry with backoff. What BullMQ stores as the failure reason (and the
 * queue board shows) is always `CODE: readable message` from the failure policy, never the
 * original error's text, which can quote data (a driver or a provider message). `fn` logs
 * through the job's child logger.
 */
export async function runStage<T>(stage: StageName, job: Job<StageJob>, deps: WorkerDeps, ctx: JobContext, fn: (log: Logger) => Promise<T>): Promise<T> {
  const log = stageLogger(deps.logger, stage, job);
  try {
    return await fn(log);
  } catch (err) {
    const f = classifyFailure(err);
    const attempt = job.attemptsMade + 1;
    const final = f.kind === 'unrecoverable' || (f.kind === 'transient' && attempt >= (job.opts.attempts ?? 1));
    log.warn({ kind: f.kind, code: f.code, final }, 'stage failed');
    if (final) {
      await recordFinalFailure(deps, { sessionId: job.data.sessionId, run: job.data.run, stage, jobId: job.id ?? '', attempts: attempt }, f);
      throw new UnrecoverableError(`${f.code}: ${f.message}`);
    }
    if (f.kind === 'rate_limited' && ctx.rateLimit) {
      await ctx.rateLimit(f.retryAfterMs ?? 5_000);
      throw new RateLimitError();
    }
    throw new Error(`${f.code}: ${f.message}`, { cause: err });
  }
}

/** Fail the session with a readable reason and keep a durable dead letter; idempotent. */
export async function recordFinalFailure(
  deps: Pick<WorkerDeps, 'pool' | 'webhooks'>,
  j: { sessionId: string; run: number; stage: StageName; jobId: string; attempts: number },
  f: Pick<Failure, 'code' | 'message'>,
): Promise<void> {
  const orgId = await withTransaction(deps.pool, async (tx) => {
    await failSession(tx, j.sessionId, { stage: j.stage, code: f.code, message: f.message });
    await recordDeadLetter(tx, { ...j, errorCode: f.code, errorMessage: f.message });
    await markStageDone(tx, j.sessionId, j.stage, j.run, 'failed', { code: f.code, message: f.message });
    const { rows } = await tx.query<{ org_id: string }>('SELECT org_id FROM sessions WHERE id = $1', [j.sessionId]);
    return rows[0]?.org_id;
  });
  if (orgId) await emitEvent(deps, orgId, 'session.failed', `${j.sessionId}:${j.run}`, { sessionId: j.sessionId });
}
