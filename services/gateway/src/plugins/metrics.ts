import type { FastifyInstance } from 'fastify';
import type { Metrics } from '@scribe/observability';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * `GET /metrics` (Prometheus text: the ws_* ingest series, HTTP latency, process metrics) and
 * the latency of every HTTP request by method, route template (never the raw URL: no id
 * becomes a label) and status, as the API does. The audio WebSocket is not an HTTP request
 * once upgraded (it lives for minutes): only refusals before the upgrade count. `/metrics`
 * needs no token: the Ingress does not route it, and it holds counts and durations only.
 * Call on the root instance, before the routes, so the hook sees every route.
 */
export function instrumentHttp(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onResponse', async (req, reply) => {
    if (req.ws && reply.statusCode < 400) return;
    metrics.httpDuration.observe(
      { method: METHODS.has(req.method) ? req.method : 'OTHER', route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  app.get('/metrics', { logLevel: 'warn' }, async (_req, reply) => {
    reply.header('content-type', metrics.registry.contentType);
    reply.header('cache-control', 'no-store');
    return metrics.registry.metrics();
  });
}
