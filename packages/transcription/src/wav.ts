import { AudioError, buildWavHeader, parseWavHeader } from '@scribe/audio';
import { TranscriptionError } from './transcriber.ts';

/** The PCM inside a WAV file. */
export interface PcmAudio {
  sampleRate: number;
  channels: number;
  /** Interleaved little-endian 16-bit samples (a view into the original buffer, not a copy). */
  data: Buffer;
  /** Samples per channel. */
  frames: number;
  durationSec: number;
}

const badAudio = (why: string) => new TranscriptionError('unrecoverable', 'BAD_AUDIO', `not a 16-bit PCM WAV: ${why}`);
const PCM = 1;
const EXTENSIBLE = 0xfffe; // carries its real format in a sub-format GUID; 16-bit is PCM in practice

/**
 * Read a RIFF/WAVE buffer holding 16-bit PCM (header parsing shared with @scribe/audio). A
 * data chunk that claims more bytes than the buffer holds (a header written before the
 * recording ended, as streaming writers do) is read up to the end of the buffer. Anything
 * else is bad audio: an `unrecoverable` TranscriptionError (code BAD_AUDIO), because no
 * retry can fix the input.
 */
export function readWav(wav: Buffer): PcmAudio {
  let info;
  try {
    info = parseWavHeader(wav);
  } catch (err) {
    if (err instanceof AudioError) throw badAudio(err.message);
    throw err;
  }
  if (!info) throw badAudio('no data chunk');
  if ((info.formatTag !== PCM && info.formatTag !== EXTENSIBLE) || info.bitsPerSample !== 16) {
    throw badAudio(`format ${info.formatTag}, ${info.bitsPerSample} bits per sample`);
  }
  const end = Math.min(wav.length, info.dataOffset + (info.declaredDataBytes ?? wav.length));
  const frameBytes = 2 * info.channels;
  const usable = Math.max(0, end - info.dataOffset - ((end - info.dataOffset) % frameBytes));
  const frames = usable / frameBytes;
  return {
    sampleRate: info.sampleRate,
    channels: info.channels,
    data: wav.subarray(info.dataOffset, info.dataOffset + usable),
    frames,
    durationSec: frames / info.sampleRate,
  };
}

/** The part of a recording between two times (seconds) as a WAV file of its own. */
export function sliceWav(audio: PcmAudio, startSec: number, endSec: number): Buffer {
  const frameBytes = 2 * audio.channels;
  const from = Math.max(0, Math.min(audio.frames, Math.floor(startSec * audio.sampleRate))) * frameBytes;
  const to = Math.max(0, Math.min(audio.frames, Math.ceil(endSec * audio.sampleRate))) * frameBytes;
  const data = audio.data.subarray(from, Math.max(from, to));
  return Buffer.concat([buildWavHeader(data.length, audio.sampleRate, audio.channels), data]);
}
