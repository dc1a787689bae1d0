import { StorageError } from './errors.ts';

/**
 * Where encrypted objects live. Implementations: filesystem (default) and S3. Objects are
 * immutable once written; callers only ever store ciphertext here.
 */
export interface BlobStore {
  readonly kind: 'fs' | 's3';
  /** Write an object durably (it survives a crash once this resolves). Overwrites. */
  put(key: string, data: Buffer): Promise<void>;
  /** Read an object; throws StorageError BLOB_NOT_FOUND when absent. */
  get(key: string): Promise<Buffer>;
  /** Remove an object; absent is fine. */
  delete(key: string): Promise<void>;
  /** Keys under a prefix, sorted. */
  list(prefix: string): Promise<string[]>;
  /** True when the store answers (for /readyz). */
  ping(): Promise<boolean>;
}

const KEY = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/;

/**
 * Object keys are built from ids only (no PHI): lower-case letters, digits, `._-`, `/`
 * separators; no `..`, no leading slash, so a key can never leave the store's root.
 */
export function assertObjectKey(key: string): void {
  if (key.length > 512 || !KEY.test(key) || key.split('/').some((p) => p === '.' || p === '..')) {
    throw new StorageError('INVALID_OBJECT_KEY', 'object key has characters outside [a-z0-9._-/]');
  }
}

/** Remove every object under a prefix; returns how many. */
export async function deletePrefix(store: BlobStore, prefix: string): Promise<number> {
  const keys = await store.list(prefix);
  for (const k of keys) await store.delete(k);
  return keys.length;
}

/** Keys for one session's objects: ids and counters only. */
export const objectKeys = {
  sessionPrefix: (sessionId: string) => `sessions/${sessionId}/`,
  segment: (sessionId: string, writer: string, index: number) =>
    `sessions/${sessionId}/${writer}/seg-${String(index).padStart(6, '0')}.bin`,
  dictationText: (sessionId: string, id: string) => `sessions/${sessionId}/text-${id}.bin`,
};
