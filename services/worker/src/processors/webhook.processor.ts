import { createHmac } from 'node:crypto';
import type { Job } from 'bullmq';
import { getDelivery, recordAttempt } from '@scribe/db';
import { WEBHOOK_QUEUE, type WebhookJob } from '@scribe/queue';
import type { WorkerDeps } from '../deps.ts';

/** `X-Scribe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">` (API.md, Webhooks). */
export function signWebhook(secret: string, body: string, t = Math.floor(Date.now() / 1000)): string {
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

/**
 * POST one delivery. Every attempt is recorded; a non-2xx or a network error is thrown so
 * BullMQ retries with backoff; the last attempt marks the delivery failed.
 */
export async function processWebhook(job: Job<WebhookJob>, deps: Pick<WorkerDeps, 'pool' | 'logger' | 'config'>, signal?: AbortSignal) {
  const log = deps.logger.child({ jobId: job.id, queue: WEBHOOK_QUEUE, deliveryId: job.data.deliveryId, attempt: job.attemptsMade + 1 });
  const d = await getDelivery(deps.pool, job.data.deliveryId);
  if (!d || d.status !== 'pending') return { skipped: true };
  const body = JSON.stringify(d.payload);
  const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  const started = Date.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    const timeout = AbortSignal.timeout(deps.config.WEBHOOK_TIMEOUT_MS);
    const res = await fetch(d.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-scribe-signature': signWebhook(d.secret, body), 'user-agent': 'therapy-scribe-webhooks/1' },
      body,
      redirect: 'manual',
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    statusCode = res.status;
    await res.body?.cancel();
  } catch (err) {
    error = (err as Error).name === 'TimeoutError' ? 'timeout' : 'connection failed';
  }
  const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
  await recordAttempt(deps.pool, d.id, { ok, statusCode, error, durationMs: Date.now() - started, final: !ok && final });
  log.info({ statusCode, error, ok }, 'webhook attempt');
  // `CODE: message` like the stage failures, so the ops view can show a code (never a response body).
  if (!ok) {
    const code = statusCode !== null ? `WEBHOOK_HTTP_${statusCode}` : error === 'timeout' ? 'WEBHOOK_TIMEOUT' : 'WEBHOOK_UNREACHABLE';
    throw new Error(`${code}: webhook delivery failed (${statusCode ?? error})`);
  }
  return { statusCode };
}
