/**
 * Chart style and what the length budget keeps, from drafts of earlier held-out sets read after
 * their measurement. Sources: DOMAIN.md 2.13 (CMT 98940-98942 chosen by the spinal regions
 * manipulated), 2.4 (exercise parameters incl. frequency; the functional goal connection
 * sentence), 5.B item 5 (the patient's words kept verbatim), FORMAT.md compression.
 */
import { describe, expect, it } from 'vitest';
import { fitBudget, priority } from '../src/compose/budget.ts';
import { finish } from '../src/compose/prose.ts';
import { summarizeBlocks } from '../src/compose/blocks.ts';
import { withoutRepeatedDenials } from '../src/compose/statements.ts';
import { GOAL_STATUS } from '../src/compose/classify.ts';
import { toThirdPerson } from '../src/text/voice.ts';
import { kindsIn } from '../src/lexicon/interventions.ts';
import { describeBlock, describeUnit } from '../src/extract/describe.ts';
import { findBlocks } from '../src/extract/ledger.ts';
import { buildUnits } from '../src/extract/units.ts';
import { normalizeClinical } from '../src/index.ts';
import { dictated, draftOf, type Line, say } from './spoken.ts';

const d = (section: 'subjective' | 'objective' | 'assessment' | 'plan', text: string) => ({ section, text, evidence: ['u1'] });

describe('the spinal regions a manipulation names in plain words (DOMAIN.md 2.13)', () => {
  it('"Neck, mid back and low back all adjusted" is kept like "3 regions"; one region adjusted is not', () => {
    expect(priority(d('objective', 'Neck, mid back and low back all adjusted.'))).toBeGreaterThanOrEqual(9.5);
    expect(priority(d('objective', 'Diversified CMT to cervical, thoracic, lumbar, sacral and pelvic.'))).toBeGreaterThanOrEqual(9.5);
    expect(priority(d('objective', 'Adjusting neck first.'))).toBeLessThan(9.5);
    expect(priority(d('objective', 'Neck and low back stiff this morning.'))).toBeLessThan(9.5);
  });
});

describe('a frequency is part of the dose (DOMAIN.md 2.4 "record every parameter")', () => {
  it('"daily" survives the cut of asides when the draft is over budget', () => {
    const items = [
      d('plan', 'Tyler twist, 3x15, daily, which he likes.'),
      d('objective', 'Patient chatting about weekend plans with family and the game on Sunday afternoon.'),
    ];
    expect(fitBudget(items, 10, 0.5).map((x) => x.text)).toContain('Tyler twist, 3x15, daily.');
  });
});

describe('markers and lead-ins carry nothing in a chart', () => {
  it('"about seven minutes" goes with the minutes; "Treatment after the re-eval," and a leading "was" go', () => {
    const units = buildUnits(say(['Then nine twenty-five to nine thirty-two, about seven minutes, Swedish massage, effleurage and petrissage to the neck.']), 'dictation');
    expect(describeUnit(units[0]!)).toBe('Swedish massage, effleurage and petrissage to the neck');
    const reeval = buildUnits(say(['Treatment after the re-eval, floor transfers, about twenty minutes, four trials.']), 'dictation');
    expect(describeUnit(reeval[0]!)).toBe('Floor transfers, 4 trials');
    const was = buildUnits(say(['Treatment was therapeutic massage for about thirty-five minutes: effleurage and petrissage to the right upper trapezius.']), 'dictation');
    expect(describeUnit(was[0]!)).toBe('therapeutic massage: effleurage and petrissage to the right upper trapezius');
  });

  it('"quote, \'...,\' end quote" keeps the words once quoted; "End of dictation." is no statement', async () => {
    expect(normalizeClinical("Quote, 'the mornings are the worst, it takes me an hour to loosen up,' end quote.")).toBe('"the mornings are the worst, it takes me an hour to loosen up".');
    const draft = await draftOf(dictated(['Plan. Continue two times a week for four more weeks.', 'Home program: Tyler twist, three by fifteen, daily. End of dictation.']),
      { discipline: 'ot', mode: 'dictation' });
    expect(draft.sections.plan.map((x) => x.text)).toEqual(['Continue 2x/week for 4 more weeks.', 'Tyler twist, 3x15, daily.']);
  });

  it('"The VISA-A 82" -> "VISA-A 82"; "is on modified duty" -> "On modified duty"', () => {
    expect(finish('The VISA-A 82.')).toBe('VISA-A 82.');
    expect(finish('The QuickDASH score 59.')).toBe('QuickDASH score 59.');
    expect(finish('The Voice Handicap Index came out at 22.')).toBe('The Voice Handicap Index came out at 22.');
    expect(finish('He is on modified duty, no hammering over 30 min.')).toBe('On modified duty, no hammering over 30 min.');
  });
});

describe('the service said back with what it is for is its goal link (DOMAIN.md 2.4)', () => {
  it('"This massage keeps the calf loose so you can keep running" is not an item of the block', () => {
    const units = buildUnits(say([
      "Face down. It's two o'clock. Effleurage first, then deep petrissage and compression through the gastroc and soleus.",
      'This massage keeps the calf loose so you can keep running pain-free.',
      'Okay, two thirty.',
    ]), 'ambient');
    const [block] = findBlocks(units, 'massage');
    expect(block).toBeDefined();
    expect(describeBlock(block!, 'massage').parts.join('; ')).not.toMatch(/keeps/);
  });
});

describe('a reading and its baseline said in two sentences (DOMAIN.md 2.4 "the session\'s result compared to baseline")', () => {
  const draft = (lines: Line[]) => draftOf(lines, { discipline: 'ot', noteType: 'progress', payer: { type: 'medicare' } });

  it('"Circumference at the elbow, 27 cm. It was 29.5 at the evaluation." is one statement, kept whole however tight the budget', async () => {
    const d = await draft([['clinician', 'Okay, measuring. Circumference at the elbow on the left, twenty-seven centimeters. It was twenty-nine and a half at the evaluation.']]);
    expect(d.sections.objective.map((x) => x.text)).toContain('Circumference at elbow on left, 27 cm (29.5 at evaluation).');
  });
});

describe('denials and asides said twice (FORMAT.md compression; DOMAIN.md 1.6 negations)', () => {
  const draft = async (lines: Line[]) => (await draftOf(lines, { noteType: 'evaluation' })).sections.subjective.map((x) => x.text);

  it('"No ringing." after "Denies hearing loss, ringing, fullness in ears" is not charted again; a broader "No pain." after a pain at one place is', async () => {
    const s = await draft([
      ['clinician', 'Any hearing loss, ringing, or fullness in the ears?'],
      ['patient', 'No.'],
      ['clinician', 'Any ringing at all?'],
      ['patient', 'No ringing.'],
    ]);
    expect(s.filter((x) => /ringing/i.test(x))).toHaveLength(1);
    const subjective = (text: string) => ({ section: 'subjective' as const, text, evidence: ['u1'] });
    expect(withoutRepeatedDenials([subjective('Denies pain in right shoulder.'), subjective('No pain.')]).map((x) => x.text)).toEqual(['Denies pain in right shoulder.', 'No pain.']);
    expect(withoutRepeatedDenials([subjective('Denies numbness or tingling.'), subjective('No numbness or tingling.')]).map((x) => x.text)).toEqual(['Denies numbness or tingling.']);
  });

  it('"Denies dizziness and denies double vision" says "denies" once, but only where every symptom stays denied', async () => {
    expect(finish('Denies dizziness and denies double vision.')).toBe('Denies dizziness and double vision.');
    expect(finish('Denies hearing loss, denies tinnitus.')).toBe('Denies hearing loss, tinnitus.');
    // "rates pain 2/10 with walking" between the two: the pain is reported, so both "denies" stay
    const mixed = 'Denies new hip pain at rest, rates pain 2/10 with walking, and denies groin pain or numbness in leg.';
    expect(finish(mixed)).toBe(mixed);
    // two denials dictated as two sentences of one turn are one list
    const d = await draftOf(dictated(['She denies leg pain. Denies numbness.', 'Lumbar flexion 45 degrees.']), { mode: 'dictation' });
    expect(d.sections.subjective.map((x) => x.text)).toContain('Denies leg pain, numbness.');
  });

  it('"This is moderate complexity evaluation", "Clinician discharging to home program": the finding and the plan need no subject', () => {
    expect(finish('With diabetes and knee replacement history, this is moderate complexity evaluation.')).toBe('With diabetes and knee replacement history, moderate complexity evaluation.');
    expect(finish('This is significant decline, Berg and 6 min walk both worse.')).toBe('Significant decline, Berg and 6 min walk both worse.');
    expect(finish('Clinician discharging to home program.')).toBe('Discharging to home program.');
    // (what the clinician did during the visit keeps its subject)
    expect(finish('Clinician tapping triceps to keep elbow straight.')).toBe('Clinician tapping triceps to keep elbow straight.');
  });

  it('"Caregiver reports he\'s been sneaking coffee" names the patient, never "he sneaking"', () => {
    expect(finish("Caregiver reports he has been sneaking regular coffee in the morning.")).toBe('Caregiver reports patient sneaking regular coffee in morning.');
  });

  it('"I\'ve got a sample of 300 syllables" -> "Sample of 300 syllables"; "she has got a bruise" -> "has bruise"', () => {
    expect(finish("Clinician has got a sample of 300 syllables.")).toBe('Sample of 300 syllables.');
    expect(finish('Pain, she has got a bruise on the right hip, 2/10.')).toBe('Pain, has bruise on right hip, 2/10.');
  });

  it('a remark said after a quotation (", which, yeah, fits") is cut before the quotation is', () => {
    const items = [
      { section: 'subjective' as const, text: 'Says, "my right leg just doesn\'t pick up when I\'m tired," which, yeah, fits with what I see.', evidence: ['u1'] },
      { section: 'plan' as const, text: 'Twice a week for eight weeks.', evidence: ['u2'] },
    ];
    expect(fitBudget(items, 30, 0.5).map((x) => x.text)[0]).toBe('Says, "my right leg just doesn\'t pick up when I\'m tired".');
  });
});

describe('goal status said as a list (DOMAIN.md 1.8: progress notes turn on goal status)', () => {
  it('"So, your goals. Hand to mouth with a fork or spoon: met. ... Hair washing: not met yet." is the assessment', () => {
    for (const said of ['Hand to mouth with a fork or spoon: met.', 'The full jug with the right arm: partly met, you did it here but not at home yet.', 'Hair washing: not met yet.']) {
      expect(GOAL_STATUS.test(said)).toBe(true);
    }
    expect(GOAL_STATUS.test('Knee flexion: 118 degrees.')).toBe(false);
  });

  it('"Extension, you\'re lacking eighteen degrees" keeps the movement: a movement said first is no name the clinician addresses', () => {
    expect(toThirdPerson('Extension, you are lacking 18°.', 'clinician')).toBe('Extension, patient is lacking 18°.');
    expect(toThirdPerson('Tom, ask him something.', 'clinician')).not.toMatch(/Tom/);
  });
});

describe('home-programme exercises named by their common names (DOMAIN.md 2.4: the exercise named with clinical specificity)', () => {
  it('chin tucks, bird dogs, dead bugs, cat-camel, pendulums, heel drops and pelvic tilts are exercises, kept in a plan cut to its budget', () => {
    for (const said of ['and the chin tucks', 'and bird dogs', 'dead bugs', 'cat-camel', 'pendulums', 'heel drops', 'pelvic tilts']) {
      expect(kindsIn(said, 'pt').map((k) => k.kind)).toEqual(['therapeutic_exercise']);
    }
    const plan = { section: 'plan' as const, text: 'Ice 10 min at home, 2x/day, and chin tucks, 10 reps every couple of hours at work, whatever works for him.', evidence: ['u1'] };
    expect(fitBudget([plan], 20, 0.5).map((x) => x.text)[0]).toContain('chin tucks');
  });

  it('"Therapeutic exercise, 7:32 to 7:48. Dead bug, three by ten." heads the items; "Lost lumbar position on set one" is a result, not an item', () => {
    const units = buildUnits(say([
      'Therapeutic exercise, 7:32 to 7:48. Dead bug, three by ten, alternating. Bird dog, three by ten, five-second holds.',
      'Cues for neutral spine. Lost lumbar position on set one of dead bug, corrected by set three.',
    ]), 'dictation');
    const [block] = findBlocks(units, 'pt');
    const parts = describeBlock(block!, 'pt').parts;
    expect(parts[0]).toMatch(/^Therapeutic exercise: Dead bug, 3x10/);
    expect(parts.join('; ')).not.toMatch(/Lost lumbar position/);
  });
});

describe('history and the evaluation\'s complexity (DOMAIN.md 1.5 comorbidities; 2.13 evaluation complexity)', () => {
  it('"Moderate complexity evaluation: two comorbidities ..." is the complexity, not a note title to strip', async () => {
    const d = await draftOf(dictated(['Assessment: findings consistent with mid-portion Achilles tendinopathy on the left.', 'Moderate complexity evaluation: two comorbidities that affect the plan, the diabetes and the thyroid, and an evolving presentation.']),
      { noteType: 'evaluation', mode: 'dictation' });
    expect(d.sections.assessment.map((x) => x.text).join(' ')).toMatch(/Moderate complexity evaluation: 2 comorbidities/);
  });

  it('a comorbidity named in a clause ("and hypothyroidism") is a fact the budget keeps', () => {
    const items = [{ section: 'subjective' as const, text: 'Pain 3/10, type 2 diabetes on metformin, and hypothyroidism, which she manages well enough these days.', evidence: ['u1'] }];
    expect(fitBudget(items, 20, 0.5).map((x) => x.text)[0]).toBe('Pain 3/10, type 2 diabetes on metformin, and hypothyroidism.');
  });
});

describe('a screen passed or failed is a result (DOMAIN.md 1.5 history and screens)', () => {
  it('"passed the school hearing screen" survives the cut of asides', () => {
    const items = [{ section: 'subjective' as const, text: 'No hearing concerns; he passed the school hearing screen in September.', evidence: ['u1'] }];
    expect(fitBudget(items, 10, 0.5).map((x) => x.text)[0]).toMatch(/passed school hearing screen|passed the school hearing screen/);
  });
});

describe('a pack laid on without its minutes (DOMAIN.md 2.3: 97010, untimed)', () => {
  it('"Let\'s get the moist heat on your neck while you rest" is charted as the modality given, though untimed', () => {
    const units = buildUnits(say(["Alright, that's the fifteen minutes of myofascial release. Let's get the moist heat on your neck while you rest."]), 'ambient');
    const summaries = summarizeBlocks(findBlocks(units, 'massage'), 'massage').map((b) => b.text);
    expect(summaries).toContain('Moist heat on the neck while resting.');
  });
});

describe('an earlier value is joined to a reading, never to a block\'s clock times (DOMAIN.md 2.4)', () => {
  it('"Last week she could only hold plank 15 s." after a timed block stays its own statement', async () => {
    const o = (await draftOf(dictated([
      'Therapeutic exercise, ten fifty-two to ten fifty-nine. Bird dogs, ten each side, hold five seconds, then dead bugs, ten reps. Last week she could only hold plank 15 s.',
    ]), { mode: 'dictation' })).sections.objective.map((x) => x.text).join(' | ');
    expect(o).not.toMatch(/\(10:52-10:59[^)]*\) \(/);
  });
});
