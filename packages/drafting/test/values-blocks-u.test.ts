/**
 * Rules found on cases the drafter had not seen (held-out set U), each checked here on a small
 * transcript or sentence written for this file. Sources: DOMAIN.md 1.6 (laterality is never swapped
 * or invented; a value is charted as meant, never the one taken back), 1.5 (what each SOAP section
 * holds), 2.4 (what a treatment record holds).
 */
import { describe, expect, it } from 'vitest';
import { normalizeClinical } from '../src/index.ts';
import { dictated, draftOf } from './spoken.ts';

describe('a value taken back as it is said (DOMAIN.md 1.6: the value meant, never the one taken back)', () => {
  it('keeps the corrected value when the first was said with its unit, or taken back with "no"', () => {
    expect(normalizeClinical('Timed Up and Go eleven point four seconds... correction, ten point eight seconds, no cane.')).toBe('Timed Up and Go 10.8 s, no cane.');
    expect(normalizeClinical('Nine Hole Peg Test right hand thirty-four... no, forty-three seconds.')).toBe('9 Hole Peg Test right hand 43 s.');
    expect(normalizeClinical('Pain four, no, five.')).toBe('Pain 5.');
  });

  it('never reads a scale, a dose or "no rest" as a correction', () => {
    expect(normalizeClinical('Pain 6/10... sorry, 5/10 today.')).toBe('Pain 5/10 today.');
    expect(normalizeClinical('Three by ten, no, three by twelve.')).not.toMatch(/^3x12\.$/);
    expect(normalizeClinical('Ten reps, no rest, then five more.')).toBe('10 reps, no rest, then 5 more.');
  });
});

describe('a side taken back with "no, wait" (DOMAIN.md 1.6)', () => {
  it('keeps the side meant', () => {
    expect(normalizeClinical('Terrible pain down the left leg... no, wait, the right leg.')).toBe('Terrible pain down the right leg.');
    expect(normalizeClinical('On the left... wait, no, the right.')).toBe('On the right.');
  });
});

describe('an exercise started and taken back (DOMAIN.md 2.4: only what was done is documented)', () => {
  it('drops the start taken back with "... actually no" and keeps what was said instead', () => {
    expect(normalizeClinical("Last one, mini squats at the counter... actually no, let's hold the squats until next week. Standing hip abduction instead."))
      .toBe("Let's hold the squats until next week. Standing hip abduction instead.");
  });
});

describe('the end of a dictation and the front desk (DOMAIN.md 1.5: only clinical content in the note)', () => {
  it('charts no sign-off ("That\'s it for Tomoko") and no copay, and keeps a late addition under the section it names', async () => {
    const d = await draftOf(dictated([
      'Plan: continue twice a week for three more weeks.',
      'She paid her copay at the front.',
      "Fine, that's everything for Claire.",
      "Oh, one more thing on the subjective: she's had no headaches this week.",
      'End of dictation.',
    ]), { mode: 'dictation' });
    const all = Object.values(d.sections).flat().map((s) => s.text).join(' | ');
    expect(all).not.toMatch(/copay|Claire|everything for/i);
    expect(d.sections.subjective.map((s) => s.text).join(' | ')).toMatch(/no headaches this week/);
    expect(d.sections.plan.map((s) => s.text).join(' | ')).not.toMatch(/headaches/);
  });
});
