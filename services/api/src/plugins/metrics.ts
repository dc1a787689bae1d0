import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Metrics } from '@scribe/observability';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * The `route` label: the route template (`/v1/sessions/:id`), never the raw URL, so no id
 * becomes a label value and the series count stays bounded. Requests that matched no route
 * share one label.
 */
export function routeLabel(req: FastifyRequest): string {
  return req.routeOptions?.url ?? 'unmatched';
}

/**
 * Prometheus on the API: a latency histogram by method, route template and status for every
 * request, and `GET /metrics` (Prometheus text). `/metrics` needs no API key: the Ingress does
 * not route it (Prometheus scrapes the pod port), and it holds route templates, status codes,
 * counts and durations only. Register before the routes so every route gets the hook.
 */
export function registerMetrics(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onResponse', (req, reply, done) => {
    metrics.httpDuration.observe(
      { method: METHODS.has(req.method) ? req.method : 'OTHER', route: routeLabel(req), status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    done();
  });

  app.get('/metrics', {
    logLevel: 'warn',
    schema: {
      operationId: 'metrics', tags: ['ops'],
      summary: 'Prometheus metrics (text exposition format): request latency by route template, process stats',
    },
  }, async (_req, reply) => {
    reply.header('content-type', metrics.registry.contentType);
    reply.header('cache-control', 'no-store');
    return metrics.registry.metrics();
  });
}
