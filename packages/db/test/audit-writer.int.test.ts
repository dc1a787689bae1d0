import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditWriter, ensureOrganisation, type AuditEventInput, type Queryable } from '../src/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';

let db: TestDatabase;
let orgId: string;
beforeAll(async () => {
  db = await createTestDatabase();
  orgId = await ensureOrganisation(db.pool, 'audit-writer');
});
afterAll(() => db.drop());

const event = (resourceId: string, over: Partial<AuditEventInput> = {}): AuditEventInput => ({
  orgId, actorKeyId: null, actor: 'key:test', clinicianRef: 'emr-clin-7', action: 'note.read', resourceType: 'note', resourceId, requestId: `req-${resourceId}`, ...over,
});

/** The pool, counting the statements that reach it. */
function counting(): { q: Queryable; statements: () => number } {
  let n = 0;
  const q = { query: (...args: unknown[]) => { n++; return (db.pool.query as (...a: unknown[]) => unknown)(...args); } } as unknown as Queryable;
  return { q, statements: () => n };
}

describe('createAuditWriter', () => {
  it('writes concurrent events in fewer statements, and each row is committed before its caller resumes', async () => {
    const { q, statements } = counting();
    const writer = createAuditWriter(q);
    const ids = Array.from({ length: 40 }, () => randomUUID());
    await Promise.all(ids.map(async (id) => {
      await writer.record(event(id));
      // Visible to another connection, so committed: not merely queued.
      const { rows } = await db.pool.query('SELECT actor, clinician_ref, action, resource_type, request_id FROM audit_events WHERE resource_id = $1', [id]);
      expect(rows).toEqual([{ actor: 'key:test', clinician_ref: 'emr-clin-7', action: 'note.read', resource_type: 'note', request_id: `req-${id}` }]);
    }));
    expect(statements()).toBeLessThan(ids.length / 4);
  });

  it('fails only the caller whose event cannot be written; the rest of its batch is written', async () => {
    const writer = createAuditWriter(db.pool);
    const good = [randomUUID(), randomUUID()];
    const bad = randomUUID();
    const results = await Promise.allSettled([
      writer.record(event(good[0]!)),
      writer.record(event(bad, { actor: null as unknown as string })), // no actor: not-null violation (class 23)
      writer.record(event(good[1]!)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const { rows } = await db.pool.query<{ resource_id: string }>('SELECT resource_id FROM audit_events WHERE resource_id = ANY($1::uuid[])', [[...good, bad]]);
    expect(rows.map((r) => r.resource_id).sort()).toEqual([...good].sort());
  });
});
