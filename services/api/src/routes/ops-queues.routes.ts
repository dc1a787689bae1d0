import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Queue } from 'bullmq';
import { z } from 'zod';
import { AppError, ErrorEnvelope } from '@scribe/domain';
import { queueStats, recentFailures, type JobFailure, type StageQueues } from '@scribe/queue';
import { requireScope } from '../plugins/auth.ts';
import { ownedRecordIds } from '../admin/owned-records.ts';
import type { ApiDeps } from '../app.ts';

const QueueView = z.object({
  name: z.string(),
  waiting: z.number().int(),
  active: z.number().int(),
  delayed: z.number().int(),
  failed: z.number().int(),
  completed: z.number().int(),
  oldestWaitingSec: z.number().describe('Age of the job waiting longest (since it was queued or its last attempt started); 0 when none waits'),
});

const FailureView = z.object({
  queue: z.string(),
  jobId: z.string(),
  sessionId: z.string().nullable(),
  deliveryId: z.string().nullable(),
  code: z.string().describe('Stable failure code (e.g. PROVIDER_UNAVAILABLE); never the error text'),
  state: z.enum(['failed', 'retrying']),
  attempts: z.number().int(),
  at: z.string(),
});

/** How many recent failures the endpoint lists (newest first, across queues). */
const FAILURES_SHOWN = 20;
/** BullMQ waits for a lost Redis connection instead of failing: answer 503 rather than hang. */
const REDIS_TIMEOUT_MS = 3_000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms).unref())]);
}

/**
 * `GET /v1/ops/queues` (scope ops:read): depth of every pipeline queue and the webhooks queue
 * (counts are deployment-wide: the queues are shared), plus the organisation's own most recent
 * job failures as ids and codes. Failure reasons are not returned: codes only.
 */
export function opsQueuesRoutes(deps: Pick<ApiDeps, 'pool' | 'webhooks'> & { queues: StageQueues }) {
  const all: Queue[] = [...Object.values(deps.queues), deps.webhooks];
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get('/ops/queues', {
      preHandler: requireScope('ops:read'),
      schema: {
        operationId: 'listQueues', tags: ['ops'],
        summary: 'Queue depth per pipeline stage and webhooks, oldest waiting job, recent failures (ids and codes)',
        response: {
          200: z.object({ queues: z.array(QueueView), recentFailures: z.array(FailureView) }),
          401: ErrorEnvelope, 403: ErrorEnvelope, 503: ErrorEnvelope,
        },
      },
    }, async (req) => {
      let stats, failures: JobFailure[];
      try {
        [stats, failures] = await withTimeout(Promise.all([
          Promise.all(all.map((q) => queueStats(q))),
          Promise.all(all.map((q) => recentFailures(q, FAILURES_SHOWN))).then((x) => x.flat()),
        ]), REDIS_TIMEOUT_MS);
      } catch {
        throw new AppError(503, 'QUEUES_UNAVAILABLE', 'The queue store (Redis) did not answer');
      }
      const owned = await ownedRecordIds(
        deps.pool, req.principal.orgId,
        failures.flatMap((f) => (f.sessionId ? [f.sessionId] : [])),
        failures.flatMap((f) => (f.deliveryId ? [f.deliveryId] : [])),
      );
      const recent = failures
        .filter((f) => owned.has(f.sessionId ?? f.deliveryId ?? ''))
        .sort((a, b) => b.at.localeCompare(a.at))
        .slice(0, FAILURES_SHOWN);
      return { queues: stats, recentFailures: recent };
    });
  };
}
