/** Shared helpers for storage tests: a session row to write audio into, frame feeding, plaintext scans. */
import { createHash } from 'node:crypto';
import { ensureOrganisation, insertSession, type Pool } from '@scribe/db';
import type { CreateSessionBody } from '@scribe/domain';
import { sessionBody } from '../../../test/helpers/fixtures.ts';
import type { AuditActor } from '../src/index.ts';

export async function newSession(pool: Pool, overrides: Record<string, unknown> = {}): Promise<{ id: string; orgId: string; actor: AuditActor }> {
  const orgId = await ensureOrganisation(pool, 'storage-tests');
  const s = await insertSession(pool, orgId, sessionBody(overrides) as CreateSessionBody, null);
  return { id: s.id, orgId, actor: { orgId, actor: 'system:test', actorKeyId: null } };
}

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Split audio into 100 ms frames of 16 kHz mono 16-bit PCM (3200 bytes). */
export function frames(audio: Buffer, frameBytes = 3200): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < audio.length; i += frameBytes) out.push(audio.subarray(i, i + frameBytes));
  return out;
}

/**
 * Does `haystack` contain any 32-byte run of `source`? Probes a window every 101 bytes
 * across the whole source (the synthesized audio has no repeated 32-byte windows), plus
 * any WAV header ("RIFF", a 4-byte size, "WAVE"). The header probe needs both tags at their
 * fixed distance: a lone 4-byte tag turns up in about 1 of 1000 runs of random ciphertext
 * of this size, which made the check flaky without making it stricter.
 */
export function leaksPlaintext(haystack: Buffer, source: Buffer): string | null {
  for (let at = haystack.indexOf('RIFF'); at !== -1; at = haystack.indexOf('RIFF', at + 1)) {
    if (haystack.subarray(at + 8, at + 12).toString('latin1') === 'WAVE') return 'RIFF/WAVE header';
  }
  for (let off = 0; off + 32 <= source.length; off += 101) {
    if (haystack.includes(source.subarray(off, off + 32))) return `source bytes at offset ${off}`;
  }
  return null;
}
