/** The plaintext probe the storage suites rely on: it must find real leaks and ignore chance tags. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { synthWav } from '@scribe/audio';
import { leaksPlaintext } from './helpers.ts';

describe('leaksPlaintext', () => {
  const source = synthWav(2, { seed: 3 });

  it('finds a WAV header or a run of source bytes hidden in random bytes', () => {
    const header = Buffer.concat([randomBytes(500), source.subarray(0, 12), randomBytes(500)]);
    expect(leaksPlaintext(header, Buffer.alloc(0))).toBe('RIFF/WAVE header');
    const run = Buffer.concat([randomBytes(700), source.subarray(2020, 2100), randomBytes(700)]);
    expect(leaksPlaintext(run, source)).toMatch(/^source bytes at offset/);
  });

  it('does not call a lone RIFF or WAVE tag in ciphertext a leak', () => {
    const noise = Buffer.concat([randomBytes(300), Buffer.from('RIFF'), randomBytes(300), Buffer.from('WAVE'), randomBytes(300)]);
    expect(leaksPlaintext(noise, source)).toBeNull();
  });
});
