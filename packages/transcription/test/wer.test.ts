import { describe, expect, it } from 'vitest';
import { normalizeWords, wordErrorRate } from '../src/wer.ts';

describe('normalizeWords', () => {
  it('lowercases, drops punctuation and keeps contractions and hyphenated words whole', () => {
    expect(normalizeWords("Let's measure. Knee flexion: 105°, step-downs — OK?")).toEqual(["let's", 'measure', 'knee', 'flexion', '105', 'step-downs', 'ok']);
  });
  it('treats curly apostrophes like straight ones and strips quote marks around words', () => {
    expect(normalizeWords('It’s “fine” \'really\'')).toEqual(["it's", 'fine', 'really']);
  });
});

describe('wordErrorRate', () => {
  it('is zero for identical text regardless of case and punctuation', () => {
    expect(wordErrorRate('Good morning. How is the knee?', 'good morning how is the knee')).toMatchObject({ wer: 0, substitutions: 0, deletions: 0, insertions: 0, referenceWords: 6 });
  });

  it('counts one substitution, one deletion and one insertion', () => {
    // ref: three sets of twelve at forty | hyp: three sets twelve at fifty pounds
    const r = wordErrorRate('three sets of twelve at forty', 'three sets twelve at fifty pounds');
    expect(r).toMatchObject({ substitutions: 1, deletions: 1, insertions: 1, referenceWords: 6, hypothesisWords: 6 });
    expect(r.wer).toBeCloseTo(3 / 6);
  });

  it('is 1 when everything is deleted and can exceed 1 with insertions', () => {
    expect(wordErrorRate('the knee is stiff', '').wer).toBe(1);
    expect(wordErrorRate('ok', 'oh ok then so').wer).toBe(3);
  });

  it('handles empty references', () => {
    expect(wordErrorRate('', '').wer).toBe(0);
    expect(wordErrorRate('', 'noise').wer).toBe(1);
  });

  it('matches a hand-computed alignment on a longer example', () => {
    // ref 9 words; cheapest alignment: the->real, rail->and (2 substitutions), rest equal.
    const r = wordErrorRate('hold the rail and step up with the left', 'hold real and and step up with the left');
    expect(r.substitutions + r.deletions + r.insertions).toBe(2);
    expect(r.wer).toBeCloseTo(2 / 9);
  });
});
