import type { Job, Queue } from 'bullmq';

/** One queue's depth, as `GET /v1/ops/queues` and the worker's gauges report it. */
export interface QueueStats {
  name: string;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
  /** Age of the job that has waited longest (0 when none waits). */
  oldestWaitingSec: number;
}

/** The job states counted in {@link QueueStats} (the `state` label of `scribe_queue_jobs`). */
export const COUNTED_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

/**
 * When a job started waiting, as far as BullMQ records it: its creation (plus any delay it was
 * added with), or the start of its last attempt when it is back after a retry or a stall. The
 * age is therefore an upper bound for a retried job, never an underestimate.
 */
function waitingSince(job: Job): number {
  return Math.max(job.timestamp + (job.opts.delay ?? 0), job.processedOn ?? 0);
}

/** Counts per state and the age of the oldest waiting job; two Redis round trips. */
export async function queueStats(queue: Queue, now = Date.now()): Promise<QueueStats> {
  const [counts, oldest] = await Promise.all([
    queue.getJobCounts(...COUNTED_STATES),
    // The wait list is FIFO: ascending order puts the job queued longest first.
    queue.getJobs(['waiting'], 0, 0, true),
  ]);
  const first = oldest[0];
  return {
    name: queue.name,
    waiting: counts.waiting ?? 0,
    active: counts.active ?? 0,
    delayed: counts.delayed ?? 0,
    failed: counts.failed ?? 0,
    completed: counts.completed ?? 0,
    oldestWaitingSec: first ? Math.max(0, Math.round((now - waitingSince(first)) / 100) / 10) : 0,
  };
}

/** A job whose last attempt failed: ids and a stable code only, never the error's text. */
export interface JobFailure {
  queue: string;
  jobId: string;
  /** The session of a stage job; null for a webhook delivery. */
  sessionId: string | null;
  /** The delivery of a webhook job; null for a stage job. */
  deliveryId: string | null;
  code: string;
  /** `failed`: no more attempts (the session is failed or the delivery given up); `retrying`: waits for its next attempt. */
  state: 'failed' | 'retrying';
  attempts: number;
  at: string;
}

const CODE = /^([A-Z][A-Z0-9_]{1,63})(?::|$)/;

/**
 * The stable code at the start of a failure reason (`CODE: readable message`, as the worker's
 * stage runner writes it). BullMQ's own reasons get fixed codes; anything else is `UNKNOWN`, so
 * free text never leaves Redis through this function.
 */
export function failureCode(reason: string | undefined | null): string {
  if (!reason) return 'UNKNOWN';
  const m = CODE.exec(reason);
  if (m) return m[1]!;
  if (/stalled/i.test(reason)) return 'JOB_STALLED';
  return 'UNKNOWN';
}

const idOf = (data: unknown, key: string): string | null => {
  const v = (data as Record<string, unknown> | null | undefined)?.[key];
  return typeof v === 'string' ? v : null;
};

/**
 * The most recent failures of a queue: jobs that ended failed and jobs that wait for a retry
 * after a failed attempt, newest first.
 */
export async function recentFailures(queue: Queue, limit = 20): Promise<JobFailure[]> {
  const [failed, delayed] = await Promise.all([queue.getJobs(['failed'], 0, limit - 1), queue.getJobs(['delayed'], 0, limit - 1)]);
  const rows: (JobFailure & { ts: number })[] = [];
  const add = (job: Job, state: JobFailure['state']) => {
    const ts = job.finishedOn ?? job.processedOn ?? job.timestamp;
    rows.push({
      queue: queue.name,
      jobId: job.id ?? '',
      sessionId: idOf(job.data, 'sessionId'),
      deliveryId: idOf(job.data, 'deliveryId'),
      code: failureCode(job.failedReason),
      state,
      attempts: job.attemptsMade,
      at: new Date(ts).toISOString(),
      ts,
    });
  };
  for (const j of failed) add(j, 'failed');
  for (const j of delayed) if (j.attemptsMade > 0 && j.failedReason) add(j, 'retrying');
  return rows
    .sort((a, b) => b.ts - a.ts)
    .slice(0, limit)
    .map(({ ts: _ts, ...r }) => r);
}
