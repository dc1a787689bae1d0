import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { StorageError } from './errors.ts';

/**
 * Wraps and unwraps data keys with a key-encryption key (KEK). The default is a local
 * AES-256-GCM KEK from config; a KMS implements the same interface (wrap = Encrypt with
 * an encryption context, unwrap = Decrypt), so the KEK never leaves it.
 */
export interface KeyWrapper {
  /** KEK used for new wraps; stored with each wrapped key so old keys stay unwrappable after rotation. */
  readonly currentKekId: string;
  /** `context` (the session id) is bound to the wrap: a wrapped key copied to another session will not unwrap. */
  wrap(dataKey: Buffer, context: string): Promise<Buffer>;
  unwrap(wrapped: Buffer, kekId: string, context: string): Promise<Buffer>;
}

const VERSION = 1;

/**
 * A local KEK (or several, for rotation: new wraps use `currentKekId`, unwraps find the
 * wrap's own KEK). Wrapped form: version(1) | nonce(12) | ciphertext(32) | tag(16).
 */
export class LocalKeyWrapper implements KeyWrapper {
  private readonly keks: Map<string, Buffer>;

  constructor(keks: Record<string, Buffer>, readonly currentKekId: string) {
    this.keks = new Map(Object.entries(keks));
    for (const [id, k] of this.keks) if (k.length !== 32) throw new Error(`KEK ${id} must be 32 bytes`);
    if (!this.keks.has(currentKekId)) throw new Error(`KEK ${currentKekId} is not configured`);
  }

  async wrap(dataKey: Buffer, context: string): Promise<Buffer> {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keks.get(this.currentKekId)!, nonce);
    cipher.setAAD(Buffer.from(`scribe:kek-wrap:v1:${context}`));
    return Buffer.concat([Buffer.from([VERSION]), nonce, cipher.update(dataKey), cipher.final(), cipher.getAuthTag()]);
  }

  async unwrap(wrapped: Buffer, kekId: string, context: string): Promise<Buffer> {
    const kek = this.keks.get(kekId);
    if (!kek) throw new StorageError('AUDIO_MISSING', `KEK ${kekId} is not configured on this service`);
    if (wrapped.length !== 1 + 12 + 32 + 16 || wrapped[0] !== VERSION) throw new StorageError('AUDIO_TAMPERED', 'wrapped data key is malformed');
    try {
      const decipher = createDecipheriv('aes-256-gcm', kek, wrapped.subarray(1, 13));
      decipher.setAAD(Buffer.from(`scribe:kek-wrap:v1:${context}`));
      decipher.setAuthTag(wrapped.subarray(45));
      return Buffer.concat([decipher.update(wrapped.subarray(13, 45)), decipher.final()]);
    } catch {
      throw new StorageError('AUDIO_TAMPERED', 'wrapped data key failed authentication');
    }
  }
}
