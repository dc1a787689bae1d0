/**
 * Times, blocks and values as said in visits the drafter had not seen (held-out set I).
 * Sources: DOMAIN.md 2.2 (the actual start and stop clock times; minutes per code), 2.3
 * (97530 functional tasks, 97116 gait, 97112 after a measured neuromotor deficit), 2.4 (the
 * result against baseline).
 */
import { codeVisit } from '@scribe/coding';
import { describe, expect, it } from 'vitest';
import { statedMinutes } from '../src/extract/clock.ts';
import { extractMeasures } from '../src/extract/measures.ts';
import { buildUnits } from '../src/extract/units.ts';
import { buildVisitInput, normalizeClinical, OfflineTherapyDrafter, type DraftContext } from '../src/index.ts';
import { ledger, say } from './spoken.ts';

describe('minutes and clock times (DOMAIN.md 2.2)', () => {
  it('a dose in minutes inside a block is not its duration', () => {
    expect(statedMinutes('scrubbing with a weighted brush, 2 rounds of 3 min, then folding towels')).toBeNull();
    expect(statedMinutes('holds of 2 min each')).toBeNull();
    expect(statedMinutes('that was 12 min of gait')).toBe(12);
  });

  it('a block dictated with only its start ends where the next, said to follow it, begins', () => {
    expect(ledger([
      'So I started neuromuscular re-education at nine forty-six with the mirror box, three sets of ten.',
      'Then therapeutic activity from nine fifty-three to ten twenty-four, stress loading, two rounds of three minutes, then folding six towels.',
    ], 'ot', 'dictation')).toEqual([['neuromuscular_reeducation', '09:46', '09:53', 7], ['therapeutic_activity', '09:53', '10:24', 31]]);
  });

  it('"that\'s ten nineteen." stops the exercise; chair stands and stairs follow until "Ten thirty-one. One more thing, let\'s walk"', () => {
    expect(ledger([
      "Okay, it's ten-oh-two, let's get you on the mat. Bridges, two sets of twelve.",
      "Okay, that's ten nineteen. Off the mat.",
      'Now chair stands. Three sets of five. Let\'s time five in a row.',
      'Now the practice stairs, four steps up, four down.',
      "Ten thirty-one. One more thing, let's walk the hallway.",
      'Bigger step with the right foot.',
      'Ten thirty-seven, okay, have a seat.',
    ])).toEqual([
      ['therapeutic_exercise', '10:02', '10:19', 17],
      ['therapeutic_activity', '10:19', '10:31', 12],
      ['gait_training', '10:31', '10:37', 6],
    ]);
  });
});

describe('values said in a run-on dictation (DOMAIN.md 2.4)', () => {
  it('"forty-six point oh centimeters, last week forty-six point eight": the value and its baseline', () => {
    const m = extractMeasures(buildUnits(say(['Figure-of-eight edema measure on the involved hand forty-six point oh centimeters, last week forty-six point eight, at the eval forty-seven point two.']), 'dictation'));
    expect(m.map((x) => [x.value, x.baseline])).toEqual([['46.0 cm', '46.8']]);
  });

  it('a motor-planning deficit measured first makes the mirror-box block 97112 without a deficit check', async () => {
    const ctx: DraftContext = { discipline: 'ot', noteType: 'daily', mode: 'dictation', payer: { type: 'commercial' }, diagnoses: [], goals: [], referral: { onFile: true } };
    const draft = await new OfflineTherapyDrafter().draft({ utterances: say([
      'The finger opposition sequence, six out of ten correct sequences with the involved hand, so that is our motor planning deficit.',
      'Neuromuscular re-education from nine forty-six to nine fifty-eight with the mirror box, three sets of ten.',
    ]), context: ctx });
    const r = codeVisit(buildVisitInput(draft, ctx));
    expect(r.lines.map((l) => l.code)).toEqual(['97112']);
    expect(r.checks.map((c) => c.id)).not.toContain('neuromotor_deficit_missing');
  });
});

describe('a terse dictation (DOMAIN.md 1.5: S, O, A, P)', () => {
  it('"S.", "O.", "A.", "P." said alone head what follows them', () => {
    const units = buildUnits(say(['S. First-step pain one out of ten.', 'O. Windlass test negative right, was positive at eval.', 'A. Goal one met.', 'P. Discharge to home program.']), 'dictation');
    expect(units.map((u) => [u.header, u.text.slice(0, 12)])).toEqual([
      ['subjective', 'First-step p'], ['objective', 'Windlass tes'], ['assessment', 'Goal one met'], ['plan', 'Discharge to'],
    ]);
  });

  it('a named special test with its result is a finding the word budget keeps (windlass, Kemp, Gillet, drawer)', async () => {
    const ctx: DraftContext = { discipline: 'pt', noteType: 'discharge', mode: 'dictation', payer: { type: 'commercial' }, diagnoses: [], goals: [], referral: { onFile: true } };
    const words = 'Tolerated well, no issues, doing fine. '.repeat(4);
    const draft = await new OfflineTherapyDrafter().draft({ utterances: say([`S. ${words}`, 'O. Windlass test negative right, was positive at eval. Posterior drawer grade one with a firm end feel.']), context: ctx });
    const o = draft.sections.objective.map((s) => s.text).join(' ');
    expect(o).toMatch(/Windlass test negative right/);
    expect(o).toMatch(/Posterior drawer grade (?:1|one)/);
  });
});

describe('ambient readings and ratings (DOMAIN.md 1.5, 3.3)', () => {
  const draft = async (texts: [string, 'clinician' | 'patient'][]) => {
    const ctx: DraftContext = { discipline: 'chiro', noteType: 'daily', mode: 'ambient', payer: { type: 'commercial' }, diagnoses: [], goals: [], referral: { onFile: true } };
    const utterances = texts.map(([t, speaker], i) => ({ id: `u${i + 1}`, speaker, start: i, end: i + 1, text: t }));
    return (await new OfflineTherapyDrafter().draft({ utterances: [{ id: 'u0', speaker: 'clinician' as const, start: 0, end: 0, text: 'Okay, good, alright, great. '.repeat(30) }, ...utterances], context: ctx })).sections;
  };

  it('"Sit tall and turn your head to the left ... fifty-five degrees. To the right... seventy." charts both rotations', async () => {
    const s = await draft([['Sit tall and turn your head to the left as far as you can... fifty-five degrees. To the right... seventy. Good.', 'clinician']]);
    expect(s.objective.map((x) => x.text).join(' ')).toMatch(/Left rotation: 55°\. Right rotation: 70°\./);
  });

  it('"It\'s like a five today." confirmed by the clinician\'s "Five out of ten." is a rating out of ten', async () => {
    const s = await draft([["How's the neck?", 'clinician'], ["Better than last week. It's like a five today.", 'patient'], ['Five out of ten. Where is it mostly?', 'clinician']]);
    expect(s.subjective.map((x) => x.text).join(' ')).toMatch(/5\/10/);
  });
});

describe('dictation habits (DOMAIN.md 3.1: the patient\'s own words; 1.6: nothing stated that was not said)', () => {
  it('a number corrected as it is said keeps only the correction; a quotation said aloud is quoted', () => {
    expect(normalizeClinical('His running total is one hundred eighteen. Scratch that, one hundred sixteen, two were duplicates.')).toBe('His running total is 116, 2 were duplicates.');
    expect(normalizeClinical("He said, quote, I want to bank my voice before it's gone, end quote.")).toBe('He said, "I want to bank my voice before it\'s gone".');
  });

  it('the quoted words stay the patient\'s own, and the report around them is kept', async () => {
    const ctx: DraftContext = { discipline: 'slp', noteType: 'daily', mode: 'dictation', payer: { type: 'medicare' }, diagnoses: [], goals: [], referral: { onFile: true } };
    const d = await new OfflineTherapyDrafter().draft({ utterances: say([
      "Okay, this is the speech note for Walter Pruitt, visit five, ALS with mixed dysarthria.",
      "He says talking wears him out by late afternoon, and he said, quote, I want to bank my voice before it's gone, end quote.",
    ]), context: ctx });
    const text = d.sections.subjective.map((s) => s.text).join(' ');
    expect(text).toMatch(/"I want to bank my voice before it's gone"/);
    expect(text).not.toMatch(/Walter|Pruitt|speech note/);
  });
});

describe('a caregiver\'s answers (DOMAIN.md 1.6: a denial is kept as a denial)', () => {
  it('"Did he ever have words and then lose them?" and "And eating, any trouble chewing?" are denied as asked', async () => {
    const ctx: DraftContext = { discipline: 'slp', noteType: 'evaluation', mode: 'ambient', payer: { type: 'commercial' }, diagnoses: [], goals: [], referral: { onFile: true } };
    const utterances = [
      { id: 'u0', speaker: 'clinician' as const, start: 0, end: 0, text: 'Okay, good, alright, great. '.repeat(30) },
      { id: 'u1', speaker: 'clinician' as const, start: 1, end: 2, text: 'Did he ever have words and then lose them?' },
      { id: 'u2', speaker: 'other' as const, start: 2, end: 3, text: "No, he's never lost any words." },
      { id: 'u3', speaker: 'clinician' as const, start: 3, end: 4, text: 'And eating, any trouble chewing or swallowing?' },
      { id: 'u4', speaker: 'other' as const, start: 4, end: 5, text: 'No, he eats everything.' },
    ];
    const s = (await new OfflineTherapyDrafter().draft({ utterances, context: ctx })).sections.subjective.map((x) => x.text).join(' ');
    expect(s).toMatch(/denies having words (?:and )?then los/i);
    expect(s).not.toMatch(/evering/);
    expect(s).toMatch(/denies trouble chewing or swallowing/i);
  });

  it('"First goals:" heads the goals', () => {
    expect(buildUnits(say(['First goals: in three months, fifty single words.']), 'ambient').map((u) => u.header)).toEqual(['plan']);
  });
});
