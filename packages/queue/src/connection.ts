import { Queue } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import type { JobsOptions } from 'bullmq';
import { DEFAULT_JOB_OPTIONS, STAGES, StageJob, stageJobId, WEBHOOK_QUEUE, WebhookJob, type Stage } from './names.ts';

/**
 * A Redis connection suitable for BullMQ: workers need `maxRetriesPerRequest: null`
 * (BullMQ refuses otherwise, and leaks the socket).
 */
export function createRedis(url: string, opts: RedisOptions = {}): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, ...opts });
  redis.on('error', () => {}); // ioredis reconnects; readiness and job failures surface the outage
  return redis;
}

export type StageQueues = Record<Stage, Queue<StageJob>>;

/** One queue per stage under a shared prefix. `jobOptions` override the defaults (attempts, backoff). */
export function createStageQueues(connection: Redis, prefix: string, jobOptions: JobsOptions = {}): StageQueues {
  const defaultJobOptions = { ...DEFAULT_JOB_OPTIONS, ...jobOptions };
  return Object.fromEntries(STAGES.map((s) => [s, quiet(new Queue<StageJob>(s, { connection, prefix, defaultJobOptions }))])) as StageQueues;
}

export function createWebhookQueue(connection: Redis, prefix: string, jobOptions: JobsOptions = {}): Queue<WebhookJob> {
  return quiet(new Queue<WebhookJob>(WEBHOOK_QUEUE, { connection, prefix, defaultJobOptions: { ...DEFAULT_JOB_OPTIONS, attempts: 12, ...jobOptions } }));
}

/**
 * Without an `error` listener a BullMQ queue prints every connection error to stderr as
 * unstructured text. As with the connection itself, readiness and the failing calls surface an
 * outage (`/readyz`, 503 QUEUES_UNAVAILABLE, a failed enqueue).
 */
function quiet<Q extends Queue>(queue: Q): Q {
  queue.on('error', () => {});
  return queue;
}

/** Queue one webhook delivery. Idempotent per delivery id. */
export async function enqueueWebhook(queue: Queue<WebhookJob>, deliveryId: string): Promise<void> {
  await queue.add('deliver', WebhookJob.parse({ deliveryId }), { jobId: `webhook-${deliveryId}` });
}

/** Queue one stage for a session. Idempotent per (stage, session, run). Call after the DB commit. */
export async function enqueueStage(queues: StageQueues, stage: Stage, job: StageJob): Promise<void> {
  const data = StageJob.parse(job);
  await queues[stage].add(stage, data, { jobId: stageJobId(stage, data) });
}

export async function closeStageQueues(queues: StageQueues): Promise<void> {
  await Promise.all(Object.values(queues).map((q) => q.close()));
}
