import { z } from 'zod';

/** One audit event as `GET /v1/audit` returns it: who did what to which record, when. */
export const AuditEventView = z.object({
  at: z.string(),
  actor: z.string(),
  clinicianRef: z.string().optional(),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.uuid().nullable(),
});

export const ListAuditQuery = z.object({
  resourceId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export type AuditEventView = z.infer<typeof AuditEventView>;
export type ListAuditQuery = z.infer<typeof ListAuditQuery>;
