import Fastify, { type FastifyInstance } from 'fastify';
import { runReadiness, type Metrics, type ReadinessCheck } from '@scribe/observability';

/**
 * The worker's small HTTP side on its private port: `/healthz`, `/readyz` (Postgres, Redis and
 * storage) and `/metrics`. No API key: nothing routes to this port but Prometheus and the
 * kubelet, and the metrics hold kinds (stage, queue, provider, engine) and numbers, never ids
 * or PHI. `beforeScrape` refreshes values read from elsewhere (queue depth) on each scrape.
 */
export function buildHealthServer(checks: ReadinessCheck[], metrics: Metrics, beforeScrape?: () => Promise<void>): FastifyInstance {
  const app = Fastify({ logger: false });
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    const report = await runReadiness(checks);
    return reply.code(report.status === 'ok' ? 200 : 503).send(report);
  });
  app.get('/metrics', async (_req, reply) => {
    await beforeScrape?.();
    reply.header('content-type', metrics.registry.contentType);
    return metrics.registry.metrics();
  });
  return app;
}
