import { AudioError } from './errors.ts';

export interface WavInfo {
  formatTag: number;
  channels: number;
  sampleRate: number;
  byteRate: number;
  bitsPerSample: number;
  /** Offset of the first sample byte. */
  dataOffset: number;
  /** Size the header declares for the data chunk; null when unknown (0 or 0xFFFFFFFF, as streaming writers leave it). */
  declaredDataBytes: number | null;
}

/**
 * Parse a RIFF/WAVE header up to the start of the `data` chunk. Returns null when `buf`
 * is too short to reach it yet (call again with more bytes); throws INVALID_AUDIO when the
 * bytes cannot be a WAV file.
 */
export function parseWavHeader(buf: Buffer): WavInfo | null {
  if (buf.length < 12) return null;
  if (buf.toString('latin1', 0, 4) !== 'RIFF' || buf.toString('latin1', 8, 12) !== 'WAVE') {
    throw new AudioError('INVALID_AUDIO', 'not a RIFF/WAVE file');
  }
  let off = 12;
  let fmt: Omit<WavInfo, 'dataOffset' | 'declaredDataBytes'> | null = null;
  while (off + 8 <= buf.length) {
    const id = buf.toString('latin1', off, off + 4);
    const size = buf.readUInt32LE(off + 4);
    const body = off + 8;
    if (id === 'data') {
      if (!fmt) throw new AudioError('INVALID_AUDIO', 'WAV data chunk before its fmt chunk');
      const declared = size === 0 || size === 0xffffffff ? null : size;
      return { ...fmt, dataOffset: body, declaredDataBytes: declared };
    }
    if (id === 'fmt ') {
      if (size < 16) throw new AudioError('INVALID_AUDIO', 'WAV fmt chunk is too short');
      if (body + 16 > buf.length) return null;
      fmt = {
        formatTag: buf.readUInt16LE(body),
        channels: buf.readUInt16LE(body + 2),
        sampleRate: buf.readUInt32LE(body + 4),
        byteRate: buf.readUInt32LE(body + 8),
        bitsPerSample: buf.readUInt16LE(body + 14),
      };
      if (fmt.channels < 1 || fmt.sampleRate < 1000 || fmt.byteRate < 1) {
        throw new AudioError('INVALID_AUDIO', 'WAV fmt chunk has impossible values');
      }
    }
    // Chunks are word-aligned; guard against a size that would loop forever.
    off = body + size + (size % 2);
    if (off > 64 * 1024 * 1024) throw new AudioError('INVALID_AUDIO', 'WAV header never reaches a data chunk');
  }
  return null;
}

/** Seconds of audio in a WAV stream of `totalBytes` (header included). */
export function wavDurationSec(info: WavInfo, totalBytes: number): number {
  let data = Math.max(0, totalBytes - info.dataOffset);
  if (info.declaredDataBytes !== null) data = Math.min(data, info.declaredDataBytes);
  return data / info.byteRate;
}

/** A 44-byte canonical header for 16-bit PCM. */
export function buildWavHeader(dataBytes: number, sampleRate: number, channels: number): Buffer {
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'latin1');
  h.writeUInt32LE(36 + dataBytes, 4);
  h.write('WAVE', 8, 'latin1');
  h.write('fmt ', 12, 'latin1');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(channels, 22);
  h.writeUInt32LE(sampleRate, 24);
  h.writeUInt32LE(sampleRate * channels * 2, 28);
  h.writeUInt16LE(channels * 2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36, 'latin1');
  h.writeUInt32LE(dataBytes, 40);
  return h;
}

/** Wrap 16-bit PCM in a WAV header. */
export const pcmToWav = (pcm: Buffer, sampleRate: number, channels: number): Buffer =>
  Buffer.concat([buildWavHeader(pcm.length, sampleRate, channels), pcm]);
