import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runReadiness, type ReadinessCheck } from '@scribe/observability';

const Ready = z.object({ status: z.enum(['ok', 'unavailable']), checks: z.record(z.string(), z.enum(['ok', 'down'])) });

/** `/healthz`: the process is up. `/readyz`: every dependency answers. No auth. */
export function healthRoutes(checks: ReadinessCheck[]) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/healthz', {
      logLevel: 'warn',
      schema: { operationId: 'healthz', tags: ['ops'], response: { 200: z.object({ status: z.literal('ok') }) } },
    }, async () => ({ status: 'ok' as const }));

    r.get('/readyz', {
      logLevel: 'warn',
      schema: { operationId: 'readyz', tags: ['ops'], response: { 200: Ready, 503: Ready } },
    }, async (_req, reply) => {
      const report = await runReadiness(checks);
      return reply.code(report.status === 'ok' ? 200 : 503).send(report);
    });
  };
}
