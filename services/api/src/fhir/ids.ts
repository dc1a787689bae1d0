import { createHash } from 'node:crypto';

/**
 * A stable UUID (version-5 shaped) from parts: the same note version always exports the
 * same document and resource ids, so re-exporting is idempotent for the receiving EMR.
 */
export function stableUuid(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
