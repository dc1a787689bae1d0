/**
 * Storage failures with stable codes. Messages name ids and counts only, never content.
 * - AUDIO_SHREDDED: the session's data key was destroyed; its audio is gone for good.
 * - AUDIO_TAMPERED: a stored segment failed its GCM tag or its SHA-256 (or the manifest is broken).
 * - AUDIO_MISSING: the manifest names an object the blob store does not have, or no key exists.
 * - SESSION_NOT_OPEN: the session does not accept audio (ended, cancelled, failed, or another writer).
 * - STREAM_SUPERSEDED: a newer writer (socket, finish or cancel) took the session over.
 * - FORMAT_MISMATCH: the audio format differs from the one the session was started with.
 */
export type StorageErrorCode =
  | 'AUDIO_SHREDDED'
  | 'AUDIO_TAMPERED'
  | 'AUDIO_MISSING'
  | 'SESSION_NOT_OPEN'
  | 'STREAM_SUPERSEDED'
  | 'FORMAT_MISMATCH'
  | 'NO_AUDIO'
  | 'BLOB_NOT_FOUND'
  | 'INVALID_OBJECT_KEY';

export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}
