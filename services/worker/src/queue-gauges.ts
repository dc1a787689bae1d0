import type { Queue } from 'bullmq';
import type { Logger, Metrics } from '@scribe/observability';
import { COUNTED_STATES, queueStats } from '@scribe/queue';

/** A scrape must answer within Prometheus' scrape timeout (10 s) even when Redis does not. */
const REFRESH_TIMEOUT_MS = 3_000;

/**
 * Refresh `scribe_queue_jobs{queue,state}` and `scribe_queue_oldest_waiting_seconds{queue}` from
 * the queues' counts; called on every scrape of `/metrics`, so the gauges are as fresh as the
 * scrape. When Redis does not answer the gauges are cleared rather than left stale: an absent
 * series is honest, an old number is not (readiness reports Redis as down meanwhile).
 */
export function queueGaugeRefresher(metrics: Metrics, queues: Queue[], logger?: Logger): () => Promise<void> {
  return async () => {
    try {
      const all = await Promise.race([
        Promise.all(queues.map((q) => queueStats(q))),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('queue stats timed out')), REFRESH_TIMEOUT_MS).unref()),
      ]);
      for (const s of all) {
        for (const state of COUNTED_STATES) metrics.queueDepth.set({ queue: s.name, state }, s[state]);
        metrics.queueOldestWaiting.set({ queue: s.name }, s.oldestWaitingSec);
      }
    } catch (err) {
      metrics.queueDepth.reset();
      metrics.queueOldestWaiting.reset();
      logger?.warn({ errType: (err as Error)?.name }, 'queue gauges not refreshed: Redis did not answer');
    }
  };
}
