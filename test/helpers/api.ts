/**
 * Build the real API app against a per-file test database, an encrypted filesystem audio
 * store in a temporary folder, and BullMQ queues under a unique Redis prefix.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Scope } from '@scribe/domain';
import { createApiKey, ensureOrganisation } from '@scribe/db';
import { closeStageQueues, createRedis, createStageQueues, createWebhookQueue } from '@scribe/queue';
import { createAudioStore } from '@scribe/storage';
import { buildApp, type ApiDeps } from '../../services/api/src/app.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';
import { testConfig } from './config.ts';
import { testLogger } from './logs.ts';
import { REDIS_URL, deletePrefix, uniquePrefix } from './redis.ts';

export interface TestApi {
  app: FastifyInstance;
  db: TestDatabase;
  deps: ApiDeps;
  /** The BullMQ key prefix of this app's queues. */
  queuePrefix: string;
  logLines: () => string[];
  /** A key for a new or existing organisation with the given scopes. */
  key(org: string, scopes?: Scope[]): Promise<string>;
  close(): Promise<void>;
}

export const ALL_SCOPES: Scope[] = ['sessions:write', 'notes:read', 'notes:write', 'notes:sign', 'ops:read', 'ops:write', 'audit:read', 'admin'];

/** `config` overrides are applied on top of the test config (DATABASE_URL and STORAGE_DIR are set here). */
export async function createTestApi(file: string, opts: { config?: Record<string, string>; queuePrefix?: string; redisUrl?: string } = {}): Promise<TestApi> {
  const db = await createTestDatabase();
  const { logger, lines } = testLogger('api', file);
  const storageDir = mkdtempSync(join(tmpdir(), 'scribe-api-audio-'));
  const queuePrefix = opts.queuePrefix ?? uniquePrefix('api');
  const redisUrl = opts.redisUrl ?? REDIS_URL;
  const queueRedis = createRedis(redisUrl, { maxRetriesPerRequest: 1 });
  const config = testConfig({ DATABASE_URL: db.url, REDIS_URL: redisUrl, STORAGE_DIR: storageDir, QUEUE_PREFIX: queuePrefix, ...opts.config });
  const deps: ApiDeps = {
    config,
    pool: db.pool,
    logger,
    readiness: [{ name: 'postgres', check: async () => true }],
    webhooks: createWebhookQueue(queueRedis, queuePrefix),
    audio: createAudioStore(config, db.pool),
    queues: createStageQueues(queueRedis, queuePrefix, { attempts: config.PIPELINE_ATTEMPTS }),
  };
  const app = await buildApp(deps);
  await app.ready();
  return {
    app,
    db,
    deps,
    queuePrefix,
    logLines: lines,
    async key(org, scopes = ALL_SCOPES) {
      const orgId = await ensureOrganisation(db.pool, org);
      return (await createApiKey(db.pool, { orgId, scopes })).key;
    },
    async close() {
      await app.close();
      await deps.webhooks.close();
      await closeStageQueues(deps.queues);
      queueRedis.disconnect();
      if (!opts.queuePrefix) await deletePrefix(queuePrefix, redisUrl).catch(() => {});
      await db.drop();
      rmSync(storageDir, { recursive: true, force: true });
    },
  };
}

export const bearer = (key: string, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${key}`, ...extra });
