import type { Queryable } from './pool.ts';

export interface AuditEventInput {
  orgId: string;
  actorKeyId: string | null;
  /** Who acted, as shown in the audit log: `key:<keyId>` or `system:<stage>`. */
  actor: string;
  clinicianRef?: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  requestId?: string | null;
}

export interface AuditEvent {
  at: string;
  actor: string;
  clinicianRef?: string;
  action: string;
  resourceType: string;
  resourceId: string | null;
}

/** Append one event. The table refuses updates and deletes. */
export async function recordAudit(q: Queryable, e: AuditEventInput): Promise<void> {
  await q.query(
    `INSERT INTO audit_events (org_id, actor_key_id, actor, clinician_ref, action, resource_type, resource_id, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [e.orgId, e.actorKeyId, e.actor, e.clinicianRef ?? null, e.action, e.resourceType, e.resourceId, e.requestId ?? null],
  );
}

/** Append several events in one statement (one commit, one WAL flush), in order. */
export async function recordAuditBatch(q: Queryable, events: AuditEventInput[]): Promise<void> {
  if (events.length === 0) return;
  await q.query(
    `INSERT INTO audit_events (org_id, actor_key_id, actor, clinician_ref, action, resource_type, resource_id, request_id)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::text[])`,
    [
      events.map((e) => e.orgId), events.map((e) => e.actorKeyId), events.map((e) => e.actor), events.map((e) => e.clinicianRef ?? null),
      events.map((e) => e.action), events.map((e) => e.resourceType), events.map((e) => e.resourceId), events.map((e) => e.requestId ?? null),
    ],
  );
}

/** Append one event per resource (e.g. every session a list returned), in one statement. */
export async function recordAuditMany(q: Queryable, base: Omit<AuditEventInput, 'resourceId'>, resourceIds: string[]): Promise<void> {
  await recordAuditBatch(q, resourceIds.map((resourceId) => ({ ...base, resourceId })));
}

/** Newest first, scoped to one organisation. */
export async function listAudit(
  q: Queryable,
  orgId: string,
  opts: { resourceId?: string; limit: number },
): Promise<AuditEvent[]> {
  const { rows } = await q.query<{
    at: Date; actor: string; clinician_ref: string | null; action: string; resource_type: string; resource_id: string | null;
  }>(
    `SELECT at, actor, clinician_ref, action, resource_type, resource_id FROM audit_events
     WHERE org_id = $1 AND ($2::uuid IS NULL OR resource_id = $2::uuid)
     ORDER BY at DESC, id DESC LIMIT $3`,
    [orgId, opts.resourceId ?? null, opts.limit],
  );
  return rows.map((r) => ({
    at: r.at.toISOString(),
    actor: r.actor,
    ...(r.clinician_ref ? { clinicianRef: r.clinician_ref } : {}),
    action: r.action,
    resourceType: r.resource_type,
    resourceId: r.resource_id,
  }));
}
