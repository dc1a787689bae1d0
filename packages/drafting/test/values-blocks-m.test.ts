/**
 * Blocks, regions and measures as said in visits the drafter had not seen (held-out set M).
 * Sources: DOMAIN.md 2.13 (98940-98942 spinal CMT by regions, 98943 extraspinal), 2.6 T6
 * (laterality for a paired joint), 2.3 (97140, 97535).
 */
import { describe, expect, it } from 'vitest';
import { regionsIn } from '../src/lexicon/anatomy.ts';
import { kindsIn } from '../src/lexicon/interventions.ts';
import { normalizeClinical } from '../src/index.ts';
import { fitBudget } from '../src/compose/budget.ts';
import { extractMeasures } from '../src/extract/measures.ts';
import { buildUnits } from '../src/extract/units.ts';
import { dictated, draftOf, entries, ledger, say } from './spoken.ts';


describe('extraspinal manipulation of the jaw (DOMAIN.md 2.13: 98943)', () => {
  it('"Then extraspinal, the TMJ, gentle intraoral distraction manipulation" is CMT at the TMJ, a paired joint', () => {
    expect(regionsIn('the TMJ, the jaw').map((r) => r.region)).toEqual(['tmj', 'tmj']);
    expect(kindsIn('Then extraspinal, the TMJ, gentle intraoral distraction manipulation with a glove.', 'chiro').map((k) => k.kind)).toEqual(['cmt']);
    const [cmt] = entries(['Treatment. Diversified adjustments to C1-2 and T1-2. Then extraspinal, the TMJ, gentle intraoral distraction manipulation with a glove, three repetitions.'], 'chiro');
    expect(cmt?.kindHint).toBe('cmt');
    expect(cmt?.bodyRegions).toEqual(expect.arrayContaining(['cervical', 'thoracic', 'tmj']));
  });

  it('the clinician\'s own hands are no region manipulated ("relax into my hands")', () => {
    const [cmt] = entries(['Adjusting the neck first, relax into my hands. Neck, mid back and low back all adjusted.'], 'chiro', 'ambient');
    expect(cmt?.bodyRegions).not.toContain('hand');
  });
});

describe('lymphedema care said in plain words (DOMAIN.md 2.3: 97140 manual lymphatic drainage; 97535 self-care training)', () => {
  it('"I\'ll start the drainage at the neck ... One forty-six, drainage done" is 97140; teaching the bandaging is 97535', () => {
    expect(kindsIn("I'll start the drainage at the neck, clear the right armpit first.", 'ot').map((k) => k.kind)).toEqual(['manual_therapy']);
    expect(kindsIn('Self-drainage: tell me the order.', 'ot').map((k) => k.kind)).not.toContain('manual_therapy');
    expect(kindsIn('Okay June, Frank, bandaging. I want June doing the forearm layer herself today.', 'ot').map((k) => k.kind)).toEqual(['self_care']);
    const out = entries([
      "It's one fifteen. Lie back. I'll start the drainage at the neck, clear the right armpit first, then work down the left arm.",
      'One forty-six, drainage done. Elbow is twenty-six point six after.',
    ], 'ot', 'ambient');
    expect(out.map((e) => [e.kindHint, e.startTime, e.minutes])).toEqual([['manual_therapy', '13:15', 31]]);
  });
});

describe('gait said by its aid and terrain (DOMAIN.md 2.3: 97116 gait training)', () => {
  it('"Ten thirty, cane work outside on the ramp and the curb" is gait training', () => {
    expect(kindsIn('Ten thirty, cane work outside on the ramp and the curb.', 'pt').map((k) => k.kind)).toEqual(['gait_training']);
    expect(kindsIn('Step up on the curb with the walker.', 'pt').map((k) => k.kind)).toContain('gait_training');
  });
});

describe('a clock time corrected as it is dictated (DOMAIN.md 2.2: the actual start and stop times)', () => {
  it('"Stopped at nine fifty, no, scratch that, nine fifty-two" stops the block at 9:52', () => {
    expect(normalizeClinical('Stopped at nine fifty, no, scratch that, nine fifty-two.')).toBe('Stopped at 9:52.');
    expect(normalizeClinical('Running total is 118. Scratch that, 116.')).toBe('Running total is 116.');
    expect(ledger([
      'Treatment, neuromuscular re-ed. Started at nine forty. Gaze stabilization, VOR times one, horizontal, three bouts of one minute.',
      'Stopped at nine fifty, no, scratch that, nine fifty-two.',
      'Then nine fifty-three to ten oh four, standing on foam, feet together, eyes open with horizontal head turns.',
    ], 'pt', 'dictation')).toEqual([['neuromuscular_reeducation', '09:40', '09:52', 12], ['neuromuscular_reeducation', '09:53', '10:04', 11]]);
  });
});

describe('a massage dictation with two regions (DOMAIN.md 2.5: 97124 and 97140 on distinct regions; 2.4 goal link)', () => {
  const visit = [
    'Massage therapy note, visit four. Employer plan with the medical massage benefit.',
    'Objective. Standing forward bend, fingertips reached the knees. A taut band in the right piriformis, tender.',
    'Treatment. Swedish massage to the lumbar region, effleurage, petrissage and compression to the paraspinals, prone, from three oh five to three twenty-nine.',
    'Then, separate region, myofascial release and trigger point work to the right piriformis and glute med, side-lying, three thirty to three forty-three.',
    'Both of those are to get him sitting through his meetings and bending forward without the buttock pain.',
  ];

  it('talk of the plan\'s massage benefit is no massage; the piriformis and glutes are the hip, on the side said', () => {
    const out = entries(visit, 'massage');
    expect(out.map((e) => [e.kindHint, e.startTime])).toEqual([['massage', '15:05'], ['manual_therapy', '15:30']]);
    expect(out[1]).toMatchObject({ bodyRegions: ['hip'], side: 'right' });
    expect(regionsIn('glute med, gluteus maximus, buttock').map((r) => r.region)).toEqual(['hip', 'hip', 'hip']);
  });

  it('"Both of those are to ..." links both blocks to the goal', () => {
    const out = entries(visit, 'massage');
    expect(out.map((e) => e.linkedGoal)).toEqual([expect.stringMatching(/^Both of those/), expect.stringMatching(/^Both of those/)]);
  });
});

describe('an assist level said inside the activity it guards (DOMAIN.md 2.4 parameters; 2.7 vague)', () => {
  it('"standing on foam, feet together, eyes open ..., contact guard" describes the 97112 block, not a result', () => {
    const [nmr] = entries(['Then nine fifty-three to ten oh four, standing on foam, feet together, eyes open with horizontal head turns, then eyes closed, contact guard, cueing her to keep her hips over her feet.'], 'pt');
    expect(nmr?.intervention).toMatch(/^Standing on foam, feet together, eyes open with horizontal head turns/);
  });
});

describe('no side asked of both limbs or of a distance (DOMAIN.md 2.6 T6: laterality for a unilateral condition)', () => {
  it('"at arm\'s length" names no arm; "keep her hips over her feet" is both limbs', () => {
    expect(regionsIn("letter target at arm's length")).toEqual([]);
    const [gaze, foam] = entries([
      "Started at nine forty. Gaze stabilization, VOR times one, horizontal, letter target at arm's length, seated. Stopped at nine fifty-two.",
      'Then nine fifty-three to ten oh four, standing on foam, feet together, eyes closed, cueing her to keep her hips over her feet.',
    ], 'pt');
    expect(gaze?.bodyRegions).toEqual([]);
    expect(foam?.side).toBe('bilateral');
  });
});

describe('"some cognitive work" is SLP treatment named only in general words (DOMAIN.md 2.7)', () => {
  it('is a 92507 item for the coder to flag', () => {
    expect(kindsIn('Then we did some cognitive work for the last bit of the session.', 'slp').map((k) => k.kind)).toEqual(['speech_language_treatment']);
  });
});

describe('a forward bend read by the landmark the fingertips reach (DOMAIN.md 2.4: an objective outcome measure compared to baseline)', () => {
  const units = buildUnits(say([
    'Objective. Standing forward bend, fingertips reached the knees, pulling in the right buttock.',
    'Treatment. Myofascial release to the right piriformis, three thirty to three forty-three.',
    'After, forward bend fingertips to mid-shin, buttock pain two out of ten.',
  ]), 'dictation');

  it('"fingertips reached the knees", then "fingertips to mid-shin" after treatment, is a range-of-motion reading with its baseline', () => {
    const reach = extractMeasures(units, 'massage').filter((m) => m.name === 'forward bend reach');
    expect(reach.map((m) => [m.kind, m.value, m.baseline])).toEqual([['rom', 'fingertips to knees', null], ['rom', 'fingertips to mid-shin', 'fingertips to knees']]);
  });

  it('no landmark without a bend: "hands to the knees" in a squat is no reading', () => {
    expect(extractMeasures(buildUnits(say(['Squat with your hands to the knees, ten times.']), 'dictation'), 'pt').some((m) => m.name === 'forward bend reach')).toBe(false);
  });

  it('the landmark clause is a hard fact the budget keeps', () => {
    const items = [
      { section: 'objective' as const, text: 'After, forward bend fingertips to mid-shin, which he was pleased about, buttock pain 2/10.', evidence: ['u3'] },
      { section: 'plan' as const, text: 'Once a week for four more weeks.', evidence: ['u4'] },
    ];
    expect(fitBudget(items, 24, 0.5).map((x) => x.text)[0]).toContain('fingertips to mid-shin');
  });
});

describe('a rotation asked for as "look over your shoulder" (DOMAIN.md 1.5: goniometry in degrees; 2.4 outcome against baseline)', () => {
  const said = [
    'Turn your head and look over your left shoulder as far as you can. ... About fifty-five degrees. Now the right. ... Sixty-five.',
    'Ten twenty-four. Look over the left shoulder again. ... Sixty-five now.',
  ];

  it('names each bare number by the side asked for, and the re-measure takes the first reading as its baseline', () => {
    const found = extractMeasures(buildUnits(say(said), 'ambient'), 'chiro').map((m) => [m.name, m.value, m.baseline]);
    expect(found).toEqual([['left rotation', '55°', null], ['right rotation', '65°', null], ['left rotation', '65°', '55°']]);
  });

  it('charts the bare numbers as rotations in degrees', async () => {
    const d = await draftOf(dictated(said), { discipline: 'chiro', payer: { type: 'auto' } });
    const objective = d.sections.objective.map((x) => x.text);
    expect(objective).toContain('Left rotation: 55°. Right rotation: 65°.');
    expect(objective).toContain('Left rotation: 65° (from 55°).');
  });
});

describe('limb girth is an edema measure (DOMAIN.md 2.4: an objective outcome against baseline for 97140 lymphedema care)', () => {
  it('"Circumference at the elbow ... 27 cm. It was 29.5 at the evaluation" and a volume difference are edema readings with baselines', () => {
    const found = extractMeasures(buildUnits(say([
      'Circumference at the elbow on the left, twenty-seven centimeters. It was twenty-nine and a half at the evaluation.',
      'Estimated volume difference is nine percent now, it was eighteen percent at the start.',
    ]), 'ambient'), 'ot').map((m) => [m.kind, m.value, m.baseline]);
    expect(found).toEqual([['edema', '27 cm', '29.5'], ['edema', '9%', '18%']]);
  });
});
