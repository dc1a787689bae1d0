import type { SourceFormat } from '@scribe/audio';

/** The target size +-20%, so segment rollovers of many streams spread out in time. */
export const jitter = (target: number) => Math.round(target * (0.8 + 0.4 * Math.random()));

/**
 * The stream's format: the client's `start` fields, then the session's declared format. Raw
 * PCM defaults to 16 kHz mono; containers carry their own rate and channels.
 */
export function resolveFormat(requested: Partial<SourceFormat>, session: SourceFormat | null): SourceFormat | null {
  const encoding = requested.encoding ?? session?.encoding;
  if (!encoding) return null;
  const base = session?.encoding === encoding ? session : undefined;
  if (encoding !== 'pcm_s16le') return { encoding };
  return { encoding, sampleRate: requested.sampleRate ?? base?.sampleRate ?? 16000, channels: requested.channels ?? base?.channels ?? 1 };
}

/** Same encoding (and, for raw PCM, the same rate and channels). */
export const sameFormat = (a: SourceFormat, b: SourceFormat) =>
  a.encoding === b.encoding && (a.encoding !== 'pcm_s16le' || ((a.sampleRate ?? 16000) === (b.sampleRate ?? 16000) && (a.channels ?? 1) === (b.channels ?? 1)));
