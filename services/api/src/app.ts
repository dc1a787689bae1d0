import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from '@scribe/config';
import type { Pool } from '@scribe/db';
import type { Queue } from 'bullmq';
import type { StageQueues, WebhookJob } from '@scribe/queue';
import type { AudioStore } from '@scribe/storage';
import { createMetrics, type Logger, type Metrics, type ReadinessCheck } from '@scribe/observability';
import { registerErrorHandling } from './plugins/errors.ts';
import { registerAuth } from './plugins/auth.ts';
import { createApiKeyAuthenticator } from './plugins/api-key-cache.ts';
import { healthRoutes } from './routes/health.routes.ts';
import { sessionsRoutes } from './routes/sessions.routes.ts';
import { recordingsRoutes } from './routes/recordings.routes.ts';
import { transcriptsRoutes } from './routes/transcripts.routes.ts';
import { webhooksRoutes } from './routes/webhooks.routes.ts';
import { opsRoutes } from './routes/ops.routes.ts';
import { notesRoutes } from './routes/notes.routes.ts';
import { auditRoutes } from './routes/audit.routes.ts';
import { registerMetrics } from './plugins/metrics.ts';
import { childLoggerFactory, registerAccessLog } from './plugins/log-context.ts';
import { opsQueuesRoutes } from './routes/ops-queues.routes.ts';
import { registerBoard, redisTicketClaim } from './admin/board.ts';
import { boardSessionRoutes } from './admin/board-session.routes.ts';
import { boardSigningKey } from './admin/board-tokens.ts';
import { consoleRoutes } from './routes/console.routes.ts';

export interface ApiDeps {
  config: Config;
  pool: Pool;
  logger: Logger;
  /** Dependencies `/readyz` must reach (Postgres, Redis, storage). */
  readiness: ReadinessCheck[];
  /** Webhook deliveries (note.signed is announced from the API). */
  webhooks: Queue<WebhookJob>;
  /** Encrypted audio storage (recording, dictation, finish, delete). */
  audio: AudioStore;
  /** Pipeline hand-off: uploads and re-drives queue a stage after their commit. */
  queues: StageQueues;
  /** Prometheus registry for `/metrics`; a fresh `createMetrics('api')` when absent. */
  metrics?: Metrics;
}

/** Build the API app. Never listens: main.ts does, tests use `inject`. */
export async function buildApp(deps: ApiDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    genReqId: () => randomUUID(),
    childLoggerFactory,
    bodyLimit: 1024 * 1024,
    // One access line per request, written by registerAccessLog once it is answered.
    logController: new LogController({ disableRequestLogging: true }),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Set when the request arrives, so every answer carries it, errors included.
  app.addHook('onRequest', (req, reply, done) => {
    reply.header('x-request-id', req.id);
    done();
  });
  registerErrorHandling(app);
  registerMetrics(app, deps.metrics ?? createMetrics('api'));
  registerAccessLog(app);

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Therapy Scribe API',
        version: '1.0.0',
        description: 'Sessions, audio, AI-drafted therapy SOAP notes with CPT suggestions, review and sign-off.',
      },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'API key' } } },
      security: [{ bearerAuth: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  await app.register(healthRoutes(deps.readiness));
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  // The static review console (no auth: its data calls carry the API key).
  await app.register(consoleRoutes(deps));

  const boardKey = boardSigningKey(deps.config.STREAM_TOKEN_SECRET);
  await registerBoard(app, {
    db: deps.pool,
    queues: [...Object.values(deps.queues), deps.webhooks],
    signingKey: boardKey,
    claimTicket: redisTicketClaim(deps.webhooks, deps.config.QUEUE_PREFIX),
  });

  await app.register(
    async (v1) => {
      registerAuth(v1, createApiKeyAuthenticator(deps.pool, { ttlMs: deps.config.API_KEY_CACHE_TTL_SEC * 1000 }));
      await v1.register(sessionsRoutes(deps));
      await v1.register(recordingsRoutes(deps));
      await v1.register(transcriptsRoutes(deps));
      await v1.register(webhooksRoutes(deps));
      await v1.register(opsRoutes(deps));
      await v1.register(opsQueuesRoutes(deps));
      await v1.register(boardSessionRoutes(boardKey));
      await v1.register(notesRoutes(deps));
      await v1.register(auditRoutes(deps));
    },
    { prefix: '/v1' },
  );
  return app;
}
