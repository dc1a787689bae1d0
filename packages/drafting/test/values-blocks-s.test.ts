/**
 * Rules found on cases the drafter had not seen (held-out set S), each checked here on a small
 * transcript written for this file. Sources: DOMAIN.md 2.2 (start and stop clock times of each
 * timed block), 1.5 (what each SOAP section holds), 1.6 (negations and laterality).
 */
import { describe, expect, it } from 'vitest';
import { clockRange } from '../src/extract/clock.ts';
import { ASSESSMENT_CUE } from '../src/extract/cues.ts';
import { handDominance } from '../src/compose/answers.ts';
import { deniedContent } from '../src/compose/patient.ts';
import { sectionFor } from '../src/compose/classify.ts';
import { finish } from '../src/compose/prose.ts';
import { toThirdPerson } from '../src/text/voice.ts';
import { priority } from '../src/compose/budget.ts';
import { buildUnits } from '../src/extract/units.ts';
import { extractBodyParts } from '../src/extract/body-parts.ts';
import { statedComplexity } from '../src/extract/complexity.ts';
import { kindsIn } from '../src/lexicon/interventions.ts';
import { draftOf, entries, ledger, say, SMALL_TALK } from './spoken.ts';
import { normalizeClinical } from '../src/index.ts';

describe('a block timed as "start ..., stop ..." (DOMAIN.md 2.2)', () => {
  it('reads both clock times and the minutes between', () => {
    expect(clockRange('Manual lymph drainage, start 10:05, stop 10:40, 35 min.')).toEqual(['10:05', '10:40']);
    expect(ledger(['Manual lymph drainage, start ten-oh-five, stop ten-forty, thirty-five minutes. Supine.'])).toEqual([['manual_therapy', '10:05', '10:40', 35]]);
  });
});

describe('a dictated "Today\'s treatment." header (DOMAIN.md 1.5 O: the treatment given)', () => {
  it('ends the history: the SLP treatment after it is a service, not the report', () => {
    const units = buildUnits(say(['Subjective. His wife reports he is calling their daughter on his own.', "Today's treatment. Semantic feature analysis for word retrieval, twenty target nouns. He named seventeen of twenty independently."]), 'dictation');
    expect(units.map((u) => u.header)).toEqual(['subjective', 'objective', 'objective']);
    expect(ledger(['Subjective. His wife reports he is calling their daughter on his own.', "Today's treatment. Semantic feature analysis for word retrieval, twenty target nouns. He named seventeen of twenty independently."], 'slp', 'dictation').map((r) => r[0])).toEqual(['speech_language_treatment']);
  });
});

describe('a condition graded as said (DOMAIN.md 1.5 A: the clinical impression)', () => {
  it('"Aphasia is now mild, improved from moderate" is an impression the budget keeps', () => {
    expect(priority({ section: 'assessment', text: 'Aphasia now mild, improved from moderate.', evidence: ['u1'] })).toBeGreaterThanOrEqual(9);
    expect(priority({ section: 'assessment', text: 'Moderate dysphonia related to nodules.', evidence: ['u1'] })).toBeGreaterThanOrEqual(9);
  });
});

describe('a dictated "start time ..., stop time ..." and a value corrected with "sorry, correction" (DOMAIN.md 2.2; 1.6)', () => {
  it('reads the block\'s clock times, and the next block said with its minutes as its own', () => {
    expect(ledger([
      'Manual therapy, start time eight-oh-two, stop time eight-fourteen, twelve minutes. Right glenohumeral posterior glides, grade three.',
      'Then, um, shoulder strengthening exercises with the bands, about twenty minutes. Tolerated well.',
    ], 'pt', 'dictation')).toEqual([['manual_therapy', '08:02', '08:14', 12], ['therapeutic_exercise', null, null, 20]]);
  });

  it('keeps only the corrected value', () => {
    expect(normalizeClinical('Right shoulder active flexion one thirty-five. Sorry, correction, one twenty-five, before treatment.')).toBe('Right shoulder active flexion 125, before treatment.');
  });
});

describe('"this responds really well to exercise" (DOMAIN.md 1.5 A: the prognosis, not a service given)', () => {
  it('is the assessment and opens no exercise block', () => {
    expect(ASSESSMENT_CUE.test('The good news is this responds really well to exercise.')).toBe(true);
    expect(ledger(['The balance nerve on your left side is not sending a strong signal. The good news is this responds really well to exercise.'])).toEqual([]);
  });
});

describe('a count or a sentence taken back (DOMAIN.md 1.6: a retracted detail is never stated)', () => {
  it('keeps the count corrected and drops the sentence taken back', () => {
    expect(normalizeClinical('Headaches at the base of the skull three times, no, two times this week.')).toBe('Headaches at the base of the skull 2 times this week.');
    expect(normalizeClinical('I leaked, um, twice this week. No, actually three times, Tuesday was twice.')).toBe('I leaked, um, 3 times this week. Tuesday was twice.');
    expect(normalizeClinical('He still gets tired writing. No, actually, not since Christmas.')).toBe('Not since Christmas.');
    // ... never a question answered no
    expect(normalizeClinical('Any pain? No, actually, none.')).toBe('Any pain? No, actually, none.');
  });
});

describe('an interpreter\'s English after a turn mostly in the patient\'s language (DOMAIN.md 1.5 S: the patient\'s report)', () => {
  it('is the patient speaking, answering the question asked before the patient\'s turn', async () => {
    const d = await draftOf([
      ['clinician', "Good. How's the pain now, zero to ten?"], ['other', '¿Y el dolor ahora, del cero al diez?'],
      ['patient', 'Seis. Antes de la caída estaba en dos, más o menos. Ahora ni me puedo lavar el pelo con este brazo.'],
      ['other', "Six. Before the fall it was around two. Now I can't even wash my hair with this arm."],
      SMALL_TALK,
    ]);
    const s = d.sections.subjective.map((x) => x.text).join(' ');
    expect(s).toMatch(/Pain 6\/10/);
    expect(s).not.toMatch(/[Cc]aregiver/);
  });
});

describe('words said to the patient, not of them (FORMAT.md voice; DOMAIN.md 1.5)', () => {
  it('"I almost cried" is "almost cried", never "almosts"; a nickname said to a child is not charted', () => {
    expect(toThirdPerson('Last night he slept five hours straight, I almost cried.', 'other')).toBe('Last night he slept five hours straight, caregiver almost cried.');
    expect(finish('Okay, soccer star, start on shoes.')).toBe('Start on shoes.');
  });
});

describe('"Then soft tissue." and the technique named with its times (DOMAIN.md 2.4: the technique named; 2.2 clock times)', () => {
  it('is one block, named by the technique', () => {
    const [entry, ...rest] = entries([
      'Then soft tissue. Myofascial release and instrument-assisted soft tissue mobilization to the cervical paraspinals and the left upper trapezius, start ten-twelve, stop ten-twenty-five, thirteen minutes.',
    ], 'chiro');
    expect(rest).toEqual([]);
    expect([entry?.kindHint, entry?.startTime, entry?.stopTime, entry?.minutes]).toEqual(['manual_therapy', '10:12', '10:25', 13]);
    expect(entry?.intervention).toMatch(/Myofascial release and instrument-assisted soft tissue mobilization/);
  });
});

describe('a result said against an earlier visit (DOMAIN.md 2.4: the outcome compared to baseline)', () => {
  it('"Fifteen lifts, no leakage. At visit four you leaked on the second set." is the block\'s outcome; a re-exam planned "at visit ten" is not', async () => {
    const outcome = async (after: string) => (await draftOf([
      ['clinician', "Now let's practice the car seat. It's 9:28. There's a fifteen-pound weight in this car seat. Exhale, squeeze first, then squat and lift. Three sets of five."],
      ['clinician', `Fifteen lifts, no leakage. ${after} This is for your goal of getting him in and out of the car without leaking. 9:39, eleven minutes.`],
    ])).extraction.ledger[0]?.outcome;
    expect(await outcome('At visit four you leaked on the second set.')).toMatch(/visit 4/);
    expect(await outcome('We will do the full re-exam at visit ten.')).toBeNull();
  });
});

describe('help given hand over hand (DOMAIN.md 2.6: laterality of the part treated)', () => {
  it('"he needed my hand over his" names no body part to lateralize', () => {
    const units = buildUnits(say(["For the bow, he needed my hand over his at the start, and now he's getting it three out of five tries with just my words."]), 'ambient');
    expect(extractBodyParts(units)).toEqual([]);
    expect(extractBodyParts(buildUnits(say(['His hand is weak.']), 'ambient')).map((b) => b.region)).toEqual(['hand']);
  });
});

describe('an occupation said short (DOMAIN.md 1.5 S: history, work demands)', () => {
  it('"Second grade teacher." is history the word budget keeps like a finding', () => {
    expect(priority({ section: 'subjective', text: 'Patient reports second grade teacher.', evidence: ['u1'] })).toBeGreaterThan(8.8);
    expect(priority({ section: 'subjective', text: 'Patient reports all the time.', evidence: ['u1'] })).toBeLessThan(8.8);
  });
});

describe('a rating asked by the symptom\'s adjective (DOMAIN.md 1.5 S: a symptom report names what was rated)', () => {
  it('"How woozy, zero to ten?" - "A five." is woozy 5/10, in the words said', async () => {
    const d = await draftOf([['clinician', 'How woozy, zero to ten?'], ['patient', 'A five.'], SMALL_TALK]);
    expect(d.sections.subjective[0]?.text).toBe('Woozy 5/10.');
  });
});

describe('coding facts said as answers and doses (DOMAIN.md 2.13 evaluation complexity as stated; 2.3 exercise)', () => {
  it('"What complexity would you call this one?" - "Moderate." states the complexity', () => {
    const units = buildUnits([
      { id: 'u1', speaker: 'other', start: 0, end: 1, text: 'Dana, what complexity would you call this one?' },
      { id: 'u2', speaker: 'clinician', start: 1, end: 2, text: 'Moderate. Two comorbidities that affect her plan, the diabetes and the blood pressure.' },
    ], 'ambient');
    expect(statedComplexity(units)).toEqual({ complexity: 'moderate', uttId: 'u2' });
    const unasked = buildUnits([{ id: 'u1', speaker: 'clinician', start: 0, end: 1, text: 'Moderate. Keep going.' }], 'ambient');
    expect(statedComplexity(unasked)).toBeNull();
  });

  it('heel raises given with sets are exercise; heel raises as many as you can are a test', () => {
    expect(kindsIn('Heel raises at the counter, 2 sets of 10.', 'pt').map((k) => k.kind)).toEqual(['therapeutic_exercise']);
    expect(kindsIn('Calf raises on the left leg only, as many as you can.', 'pt')).toEqual([]);
  });
});

describe('grammar and history said in passing (FORMAT.md voice; DOMAIN.md 1.5 S)', () => {
  it('"we\'re still on Velcro" said by a parent reads "they are", never "they is"', () => {
    expect(toThirdPerson("Shoes are still a problem, we're still on Velcro.", 'other')).toBe('Shoes are still a problem, they are still on Velcro.');
    expect(toThirdPerson('I have tried the brace.', 'other')).toBe('Caregiver has tried the brace.');
  });

  it('"Leo, you\'re still a righty, right?" - "Right-handed." is the dominant hand', () => {
    expect(handDominance("Leo, you're still a righty, right?", 'Right-handed. My brother is a lefty.')).toBe('right');
    // ... and the brother's hand is not charted as anything
    const units = buildUnits([{ id: 'u1', speaker: 'patient', start: 0, end: 1, text: "Right-handed. My brother's a lefty." }], 'ambient');
    expect(sectionFor(units[1]!, 'ambient', true, 'ot', true)).toBeNull();
  });
});

describe('a denial asked as "And no pain, bud?" (DOMAIN.md 1.6: negations stated correctly)', () => {
  it('denies pain, never "no pain, bud"', () => {
    expect(deniedContent('And no pain, bud?')).toBe('pain');
    expect(deniedContent('Any numbness or tingling?')).toBe('numbness or tingling');
  });
});
