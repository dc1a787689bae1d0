import { pcmByteRate, type SourceFormat, type WavInfo } from '@scribe/audio';
import type { AudioEncoding } from '@scribe/domain';

/** How one socket's live stream starts: what to tell the engine, and where its clock stands. */
export interface LivePlan {
  /** Encoding (and for raw PCM, rate and channels) the engine is opened with. */
  open: { encoding: AudioEncoding; sampleRate?: number; channels?: number };
  /** Session seconds at the first byte the engine receives (engines start each stream at 0). */
  offsetSec: number;
  /** Bytes to drop from the start of this socket's audio so the engine starts on a sample boundary. */
  skipBytes: number;
}

/** Why no live stream opens for this socket (a code for the log). */
export type LiveUnavailable = { unavailable: 'CONTAINER_RESUME' | 'WAV_HEADER_UNKNOWN' | 'WAV_NOT_PCM16' };

/** WAVE_FORMAT_PCM and WAVE_FORMAT_EXTENSIBLE (whose 16-bit form is PCM in practice). */
const PCM_TAGS = new Set([1, 0xfffe]);

/**
 * Plan the live stream of a socket that resumes a session at `storedBytes` (its `ready`
 * position), so that every durable byte reaches exactly one engine stream and result times
 * stay on the session's clock:
 * - a socket that starts the recording (nothing stored) sends the audio as it comes,
 *   containers included (the engine reads their headers), from time 0;
 * - raw PCM resumes as linear16 at `storedBytes / byteRate` seconds;
 * - WAV resumes as linear16 with the rate and channels of its stored header (the new engine
 *   stream never sees that header), at the data bytes before this socket over the byte rate;
 * - WebM/Ogg cannot resume: a continuation without the container header does not decode.
 * A resume position inside a sample frame (a client frame of an odd size) skips to the next
 * sample boundary, so the engine does not read every later sample shifted by a byte.
 */
export function planLive(format: SourceFormat, storedBytes: number, wav: WavInfo | null): LivePlan | LiveUnavailable {
  if (storedBytes === 0) {
    return format.encoding === 'pcm_s16le'
      ? { open: { encoding: 'pcm_s16le', sampleRate: format.sampleRate ?? 16000, channels: format.channels ?? 1 }, offsetSec: 0, skipBytes: 0 }
      : { open: { encoding: format.encoding }, offsetSec: 0, skipBytes: 0 };
  }
  switch (format.encoding) {
    case 'pcm_s16le': {
      const sampleRate = format.sampleRate ?? 16000;
      const channels = format.channels ?? 1;
      return resumePcm(storedBytes, 0, sampleRate, channels);
    }
    case 'wav': {
      if (!wav) return { unavailable: 'WAV_HEADER_UNKNOWN' };
      if (!PCM_TAGS.has(wav.formatTag) || wav.bitsPerSample !== 16) return { unavailable: 'WAV_NOT_PCM16' };
      return resumePcm(storedBytes, wav.dataOffset, wav.sampleRate, wav.channels);
    }
    case 'webm_opus':
    case 'ogg_opus':
      return { unavailable: 'CONTAINER_RESUME' };
  }
}

function resumePcm(storedBytes: number, dataOffset: number, sampleRate: number, channels: number): LivePlan {
  const frame = 2 * channels;
  // Still inside the WAV header: skip its rest; the data starts at time 0.
  const data = Math.max(0, storedBytes - dataOffset);
  const headerLeft = Math.max(0, dataOffset - storedBytes);
  const partial = data % frame;
  const skip = headerLeft + (partial === 0 ? 0 : frame - partial);
  return {
    open: { encoding: 'pcm_s16le', sampleRate, channels },
    offsetSec: (data + (partial === 0 ? 0 : frame - partial)) / pcmByteRate(sampleRate, channels),
    skipBytes: skip,
  };
}
