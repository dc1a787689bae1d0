import type { FastifyInstance } from 'fastify';
import { runReadiness, type ReadinessCheck } from '@scribe/observability';

/** `/healthz`: the process is up. `/readyz`: Postgres, Redis and storage answer (the shared checks, 2 s each). No auth. */
export function healthRoutes(checks: ReadinessCheck[]) {
  return async (app: FastifyInstance) => {
    app.get('/healthz', { logLevel: 'warn' }, async () => ({ status: 'ok' }));
    app.get('/readyz', { logLevel: 'warn' }, async (_req, reply) => {
      const report = await runReadiness(checks);
      return reply.code(report.status === 'ok' ? 200 : 503).send(report);
    });
  };
}
