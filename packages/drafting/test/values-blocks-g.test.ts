/**
 * Values and treatment blocks as said in visits the drafter had not seen (held-out set G).
 * Sources: DOMAIN.md 1.5 (goniometry and MMT in the objective section), 2.2 (the actual start
 * and stop clock times, the minutes of each timed service), 2.3 (gait training is 97116,
 * functional transfers 97530), 2.4 (the result against baseline, the goal connection), 2.13
 * (CMT is coded by the regions manipulated), FORMAT.md (voice leaks, compression).
 */
import { codeVisit } from '@scribe/coding';
import { describe, expect, it } from 'vitest';
import { sectionFor } from '../src/compose/classify.ts';
import { concise } from '../src/compose/prose.ts';
import { joinBaseline, withBaselines } from '../src/compose/baselines.ts';
import { toLedger } from '../src/extract/entries.ts';
import { findBlocks } from '../src/extract/ledger.ts';
import { extractMeasures } from '../src/extract/measures.ts';
import { buildUnits } from '../src/extract/units.ts';
import { regionsIn } from '../src/lexicon/anatomy.ts';
import { toThirdPerson } from '../src/text/voice.ts';
import { buildVisitInput, normalizeClinical, OfflineTherapyDrafter, type DraftContext } from '../src/index.ts';

const say = (texts: (string | [string, 'patient'])[]) =>
  texts.map((t, i) => ({ id: `u${i + 1}`, speaker: Array.isArray(t) ? t[1] : 'clinician' as const, start: i, end: i + 1, text: Array.isArray(t) ? t[0] : t }));

function ledger(texts: (string | [string, 'patient'])[], discipline = 'pt', goals: string[] = []) {
  const units = buildUnits(say(texts), 'dictation');
  return toLedger(findBlocks(units, discipline), units, extractMeasures(units, discipline), discipline, new Map(), goals);
}

const measures = (texts: string[]) => extractMeasures(buildUnits(say(texts), 'dictation')).map(({ unitIdx: _i, evidence: _e, ...m }) => m);

describe('goniometry and grades said the way clinicians dictate them (DOMAIN.md 1.5, 2.4)', () => {
  it('"Abduction one sixty-five, it was ninety-five": the value and its baseline, and a sentence worth charting', () => {
    expect(measures(['Abduction one sixty-five, it was ninety-five.'])).toEqual([
      { kind: 'rom', name: 'abduction', value: '165°', baseline: '95', side: null },
    ]);
    const [unit] = buildUnits(say([normalizeClinical('Abduction one sixty-five, it was ninety-five.')]), 'dictation');
    expect(sectionFor(unit!, 'dictation')).toBe('objective');
    expect(concise('Abduction 165, it was 95.')).toBe('Abduction 165 (was 95).');
    // a value with its unit keeps the earlier reading too (set L: "eighteen seconds, was nine")
    expect(concise('Maximum phonation time 18 s, was 9.')).toBe('Maximum phonation time 18 s (was 9).');
  });

  it('"external rotation at ninety degrees of abduction, eighty-five": 90° is the position, 85° the reading', () => {
    expect(measures(['External rotation at ninety degrees of abduction, eighty-five, was forty.'])).toEqual([
      { kind: 'rom', name: 'external rotation', value: '85°', baseline: '40', side: null },
    ]);
  });

  it('a grade out of five for a motion is strength, never a repeat of its range of motion', () => {
    const [rom, mmt] = measures(['Abduction one sixty-five.', 'Left abduction five out of five.']);
    expect(rom).toMatchObject({ kind: 'rom', value: '165°', baseline: null });
    expect(mmt).toMatchObject({ kind: 'strength', value: '5/5', baseline: null, side: 'left' });
  });

  it('"visit twelve of twelve authorized" is which visit it is, not a measure', () => {
    expect(measures(['Final visit, visit twelve of twelve authorized.'])).toEqual([]);
  });

  it('"carried it forty feet" is a distance, not the foot', () => {
    expect(regionsIn('carried it 40 feet').map((r) => r.region)).toEqual([]);
    expect(regionsIn('a 6-foot walk, right foot sore').map((r) => r.region)).toEqual(['foot']);
  });
});

describe('clock times said in words (DOMAIN.md 2.2)', () => {
  it('minutes before and past the hour', () => {
    expect(normalizeClinical("Five to eleven, let's walk.")).toBe("10:55, let's walk.");
    expect(normalizeClinical("It's twelve past four.")).toBe("It's 4:12.");
    expect(normalizeClinical('Do five to eleven reps.')).toBe('Do 5 to 11 reps.');
  });
});

describe('treatment blocks (DOMAIN.md 2.2, 2.3, 2.4)', () => {
  it('a service charted with its minutes and "per her goal" is a block, not a goal link only', () => {
    expect(ledger(['Treatment today: shoulder strengthening performed, about twelve minutes, to keep her lifting at work per her goal.'].map(normalizeClinical)))
      .toMatchObject([{ kindHint: 'therapeutic_exercise', minutes: 12 }]);
  });

  it('transfers timed by the clock, then a walk: 97530 and 97116, each with its minutes and a goal link said as "what we\'re building"', () => {
    const entries = ledger([
      "Okay, it's twenty past ten. Sit-to-stands from the low surface, arms crossed.",
      'Now the car. Three times in and out with me just standing by.',
      "Ten fifty-four. That's thirty-four minutes on transfers.",
      "Five to eleven, let's walk. Longer steps with the left foot.",
      "A hundred and sixty feet. That's the mailbox walk we're building.",
      'Eleven-oh-two, seven minutes of walking.',
    ].map(normalizeClinical), 'pt', ['Walk 300 feet with a cane to reach her mailbox within 8 weeks']);
    expect(entries.map((e) => [e.kindHint, e.startTime, e.stopTime, e.minutes])).toEqual([
      ['therapeutic_activity', '10:20', '10:54', 34],
      ['gait_training', '10:55', '11:02', 7],
    ]);
    expect(entries[1]?.linkedGoal).toMatch(/mailbox walk/);
  });

  it('a re-measure after the adjustment and the clinician\'s hands name no region manipulated (DOMAIN.md 2.13)', async () => {
    const context: DraftContext = {
      discipline: 'chiro', noteType: 'daily', mode: 'dictation', payer: { type: 'commercial' },
      diagnoses: [{ icd10: 'M99.03', description: 'Segmental dysfunction, lumbar' }], goals: [], referral: { onFile: true },
    };
    const utterances = say([
      'Treatment: chiropractic manipulative treatment, side-posture diversified adjustment at L4-5. Now T3-4. Hands on her upper back, deep breath in, and out.',
      'After the adjustments lumbar flexion improved to fingertips at the ankles.',
    ]);
    const draft = await new OfflineTherapyDrafter().draft({ utterances, context });
    expect(draft.extraction.ledger.find((e) => e.kindHint === 'cmt')?.bodyRegions.sort()).toEqual(['lumbar', 'thoracic']);
    expect(codeVisit(buildVisitInput(draft, context)).lines.map((l) => l.code)).toEqual(['98940']);
  });
});

describe('the patient\'s possessives in the third person (FORMAT.md voice leaks)', () => {
  it('"that low couch of mine"', () => {
    expect(toThirdPerson('But that low couch of mine, I still have to rock three times to get up.', 'patient')).not.toMatch(/\bmine\b/);
    expect(toThirdPerson('That low couch of mine is the problem.', 'patient')).toMatch(/^The patient's low couch/);
  });
});

describe('what a dictation says, in which section (DOMAIN.md 1.5)', () => {
  const section = (text: string, discipline = 'ot') => {
    const [unit] = buildUnits(say([text]), 'dictation');
    return sectionFor(unit!, 'dictation', false, discipline);
  };

  it('the clinician\'s own cueing is objective, the patient\'s pastimes subjective, a goal connection the assessment', () => {
    expect(section('I cued her to keep the thumb in a C shape and not let the MP joint collapse into hyperextension.')).toBe('objective');
    expect(section('She also coaches cheer two afternoons a week, which she admits is a lot of yelling.', 'slp')).toBe('subjective');
    expect(section('This task practice works toward her goal of opening jars and getting back to her alterations work.')).toBe('assessment');
    expect(section("That's minimal assist.")).toBe('objective');
    expect(section('Left lateral pinch eleven.')).toBe('objective');
  });

  it('"Treatment after the exam." ends the goals said before it', () => {
    const units = buildUnits(say(['Goals. Six weeks: twenty-five heel raises.', 'Treatment after the exam. Manual therapy, two fifty-two to three-oh-one, nine minutes.']), 'dictation');
    expect(units.map((u) => [u.header, u.text.slice(0, 14)])).toEqual([['plan', '6 weeks: 25 he'], ['objective', 'Manual therapy']]);
  });

  it('numbers said with a unit after them: "one sixty-five hertz"', () => {
    expect(normalizeClinical('Habitual speaking pitch about one sixty-five hertz.')).toBe('Habitual speaking pitch about 165 hertz.');
  });
});

describe('chart prose keeps what the words mean (FORMAT.md compression, DOMAIN.md 2.4)', () => {
  it('"is why" and "is so" stay; a baseline said with more than its value is not folded in', () => {
    expect(concise('Dressing has gone backwards, and the shoulder pain is why.')).toBe('Dressing has gone backwards, and shoulder pain is why.');
    expect(concise('This is so the hand can hold the bowl steady.')).toBe('This is so hand can hold bowl steady.');
    expect(joinBaseline('Fugl-Meyer 31/66.', 'At your evaluation it was 24, so the arm is still coming along.')).toBeNull();
  });

  it('a re-measure said without its unit gets its earlier value: "again: 105 now" (from 95°)', () => {
    expect(withBaselines('Hip flexion on the right again: 105.', [{ value: '105°', baseline: '95°', evidence: ['u9'] }]).text).toBe('Hip flexion on the right again: 105 (from 95°).');
    expect(measures(['Hip flexion on the right, ninety-five degrees.', 'Internal rotation, right twenty, left thirty-five.', 'Hip flexion on the right again: a hundred and five now.'].map(normalizeClinical)).map((m) => [m.name, m.value, m.side, m.baseline]))
      .toEqual([['hip flexion', '95°', 'right', null], ['internal rotation', '20°', 'right', null], ['internal rotation', '35°', 'left', null], ['hip flexion', '105°', 'right', '95°']]);
  });

  it('finger-widths and "on your feet" name no body part', () => {
    expect(regionsIn('a couple of finger-widths above the heel').map((r) => r.region)).toEqual(['foot']);
    expect(regionsIn('when she is on her feet at work').map((r) => r.region)).toEqual([]);
  });
});

describe('more blocks said the G way (DOMAIN.md 2.2, 2.3)', () => {
  it('an OT kitchen task is 97530; a foam build-up on a pinch is equipment, not balance work; "five runs" are its parameters', () => {
    const ot = ledger(["It's eight past two. Over to the kitchen counter. The left hand holds the bowl, the right hand stirs.", 'I switched her to a lateral pinch with a foam build-up.', "Two thirty-two, that's twenty-four minutes in the kitchen."].map(normalizeClinical), 'ot');
    expect(ot.map((e) => [e.kindHint, e.minutes])).toEqual([['therapeutic_activity', 24]]);
    const slp = ledger(['Now the coffee script. You are at the counter, I am the barista.', "That's five runs. The last three with no cues."].map(normalizeClinical), 'slp');
    expect(slp[0]?.parameters).toContain('5 runs');
  });

  it('myofascial release begun in the turn where the massage stopped starts at that stop; a slow stretch of the fascia is part of it', () => {
    const entries = ledger([
      "It's twenty to three. Starting massage on the right hip: effleurage, then petrissage.",
      "Three-oh-eight. That's twenty-eight minutes on the hip. Now onto your stomach, myofascial release along the thoracolumbar fascia.",
      'Slow, sustained stretch of the fascia.',
      "Three fourteen, that's six minutes.",
    ].map(normalizeClinical), 'massage');
    expect(entries.map((e) => [e.kindHint, e.startTime, e.stopTime, e.minutes])).toEqual([
      ['massage', '14:40', '15:08', 28],
      ['manual_therapy', '15:08', '15:14', 6],
    ]);
  });
});
