/** The encodings the API accepts (API.md, `audio.encoding`). */
export type Encoding = 'pcm_s16le' | 'wav' | 'webm_opus' | 'ogg_opus';
export const ENCODINGS: readonly Encoding[] = ['pcm_s16le', 'wav', 'webm_opus', 'ogg_opus'];

/** What a stored recording is: its encoding, plus rate and channels for raw PCM. */
export interface SourceFormat {
  encoding: Encoding;
  /** Raw PCM only: samples per second (default 16000). */
  sampleRate?: number;
  /** Raw PCM only: interleaved channels (default 1). */
  channels?: number;
}

/** A container recognised from its first bytes; `raw` means none (headerless PCM or garbage). */
export type Container = 'wav' | 'webm' | 'ogg' | 'raw';

/** The container each encoding must arrive in. */
export const CONTAINER_OF: Record<Encoding, Container> = {
  pcm_s16le: 'raw',
  wav: 'wav',
  webm_opus: 'webm',
  ogg_opus: 'ogg',
};

/** Bytes `detectContainer` needs to decide. */
export const MAGIC_BYTES = 12;

/**
 * Recognise a container by its magic bytes: RIFF....WAVE, the EBML header (WebM/Matroska),
 * or OggS. Anything else is `raw`. Needs the first 12 bytes.
 */
export function detectContainer(head: Buffer): Container {
  if (head.length >= 12 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WAVE') return 'wav';
  if (head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3) return 'webm';
  if (head.length >= 4 && head.toString('latin1', 0, 4) === 'OggS') return 'ogg';
  return 'raw';
}

/** The encoding a request's Content-Type names, or null for `application/octet-stream` (use the session's). */
export function encodingForContentType(contentType: string | undefined): Encoding | null | undefined {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  switch (type) {
    case 'audio/wav':
    case 'audio/wave':
    case 'audio/x-wav':
      return 'wav';
    case 'audio/webm':
      return 'webm_opus';
    case 'audio/ogg':
    case 'audio/opus':
      return 'ogg_opus';
    case 'application/octet-stream':
      return null;
    default:
      return undefined;
  }
}

/** Bytes per second of 16-bit PCM at the given rate and channel count. */
export const pcmByteRate = (sampleRate = 16000, channels = 1) => sampleRate * channels * 2;
