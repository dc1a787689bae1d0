import { describe, expect, it } from 'vitest';
import { detectSpeech, detectSpeechInPcm } from '../src/speech-activity.ts';
import { readWav } from '../src/wav.ts';
import { guardSpeech } from '../src/speech-guard.ts';
import { hum, mix, silence, syllables, wavFromSamples, whiteNoise } from './helpers/audio.ts';

const RATE = 16000;
const regions = (samples: number[]) => detectSpeech(Float32Array.from(samples), RATE);

describe('detectSpeech (the silence guard)', () => {
  it('finds nothing in digital silence', () => {
    expect(regions(silence(5))).toEqual([]);
  });

  it.each([
    ['quiet white noise', whiteNoise(5, 300)],
    ['loud white noise', whiteNoise(5, 20000)],
    ['mains hum', hum(5, 10000)],
    ['hum plus hiss', mix(hum(5, 3000), whiteNoise(5, 1500, 7))],
  ])('finds nothing in steady %s', (_name, samples) => {
    expect(regions(samples)).toEqual([]);
  });

  it('finds speech-like sound and where it is', () => {
    const samples = [...silence(1), ...syllables(3, 8000, 0), ...silence(1)];
    const found = regions(samples);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.start).toBeGreaterThanOrEqual(0.95);
    expect(found[found.length - 1]!.end).toBeLessThanOrEqual(4.05);
  });

  it('finds speech-like sound over steady noise 20 dB below it', () => {
    const samples = mix(syllables(4, 8000), whiteNoise(4, 800, 3));
    expect(regions(samples).length).toBeGreaterThan(0);
  });

  it('drops a single click', () => {
    const samples = silence(3);
    for (let i = 0; i < 80; i++) samples[RATE + i] = 20000;
    expect(regions(samples)).toEqual([]);
  });

  it('reads PCM in place, averaging stereo channels', () => {
    const mono = [...silence(1), ...syllables(2, 8000, 0)];
    const stereo = mono.flatMap((x) => [x, -x / 2]);
    expect(detectSpeechInPcm(readWav(wavFromSamples(stereo, RATE, 2)))).toEqual(detectSpeech(mono.map((x) => x / 4), RATE));
    expect(detectSpeechInPcm(readWav(wavFromSamples(mono)))).toEqual(regions(mono));
  });

  it('reports no speech for a silent or noise-only WAV and speech for a speech-like one', () => {
    expect(guardSpeech(wavFromSamples(silence(3))).hasSpeech).toBe(false);
    expect(guardSpeech(wavFromSamples(whiteNoise(3, 5000))).hasSpeech).toBe(false);
    expect(guardSpeech(wavFromSamples(syllables(3))).hasSpeech).toBe(true);
  });
});
