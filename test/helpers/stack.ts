/**
 * The whole stack in one test process: the real API, gateway and worker over one test
 * database, one temporary encrypted audio store and one Redis key prefix. Only the
 * transcriber may be swapped (a local server speaking a vendor's wire format, or the
 * offline engine); everything else is the production code.
 */
import { createServer, type AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Transcriber } from '@scribe/transcription';
import { createTranscriber } from '@scribe/transcription';
import { TailWriter } from '@scribe/storage';
import { createRedis } from '@scribe/queue';
import { buildGateway } from '../../services/gateway/src/app.ts';
import { startWorkers, type PipelineWorkers } from '../../services/worker/src/app.ts';
import { storeAudioSource } from '../../services/worker/src/audio-source.ts';
import { createNoteDrafter } from '../../services/worker/src/note-drafter.ts';
import { createDrafter } from '../../services/worker/src/container.ts';
import type { WorkerDeps } from '../../services/worker/src/deps.ts';
import { prepareTemplateDatabase } from './db.ts';
import { createTestApi, type TestApi } from './api.ts';
import { testLogger } from './logs.ts';
import { REDIS_URL } from './redis.ts';

export interface TestStack {
  api: TestApi;
  gateway: FastifyInstance;
  worker: PipelineWorkers;
  workerDeps: WorkerDeps;
  /** `http://127.0.0.1:<port>` when started with `listenApi` (e.g. for a browser); otherwise null. */
  apiUrl: string | null;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface StackOptions {
  config?: Record<string, string>;
  /** Defaults to the configured engine (offline pocketsphinx unless `config` says otherwise). */
  transcriber?: Transcriber;
  /** Start the worker (default true); tests of failure handling may run processors by hand. */
  startWorker?: boolean;
  /** A private Redis (e.g. one a test restarts); default the shared test Redis. */
  redisUrl?: string;
  /** Also serve the API on a real loopback port (default false: tests use `app.inject`). */
  listenApi?: boolean;
}

export async function startStack(file: string, opts: StackOptions = {}): Promise<TestStack> {
  // The benchmarks start stacks outside vitest, whose global setup would otherwise have made
  // the template database; on a fresh machine it does not exist yet. Cheap when it does.
  await prepareTemplateDatabase();
  const port = await freePort();
  const api = await createTestApi(file, {
    redisUrl: opts.redisUrl,
    config: { PUBLIC_GATEWAY_URL: `ws://127.0.0.1:${port}`, PIPELINE_BACKOFF_MS: '200', JOB_LOCK_MS: '5000', ...opts.config },
  });
  const { config } = api.deps;
  const gateway = await buildGateway({
    config, logger: testLogger('gateway', file).logger, store: api.deps.audio, tail: new TailWriter(api.db.pool),
    queues: api.deps.queues, readiness: [],
  });
  await gateway.listen({ host: '127.0.0.1', port });
  const connection = createRedis(opts.redisUrl ?? REDIS_URL);
  const workerDeps: WorkerDeps = {
    config,
    pool: api.db.pool,
    logger: testLogger('worker', file).logger,
    queues: api.deps.queues,
    webhooks: api.deps.webhooks,
    transcriber: opts.transcriber ?? createTranscriber(config),
    audio: storeAudioSource(api.deps.audio),
    drafter: createNoteDrafter(createDrafter(config)),
  };
  const apiUrl = opts.listenApi ? await api.app.listen({ host: '127.0.0.1', port: 0 }) : null;
  const worker = opts.startWorker === false ? { workers: [], close: async () => ({ abandoned: [] }) } : startWorkers(workerDeps, connection);
  return {
    api, gateway, worker, workerDeps, apiUrl,
    async close() {
      await worker.close();
      connection.disconnect();
      await gateway.close();
      await api.close();
    },
  };
}
