import { createHash } from 'node:crypto';
import type { Queue } from 'bullmq';
import { createDeliveries, type EventData, type Queryable } from '@scribe/db';
import { enqueueWebhook } from './connection.ts';
import type { WebhookJob } from './names.ts';

export type EventType = 'note.drafted' | 'session.failed' | 'note.signed';
export const EVENT_TYPES: EventType[] = ['note.drafted', 'session.failed', 'note.signed'];

/** A deterministic event id (UUID-shaped), so a re-run stage never announces the same event twice. */
export function eventId(type: EventType, key: string): string {
  const h = createHash('sha256').update(`${type}:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Announce an event: one delivery row per subscribed webhook (committed in Postgres), then
 * one queued job per delivery (its id only). `key` makes the event id: the same key never
 * yields a second delivery. Returns how many deliveries are pending.
 */
export async function emitEvent(
  deps: { pool: Queryable; webhooks: Queue<WebhookJob> },
  orgId: string,
  type: EventType,
  key: string,
  data: EventData,
): Promise<number> {
  const ids = await createDeliveries(deps.pool, orgId, { id: eventId(type, key), type, createdAt: new Date().toISOString(), data });
  for (const id of ids) await enqueueWebhook(deps.webhooks, id);
  return ids.length;
}
