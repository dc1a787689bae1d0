import { describe, expect, it } from 'vitest';
import { planChunks, regionsIn } from '../src/openai/chunks.ts';
import { sliceWav, readWav } from '../src/wav.ts';
import { wavFromSamples } from './helpers/audio.ts';

describe('planChunks', () => {
  it('keeps a short recording whole', () => {
    expect(planChunks([{ start: 1, end: 5 }], 60, 600)).toEqual([{ start: 0, end: 60 }]);
  });

  it('cuts in the middle of the last pause that fits, never inside speech', () => {
    const regions = [{ start: 0, end: 4 }, { start: 5, end: 8 }, { start: 9, end: 14 }, { start: 15, end: 19 }];
    const chunks = planChunks(regions, 20, 10);
    expect(chunks).toEqual([{ start: 0, end: 8.5 }, { start: 8.5, end: 14.5 }, { start: 14.5, end: 20 }]);
    for (const c of chunks) {
      expect(c.end - c.start).toBeLessThanOrEqual(10);
      for (const r of regions) expect(c.end > r.start && c.end < r.end).toBe(false);
    }
  });

  it('cuts hard only when speech runs longer than a piece without a pause', () => {
    expect(planChunks([{ start: 0, end: 25 }], 25, 10)).toEqual([{ start: 0, end: 10 }, { start: 10, end: 20 }, { start: 20, end: 25 }]);
  });

  it('puts regions on the chunk clock', () => {
    expect(regionsIn([{ start: 2, end: 6 }, { start: 9, end: 12 }], { start: 5, end: 10 })).toEqual([{ start: 0, end: 1 }, { start: 4, end: 5 }]);
  });
});

describe('sliceWav', () => {
  it('cuts a valid WAV between two times', () => {
    const audio = readWav(wavFromSamples(Array.from({ length: 16000 * 3 }, (_, i) => i % 1000)));
    const piece = readWav(sliceWav(audio, 1, 2));
    expect(piece.frames).toBe(16000);
    expect(piece.data.readInt16LE(0)).toBe(16000 % 1000);
  });
});
