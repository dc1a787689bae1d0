import { Redis } from 'ioredis';
import type { Config } from '@scribe/config';
import { createPool, pingDatabase } from '@scribe/db';
import type { Logger } from '@scribe/observability';
import { closeStageQueues, createRedis, createStageQueues, createWebhookQueue } from '@scribe/queue';
import { createAudioStore, createBlobStore } from '@scribe/storage';
import type { ApiDeps } from './app.ts';

/** Wire the API's dependencies from config. The returned `close` releases them in order. */
export function createContainer(config: Config, logger: Logger): { deps: ApiDeps; close: () => Promise<void> } {
  const pool = createPool({
    connectionString: config.DATABASE_URL,
    max: config.DB_POOL_MAX,
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
    applicationName: 'scribe-api',
  });
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: false });
  redis.on('error', () => {}); // readiness reports it; ioredis reconnects on its own
  // Queues note.signed deliveries. A producer fails fast when Redis is down (the request must not
  // hang); the delivery rows are already committed, so nothing is lost.
  const queueRedis = createRedis(config.REDIS_URL, { maxRetriesPerRequest: 1 });
  const webhooks = createWebhookQueue(queueRedis, config.QUEUE_PREFIX, { attempts: config.WEBHOOK_ATTEMPTS });
  // Pipeline hand-off for recording/dictation/finish (queued after the commit), and the audio store.
  const queues = createStageQueues(queueRedis, config.QUEUE_PREFIX, { attempts: config.PIPELINE_ATTEMPTS });
  const blobs = createBlobStore(config);
  const deps: ApiDeps = {
    config,
    pool,
    logger,
    readiness: [
      { name: 'postgres', check: () => pingDatabase(pool) },
      { name: 'redis', check: async () => (await redis.ping()) === 'PONG' },
      { name: 'storage', check: () => blobs.ping() },
    ],
    webhooks,
    audio: createAudioStore(config, pool, blobs),
    queues,
  };
  return {
    deps,
    close: async () => {
      await webhooks.close();
      await closeStageQueues(queues);
      queueRedis.disconnect();
      redis.disconnect();
      await pool.end();
    },
  };
}
