import { recordAuditBatch, type AuditEventInput } from './audit.repo.ts';
import { createBatcher } from './batcher.ts';
import type { Queryable } from './pool.ts';

export interface AuditWriter {
  /** Resolves once the event's row is committed (durable); rejects if it could not be written. */
  record(e: AuditEventInput): Promise<void>;
}

/**
 * Group commit for audit events written outside a transaction (e.g. one per read): concurrent
 * events go in one INSERT (see `createBatcher`), so a busy api pays one commit, one WAL flush,
 * per batch instead of one per request. Every caller still waits for its own row to be
 * committed, so a response that awaits `record` is sent only after its audit row is durable,
 * exactly as with `recordAudit`. A batch that fails on bad data is retried one event at a time,
 * so one bad event (say, an organisation that does not exist) fails only its own caller; any
 * other failure fails the whole batch. No caller is ever answered as if audited when its row was
 * not written.
 */
export function createAuditWriter(q: Queryable, opts: { maxBatch?: number } = {}): AuditWriter {
  const record = createBatcher(async (events: AuditEventInput[]) => {
    await recordAuditBatch(q, events);
    return events.map(() => undefined);
  }, opts);
  return { record };
}
