import { describe, expect, it } from 'vitest';
import { LocalKeyWrapper, StorageError, aad, newDataKey, open, seal } from '../src/index.ts';

const code = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (err) {
    return err instanceof StorageError ? err.code : String(err);
  }
};

describe('segment encryption (AES-256-GCM)', () => {
  it('round-trips, with a fresh nonce every time', () => {
    const key = newDataKey();
    const a = seal(key, Buffer.from('audio bytes'), aad.segment('s1', 0));
    const b = seal(key, Buffer.from('audio bytes'), aad.segment('s1', 0));
    expect(a.nonce.equals(b.nonce)).toBe(false);
    expect(a.ciphertext.equals(b.ciphertext)).toBe(false);
    expect(open(key, a.nonce, a.ciphertext, aad.segment('s1', 0)).toString()).toBe('audio bytes');
  });

  it('fails AUDIO_TAMPERED on a flipped bit, another key, or a segment moved to another index or session', () => {
    const key = newDataKey();
    const s = seal(key, Buffer.alloc(1000, 5), aad.segment('s1', 3));
    for (let i = 0; i < s.ciphertext.length; i += 97) {
      const bad = Buffer.from(s.ciphertext);
      bad[i]! ^= 0x80;
      expect(code(() => open(key, s.nonce, bad, aad.segment('s1', 3)))).toBe('AUDIO_TAMPERED');
    }
    expect(code(() => open(newDataKey(), s.nonce, s.ciphertext, aad.segment('s1', 3)))).toBe('AUDIO_TAMPERED');
    expect(code(() => open(key, s.nonce, s.ciphertext, aad.segment('s1', 4)))).toBe('AUDIO_TAMPERED');
    expect(code(() => open(key, s.nonce, s.ciphertext, aad.segment('s2', 3)))).toBe('AUDIO_TAMPERED');
    expect(code(() => open(key, s.nonce, s.ciphertext.subarray(0, 10), aad.segment('s1', 3)))).toBe('AUDIO_TAMPERED');
  });
});

describe('LocalKeyWrapper', () => {
  const k1 = Buffer.alloc(32, 1);
  const k2 = Buffer.alloc(32, 2);

  it('wraps a data key bound to its session; the wrapped form reveals nothing of the key', async () => {
    const w = new LocalKeyWrapper({ k1 }, 'k1');
    const dk = newDataKey();
    const wrapped = await w.wrap(dk, 'session-a');
    expect(wrapped.includes(dk)).toBe(false);
    expect((await w.unwrap(wrapped, 'k1', 'session-a')).equals(dk)).toBe(true);
    await expect(w.unwrap(wrapped, 'k1', 'session-b')).rejects.toMatchObject({ code: 'AUDIO_TAMPERED' });
    await expect(new LocalKeyWrapper({ k1: k2 }, 'k1').unwrap(wrapped, 'k1', 'session-a')).rejects.toMatchObject({ code: 'AUDIO_TAMPERED' });
  });

  it('rotates: new wraps use the current KEK, old wraps still unwrap with theirs', async () => {
    const old = new LocalKeyWrapper({ k1 }, 'k1');
    const dk = newDataKey();
    const wrappedOld = await old.wrap(dk, 's');
    const rotated = new LocalKeyWrapper({ k1, k2 }, 'k2');
    expect(rotated.currentKekId).toBe('k2');
    expect((await rotated.unwrap(wrappedOld, 'k1', 's')).equals(dk)).toBe(true);
    await expect(new LocalKeyWrapper({ k2 }, 'k2').unwrap(wrappedOld, 'k1', 's')).rejects.toMatchObject({ code: 'AUDIO_MISSING' });
    expect(() => new LocalKeyWrapper({ k1: Buffer.alloc(16) }, 'k1')).toThrow();
  });
});
