import { z } from 'zod';
import type { JobsOptions } from 'bullmq';

/** The pipeline's stages, in order. One BullMQ queue per stage. */
export const STAGES = ['transcribe', 'draft', 'deliver'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * Job payloads hold ids only: BullMQ keeps job data in clear text in Redis, so no audio,
 * transcript, note text or patient reference ever goes into a job.
 */
export const StageJob = z.object({
  sessionId: z.uuid(),
  /** Re-drive counter: 0 for the first run, +1 per operator retry (keeps job ids unique). */
  run: z.number().int().nonnegative(),
});
export type StageJob = z.infer<typeof StageJob>;

/** Deterministic job id: adding the same stage twice for one run is a no-op. */
export const stageJobId = (stage: Stage, job: StageJob) => `${stage}-${job.sessionId}-r${job.run}`;

/** Retries with exponential backoff (jitter added by the worker's backoff strategy); failed jobs are kept. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'jittered', delay: 1_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: false,
};

/** Webhook deliveries: one job per delivery row (payload: its id only). */
export const WEBHOOK_QUEUE = 'webhooks';
export const WebhookJob = z.object({ deliveryId: z.uuid() });
export type WebhookJob = z.infer<typeof WebhookJob>;

/**
 * Exponential backoff with jitter: base * 2^(attempt-1), scaled by a random factor in
 * [0.5, 1) so retries from many jobs do not arrive in lockstep; capped at `maxMs`.
 */
export function jitteredBackoff(attemptsMade: number, baseMs: number, maxMs = 10 * 60_000, random = Math.random): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attemptsMade - 1));
  return Math.round(exp * (0.5 + random() * 0.5));
}
