import { UnrecoverableError, type Job } from 'bullmq';
import type { Metrics } from '@scribe/observability';
import type { Transcriber } from '@scribe/transcription';
import { classifyFailure } from './failure.ts';
import type { NoteDrafter } from './ports.ts';

/** `scribe_provider_errors_total{kind}`: the failure policy's kind, or `aborted` (shutdown, timeout signal). */
function errorKind(err: unknown, signal?: AbortSignal): string {
  if (signal?.aborted || (err as Error | undefined)?.name === 'AbortError') return 'aborted';
  return classifyFailure(err).kind;
}

/** Time one provider call; count its failure by kind. */
async function timed<T>(metrics: Metrics, provider: string, operation: string, signal: AbortSignal | undefined, call: () => Promise<T>): Promise<T> {
  const end = metrics.providerDuration.startTimer({ provider, operation });
  try {
    return await call();
  } catch (err) {
    metrics.providerErrors.inc({ provider, kind: errorKind(err, signal) });
    throw err;
  } finally {
    end();
  }
}

/**
 * The speech provider with `scribe_provider_request_duration_seconds{provider,operation="transcribe"}`
 * and `scribe_provider_errors_total{provider,kind}`. Errors pass through unchanged (the failure
 * policy reads them).
 */
export function instrumentTranscriber(t: Transcriber, metrics: Metrics): Transcriber {
  return {
    engine: t.engine,
    model: t.model,
    transcribe: (req, signal) => timed(metrics, t.engine, 'transcribe', signal, () => t.transcribe(req, signal)),
  };
}

/**
 * The drafter with the same provider series (`operation="draft"`). It times the drafting call;
 * the coding that follows it is pure and takes milliseconds.
 */
export function instrumentNoteDrafter(d: NoteDrafter, metrics: Metrics): NoteDrafter {
  return {
    engine: d.engine,
    draft: (input, signal) => timed(metrics, d.engine, 'draft', signal, () => d.draft(input, signal)),
  };
}

export type StageOutcome = 'completed' | 'retry' | 'failed' | 'skipped';

/** A processor's result -> outcome: an early return (`{ skipped }`) is `skipped`. */
export function outcomeOfResult(result: unknown): StageOutcome {
  return result !== null && typeof result === 'object' && 'skipped' in result ? 'skipped' : 'completed';
}

/**
 * A processor's error -> outcome, as the stage runner decided it: `UnrecoverableError` means it
 * recorded the session as failed (unrecoverable, or the last attempt); a rate-limit pause
 * (`RateLimitError`) or any other error means BullMQ runs the job again.
 */
export function outcomeOfError(err: unknown): StageOutcome {
  return err instanceof UnrecoverableError ? 'failed' : 'retry';
}

/**
 * `scribe_queue_wait_seconds{queue}`: from being queued to being taken, for a job's first run
 * only. A retry's or a stalled job's wait is not known exactly (BullMQ keeps the creation time),
 * so counting it would inflate the histogram with attempt and backoff times.
 */
export function observeQueueWait(metrics: Metrics, queue: string, job: Job): void {
  if (job.attemptsMade > 0 || (job.stalledCounter ?? 0) > 0 || !job.processedOn) return;
  const waitedMs = job.processedOn - job.timestamp - (job.opts.delay ?? 0);
  metrics.queueWait.observe({ queue }, Math.max(0, waitedMs) / 1000);
}

/**
 * Run one stage job under the stage series: `scribe_stage_duration_seconds{stage,outcome}` and
 * `scribe_stage_outcomes_total{stage,outcome}`. The processor's result or error passes through.
 */
export async function measureStage<T>(metrics: Metrics, stage: string, run: () => Promise<T>): Promise<T> {
  const end = metrics.stageDuration.startTimer({ stage });
  let outcome: StageOutcome = 'retry';
  try {
    const result = await run();
    outcome = outcomeOfResult(result);
    return result;
  } catch (err) {
    outcome = outcomeOfError(err);
    throw err;
  } finally {
    end({ outcome });
    metrics.stageOutcomes.inc({ stage, outcome });
  }
}
