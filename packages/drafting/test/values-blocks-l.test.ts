/**
 * Blocks as said in visits the drafter had not seen (held-out set L). Sources: DOMAIN.md 2.2
 * (the actual start and stop clock times; minutes per code), 2.3 (97530: dynamic functional
 * activities such as lifting; 97140: mobilization).
 */
import { describe, expect, it } from 'vitest';
import { kindsIn } from '../src/lexicon/interventions.ts';
import { normalizeClinical } from '../src/index.ts';
import { ledger } from './spoken.ts';

describe('words passed on through an interpreter name no service (DOMAIN.md 2.2, 2.3)', () => {
  it('"Tell her ... that\'s why the stairs are hard" is a message, not stair training; the mobilization starts at 10:20', () => {
    expect(ledger([
      "Tell her the ankle is stiff and the calf is weak, and that's why the stairs and standing are hard.",
      "That's the long-term goal: back to her housekeeping job in eight weeks.",
      "It's ten-twenty, I'm going to start joint mobilization on the left ankle.",
      "I'm gliding the ankle bone backward, grade three, to get more bend in the ankle.",
      "It's ten thirty-two, we're done with that.",
    ])).toEqual([['manual_therapy', '10:20', '10:32', 12]]);
  });
});

describe('work simulation and lifting are functional activity (DOMAIN.md 2.3, 97530)', () => {
  it('"Now the work stuff ... crate ... 10:35, that\'s twenty minutes of lifting" is one 97530 block from the last stop', () => {
    expect(ledger([
      "Okay, it's ten-oh-eight. I'm going to start with some kneecap mobs.",
      'Up, down, side to side, grade two and three.',
      'Ten fifteen. Bend it again for me.',
      'Now the work stuff. This crate is twenty pounds. Squat down, pick it up off the floor, and set it on the shelf at waist height. Ten times.',
      "Okay, we'll skip the kneeling and do the step-down reach instead. Three rounds of ten, and the last round we go up to thirty pounds.",
      "Ten thirty-five, that's twenty minutes of lifting.",
    ])).toEqual([['manual_therapy', '10:08', '10:15', 7], ['therapeutic_activity', '10:15', '10:35', 20]]);
  });

  it('names the lifting vocabulary, and leaves lifting a limb alone', () => {
    for (const t of ['Now the work stuff.', 'Pick it up off the floor and set it on the shelf.', "That's twenty minutes of lifting.", 'Lifting the crate to the shelf.']) {
      expect(kindsIn(normalizeClinical(t), 'pt').map((k) => k.kind), t).toContain('therapeutic_activity');
    }
    expect(kindsIn('Lift your arm up for me.', 'pt').map((k) => k.kind)).not.toContain('therapeutic_activity');
  });
});
