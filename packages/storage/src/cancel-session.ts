import { withTransaction, recordAudit, deleteLiveFinals } from '@scribe/db';
import type { AudioStore } from './audio-store.ts';
import { deletePrefix, objectKeys } from './blob-store.ts';
import { destroyDataKey } from './data-keys.repo.ts';
import { deleteSessionAudioRows } from './manifest.repo.ts';
import { lockSessionHead, markCancelled } from './session-audio.repo.ts';
import { closeStream, lockStreamRow } from './streams.repo.ts';
import type { AuditActor } from './stream-writer.ts';

/**
 * Cancel a session and crypto-shred its audio. One transaction: status `cancelled`, the
 * stream closed (a live socket is refused on its next write), the wrapped data key
 * destroyed, manifest and tail rows and the live transcript deleted, audit events written. Once it commits nothing
 * can decrypt the audio, even from a backup of the objects. The objects themselves are then
 * deleted as hygiene (best effort: a failure here leaves only undecryptable bytes).
 * Idempotent: cancelling a cancelled session changes nothing.
 */
export async function cancelSession(store: AudioStore, sessionId: string, actor: AuditActor): Promise<{ changed: boolean; purged: number }> {
  const changed = await withTransaction(store.deps.pool, async (tx) => {
    await lockStreamRow(tx, sessionId);
    const head = await lockSessionHead(tx, sessionId);
    if (!head || head.status === 'cancelled') return false;
    await markCancelled(tx, sessionId);
    await closeStream(tx, sessionId);
    await destroyDataKey(tx, sessionId);
    await deleteSessionAudioRows(tx, sessionId);
    // The live transcript is words of that audio: it goes with it.
    await deleteLiveFinals(tx, sessionId);
    await recordAudit(tx, { ...actor, action: 'session.cancel', resourceType: 'session', resourceId: sessionId });
    await recordAudit(tx, { ...actor, action: 'audio.shred', resourceType: 'session', resourceId: sessionId });
    return true;
  });
  const purged = changed ? await deletePrefix(store.blobs, objectKeys.sessionPrefix(sessionId)).catch(() => 0) : 0;
  return { changed, purged };
}
