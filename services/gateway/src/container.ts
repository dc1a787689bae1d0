import type { Config } from '@scribe/config';
import { createPool, pingDatabase } from '@scribe/db';
import { createMetrics, type Logger } from '@scribe/observability';
import { createLiveTranscriber } from '@scribe/transcription';
import { closeStageQueues, createRedis, createStageQueues } from '@scribe/queue';
import { createAudioStore, createBlobStore, TailWriter } from '@scribe/storage';
import type { GatewayDeps } from './app.ts';

/** Wire the gateway's dependencies from config. `close` releases them: queues, Redis, then Postgres. */
export function createContainer(config: Config, logger: Logger): { deps: GatewayDeps; close: () => Promise<void> } {
  const pool = createPool({
    connectionString: config.DATABASE_URL,
    max: config.DB_POOL_MAX,
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
    applicationName: 'scribe-gateway',
  });
  // The ack path's group commits get their own two connections: a burst of segment writes or
  // finishes on the main pool must never delay an ack.
  const ackPool = createPool({
    connectionString: config.DATABASE_URL,
    max: 2,
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
    applicationName: 'scribe-gateway-acks',
  });
  const redis = createRedis(config.REDIS_URL);
  const queues = createStageQueues(redis, config.QUEUE_PREFIX, { attempts: config.PIPELINE_ATTEMPTS });
  const blobs = createBlobStore(config);
  const store = createAudioStore(config, pool, blobs);
  const deps: GatewayDeps = {
    config,
    logger,
    store,
    tail: new TailWriter(ackPool),
    queues,
    // Only Deepgram streams (TRANSCRIBER=deepgram, DEEPGRAM_LIVE=true); otherwise undefined.
    live: createLiveTranscriber(config),
    metrics: createMetrics('gateway'),
    readiness: [
      { name: 'postgres', check: () => pingDatabase(pool) },
      { name: 'redis', check: async () => (await redis.ping()) === 'PONG' },
      { name: 'storage', check: () => blobs.ping() },
    ],
  };
  return {
    deps,
    close: async () => {
      await closeStageQueues(queues);
      redis.disconnect();
      await ackPool.end();
      await pool.end();
    },
  };
}
