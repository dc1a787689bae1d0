/**
 * Blocks as said in visits the drafter had not seen (held-out set L). Sources: DOMAIN.md 2.2
 * (the actual start and stop clock times; minutes per code), 2.3 (97530: dynamic functional
 * activities such as lifting; 97140: mobilization).
 */
import { describe, expect, it } from 'vitest';
import { kindsIn } from '../src/lexicon/interventions.ts';
import { normalizeClinical, OfflineTherapyDrafter } from '../src/index.ts';
import { extractBodyParts } from '../src/extract/body-parts.ts';
import { extractMeasures } from '../src/extract/measures.ts';
import { buildUnits } from '../src/extract/units.ts';
import { entries, ledger, say } from './spoken.ts';


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

describe('a massage dictation with two regions (DOMAIN.md 2.4 goal connection, 2.5 97124 and 97140 on distinct regions)', () => {
  const visit = [
    'Massage therapy, session three, Daniel Brooks. Auto accident October second, PIP claim.',
    'He reports neck pain six out of ten and low back pain four out of ten.',
    'Pre-treatment cervical rotation right sixty degrees, left fifty-five.',
    'Massage nine-fifteen to nine forty-five: effleurage and petrissage to the cervical and upper thoracic region, bilateral upper traps and levators.',
    "Then myofascial release to the lumbar region, nine forty-five to ten o'clock, bilateral lumbar paraspinals and quadratus lumborum, left emphasis.",
    'Post-treatment cervical rotation right seventy, left sixty-five.',
    'The neck work is to restore rotation for his shoulder checks when driving, and the low back release is for his goal of sitting through a full hour at work.',
  ];

  it('the opening "Massage therapy, session three, <name>" names the note, not a massage given', () => {
    expect(entries(visit, 'massage').map((e) => [e.kindHint, e.startTime, e.minutes])).toEqual([['massage', '09:15', 30], ['manual_therapy', '09:45', 15]]);
  });

  it('a re-measure and a goal sentence after the last block add no region to it', () => {
    expect(entries(visit, 'massage')[1]?.bodyRegions).toEqual(['lumbar']);
  });

  it('each block is linked by the clause naming the work done on its region', () => {
    const [massage, release] = entries(visit, 'massage');
    expect(massage?.linkedGoal).toMatch(/^The neck work is to restore rotation/);
    expect(release?.linkedGoal).toMatch(/low back release is for his goal/);
  });

  it('a goal clause about another region links nothing', () => {
    const [massage, release] = entries([visit[3] as string, visit[4] as string, 'The low back release is for his goal of sitting through a full hour at work.'], 'massage');
    expect(massage?.linkedGoal).toBeNull();
    expect(release?.linkedGoal).toMatch(/low back release/);
  });
});

describe('a bare number after the movement asked for is its range (DOMAIN.md 1.5 goniometry, 2.4 outcome vs baseline)', () => {
  const measured = (texts: string[]) => {
    const units = buildUnits(say(texts), 'ambient');
    return extractMeasures(units, 'chiro').map((m) => [m.name, m.value, m.baseline]);
  };

  it('"Turn your head to the right ... About sixty-five. Now to the left ... Fifty." and the re-measure after treatment', () => {
    expect(measured([
      'Turn your head to the right as far as you can. About sixty-five. Now to the left. Fifty.',
      "Nine twenty-two, we're done. Turn left again for me. Sixty now.",
    ])).toEqual([['right rotation', '65°', null], ['left rotation', '50°', null], ['left rotation', '60°', '50°']]);
  });

  it('reads no range from a number said after something other than a movement', () => {
    expect(measured(['Squeeze my hand as hard as you can. About sixty-five.', 'Now to the left. Fifty.'])).toEqual([]);
  });
});

describe('"Bend it back as far as you can" depends on the joint (DOMAIN.md 1.5 goniometry)', () => {
  const objective = async (lines: string[]) => {
    const utterances = lines.map((text, i) => ({ id: `u${i + 1}`, speaker: (i % 2 ? 'patient' : 'clinician') as 'patient' | 'clinician', start: i, end: i + 1, text }));
    const d = await new OfflineTherapyDrafter().draft({ utterances, context: { discipline: 'pt', noteType: 'daily', mode: 'ambient', payer: { type: 'commercial' }, diagnoses: [], goals: [], referral: null } });
    return d.sections.objective.map((x) => x.text).join(' | ');
  };

  it('a knee bent back flexes', async () => {
    expect(await objective(['So how is the knee doing?', 'Better, thanks, a lot less swelling this week.', 'Hop up on the table. Bend it back as far as you can. A hundred and twenty-two.']))
      .toMatch(/Knee flexion: 122/);
  });

  it('a wrist bent back extends', async () => {
    expect(await objective(['So how is the wrist doing?', 'Better, thanks, a lot less swelling this week.', 'Rest it on the table. Bend it back as far as you can. Forty.']))
      .toMatch(/Extension: 40/);
  });
});

describe('laterality is said of a condition, not of a dose or of how weight is borne (DOMAIN.md 2.6 T6)', () => {
  it('"3x30 s each leg" and "weight even on both legs" give no region a side; "kneecap" is the knee', () => {
    const [balance] = entries(['Neuromuscular re-education ten-twenty to ten thirty-two: single-leg stance on the foam pad, three sets of thirty seconds each leg.'], 'chiro');
    expect(balance?.bodyRegions).toEqual([]);
    const [mobs, lifting] = entries([
      "It's ten-oh-eight. Kneecap mobs, up, down, side to side, grade two and three.",
      'Ten fifteen. Now the work stuff. This crate is twenty pounds, pick it up off the floor, ten times.',
      "Ten thirty-five, that's twenty minutes of lifting. The last round was thirty pounds with your weight even on both legs.",
    ], 'pt');
    expect(mobs?.bodyRegions).toContain('knee');
    expect(mobs?.side).toBeNull();
    expect(lifting?.side).toBeNull();
    const parts = extractBodyParts(buildUnits(say(['The last round was thirty pounds with your weight even on both legs.']), 'ambient'), new Map());
    expect(parts.filter((p) => p.side !== null)).toEqual([]);
  });
});

describe('a quotation dictated without its end runs to the end of the sentence (DOMAIN.md 5.B item 5)', () => {
  it('"in his words, quote, my balance is off up there." keeps the patient\'s words in quotation marks', () => {
    expect(normalizeClinical('He feels unsteady on ladders, in his words, quote, my balance is off up there.')).toBe('He feels unsteady on ladders, in his words, "my balance is off up there".');
    // one closed later, or already in quotation marks, is left to the other rule
    expect(normalizeClinical("He said, quote, I got it, finally, end quote.")).toBe('He said, "I got it, finally".');
    expect(normalizeClinical("Checking her blind spot is, quote, 'like turning a rusty hinge.'")).toBe("Checking her blind spot is, quote, 'like turning a rusty hinge.'");
  });
});

describe('a discharge dictation (DOMAIN.md 1.8 discharge; 2.7 vague interventions)', () => {
  it('"She\'s discharged from skilled voice therapy" is no service given and joins no block', () => {
    const out = entries([
      "Today's session: resonant voice hierarchy from words up to conversation. She kept forward focus in conversation ninety percent of the time with no cues.",
      "Both goals are met. She's discharged from skilled voice therapy.",
    ], 'slp');
    expect(out.map((e) => [e.kindHint, e.intervention])).toEqual([['speech_language_treatment', "Today's session: resonant voice hierarchy from words up to conversation"]]);
    expect(entries(["Both goals are met. She's discharged from skilled voice therapy."], 'slp')).toEqual([]);
  });

  it('a correction said while dictating ("then a, sorry, let me back up, then a mock lesson") keeps only what was meant', () => {
    expect(normalizeClinical('Then a, sorry, let me back up, then a mock lesson, reading aloud for five minutes.')).toBe('then a mock lesson, reading aloud for 5 min.');
  });
});

describe('a baseline dictated as "eval N" (DOMAIN.md 2.4 outcome vs baseline; 1.8 progress and discharge)', () => {
  const measured = (texts: string[]) => extractMeasures(buildUnits(say(texts.map(normalizeClinical)), 'dictation'), 'pt').map((m) => [m.name, m.value, m.baseline]);

  it('"right twelve degrees, eval four", "FAAM seventy-eight percent. Eval forty-one.", "Eval was seven."', () => {
    expect(measured(['Ankle dorsiflexion knee straight, right twelve degrees, eval four.'])).toEqual([['ankle dorsiflexion', '12°', '4']]);
    expect(measured(['FAAM sports seventy-eight percent. Eval forty-one.'])).toEqual([['faam sports', '78%', '41']]);
    expect(measured(['First-step pain this morning one out of ten. Eval was seven.'])).toEqual([['pain', '1/10', '7']]);
  });

  it('"eval" in a plan or as a word is no baseline', () => {
    expect(measured(['Grip 40 lb. Re-eval next week.'])).toEqual([['grip', '40 lb', null]]);
  });
});

describe('halves and baselines said in words (DOMAIN.md 1.5 grip and pinch in lb; 2.4 outcome vs baseline)', () => {
  it('"one and a half pounds" is 1.5 lb, and a value said as the earlier reading is not a reading of its own', () => {
    expect(normalizeClinical('left lateral pinch four pounds, up from one and a half pounds at the evaluation')).toBe('left lateral pinch 4 lb, up from 1.5 lb at the evaluation');
    expect(normalizeClinical('nine and a half seconds')).toBe('9.5 s');
    const units = buildUnits(say([normalizeClinical('Left lateral pinch four pounds, up from two pounds at the evaluation.')]), 'dictation');
    expect(extractMeasures(units, 'ot').map((m) => [m.name, m.value, m.baseline])).toEqual([['lateral pinch', '4 lb', '2 lb']]);
  });
});

describe('a motor deficit scored in trials, said where the block starts (DOMAIN.md 2.3: 97112 needs a measured neuromotor deficit)', () => {
  const said1 = "Two-point discrimination at the index fingertip of the involved hand eleven millimeters versus five on the other hand, and the finger opposition sequence, six out of ten correct sequences with the involved hand, so that's our motor planning deficit, so I started neuromuscular re-education at nine forty-six with the mirror box, three sets of ten.";

  it('"6 out of 10 correct sequences" is a neuromotor count, not a pain rating; two-point discrimination is a sensory test', () => {
    const ms = extractMeasures(buildUnits(say([normalizeClinical(said1)]), 'dictation'), 'ot');
    expect(ms.find((m) => m.value === '6/10')).toMatchObject({ kind: 'neuromotor', name: 'correct sequences' });
    expect(ms.some((m) => m.kind === 'pain')).toBe(false);
    expect(ms.find((m) => m.value === '11 mm')?.kind).toBe('neuromotor');
  });

  it('the deficit named in the sentence that starts the block is the block\'s deficit', () => {
    const [nmr] = entries([said1, 'Then therapeutic activity from nine fifty-three to ten twenty-four, folding six hand towels.'], 'ot');
    expect(nmr?.kindHint).toBe('neuromuscular_reeducation');
    expect(nmr?.deficit).toMatch(/motor planning deficit/);
  });
});

describe('a service dictated with its times heads the items said under it (DOMAIN.md 2.4 "exercise named with its parameters"; 2.7 vague)', () => {
  it('"Therapeutic activity, 9:05 to 9:38, 33 minutes. Tub transfer bench training ... Sit-to-stand ..." is one 97530 block with its items', () => {
    const out = entries([
      'Therapeutic activity, nine-oh-five to nine thirty-eight, thirty-three minutes. Tub transfer bench training with the walker, lifting the left leg over the tub wall. Sit-to-stand from a seventeen-inch chair, three sets of eight, no armrests.',
      'Gait training, nine thirty-nine to nine forty-six, seven minutes. Straight cane in the right hand, a hundred and fifty feet times two.',
    ], 'pt');
    expect(out.map((e) => [e.kindHint, e.startTime, e.minutes])).toEqual([['therapeutic_activity', '09:05', 33], ['gait_training', '09:39', 7]]);
    expect(out[0]?.intervention).toMatch(/^Tub transfer bench training/);
  });
});
