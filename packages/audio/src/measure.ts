import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { AudioError } from './errors.ts';
import { CONTAINER_OF, MAGIC_BYTES, detectContainer, pcmByteRate, type SourceFormat } from './format.ts';
import { parseWavHeader, wavDurationSec, type WavInfo } from './wav.ts';
import { decodeToPcm, type DecodeOptions } from './ffmpeg.ts';

/** Enough of the start to find a WAV data chunk after metadata chunks. */
const HEAD_MAX = 64 * 1024;

export interface AudioFacts {
  bytes: number;
  /** SHA-256 (hex) of the bytes as received. */
  sha256: string;
  durationSec: number;
  /** A container that ended mid-stream; it was measured up to the cut. */
  truncated: boolean;
}

export interface MeasureOptions extends DecodeOptions {
  /**
   * Refuse what the API refuses in an upload: a container that does not match the encoding,
   * PCM whose length is not a whole number of samples, nothing decodable. Streams are
   * measured leniently (the client owns the frame boundaries).
   */
  strict?: boolean;
}

/**
 * One pass over a recording: byte count, SHA-256, duration. Raw PCM and WAV are measured
 * arithmetically; WebM and Ogg are decoded with ffmpeg (which also proves they decode).
 * Throws AudioError for garbage or a container that does not match `src.encoding`.
 */
export async function measureAudio(chunks: AsyncIterable<Buffer>, src: SourceFormat, opts: MeasureOptions = {}): Promise<AudioFacts> {
  const hash = createHash('sha256');
  let bytes = 0;
  let head = Buffer.alloc(0);
  let wav: WavInfo | null = null;
  const container = CONTAINER_OF[src.encoding];
  const decode = container === 'webm' || container === 'ogg';
  const pipe = decode ? new PassThrough({ highWaterMark: 256 * 1024 }) : null;
  const decoding = pipe ? decodeToPcm(pipe, src, () => {}, opts) : null;
  // Settles when ffmpeg exits; on early exit (garbage) stop feeding it instead of waiting for a drain.
  let decoderExited = false;
  const decoderSettled = decoding?.then(() => {}, () => {}).finally(() => { decoderExited = true; });

  let magicChecked = false;
  try {
    for await (const chunk of chunks) {
      if (head.length < HEAD_MAX && (!magicChecked || (container === 'wav' && !wav))) {
        head = Buffer.concat([head, chunk.subarray(0, HEAD_MAX - head.length)]);
        if (!magicChecked && head.length >= MAGIC_BYTES) {
          checkMagic(head, src, opts.strict ?? false);
          magicChecked = true;
        }
        if (container === 'wav' && !wav) wav = parseWavHeader(head);
      }
      hash.update(chunk);
      bytes += chunk.length;
      if (pipe && !decoderExited && !pipe.write(chunk)) {
        await Promise.race([new Promise((r) => pipe.once('drain', r)), decoderSettled]);
      }
    }
  } finally {
    pipe?.end();
  }
  if (bytes === 0) throw new AudioError('EMPTY_AUDIO', 'The recording is empty');
  if (!magicChecked) checkMagic(head, src, opts.strict ?? false, true);

  let durationSec: number;
  let truncated = false;
  if (decoding) {
    const result = await decoding;
    if (result.outputBytes === 0) throw new AudioError('UNDECODABLE_AUDIO', 'Audio could not be decoded: no samples');
    durationSec = result.outputBytes / pcmByteRate(opts.sampleRate ?? 16000, opts.channels ?? 1);
    truncated = result.truncated;
  } else if (container === 'wav') {
    if (!wav) throw new AudioError('INVALID_AUDIO', 'WAV header is incomplete');
    durationSec = wavDurationSec(wav, bytes);
    if (opts.strict && durationSec === 0) throw new AudioError('EMPTY_AUDIO', 'The WAV file has no samples');
  } else {
    const frame = 2 * (src.channels ?? 1);
    if (opts.strict && bytes % frame !== 0) throw new AudioError('INVALID_AUDIO', `PCM length is not a multiple of ${frame} bytes`);
    durationSec = bytes / pcmByteRate(src.sampleRate, src.channels);
  }
  return { bytes, sha256: hash.digest('hex'), durationSec: Math.round(durationSec * 1000) / 1000, truncated };
}

/** The first bytes must be the container the encoding promises (and raw PCM must not look like one). */
function checkMagic(head: Buffer, src: SourceFormat, strict: boolean, final = false): void {
  if (head.length < MAGIC_BYTES && !final) return;
  const expected = CONTAINER_OF[src.encoding];
  const found = detectContainer(head);
  if (found === expected) return;
  if (expected === 'raw' && !strict) return;
  if (expected !== 'raw' && found === 'raw') {
    throw new AudioError('INVALID_AUDIO', `The audio does not start with a ${expected} header`);
  }
  throw new AudioError('AUDIO_FORMAT_MISMATCH', `The audio is ${found}, but the session's encoding is ${src.encoding}`);
}
