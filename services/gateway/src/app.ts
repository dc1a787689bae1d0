import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import websocket from '@fastify/websocket';
import type { Config } from '@scribe/config';
import { createMetrics, type Logger, type Metrics, type ReadinessCheck } from '@scribe/observability';
import type { StageQueues } from '@scribe/queue';
import { Limiter, type AudioStore, type TailWriter } from '@scribe/storage';
import { audioRoutes } from './routes/audio.routes.ts';
import type { LiveTranscriber } from '@scribe/transcription';
import { healthRoutes } from './routes/health.routes.ts';
import { instrumentHttp } from './plugins/metrics.ts';
import { LiveHub } from './live/live-hub.ts';
import { ConnectionRegistry } from './stream/registry.ts';
import { SEQ_BYTES } from './stream/messages.ts';

export interface GatewayDeps {
  config: Config;
  logger: Logger;
  store: AudioStore;
  /** Group commit of acked frames; give it its own small pool so acks never queue behind segment writes. */
  tail: TailWriter;
  queues: StageQueues;
  readiness: ReadinessCheck[];
  /** Streaming speech-to-text (`createLiveTranscriber(config)`); absent: no live transcript. */
  live?: LiveTranscriber | undefined;
  /** This process's metrics registry; a fresh one when absent. */
  metrics?: Metrics;
}

/** Build the gateway app. Never listens: main.ts does; tests listen on port 0. */
export async function buildGateway(deps: GatewayDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({ loggerInstance: deps.logger as FastifyBaseLogger, genReqId: () => randomUUID() });
  const registry = new ConnectionRegistry();
  app.decorate('audioConnections', registry);
  const metrics = deps.metrics ?? createMetrics('gateway');
  const live = deps.live ? new LiveHub({ transcriber: deps.live, pool: deps.store.deps.pool, store: deps.store, metrics }) : undefined;
  instrumentHttp(app, metrics);

  await app.register(websocket, {
    // ws refuses (1009) only frames far past our own limit; up to twice it we answer 4413 ourselves.
    options: { maxPayload: 2 * config.MAX_FRAME_BYTES + SEQ_BYTES, perMessageDeflate: false },
    // Graceful shutdown: every socket makes what it holds durable, acks it, and closes 1001.
    preClose: async function (this: FastifyInstance) {
      await registry.shutdown();
      await new Promise<void>((resolve) => this.websocketServer.close(() => resolve()));
    },
  });
  await app.register(healthRoutes(deps.readiness));
  await app.register(audioRoutes({
    store: deps.store,
    tail: deps.tail,
    // Segment writes are background work: a few at a time leaves pool, CPU and I/O to the acks.
    segmentLimiter: new Limiter(4),
    queues: deps.queues,
    logger: deps.logger,
    metrics,
    live,
    tokenSecret: config.STREAM_TOKEN_SECRET,
    registry,
    segmentTargetBytes: config.SEGMENT_TARGET_BYTES,
    idleTimeoutMs: config.STREAM_IDLE_TIMEOUT_SEC * 1000,
    limits: {
      maxFrameBytes: config.MAX_FRAME_BYTES,
      maxSessionBytes: config.MAX_SESSION_BYTES,
      maxSessionDurationSec: config.MAX_SESSION_DURATION_SEC,
      maxEarlyFrames: 16,
    },
  }));
  app.addHook('onClose', async () => {
    // Live streams of sockets closed by the shutdown flush their last finals (bounded), then acks settle.
    await live?.drain();
    await deps.tail.idle();
  });
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    audioConnections: ConnectionRegistry;
  }
}
