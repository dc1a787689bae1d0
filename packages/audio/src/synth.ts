import { pcmToWav } from './wav.ts';

/**
 * Deterministic test audio: a slowly sweeping tone plus seeded noise, 16-bit PCM. The noise
 * makes every window of the stream distinct, so a test can search stored bytes for any run
 * of the source. For tests, benchmarks and demos; no speech.
 */
export function synthPcm(seconds: number, opts: { sampleRate?: number; channels?: number; seed?: number } = {}): Buffer {
  const rate = opts.sampleRate ?? 16000;
  const channels = opts.channels ?? 1;
  const samples = Math.round(seconds * rate);
  const out = Buffer.alloc(samples * channels * 2);
  let state = (opts.seed ?? 1) >>> 0 || 1;
  for (let i = 0; i < samples; i++) {
    const t = i / rate;
    const tone = Math.sin(2 * Math.PI * (220 + 40 * Math.sin(t / 3)) * t) * 8000;
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const noise = ((state >>> 16) - 32768) / 16;
    const v = Math.max(-32768, Math.min(32767, Math.round(tone + noise)));
    for (let c = 0; c < channels; c++) out.writeInt16LE(v, (i * channels + c) * 2);
  }
  return out;
}

/** The same as a WAV file. */
export const synthWav = (seconds: number, opts: { sampleRate?: number; channels?: number; seed?: number } = {}): Buffer =>
  pcmToWav(synthPcm(seconds, opts), opts.sampleRate ?? 16000, opts.channels ?? 1);
