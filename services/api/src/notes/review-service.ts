import { AppError, conflict, notFound, type Note, type PatchNoteBody } from '@scribe/domain';
import {
  createDeliveries, databaseNow, getNote, insertRevision, markNoteSigned, recordAudit, updateDraftContent, withTransaction,
  type AuditEventInput, type Pool, type PoolClient,
} from '@scribe/db';
import { eventId } from '@scribe/queue';
import { applyPatch } from './apply-patch.ts';

/** Who is acting: the API key, its organisation and the clinician named in X-Clinician-Id. */
export type Actor = Omit<AuditEventInput, 'action' | 'resourceType' | 'resourceId'> & { clinicianRef: string };

/**
 * Lock the note row for the rest of the transaction, then check tenancy, state and version
 * in that order: another organisation's note is a 404 before anything about it (signed or
 * not, which version) can show. Two concurrent writers serialise on the lock; the second
 * sees the first's new version and gets 412.
 */
async function lockForReview(tx: PoolClient, actor: Actor, noteId: string, expectedVersion: number | null): Promise<Note> {
  const note = await getNote(tx, actor.orgId, { id: noteId }, { forUpdate: true });
  if (!note) throw notFound('Note');
  if (note.status === 'signed') throw conflict('NOTE_SIGNED', 'The note is signed and can no longer change');
  if (expectedVersion !== null && expectedVersion !== note.version) {
    throw new AppError(412, 'VERSION_MISMATCH', `The note is at version ${note.version}, not ${expectedVersion}: re-read it and apply your edit again`);
  }
  return note;
}

const stale = () => new AppError(412, 'VERSION_MISMATCH', 'The note changed while this request ran: re-read it and try again');

/**
 * Apply a clinician's edit to a draft as a new immutable revision (`version + 1`).
 * A PATCH whose net effect is nothing (same text, same coding lines) writes nothing and
 * returns the note as it is (same version): there is no change to record.
 */
export async function editNote(pool: Pool, actor: Actor, noteId: string, ifMatch: number, body: PatchNoteBody): Promise<{ note: Note; changed: boolean }> {
  return withTransaction(pool, async (tx) => {
    const note = await lockForReview(tx, actor, noteId, ifMatch);
    const patch = applyPatch(note, body, note.version + 1);
    if (patch.changes.length === 0) {
      await recordAudit(tx, { ...actor, action: 'note.read', resourceType: 'note', resourceId: note.id });
      return { note, changed: false };
    }
    const at = await databaseNow(tx);
    const updated = await updateDraftContent(tx, note.id, note.version, { sections: patch.sections, coding: patch.coding, at });
    if (!updated) throw stale();
    await insertRevision(tx, {
      noteId: note.id, version: updated.version, actor: actor.actor, clinicianRef: actor.clinicianRef, at,
      changes: patch.changes, sections: updated.sections, coding: updated.coding,
    });
    await recordAudit(tx, { ...actor, action: 'note.edit', resourceType: 'note', resourceId: note.id });
    return { note: updated, changed: true };
  });
}

/**
 * Sign a draft on the clinician's explicit call: status `signed`, signature, `version + 1`,
 * a `signed` revision and an audit event, in one transaction. The `note.signed` webhook
 * deliveries are recorded in the same transaction (so a crash cannot lose them); the caller
 * queues them after the commit. The AI marking (`aiGenerated`) is untouched.
 */
export async function signNote(pool: Pool, actor: Actor, noteId: string, ifMatch: number | null): Promise<Note> {
  return withTransaction(pool, async (tx) => {
    const note = await lockForReview(tx, actor, noteId, ifMatch);
    const at = await databaseNow(tx);
    const signed = await markNoteSigned(tx, note.id, note.version, { clinicianRef: actor.clinicianRef, signedAt: at.toISOString() }, at);
    if (!signed) throw stale();
    await insertRevision(tx, {
      noteId: note.id, version: signed.version, actor: actor.actor, clinicianRef: actor.clinicianRef, at,
      changes: [{ type: 'signed', clinicianRef: actor.clinicianRef }], sections: signed.sections, coding: signed.coding,
    });
    await recordAudit(tx, { ...actor, action: 'note.sign', resourceType: 'note', resourceId: note.id });
    await createDeliveries(tx, actor.orgId, {
      id: eventId('note.signed', note.id), type: 'note.signed', createdAt: at.toISOString(),
      data: { sessionId: note.sessionId, noteId: note.id },
    });
    return signed;
  });
}
