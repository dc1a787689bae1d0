import { configSchema, loadConfig } from '@scribe/config';
import { createLogger, createShutdown, onShutdownSignals } from '@scribe/observability';
import { buildApp } from './app.ts';
import { createContainer } from './container.ts';

const config = loadConfig(configSchema, process.env);
const logger = createLogger({ name: 'api', level: config.LOG_LEVEL });
const { deps, close } = createContainer(config, logger);
const app = await buildApp(deps);
await app.listen({ host: config.HOST, port: config.API_PORT });

// SIGTERM: stop accepting and let in-flight requests finish (fastify answers 503 to new ones on
// kept-alive sockets and closes idle ones), then queues and Redis, then Postgres. Past
// SHUTDOWN_TIMEOUT_MS the process exits anyway: a cut request is retried by its client, and
// everything a request commits is committed before it answers.
onShutdownSignals(createShutdown({
  logger,
  timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  steps: [
    { name: 'http', run: () => app.close() },
    { name: 'queues, redis, postgres', run: close },
  ],
}));
