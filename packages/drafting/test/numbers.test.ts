/**
 * Spoken numbers and measure notation. Source: DOMAIN.md 3.3 (ASR fixtures: MMT grades
 * "4/5", "3+/5"; goniometry; "3 x 12, 3 lb"; "38/56"; "71 percent") and 1.5 (goniometry,
 * MMT grades as the PT vocabulary the scribe must handle).
 */
import { describe, expect, it } from 'vitest';
import { normalizeClinical, wordsToDigits } from '../src/index.ts';

describe('wordsToDigits (numbers spoken as words, DOMAIN.md 3.3)', () => {
  it.each([
    ['twenty-two', '22'],
    ['a hundred and ten degrees', '110 degrees'],
    ['one hundred and eight degrees', '108 degrees'],
    ['Shoulder flexion is about one-fifty', 'Shoulder flexion is about 150'],
    ['Reach up again: one-sixty-two now', 'Reach up again: 162 now'],
    ['one point two centimeters', '1.2 centimeters'],
    ['thirty-eight-year-old', '38-year-old'],
    ['seventy one percent', '71 percent'],
  ])('%s -> %s', (spoken, digits) => {
    expect(wordsToDigits(spoken)).toBe(digits);
  });

  it('keeps "one" as a pronoun or article but reads it as a quantity before a unit', () => {
    expect(wordsToDigits('holding one rail, one at a time')).toBe('holding one rail, one at a time');
    expect(wordsToDigits("now it's one centimeter")).toBe("now it's 1 centimeter");
    expect(wordsToDigits("resting it's maybe a one.")).toBe("resting it's maybe a 1.");
  });

  it('does not glue two separate numbers together', () => {
    expect(wordsToDigits('ten, eleven, twelve')).toBe('10, 11, 12');
    expect(wordsToDigits('from five to three')).toBe('from 5 to 3');
  });
});

describe('normalizeClinical (measure notation)', () => {
  it.each([
    ['three plus out of five on the right', '3+/5 on the right'],
    ['four minus out of five', '4-/5'],
    ['It was three plus at the evaluation', 'It was 3+ at the evaluation'],
    ['reflexes two plus and symmetric', 'reflexes 2+ and symmetric'],
    ['about a three out of ten right now', 'about a 3/10 right now'],
    ['forty pounds, three sets of fifteen', '40 lb, 3x15'],
    ['three times thirty seconds', '3x30 s'],
    ['from minus fifteen to minus ten', 'from -15 to -10'],
    ['forty-two percent', '42%'],
    ['fifteen degrees of extension', '15° of extension'],
    ['an eighteen-second hold', 'an 18-s hold'],
    ['twice a week for four more weeks', '2x/week for 4 more weeks'],
    ['once a week', '1x/week'],
    ['three times a day', '3x/day'],
    ['zero to ten', '0-10'],
  ])('%s -> %s', (spoken, written) => {
    expect(normalizeClinical(spoken)).toBe(written);
  });

  it('is idempotent, so a statement and its source compare in one notation', () => {
    const once = normalizeClinical('quad three plus out of five, forty pounds, three sets of fifteen');
    expect(normalizeClinical(once)).toBe(once);
  });
});
