import type { Queryable } from './pool.ts';

export interface Webhook {
  id: string;
  url: string;
  events: string[];
  createdAt: string;
}

export async function createWebhook(q: Queryable, orgId: string, w: { url: string; events: string[]; secret: string }): Promise<Webhook> {
  const { rows } = await q.query<{ id: string; created_at: Date }>(
    'INSERT INTO webhooks (org_id, url, events, secret) VALUES ($1, $2, $3, $4) RETURNING id, created_at',
    [orgId, w.url, w.events, w.secret],
  );
  return { id: rows[0]!.id, url: w.url, events: w.events, createdAt: rows[0]!.created_at.toISOString() };
}

export interface EventData {
  sessionId: string;
  noteId?: string;
}

/**
 * Create one delivery per active webhook of the organisation subscribed to `type`.
 * Idempotent per (webhook, event id). Returns the ids of deliveries still pending.
 */
export async function createDeliveries(q: Queryable, orgId: string, ev: { id: string; type: string; createdAt: string; data: EventData }): Promise<string[]> {
  const payload = { id: ev.id, type: ev.type, createdAt: ev.createdAt, data: ev.data };
  await q.query(
    `INSERT INTO webhook_deliveries (webhook_id, org_id, event_id, event_type, payload)
     SELECT id, org_id, $2, $3, $4 FROM webhooks
     WHERE org_id = $1 AND disabled_at IS NULL AND $3 = ANY(events)
     ON CONFLICT (webhook_id, event_id) DO NOTHING`,
    [orgId, ev.id, ev.type, JSON.stringify(payload)],
  );
  const { rows } = await q.query<{ id: string }>(
    `SELECT id FROM webhook_deliveries WHERE org_id = $1 AND event_id = $2 AND status = 'pending'`,
    [orgId, ev.id],
  );
  return rows.map((r) => r.id);
}

export interface PendingDelivery {
  id: string;
  url: string;
  secret: string;
  payload: unknown;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
}

export async function getDelivery(q: Queryable, id: string): Promise<PendingDelivery | null> {
  const { rows } = await q.query<PendingDelivery>(
    `SELECT d.id, w.url, w.secret, d.payload, d.status, d.attempts FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
     WHERE d.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/** Record one attempt and its outcome; `final` marks the delivery failed for good. */
export async function recordAttempt(
  q: Queryable,
  id: string,
  a: { ok: boolean; statusCode: number | null; error: string | null; durationMs: number; final: boolean },
): Promise<void> {
  const { rows } = await q.query<{ attempts: number }>(
    `UPDATE webhook_deliveries SET attempts = attempts + 1,
       status = CASE WHEN $2 THEN 'delivered' WHEN $3 THEN 'failed' ELSE status END,
       delivered_at = CASE WHEN $2 THEN now() ELSE delivered_at END
     WHERE id = $1 RETURNING attempts`,
    [id, a.ok, a.final],
  );
  await q.query(
    'INSERT INTO webhook_attempts (delivery_id, attempt, status_code, error, duration_ms) VALUES ($1, $2, $3, $4, $5)',
    [id, rows[0]?.attempts ?? 0, a.statusCode, a.error, a.durationMs],
  );
}
