import type { Queryable } from '@scribe/db';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Which of these session and delivery ids belong to the organisation. Queue jobs carry bare
 * ids from every tenant; an organisation's ops view names only its own records (another
 * tenant's record is never shown). Anything not shaped like a UUID is dropped before SQL.
 */
export async function ownedRecordIds(db: Queryable, orgId: string, sessionIds: string[], deliveryIds: string[]): Promise<Set<string>> {
  const sessions = [...new Set(sessionIds.filter((id) => UUID.test(id)))];
  const deliveries = [...new Set(deliveryIds.filter((id) => UUID.test(id)))];
  if (!sessions.length && !deliveries.length) return new Set();
  const { rows } = await db.query<{ id: string }>(
    `SELECT id::text FROM sessions WHERE org_id = $1 AND id = ANY($2::uuid[])
     UNION ALL
     SELECT id::text FROM webhook_deliveries WHERE org_id = $1 AND id = ANY($3::uuid[])`,
    [orgId, sessions, deliveries],
  );
  return new Set(rows.map((r) => r.id));
}
