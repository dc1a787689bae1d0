import { configSchema, loadConfig } from '@scribe/config';
import { createLogger, createShutdown, onShutdownSignals } from '@scribe/observability';
import { createContainer } from './container.ts';
import { startWorkers } from './app.ts';
import { buildHealthServer } from './health-server.ts';
import { queueGaugeRefresher } from './queue-gauges.ts';

const config = loadConfig(configSchema, process.env);
const logger = createLogger({ name: 'worker', level: config.LOG_LEVEL });
const container = createContainer(config, logger);
const { deps } = container;
const pipeline = startWorkers(deps, container.connection);
const refreshGauges = queueGaugeRefresher(container.metrics, [...Object.values(deps.queues), deps.webhooks], logger);
const health = buildHealthServer(container.readiness, container.metrics, refreshGauges);
const address = await health.listen({ host: config.HOST, port: config.WORKER_METRICS_PORT });
logger.info({ address, transcriber: deps.transcriber.engine, drafter: deps.drafter.engine, concurrency: config.WORKER_CONCURRENCY }, 'worker started');

// SIGTERM: stop taking jobs and let running ones finish, then the health port, then queues,
// Redis and Postgres (pools last: a finishing job still writes). When SHUTDOWN_TIMEOUT_MS
// strikes first the process exits with the jobs still running: their locks stop being renewed,
// expire after JOB_LOCK_MS, and another worker's stalled check hands them on. Stages are
// idempotent, so a job cut short is finished once.
onShutdownSignals(createShutdown({
  logger,
  timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  steps: [
    { name: 'workers', run: async () => void await pipeline.close() },
    { name: 'health server', run: () => health.close() },
    { name: 'queues, redis, postgres', run: container.close },
  ],
  onTimeout: () => ({ handedBack: pipeline.running?.() ?? [], lockMs: config.JOB_LOCK_MS }),
}));
