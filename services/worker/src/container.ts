import OpenAI from 'openai';
import type { Config } from '@scribe/config';
import { createPool, pingDatabase } from '@scribe/db';
import { OfflineTherapyDrafter, OpenAiDrafter, type Drafter } from '@scribe/drafting';
import { createMetrics, type Logger, type Metrics, type ReadinessCheck } from '@scribe/observability';
import { closeStageQueues, createRedis, createStageQueues, createWebhookQueue } from '@scribe/queue';
import { createAudioStore, createBlobStore } from '@scribe/storage';
import { createTranscriber } from '@scribe/transcription';
import type { Redis } from 'ioredis';
import type { WorkerDeps } from './deps.ts';
import { storeAudioSource } from './audio-source.ts';
import { createNoteDrafter } from './note-drafter.ts';

/** The drafter chosen by DRAFTER: the offline therapy drafter (default) or an OpenAI-compatible LLM. */
export function createDrafter(config: Config): Drafter {
  if (config.DRAFTER === 'openai') {
    const client = new OpenAI({ apiKey: config.OPENAI_API_KEY, baseURL: config.OPENAI_BASE_URL, maxRetries: 0, timeout: 120_000 });
    return new OpenAiDrafter({ client, model: config.OPENAI_DRAFT_MODEL });
  }
  return new OfflineTherapyDrafter();
}

export interface WorkerContainer {
  deps: WorkerDeps;
  connection: Redis;
  metrics: Metrics;
  readiness: ReadinessCheck[];
  close: () => Promise<void>;
}

/** Wire the worker's dependencies from config, by hand. `close` releases queues, Redis, then Postgres. */
export function createContainer(config: Config, logger: Logger): WorkerContainer {
  const pool = createPool({
    connectionString: config.DATABASE_URL,
    max: config.DB_POOL_MAX,
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
    applicationName: 'scribe-worker',
  });
  const connection = createRedis(config.REDIS_URL);
  const queues = createStageQueues(connection, config.QUEUE_PREFIX, { attempts: config.PIPELINE_ATTEMPTS });
  const webhooks = createWebhookQueue(connection, config.QUEUE_PREFIX, { attempts: config.WEBHOOK_ATTEMPTS });
  const blobs = createBlobStore(config);
  const metrics = createMetrics('worker');
  const deps: WorkerDeps = {
    config,
    pool,
    logger,
    queues,
    webhooks,
    transcriber: createTranscriber(config),
    audio: storeAudioSource(createAudioStore(config, pool, blobs)),
    drafter: createNoteDrafter(createDrafter(config)),
    metrics,
  };
  return {
    deps,
    connection,
    metrics,
    readiness: [
      { name: 'postgres', check: () => pingDatabase(pool) },
      { name: 'redis', check: async () => (await connection.ping()) === 'PONG' },
      { name: 'storage', check: () => blobs.ping() },
    ],
    // Pools close last: the workers must be closed (or given up on) before this runs.
    close: async () => {
      await webhooks.close();
      await closeStageQueues(queues);
      connection.disconnect();
      await pool.end();
    },
  };
}
