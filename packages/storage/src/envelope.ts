import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { StorageError } from './errors.ts';

export const DATA_KEY_BYTES = 32;
export const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** A fresh random 256-bit data key (one per session). */
export const newDataKey = (): Buffer => randomBytes(DATA_KEY_BYTES);

export interface Sealed {
  nonce: Buffer;
  /** Ciphertext followed by the 16-byte GCM tag. */
  ciphertext: Buffer;
}

/**
 * AES-256-GCM with a fresh random 96-bit nonce per call. Nonces are random, not counters:
 * a retried write after a crash re-encrypts under a new nonce, so a nonce is never reused
 * with the same key even when the same segment index is written twice.
 */
export function seal(key: Buffer, plaintext: Buffer, aad: string): Sealed {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { nonce, ciphertext };
}

/** Decrypt and verify; any flipped bit, wrong key or wrong associated data throws AUDIO_TAMPERED. */
export function open(key: Buffer, nonce: Buffer, ciphertext: Buffer, aad: string): Buffer {
  if (nonce.length !== NONCE_BYTES || ciphertext.length < TAG_BYTES) {
    throw new StorageError('AUDIO_TAMPERED', 'encrypted object is malformed');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(ciphertext.subarray(ciphertext.length - TAG_BYTES));
    return Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new StorageError('AUDIO_TAMPERED', 'encrypted object failed authentication');
  }
}

/**
 * Associated data binds each ciphertext to its place: a segment moved to another session
 * or index, or a tail chunk moved to another sequence range, fails authentication.
 */
export const aad = {
  segment: (sessionId: string, index: number) => `scribe:audio-segment:v1:${sessionId}:${index}`,
  chunk: (sessionId: string, firstSeq: number, lastSeq: number) => `scribe:audio-chunk:v1:${sessionId}:${firstSeq}-${lastSeq}`,
  text: (sessionId: string) => `scribe:dictation-text:v1:${sessionId}`,
  dataKey: (sessionId: string) => `scribe:data-key:v1:${sessionId}`,
};
