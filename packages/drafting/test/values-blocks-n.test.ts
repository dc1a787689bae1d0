/**
 * Services, blocks and goal links as said in visits the drafter had not seen (held-out set N),
 * each on a small transcript written for this file. Sources: DOMAIN.md 2.3 (97112 for a measured
 * neuromotor deficit, 97116 gait, 92507 voice treatment), 2.2 (start and stop times), 2.4 (the
 * functional goal connection sentence; an outcome against baseline).
 */
import { describe, expect, it } from 'vitest';
import { GOAL_LINK } from '../src/extract/cues.ts';
import { extractMeasures } from '../src/extract/measures.ts';
import { buildUnits } from '../src/extract/units.ts';
import { sectionFor } from '../src/compose/classify.ts';
import { kindsIn } from '../src/lexicon/interventions.ts';
import { testsIn } from '../src/lexicon/tests.ts';
import { foreignSentence } from '../src/text/language.ts';
import { normalizeClinical } from '../src/index.ts';
import { dictated, draftOf, entries, ledger, type Line, say } from './spoken.ts';

const kinds = (text: string, discipline: string) => kindsIn(text, discipline).map((k) => k.kind);

describe('voice treatment named by its exercises (DOMAIN.md 2.3: 92507)', () => {
  it('straw phonation, pitch glides, lip trills and vocal function exercises are SLP treatment', () => {
    for (const said of ['Pitch glides, low to high and back down, five in a row, three rounds.', 'Straw phonation into the cup of water.', 'Lip trills on a siren, ten times.', 'Vocal function exercises, two rounds.']) {
      expect(kinds(said, 'slp')).toEqual(['speech_language_treatment']);
    }
    expect(kinds('Read me these 20 classroom sentences.', 'slp')).toEqual(['speech_language_treatment']);
  });

  it('an observation in an evaluation ("your pitch glide cuts off at the top") is no treatment', () => {
    expect(kinds('Overall severity about 45 out of 100, and your pitch glide cuts off at the top.', 'slp')).toEqual([]);
  });
});

describe('big-movement training for backward falls (DOMAIN.md 2.3: 97112 remediates a measured neuromotor deficit)', () => {
  it('"big-movement training" and "large-amplitude movements" are neuromuscular re-education', () => {
    expect(kinds("Let's start the big-movement training.", 'pt')).toEqual(['neuromuscular_reeducation']);
    expect(kinds('These large-amplitude movements retrain the backward stepping reaction.', 'pt')).toEqual(['neuromuscular_reeducation']);
  });
});

describe('a block named by the minutes said at its stop (DOMAIN.md 2.2)', () => {
  it('"Now walking." after a block stopped at 10:58, then "That\'s 11:05, seven minutes of gait training" is 10:58-11:05 gait training', () => {
    expect(ledger([
      "It's ten forty-two. Let's start the big-movement training. Reach up to the ceiling, then down toward the floor, eight times.",
      "Ten fifty-eight, that's sixteen minutes.",
      "Now walking. I've put tape lines across this doorway. Step over each line, big steps, and count out loud.",
      "That's eleven oh five, seven minutes of gait training.",
    ])).toEqual([['neuromuscular_reeducation', '10:42', '10:58', 16], ['gait_training', '10:58', '11:05', 7]]);
  });
});

describe('goal connection sentences (DOMAIN.md 2.4)', () => {
  it('a direction ("down toward the floor") links no goal; "so you don\'t fall" does', () => {
    expect(GOAL_LINK.test('Reach up to the ceiling, then down toward the floor, eight times.')).toBe(false);
    expect(GOAL_LINK.test('Turn toward the wall and back.')).toBe(false);
    expect(GOAL_LINK.test("These movements retrain the stepping reaction, which is how you catch yourself so you don't fall.")).toBe(true);
    expect(GOAL_LINK.test("Lean back a little as you swing, so you don't fold past ninety.")).toBe(false);
    expect(GOAL_LINK.test('This works toward your goal of stairs.')).toBe(true);
  });

  it('a lean "toward the weak side" is a posture seen, charted in Objective (DOMAIN.md 1.5 O)', () => {
    const lean = 'He slides into a posterior pelvic tilt, and his trunk leans about ten degrees toward the weak side, shoulder dropping on that side.';
    expect(GOAL_LINK.test(lean)).toBe(false);
    expect(GOAL_LINK.test('Shift your weight toward the left side.')).toBe(false);
    expect(sectionFor(buildUnits(say([lean]), 'ambient')[0]!, 'ambient')).toBe('objective');
  });
});

describe('a change said "from about X to Y" (DOMAIN.md 2.4: outcome against baseline)', () => {
  it('"step length went from about thirty-eight centimeters to fifty-two" is 52 cm from 38 cm', () => {
    const found = extractMeasures(buildUnits(say(['Your step length with the big cue went from about thirty-eight centimeters to fifty-two.']), 'ambient'), 'pt');
    expect(found.map((m) => [m.value, m.baseline])).toEqual([['52 cm', '38 cm']]);
  });
});

describe('trigger point work and where it is not (DOMAIN.md 2.3: 97140 technique-based; 2.5: 97124 and 97140 on distinct regions)', () => {
  it('"ischemic compression on those trigger points, then ... pin and stretch" is manual therapy, not a stretch exercise', () => {
    expect(kinds("I'm starting on the neck: ischemic compression on those trigger points, then myofascial release and pin and stretch on the levator.", 'massage')).toEqual(['manual_therapy']);
    expect(kinds('Hamstring stretch, three times thirty seconds.', 'pt')).toEqual(['therapeutic_exercise']);
  });

  it('"The massage stays on the mid back, separate from the neck work" names no neck for the massage block', () => {
    const [massage] = entries([
      "It's three eighteen. Now face down. Effleurage and petrissage on both sides of the spine, roughly T3 to T10, and the rhomboids. The massage stays on the mid back, separate from the neck work.",
      "It's three forty-three, twenty-five minutes on the back.",
    ], 'massage', 'ambient');
    expect(massage?.bodyRegions).toEqual(['thoracic']);
  });
});

describe('a dictated progress note (DOMAIN.md 1.5: S holds what the patient reports; 2.4: items with parameters)', () => {
  it('"He is doing jogging and passing drills with the team" under a dictated "Subjective:" is his report, not a service', () => {
    expect(ledger([
      'Subjective: no pain with walking or stairs. Pain is one out of ten after jogging.',
      'He denies swelling after practice and has had no episodes of giving way since week two. He is doing jogging and passing drills with the team; he is not cleared for scrimmage or full practice yet.',
      'Treatment. Therapeutic exercise from seven ten to seven twenty-six, sixteen minutes: single-leg heel raises off a step, three by fifteen on the left.',
    ], 'pt', 'dictation')).toEqual([['therapeutic_exercise', '07:10', '07:26', 16]]);
  });

  it('"Therapeutic activity from 7:49 to 7:56, 7 min: 45-degree cutting ..." charts the cutting, not the service name alone', () => {
    const [block] = entries(['Therapeutic activity from seven forty-nine to seven fifty-six, seven minutes: forty-five-degree cutting off the left foot at half speed, two sets of six, and lateral bounds, two sets of eight.'], 'pt');
    expect(block?.intervention).toMatch(/^Therapeutic activity: 45° cutting off the left foot/);
  });
});

describe('what a bare 0-10 rating rates (DOMAIN.md 2.4 "pain location and 0-10 scale")', () => {
  const draft = async (lines: Line[]) => (await draftOf(lines, { discipline: 'massage' })).sections.subjective.map((x) => x.text);

  it('"Where is it today, and how bad, zero to ten?" - "Right side of the neck into the top of the shoulder. A five." charts the place with the rating', async () => {
    expect(await draft([
      ['clinician', 'Where is it today, and how bad, zero to ten?'],
      ['patient', 'Right side of the neck into the top of the shoulder. A five.'],
    ])).toContain('Right side of neck into top of shoulder 5/10.');
  });

  it('"How does your voice feel at the end of the school day now, zero to ten?" - "Maybe a four." is "Voice 4/10"', async () => {
    expect(await draft([
      ['clinician', 'How does your voice feel at the end of the school day now, zero to ten, ten being the worst?'],
      ['patient', "Maybe a four. It used to be a seven by three o'clock."],
    ])).toEqual(expect.arrayContaining(['Voice 4/10.']));
  });

  it('"a seven by three o\'clock" is a time of day, not 7x3', () => {
    expect(normalizeClinical("It used to be a seven by three o'clock.")).not.toMatch(/7x3/);
    expect(normalizeClinical('Band eversion, three by fifteen.')).toBe('Band eversion, 3x15.');
  });
});

describe('a visit through an interpreter (DOMAIN.md 1.5: S holds what the patient reports)', () => {
  it('short Spanish turns are another language ("No, nada.", "Está bien.", "Abajo, un cuatro."); English ones are not', () => {
    for (const t of ['No, nada.', 'Está bien.', 'Abajo, un cuatro.', 'Es difícil.', 'Manejo al trabajo, veinte minutos.', '¡Ay!']) expect(foreignSentence(t)).toBe(true);
    for (const t of ['Tell me.', 'No, nothing.', 'I drive to work, twenty minutes.', 'Good, 10 reps.']) expect(foreignSentence(t)).toBe(false);
  });

  it('the English given after the patient\'s Spanish is the patient speaking in the first person: ratings and answers are charted as hers', async () => {
    const lines: [string, 'clinician' | 'patient' | 'other'][] = [
      ['Buenas tardes, Rosa. Marisol, thanks for interpreting again.', 'clinician'],
      ['¿Cómo está la espalda desde el viernes?', 'other'],
      ['Mejor que la semana pasada, pero cuando estoy sentada en la caja más de una hora, me quema.', 'patient'],
      ["Better than last week, but when I'm sitting at the register for more than an hour, it burns.", 'other'],
      ['On a scale of zero to ten?', 'clinician'],
      ['¿Del cero al diez?', 'other'],
      ['En medio, un cinco. Abajo, un cuatro. Y el hombro izquierdo, un cinco cuando levanto el brazo.', 'patient'],
      ['The middle, a five. Lower, a four. And the left shoulder, a five when I lift the arm.', 'other'],
      ['And driving?', 'clinician'],
      ['¿Y manejar?', 'other'],
      ['Manejo al trabajo, veinte minutos. Está bien.', 'patient'],
      ["I drive to work, twenty minutes. It's fine.", 'other'],
      // small talk, as any visit has: the draft's share of words (FORMAT.md compression)
      ["How was your daughter's quinceañera? I heard the whole family came in from Monterrey for it.", 'clinician'],
      ['¿Cómo estuvo la quinceañera de su hija?', 'other'],
      ['¡Muy bonita! Pero no bailé mucho.', 'patient'],
      ["Very beautiful! But I didn't dance much.", 'other'],
    ];
    const d = await draftOf(lines.map(([text, speaker]): Line => [speaker, text]), { discipline: 'chiro', payer: { type: 'auto' } });
    const s = d.sections.subjective.map((x) => x.text).join(' | ');
    expect(s).toMatch(/when patient sitting at register/);
    expect(s).not.toMatch(/caregiver/i);
    expect(s).toMatch(/Middle, 5\/10; lower, 4\/10/);
    expect(s).toMatch(/drives to work, 20 min/);
  });
});

describe('a quotation dictated with "quote ... end quote" and nothing else (DOMAIN.md 5.B item 5: the patient\'s words verbatim)', () => {
  it('"Quote, I can finally pour the kettle without that zing, end quote." is the patient\'s report in S', async () => {
    const d = await draftOf(dictated(['She reports pain three out of ten lifting the baby out of the crib.', 'Quote, I can finally pour the kettle without that zing, end quote. She denies numbness or tingling.']),
      { discipline: 'ot', mode: 'dictation' });
    expect(d.sections.subjective.map((x) => x.text).join(' ')).toContain('"I can finally pour the kettle without that zing"');
  });
});

describe('a special test named by its manoeuvre (DOMAIN.md 1.5 O: special tests; the verifier: a named test must be in the cited text)', () => {
  const draftObjective = async (lines: Line[], discipline: 'ot' | 'pt') => (await draftOf(lines, { discipline })).sections.objective.map((x) => x.text);

  it('"Tuck the thumb into your fist and tip the hand down toward the pinky... still positive" is the Finkelstein result', async () => {
    expect(await draftObjective([['clinician', 'Let me check. Tuck the thumb into your fist and tip the hand down toward the pinky... still positive, but you didn\'t pull away this time.']], 'ot'))
      .toContain('Finkelstein: positive, but patient did not pull away this time.');
  });

  it('"I\'m going to lift your big toe up while you\'re standing" - "Ow, right at the heel" - "That reproduces it." is the windlass test, with its manoeuvre', async () => {
    const o = await draftObjective([
      ['clinician', "Okay, stand up for me. I'm going to lift your big toe up while you're standing, tell me what you feel."],
      ['patient', "Ow, yep, that's it, right at the heel."],
      ['clinician', 'That reproduces it. Hop up on the table.'],
    ], 'pt');
    expect(o.join(' ')).toMatch(/^Windlass test \(lift big toe up while patient standing\): that reproduces it\./);
  });

  it('the test lexicon (which the verifier reads) finds the test in its manoeuvre; a result with no test set up before stays unnamed', async () => {
    expect(testsIn('Pinch the skin on the back of your middle finger.').map((t) => t.name)).toEqual(['Stemmer sign']);
    expect((await draftObjective([['clinician', 'Still positive, but less than last week.']], 'pt')).join(' ')).not.toMatch(/Finkelstein|windlass|Stemmer/i);
  });
});
