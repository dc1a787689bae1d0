import type { Queue } from 'bullmq';
import type { Config } from '@scribe/config';
import type { Pool } from '@scribe/db';
import type { Logger, Metrics } from '@scribe/observability';
import type { StageQueues, WebhookJob } from '@scribe/queue';
import type { Transcriber } from '@scribe/transcription';
import type { NoteDrafter, SessionAudioSource } from './ports.ts';

/** Everything the processors use, wired by hand in container.ts (tests wire their own). */
export interface WorkerDeps {
  config: Config;
  pool: Pool;
  logger: Logger;
  queues: StageQueues;
  webhooks: Queue<WebhookJob>;
  transcriber: Transcriber;
  audio: SessionAudioSource;
  drafter: NoteDrafter;
  /**
   * Where the processors record what only they know (a note actually stored, per engine).
   * `startWorkers` always sets it; a test calling a processor directly may leave it out.
   */
  metrics?: Metrics;
}

/** Per-job context from the BullMQ worker (absent when a test calls a processor directly). */
export interface JobContext {
  /** Pause the whole queue, e.g. on a provider 429. */
  rateLimit?: (ms: number) => Promise<void>;
}
