import { decodeToPcm, type DecodeOptions } from './ffmpeg.ts';
import type { SourceFormat } from './format.ts';
import { pcmToWav } from './wav.ts';
import { AudioError } from './errors.ts';

/**
 * Convert a recording to 16 kHz mono 16-bit PCM WAV, the input the transcription engines
 * take. Raw PCM already at 16 kHz mono is wrapped without running ffmpeg; everything else
 * goes through ffmpeg. Give a WebM whole, from its first chunk: the header lives there.
 */
export async function toWav16kMono(input: Buffer | AsyncIterable<Buffer>, src: SourceFormat, opts: DecodeOptions = {}): Promise<Buffer> {
  const pcm = await toPcm16kMono(input, src, opts);
  return pcmToWav(pcm, 16000, 1);
}

/** The same as `toWav16kMono` without the header. */
export async function toPcm16kMono(input: Buffer | AsyncIterable<Buffer>, src: SourceFormat, opts: DecodeOptions = {}): Promise<Buffer> {
  if (src.encoding === 'pcm_s16le' && (src.sampleRate ?? 16000) === 16000 && (src.channels ?? 1) === 1) {
    const chunks: Buffer[] = [];
    for await (const c of Buffer.isBuffer(input) ? [input] : input) chunks.push(c);
    const pcm = Buffer.concat(chunks);
    // A trailing odd byte is half a sample: drop it rather than shift every later sample.
    return pcm.subarray(0, pcm.length - (pcm.length % 2));
  }
  const out: Buffer[] = [];
  const { outputBytes } = await decodeToPcm(input, src, (c) => out.push(c), { ...opts, sampleRate: 16000, channels: 1 });
  if (outputBytes === 0) throw new AudioError('UNDECODABLE_AUDIO', 'Audio could not be decoded: no samples');
  return Buffer.concat(out, outputBytes);
}
