import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  AudioError, detectContainer, encodingForContentType, measureAudio, parseWavHeader, synthPcm, synthWav, toWav16kMono,
} from '../src/index.ts';

/** Encode a WAV to WebM/Opus or Ogg/Opus with ffmpeg (as a browser's MediaRecorder would produce). */
const encode = (wav: Buffer, format: 'webm' | 'ogg') =>
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-f', 'wav', '-i', 'pipe:0', '-c:a', 'libopus', '-b:a', '24k', '-f', format, 'pipe:1'], { input: wav });

async function* chunks(buf: Buffer, size = 4096): AsyncGenerator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'resolved';
  } catch (err) {
    return err instanceof AudioError ? err.code : String(err);
  }
};

describe('format detection', () => {
  it('recognises WAV, WebM, Ogg by magic bytes and everything else as raw', () => {
    expect(detectContainer(synthWav(0.1))).toBe('wav');
    expect(detectContainer(Buffer.from('1a45dfa3a3428681', 'hex'))).toBe('webm');
    expect(detectContainer(Buffer.from('OggS\0\x02\0\0\0\0\0\0', 'latin1'))).toBe('ogg');
    expect(detectContainer(synthPcm(0.1))).toBe('raw');
    expect(detectContainer(Buffer.from('RIFF'))).toBe('raw');
  });

  it('maps content types to encodings', () => {
    expect(encodingForContentType('audio/wav')).toBe('wav');
    expect(encodingForContentType('audio/webm;codecs=opus')).toBe('webm_opus');
    expect(encodingForContentType('audio/ogg')).toBe('ogg_opus');
    expect(encodingForContentType('application/octet-stream')).toBeNull();
    expect(encodingForContentType('text/plain')).toBeUndefined();
  });
});

describe('WAV header', () => {
  it('parses a canonical header and a streaming header with an unknown size', () => {
    const wav = synthWav(1);
    expect(parseWavHeader(wav)).toMatchObject({ channels: 1, sampleRate: 16000, bitsPerSample: 16, dataOffset: 44, declaredDataBytes: 32000 });
    const streaming = Buffer.from(wav);
    streaming.writeUInt32LE(0xffffffff, 40);
    expect(parseWavHeader(streaming)?.declaredDataBytes).toBeNull();
    expect(parseWavHeader(wav.subarray(0, 20))).toBeNull();
    expect(() => parseWavHeader(Buffer.from('RIFF\0\0\0\0WAVX'))).toThrow(AudioError);
  });
});

describe('measureAudio', () => {
  it('measures raw PCM by arithmetic and hashes the bytes as received', async () => {
    const pcm = synthPcm(2.5, { sampleRate: 48000, channels: 2 });
    const facts = await measureAudio(chunks(pcm), { encoding: 'pcm_s16le', sampleRate: 48000, channels: 2 });
    expect(facts.durationSec).toBe(2.5);
    expect(facts.bytes).toBe(pcm.length);
    expect(facts.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('measures WAV from its header and WebM/Ogg by decoding them', async () => {
    const wav = synthWav(3);
    expect((await measureAudio(chunks(wav), { encoding: 'wav' })).durationSec).toBe(3);
    for (const [fmt, encoding] of [['webm', 'webm_opus'], ['ogg', 'ogg_opus']] as const) {
      const facts = await measureAudio(chunks(encode(wav, fmt)), { encoding }, { strict: true });
      expect(facts.durationSec).toBeGreaterThan(2.9);
      expect(facts.durationSec).toBeLessThan(3.1);
      expect(facts.truncated).toBe(false);
    }
  });

  it('decodes a truncated WebM up to the cut and says so (DEPENDENCIES.md §5)', async () => {
    const webm = encode(synthWav(5), 'webm');
    const facts = await measureAudio(chunks(webm.subarray(0, Math.floor(webm.length * 0.6))), { encoding: 'webm_opus' }, { strict: true });
    expect(facts.truncated).toBe(true);
    expect(facts.durationSec).toBeGreaterThan(1.5);
    expect(facts.durationSec).toBeLessThan(4);
  });

  it('refuses a WebM continuation chunk without its EBML header, garbage, a mismatch and empty input', async () => {
    const webm = encode(synthWav(3), 'webm');
    expect(await code(measureAudio(chunks(webm.subarray(4000)), { encoding: 'webm_opus' }, { strict: true }))).toBe('INVALID_AUDIO');
    const garbage = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251));
    expect(await code(measureAudio(chunks(garbage), { encoding: 'ogg_opus' }, { strict: true }))).toBe('INVALID_AUDIO');
    expect(await code(measureAudio(chunks(garbage), { encoding: 'wav' }, { strict: true }))).toBe('INVALID_AUDIO');
    // A valid EBML magic followed by garbage gets past detection; ffmpeg refuses it.
    const fakeWebm = Buffer.concat([Buffer.from('1a45dfa3', 'hex'), garbage]);
    expect(await code(measureAudio(chunks(fakeWebm), { encoding: 'webm_opus' }, { strict: true }))).toBe('UNDECODABLE_AUDIO');
    expect(await code(measureAudio(chunks(synthWav(1)), { encoding: 'pcm_s16le' }, { strict: true }))).toBe('AUDIO_FORMAT_MISMATCH');
    expect(await code(measureAudio(chunks(webm), { encoding: 'ogg_opus' }, { strict: true }))).toBe('AUDIO_FORMAT_MISMATCH');
    expect(await code(measureAudio(chunks(Buffer.alloc(0)), { encoding: 'pcm_s16le' }))).toBe('EMPTY_AUDIO');
    expect(await code(measureAudio(chunks(Buffer.alloc(3)), { encoding: 'pcm_s16le' }, { strict: true }))).toBe('INVALID_AUDIO');
  });
});

describe('toWav16kMono', () => {
  it('converts 48 kHz stereo PCM and WebM/Opus to 16 kHz mono WAV', async () => {
    const stereo = await toWav16kMono(synthPcm(2, { sampleRate: 48000, channels: 2 }), { encoding: 'pcm_s16le', sampleRate: 48000, channels: 2 });
    expect(parseWavHeader(stereo)).toMatchObject({ sampleRate: 16000, channels: 1, declaredDataBytes: 64000 });
    const fromWebm = await toWav16kMono(chunks(encode(synthWav(2), 'webm')), { encoding: 'webm_opus' });
    const info = parseWavHeader(fromWebm)!;
    expect(info.sampleRate).toBe(16000);
    expect(Math.abs(info.declaredDataBytes! / 32000 - 2)).toBeLessThan(0.1);
  });

  it('passes 16 kHz mono PCM through unchanged', async () => {
    const pcm = synthPcm(1);
    const wav = await toWav16kMono(pcm, { encoding: 'pcm_s16le' });
    expect(wav.subarray(44).equals(pcm)).toBe(true);
  });
});
