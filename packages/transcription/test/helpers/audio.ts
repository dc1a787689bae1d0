/** WAV buffers for tests: 16 kHz mono 16-bit PCM, built in code so every test is deterministic. */
import { pcmToWav } from '@scribe/audio';

const RATE = 16000;

/** Wrap 16-bit samples in a canonical 44-byte WAV header (the header from @scribe/audio). */
export function wavFromSamples(samples: Int16Array | number[], sampleRate = RATE, channels = 1): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i++) data.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(samples[i]!))), i * 2);
  return pcmToWav(data, sampleRate, channels);
}

/** A seeded pseudo-random generator (mulberry32), uniform in [0, 1). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Digital silence. */
export function silence(seconds: number): number[] {
  return new Array<number>(Math.round(seconds * RATE)).fill(0);
}

/** Steady white noise at a peak amplitude (0..32767). */
export function whiteNoise(seconds: number, amplitude: number, seed = 1): number[] {
  const rnd = seeded(seed);
  return Array.from({ length: Math.round(seconds * RATE) }, () => (rnd() * 2 - 1) * amplitude);
}

/** Steady mains hum (60 Hz plus harmonics). */
export function hum(seconds: number, amplitude: number): number[] {
  return Array.from({ length: Math.round(seconds * RATE) }, (_, i) => {
    const t = i / RATE;
    return amplitude * (0.6 * Math.sin(2 * Math.PI * 60 * t) + 0.3 * Math.sin(2 * Math.PI * 120 * t) + 0.1 * Math.sin(2 * Math.PI * 180 * t));
  });
}

/**
 * Speech-like sound: voiced "syllables" (a 150 Hz harmonic tone, 180 ms each, 80 ms apart)
 * grouped in words with 300 ms pauses, starting at `offset` seconds. Not speech, but it rises
 * and falls like speech, which is what the silence guard looks at.
 */
export function syllables(seconds: number, amplitude = 8000, offset = 0.3): number[] {
  const out = new Array<number>(Math.round(seconds * RATE)).fill(0);
  let t = offset;
  let n = 0;
  while (t + 0.18 < seconds) {
    const start = Math.round(t * RATE);
    for (let i = 0; i < 0.18 * RATE && start + i < out.length; i++) {
      const env = Math.sin((Math.PI * i) / (0.18 * RATE));
      const x = i / RATE;
      out[start + i] = amplitude * env * (0.6 * Math.sin(2 * Math.PI * 150 * x) + 0.3 * Math.sin(2 * Math.PI * 300 * x) + 0.1 * Math.sin(2 * Math.PI * 450 * x));
    }
    n++;
    t += 0.18 + (n % 3 === 0 ? 0.3 : 0.08);
  }
  return out;
}

/** Add two signals sample by sample (the shorter one padded with silence). */
export function mix(a: number[], b: number[]): number[] {
  return Array.from({ length: Math.max(a.length, b.length) }, (_, i) => (a[i] ?? 0) + (b[i] ?? 0));
}

/** A steady voiced tone (150 Hz with harmonics): one unbroken block of "speech" for the guard. */
export function tone(seconds: number, amplitude = 8000): number[] {
  return Array.from({ length: Math.round(seconds * RATE) }, (_, i) => {
    const x = i / RATE;
    return amplitude * (0.6 * Math.sin(2 * Math.PI * 150 * x) + 0.3 * Math.sin(2 * Math.PI * 300 * x) + 0.1 * Math.sin(2 * Math.PI * 450 * x));
  });
}
