import { configSchema, loadConfig } from '@scribe/config';
import { createLogger } from '@scribe/observability';
import { buildGateway } from './app.ts';
import { createContainer } from './container.ts';

const config = loadConfig(configSchema, process.env);
const logger = createLogger({ name: 'gateway', level: config.LOG_LEVEL });
const { deps, close } = createContainer(config, logger);
const app = await buildGateway(deps);
await app.listen({ host: config.HOST, port: config.GATEWAY_PORT });

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal, sockets: app.audioConnections.size }, 'shutting down');
  const timer = setTimeout(() => {
    logger.error('shutdown timed out; exiting');
    process.exit(1);
  }, config.SHUTDOWN_TIMEOUT_MS);
  timer.unref();
  // Stop accepting; every socket flushes, acks and closes 1001 (preClose); then queues, Redis, Postgres.
  await app.close();
  await close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
