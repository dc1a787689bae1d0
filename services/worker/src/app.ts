import { UnrecoverableError, Worker, type Job, type Processor } from 'bullmq';
import type { Redis } from 'ioredis';
import { createMetrics, type Metrics } from '@scribe/observability';
import { failureCode, jitteredBackoff, WEBHOOK_QUEUE, type Stage, type StageJob, type WebhookJob } from '@scribe/queue';
import type { JobContext, WorkerDeps } from './deps.ts';
import { processTranscribe } from './processors/transcribe.processor.ts';
import { processDraft } from './processors/draft.processor.ts';
import { processDeliver } from './processors/deliver.processor.ts';
import { processWebhook } from './processors/webhook.processor.ts';
import { recordFinalFailure, stageLogger } from './stage-runner.ts';
import { reconcile } from './reconcile.ts';
import { closeWorker } from './close-worker.ts';
import { classifyFailure } from './failure.ts';
import { instrumentNoteDrafter, instrumentTranscriber, measureStage, observeQueueWait } from './instrumentation.ts';

export interface PipelineWorkers {
  workers: Worker[];
  /** The series the workers record (absent when no worker was started). */
  metrics?: Metrics;
  /** Ids of the jobs running in this process right now (named in the shutdown log). */
  running?: () => string[];
  /**
   * Stop taking jobs; jobs in flight finish (or are handed back as stalled if the process dies).
   * A worker with no job left that still has not closed after CLOSE_GRACE_MS (its Redis client
   * stuck reconnecting) is given up on and named in `abandoned`.
   */
  close(): Promise<{ abandoned: string[] }>;
}

/**
 * Start one BullMQ worker per stage plus the webhook worker. `connection` must have
 * `maxRetriesPerRequest: null` (see @scribe/queue createRedis). The transcriber and drafter are
 * wrapped with provider metrics, each stage job is timed and counted by outcome, and every job
 * logs through a child logger carrying its ids. Metrics go to `deps.metrics` (a new worker
 * registry when absent).
 */
export function startWorkers(deps: WorkerDeps, connection: Redis): PipelineWorkers {
  const { config } = deps;
  const metrics = deps.metrics ?? createMetrics('worker');
  const d: WorkerDeps = {
    ...deps,
    metrics,
    transcriber: instrumentTranscriber(deps.transcriber, metrics),
    drafter: instrumentNoteDrafter(deps.drafter, metrics),
  };
  const running = new Set<string>();
  /** Track the job while it runs, for the shutdown log. */
  const track = async <T>(queue: string, job: Job, run: () => Promise<T>): Promise<T> => {
    const id = `${queue}/${job.id}`;
    running.add(id);
    try {
      return await run();
    } finally {
      running.delete(id);
    }
  };
  const common = {
    connection,
    prefix: config.QUEUE_PREFIX,
    concurrency: config.WORKER_CONCURRENCY,
    // A job whose process stops renewing its lock (crash, SIGKILL, shutdown timeout) is stalled
    // after JOB_LOCK_MS and moved back to waiting by another worker's stalled check; stages are
    // idempotent, so it is finished once. A job stalling more than twice fails (JOB_STALLED).
    lockDuration: config.JOB_LOCK_MS,
    stalledInterval: Math.max(1_000, Math.floor(config.JOB_LOCK_MS / 2)),
    maxStalledCount: 2,
    settings: { backoffStrategy: (attemptsMade: number) => jitteredBackoff(attemptsMade, config.PIPELINE_BACKOFF_MS) },
  };
  type StageProcessor = (job: Job<StageJob>, deps: WorkerDeps, signal?: AbortSignal, ctx?: JobContext) => Promise<unknown>;
  const stage = (name: Stage, fn: StageProcessor) => {
    const w: Worker<StageJob> = new Worker<StageJob>(
      name,
      ((job, _token, signal) => track(name, job, () => {
        observeQueueWait(metrics, name, job);
        return measureStage(metrics, name, () => fn(job, d, signal, { rateLimit: (ms) => w.rateLimit(ms) }));
      })) as Processor<StageJob>,
      common,
    );
    // A job can also fail outside the processor (stalled too often, or out of attempts without the
    // stage runner's final decision): keep the session's record straight and count the failure.
    w.on('failed', (job: Job<StageJob> | undefined, err: Error) => {
      const stalled = /stalled/i.test(err.message);
      if (!job || (job.attemptsMade < (job.opts.attempts ?? 1) && !stalled)) return;
      const log = stageLogger(d.logger, name, job);
      if (!(err instanceof UnrecoverableError)) {
        metrics.stageOutcomes.inc({ stage: name, outcome: 'failed' });
        log.warn({ code: failureCode(err.message) }, 'job failed outside the stage runner');
      }
      void recordFinalFailure(d, { sessionId: job.data.sessionId, run: job.data.run, stage: name, jobId: job.id ?? '', attempts: job.attemptsMade },
        { code: stalled ? 'JOB_STALLED' : 'RETRIES_EXHAUSTED', message: 'The stage did not complete after its retries' })
        .catch((e: unknown) => log.error({ errType: (e as Error)?.name }, 'recording the final failure failed'));
    });
    w.on('error', (err) => d.logger.error({ queue: name, stage: name, errType: err.name }, 'worker error'));
    return w;
  };
  const webhooks = new Worker<WebhookJob>(WEBHOOK_QUEUE, (job, _t, signal) => track(WEBHOOK_QUEUE, job, async () => {
    observeQueueWait(metrics, WEBHOOK_QUEUE, job);
    try {
      return await processWebhook(job, d, signal);
    } catch (err) {
      // Keep BullMQ's failure reason to `CODE: message` (a database error's text can quote data).
      if (/^[A-Z][A-Z0-9_]+: /.test((err as Error)?.message ?? '')) throw err;
      const f = classifyFailure(err);
      throw new Error(`${f.code}: ${f.message}`, { cause: err });
    }
  }), common);
  webhooks.on('error', (err) => d.logger.error({ queue: WEBHOOK_QUEUE, errType: err.name }, 'worker error'));
  const workers: Worker[] = [
    stage('transcribe', processTranscribe),
    stage('draft', processDraft),
    stage('deliver', processDeliver),
    webhooks,
  ];
  const sweep = setInterval(() => {
    reconcile(d.pool, d.queues, d.webhooks, config.RECONCILE_INTERVAL_SEC).catch(() => {});
  }, config.RECONCILE_INTERVAL_SEC * 1000);
  sweep.unref();
  return {
    workers,
    metrics,
    running: () => [...running],
    async close() {
      clearInterval(sweep);
      const busy = (w: Worker) => () => [...running].some((id) => id.startsWith(`${w.name}/`));
      const results = await Promise.all(workers.map((w) => closeWorker(w, busy(w))));
      const abandoned = workers.filter((_, i) => results[i] === 'abandoned').map((w) => w.name);
      if (abandoned.length) d.logger.warn({ queues: abandoned }, 'workers closed without their Redis connections ending');
      return { abandoned };
    },
  };
}
