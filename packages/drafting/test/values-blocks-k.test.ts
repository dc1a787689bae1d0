/**
 * Blocks and their minutes as said in visits the drafter had not seen (held-out set K).
 * Sources: DOMAIN.md 2.2 (the actual start and stop clock times; minutes per code), 2.3 (97530:
 * dynamic functional activities), 2.4 (parameters: sets, reps, load, time).
 */
import { describe, expect, it } from 'vitest';
import { priority } from '../src/compose/budget.ts';
import { finish } from '../src/compose/prose.ts';
import { GOAL_LINK } from '../src/extract/cues.ts';
import { toLedger } from '../src/extract/entries.ts';
import { findBlocks } from '../src/extract/ledger.ts';
import { extractMeasures } from '../src/extract/measures.ts';
import { buildUnits } from '../src/extract/units.ts';
import { kindsIn } from '../src/lexicon/interventions.ts';
import { ledger, say } from './spoken.ts';

describe('minutes of a block timed by the clock (DOMAIN.md 2.2)', () => {
  it('"It\'s 2:10 ... stretch, five minutes ... 2:26": the five minutes are a dose; the block holds 16', () => {
    expect(ledger([
      "It's 2:10, let's start. Low-load stretch into extension first: arm on the wedge, two-pound weight at the wrist, five minutes. Then active flexion and extension with the dowel, three sets of fifteen.",
      'Supination with the hammer, three by fifteen.',
      'Two twenty-six. Okay, range is done.',
    ], 'ot')).toEqual([['therapeutic_exercise', '14:10', '14:26', 16]]);
  });

  it('minutes that fit the span are still the direct time ("9:00 ... twelve minutes of leg press ... 9:14")', () => {
    expect(ledger(["It's 9:00. Leg press, three by fifteen, twelve minutes.", "It's 9:14, done with that."], 'pt'))
      .toEqual([['therapeutic_exercise', '09:00', '09:14', 12]]);
  });

  it('a reading taken "after the stretch" is no new block: the functional work after it inherits the stop as its start', () => {
    expect(ledger([
      "It's 2:10, let's start. Low-load stretch into extension, three sets of fifteen.",
      'Two twenty-six. Okay, range is done. Flexion after the stretch is a hundred and twenty-six.',
      'Now functional work. Gallon jug, half full, low shelf to the counter, right arm only, five reps.',
      "Ten to three, we're done with the functional part.",
    ], 'ot')).toEqual([['therapeutic_exercise', '14:10', '14:26', 16], ['therapeutic_activity', '14:26', '14:50', 24]]);
    expect(kindsIn('Now functional work.', 'ot').map((k) => k.kind)).toEqual(['therapeutic_activity']);
  });

  it('a task timed before treatment ("Before we started, five buttons took her 5 min 20 s") is a measure, not 5 minutes of treatment', () => {
    expect(ledger([
      'Before we started, five buttons on the cardigan took her five minutes twenty seconds.',
      'Therapeutic activity from nine-oh-five to nine thirty-eight, thirty-three minutes.',
      'Upper-body dressing seated at the edge of the mat, then the cardigan with five buttons.',
    ], 'ot', 'dictation')).toEqual([['therapeutic_activity', '09:05', '09:38', 33]]);
  });
});

describe('a value read after a retest named in the turn before (FORMAT.md evidence coverage)', () => {
  it('"Off the foam for a retest ... heel to toe, eyes open" - "Nine seconds.": the measure cites both turns', () => {
    const units = buildUnits(say(['Off the foam for a retest on the firm floor. Tandem stance, heel to toe, eyes open, go.', 'Nine seconds. From four to nine in one session.']), 'ambient');
    const m = extractMeasures(units, 'pt').find((x) => x.value === '9 s');
    expect(m).toMatchObject({ name: 'tandem stance eyes open', evidence: ['u1', 'u2'] });
  });
});

describe('a balance test before treatment (DOMAIN.md 2.6 T9-T11: 97112 needs a neuromotor deficit measured before)', () => {
  const turns = [
    "Okay. Let's check your tandem stance first. Heel to toe, eyes open, hands off the counter... and go.",
    'Four seconds. Last Tuesday you had three, so a touch better.',
    "Okay, it's five after ten, we're starting the balance work. Stand in the corner here: tandem stance on the firm floor, five holds of thirty seconds.",
    "That's ten twenty-six, balance is done.",
  ];

  it('"Let\'s check your tandem stance ... and go." - "Four seconds.": the time is that stance, measured before the block', () => {
    const m = extractMeasures(buildUnits(say(turns), 'ambient'), 'pt').find((x) => x.value === '4 s');
    expect(m).toMatchObject({ kind: 'neuromotor', name: 'tandem stance eyes open', evidence: ['u1', 'u2'] });
  });

  it('the test is not part of the balance block, which starts at its clock time', () => {
    expect(ledger(turns, 'pt')).toEqual([['neuromuscular_reeducation', '10:05', '10:26', 21]]);
    const [block] = findBlocks(buildUnits(say(turns), 'ambient'), 'pt');
    expect(block?.units.map((u) => u.uttId)).not.toContain('u1');
  });
});

describe('what a dictated strengthening and balance visit does not bill (DOMAIN.md 2.4: outcome against baseline; 2.6 T1 goal connection)', () => {
  const visit = [
    'Subjective. Right hip pain is a three out of ten today.',
    'She said, quote, the stairs at work are finally not the worst part of my day, end quote.',
    'Objective. Hip abduction, manual muscle test, right three plus over five, left five over five.',
    'Therapeutic exercise, eight-oh-two to eight twenty-eight, so twenty-six minutes.',
    'Side-lying hip abduction on the right, three sets of twelve with a two-pound ankle weight.',
    'Then balance training, eight twenty-nine to eight forty, eleven minutes.',
    'Single-leg stance on foam, three times thirty seconds each leg, then the rocker board, two sets of one minute.',
    'Assessment. Pain down from six to three and abduction strength improving.',
  ];
  const units = buildUnits(say(visit), 'dictation');

  it('a quoted patient sentence and an MMT result ("3+/5") are no treatment blocks', () => {
    expect(ledger(visit, 'pt', 'dictation')).toEqual([['therapeutic_exercise', '08:02', '08:28', 26], ['neuromuscular_reeducation', '08:29', '08:40', 11]]);
  });

  it('"3x30 s each leg" is a dose, not a single-leg stance reading; the assessment is no block\'s outcome', () => {
    expect(extractMeasures(units, 'pt').filter((m) => m.value === '30 s')).toEqual([]);
    const entries = toLedger(findBlocks(units, 'pt'), units, extractMeasures(units, 'pt'), 'pt');
    expect(entries[1]?.outcome).toBeNull();
  });

  it('"... to keep him lifting at work without flare-ups" ties the service to a function (a goal link)', () => {
    expect(GOAL_LINK.test('core strengthening exercises, to keep him lifting at work without flare-ups')).toBe(true);
    expect(GOAL_LINK.test('keep him in the chair')).toBe(false);
  });
});

describe('a fingertip-to-floor distance in inches (DOMAIN.md 2.3: ROM as an outcome of 97124/97140)', () => {
  it('"bend forward ... 18 inches from the floor" then "11 inches now, down from 18" is the measure with its baseline', () => {
    const units = buildUnits(say(['Stand up and bend forward, let your hands hang toward the floor.', 'Fingertips are eighteen inches from the floor.', 'Bend forward again... eleven inches from the floor now. Down from eighteen.']), 'ambient');
    expect(extractMeasures(units, 'massage').map((m) => [m.name, m.value, m.baseline])).toEqual([
      ['fingertip-to-floor', '18 inches', null], ['fingertip-to-floor', '11 inches', '18 inches'],
    ]);
  });
});

describe('what a chart keeps and how it says it (DOMAIN.md 2.13: CMT 98940-98942 by number of spinal regions; 2.3 outcome scores)', () => {
  it('the regions manipulated are kept by the word budget like a measure', () => {
    expect(priority({ section: 'objective', text: '2 regions cervical and thoracic.', evidence: ['u1'] })).toBeGreaterThanOrEqual(9);
    expect(priority({ section: 'objective', text: 'Cervical, thoracic and lumbar regions.', evidence: ['u1'] })).toBeGreaterThanOrEqual(9);
  });

  it('"Filled out the Neck Disability Index again: 44%" is charted as the score', () => {
    expect(finish('Filled out Neck Disability Index again: 44%.')).toBe('Neck Disability Index: 44%.');
    expect(finish('Filled out the forms for the insurance.')).toBe('Filled out forms for insurance.');
  });

  it('a number followed by a unit of time is no score of the scale named before it ("Berg at 12 weeks")', () => {
    const units = buildUnits(say(['The Oswestry took ten minutes to fill out.', 'Berg at twelve weeks.']), 'ambient');
    expect(extractMeasures(units, 'pt')).toEqual([]);
  });
});
