/**
 * Where a spoken duration or clock time belongs. Source: DOMAIN.md 2.2 (units follow each
 * code's own documented minutes; "Actual start and stop time", blocks for different codes do
 * not overlap) and 2.4 (the outcome is the session's result compared to baseline).
 */
import { describe, expect, it } from 'vitest';
import { toLedger } from '../src/extract/entries.ts';
import { findBlocks } from '../src/extract/ledger.ts';
import { extractMeasures } from '../src/extract/measures.ts';
import { buildUnits } from '../src/extract/units.ts';
import { normalizeClinical } from '../src/index.ts';

const c = (id: string, text: string) => ({ id, speaker: 'clinician' as const, start: 0, end: 1, text });

function blocks(texts: string[], discipline = 'pt') {
  return findBlocks(buildUnits(texts.map((t, i) => c(`u${i + 1}`, t)), 'ambient'), discipline)
    .map((b) => [b.start?.time ?? null, b.stop?.time ?? null, b.minutes]);
}

function ledger(texts: string[], discipline = 'ot') {
  const units = buildUnits(texts.map((t, i) => c(`u${i + 1}`, t)), 'ambient');
  return toLedger(findBlocks(units, discipline), units, extractMeasures(units, discipline), discipline);
}

describe('a duration said right after a stop time restates the block just closed (DOMAIN.md 2.2)', () => {
  it('does not carry the first block\'s minutes into the next block', () => {
    expect(blocks([
      "It's 10:00. Bridges, 3x12, then clamshells with a red band, 3x15.",
      "It's 10:11. Eleven minutes of exercise. Drink some water.",
      'Okay, it\'s 10:12. Now step-ups onto the 6-inch box, 2x10.',
      "It's 10:26, so fourteen minutes on the step practice.",
    ])).toEqual([['10:00', '10:11', 11], ['10:12', '10:26', 14]]);
  });
});

describe('clock times in unpunctuated speech recognition output (DOMAIN.md 2.2)', () => {
  it('reads "its" without an apostrophe as "it\'s" before a spoken time', () => {
    expect(normalizeClinical('ok its ten forty so twelve minutes on the bike')).toMatch(/10:40/);
  });

  it('reads a time said first in a run-on utterance before the next instruction', () => {
    expect(normalizeClinical('ten forty one lets have you walk to the door')).toMatch(/^10:41 lets/);
    expect(normalizeClinical('ten fifty one done have a seat')).toMatch(/^10:51 done/);
  });

  it('keeps a measurement said first as a number', () => {
    expect(normalizeClinical('flexion one twenty now relax')).not.toMatch(/1:20/);
  });
});

describe('a stop time whose stated minutes match the span from the block\'s start ends that block (DOMAIN.md 2.2)', () => {
  it('uses the clock span, not a task time said in the middle', () => {
    expect(blocks([
      "Okay, it's 3:00, let's practice putting the shirt on with the reacher.",
      'That was seven minutes start to finish, with one cue.',
      "It's 3:16, so sixteen minutes on dressing.",
    ], 'ot')).toEqual([['15:00', '15:16', 16]]);
  });
});

describe('goal status and outcomes said after a block (DOMAIN.md 2.4)', () => {
  const texts = [
    "It's 1:00. Stand at the counter and fold these towels, one at a time.",
    'Eight minutes standing without support, and it was two minutes at the eval.',
    "1:10, done. Have a seat.",
    'So all of your goals are met and we can discharge you today.',
  ];

  it('does not take "all goals are met" as the goal connection of the last block', () => {
    expect(ledger(texts)[0]?.linkedGoal).toBeNull();
  });

  it('reads "at the eval" as the baseline of a within-session result', () => {
    expect(ledger(texts)[0]?.outcome).toMatch(/2 min at the eval/i);
  });
});
