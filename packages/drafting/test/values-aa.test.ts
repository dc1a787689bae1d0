/**
 * Rules found on held-out set AA, checked here on sentences written for this file. Sources:
 * DOMAIN.md 1.6 (the value meant: a number taken back is never charted) and 2.4 (measures
 * are charted with their values: ROM in degrees), 2.2 (clock times are the real times said), 1.5 (S: history of
 * falls; O: the treatment given), 2.3 (97112 for a measured balance deficit).
 */
import { describe, expect, it } from 'vitest';
import { normalizeClinical } from '../src/text/normalize.ts';
import { wordsToDigits } from '../src/text/numbers.ts';
import { priority } from '../src/compose/budget.ts';
import { finish } from '../src/compose/prose.ts';
import { buildUnits } from '../src/extract/units.ts';
import { extractMeasures } from '../src/extract/measures.ts';
import { sectionFor } from '../src/compose/classify.ts';
import { codedOf, dictated, draftOf, say, SMALL_TALK } from './spoken.ts';

const unitSection = (text: string, mode: 'ambient' | 'dictation' = 'ambient') => {
  const [u] = buildUnits(say([text]), mode);
  return u ? sectionFor(u, mode) : 'none';
};

describe('"one" and a tens word said as a reading is the hundreds shorthand (DOMAIN.md 2.4: ROM in degrees)', () => {
  it.each([
    ['Right side is about one seventy-five.', 'Right side is about 175.'],
    ['Left is one forty, and that hurt at the top?', 'Left is 140, and that hurt at the top?'],
    ['Lift your arm up again. One fifty now.', 'Lift your arm up again. 150 now.'],
  ])('%s', (said, want) => expect(wordsToDigits(said)).toBe(want));

  it('keeps a count said after the words and a time taken (1 and 30; a minute and forty seconds)', () => {
    expect(wordsToDigits('Hold for one thirty-second bout.')).toBe('Hold for 1 30-second bout.');
    expect(wordsToDigits('It took ninety seconds today, one forty last visit.')).not.toMatch(/\b140\b/);
  });
});

describe('a reading that changed is not a clock time (DOMAIN.md 2.2: the times said are clock times, nothing else)', () => {
  it('"from one forty up to one fifty" is 140 to 150', () => {
    expect(normalizeClinical("Good, that's from one forty up to one fifty.")).toBe("Good, that's from 140 up to 150.");
  });

  it('"from one forty" with no reading after it is still a time', () => {
    expect(normalizeClinical('We started from one forty, stop at two ten.')).toMatch(/1:40/);
  });
});

describe('a value taken back is replaced by the one meant (DOMAIN.md 1.6)', () => {
  it.each([
    ['It started maybe six weeks ago, actually no, closer to seven, it was after the Fourth.', 'It started maybe 7 weeks ago, it was after the Fourth.'],
    ['At eval it was five lines, no wait, let me check, it was six lines at eval.', 'At eval it was 6 lines at eval.'],
    ['Start light putty at the twelve-week mark, no, sorry, at the ten-week mark.', 'Start light putty at the 10-week mark.'],
    ['Stuttered two point one percent. Sorry, correction, two point four percent. Baseline was 9.4%.', 'Stuttered 2.4%. Baseline was 9.4%.'],
  ])('%s', (said, want) => expect(normalizeClinical(said)).toBe(want));
});

describe('blood pressure said in words (DOMAIN.md 2.4: measures with their values)', () => {
  it('"one twenty-eight over seventy-six" is 128/76', () => {
    expect(normalizeClinical('Orthostatic vitals negative, one twenty-eight over seventy-six sitting.')).toBe('Orthostatic vitals negative, 128/76 sitting.');
  });
});

describe('"Treatment after the re-eval." is a spoken header of the treatment given (DOMAIN.md 1.5 O)', () => {
  it('ends the goals said before it: the blocks after it are done, not planned', async () => {
    const { coding } = await codedOf(dictated([
      'Assessment. Persistent left vestibular hypofunction with a measured balance deficit, FGA seventeen out of thirty.',
      'Revised goals. One, FGA twenty-two out of thirty in six weeks.',
      'Treatment after the re-eval. Start time 10:05. Gaze stabilization, VOR times one, standing feet together, three sets of forty-five seconds. Stop 10:17.',
    ]), { noteType: 'progress', payer: { type: 'medicare' } });
    expect(coding.lines.map((l) => l.code)).toContain('97112');
  });

  it('is read as the objective header', () => {
    const [u] = buildUnits(say(['Treatment after the re-eval. Gaze stabilization.']), 'dictation');
    expect(u?.header).toBe('objective');
  });
});

describe('a fall is the fall risk a reviewer looks for (DOMAIN.md 1.5 S: history, falls)', () => {
  it.each(['Had a fall at home last Tuesday, turning in the kitchen.', 'Had fall at home last Tuesday.', 'She fell on the ice.'])('%s is never left out for length', (text) => {
    expect(priority({ section: 'subjective', text, evidence: ['u1'] })).toBeGreaterThanOrEqual(8.9);
  });
});

describe('a stance timed after "Now the left foot." is the left leg\'s (DOMAIN.md 2.4: never swap or invent a side)', () => {
  const units = buildUnits(say([
    'Okay, stand on your right foot like a flamingo, as long as you can. Ready, go.',
    'Three seconds. Now the left foot. Ten seconds. At his evaluation it was one second on the right.',
  ]), 'ambient');
  const found = extractMeasures(units, 'pt').map((m) => [m.name, m.value, m.baseline]);

  it('names each reading by the leg it was taken on, and gives the prior said "on the right" to the right leg only', () => {
    expect(found).toContainEqual(['stance on right leg', '3 s', '1 s']);
    expect(found).toContainEqual(['stance on left leg', '10 s', null]);
  });

});

describe('what the clinician asks the family to do at home is the plan (DOMAIN.md 1.5 P: home programme)', () => {
  it('"please try the AFO on weekends too, at least half the day" is plan', () => {
    expect(unitSection('And please try the AFO on weekends too, at least half the day.')).toBe('plan');
  });
  it('"please push up against me" is an instruction, not plan', () => {
    expect(unitSection('Please push up against me.')).not.toBe('plan');
  });
});

describe('the impression named to the patient is the assessment (DOMAIN.md 1.5 A)', () => {
  it('"..., what we call subacromial pain or impingement" is charted in A with its name', async () => {
    const s = (await draftOf([
      ['clinician', 'This looks like the rotator cuff tendons getting irritated as they pass under the top of the shoulder, what we call subacromial pain or impingement.'],
      SMALL_TALK,
    ])).sections;
    expect(s.assessment.map((x) => x.text).join(' ')).toMatch(/: subacromial pain or impingement\./);
  });
});

describe('a baseline said after the reading\'s name is that reading\'s (DOMAIN.md 2.4: progress compared to baseline)', () => {
  const measures = (texts: string[]) => extractMeasures(buildUnits(say(texts), 'dictation'), 'slp').map((m) => [m.value, m.baseline]);

  it('"3.5% syllables stuttered, baseline 14%" is 3.5% with its baseline 14%, and 14% is no reading of its own', () => {
    const found = measures(['Phone call sample: three point five percent syllables stuttered, baseline fourteen percent.']);
    expect(found).toEqual([['3.5%', '14%']]);
  });

  it('"It was 2.8, moderate, at the evaluation." is the prior of the score before it', () => {
    expect(measures(['OASES total impact score one point nine, mild to moderate. It was two point eight, moderate, at the evaluation.'])).toEqual([['1.9', '2.8']]);
  });
});

describe('the items of a plan list the clinician opened stay in the plan (DOMAIN.md 1.5 P: precautions and home programme)', () => {
  it('"Until then: ... No straws. Pills one at a time in applesauce. Sit fully upright ..." are all plan', async () => {
    const s = (await draftOf([
      ['clinician', 'Until then: keep thin liquids, but by cup only, single small sips, chin tuck with every sip. No straws. Pills one at a time in applesauce. Sit fully upright for meals and for thirty minutes after. Smaller bites, and alternate solids with a sip. That includes coffee.'],
      SMALL_TALK,
    ], { discipline: 'slp' })).sections;
    const plan = s.plan.map((x) => x.text).join(' ');
    expect(plan).toMatch(/No straws\./);
    expect(plan).toMatch(/Pills one at time in applesauce\./);
    expect(plan).toMatch(/Sit fully upright for meals and for 30 min after\./);
    expect(plan).toMatch(/Smaller bites/);
    expect(plan).not.toMatch(/includes coffee/);
  });
});

describe('advice and cause said to the patient (DOMAIN.md 1.5 A: the impression and prognosis; P: home programme)', () => {
  it('"bump your water up to six to eight glasses a day, and hold off on choir until we recheck" is plan', () => {
    expect(unitSection('Also bump your water up to six to eight glasses a day, and hold off on choir until we recheck.')).toBe('plan');
  });
  it('"the nodules come from the way you\'re using your voice all day" is the assessment', () => {
    expect(unitSection("So the nodules come from the way you're using your voice all day, pressing the folds together hard.")).toBe('assessment');
  });
  it('"nodules usually respond well to voice therapy" is the prognosis, in the assessment', () => {
    expect(unitSection('The good news is that nodules usually respond well to voice therapy.')).toBe('assessment');
  });
});

describe('a bare reading named by the movement asked, in the words said (DOMAIN.md 2.4; the name must have its source)', () => {
  const objective = async (lines: [string, string][]) => (await draftOf([...lines.map(([sp, t]) => [sp, t] as ['clinician' | 'patient', string]), SMALL_TALK])).sections.objective.map((x) => x.text);

  it('"Now turn your head toward the sore side. About fifty degrees." is that rotation, never glued to the reading before it', async () => {
    const o = await objective([['clinician', 'Bend forward and reach for the floor. Fingertips are thirty centimeters from the floor. Now turn your head toward the sore side. About fifty degrees.']]);
    expect(o.join(' ')).toMatch(/Rotation toward sore side: 50°/);
    expect(o.join(' ')).not.toMatch(/floor: 50°/);
  });

  it('"reach for the floor again. Twenty-two centimeters now." is fingertips to floor', async () => {
    const o = await objective([['clinician', 'Sit up for a second and reach for the floor again. Twenty-two centimeters now.']]);
    expect(o).toContain('Fingertips to floor: 22 cm now.');
  });

  it('"Lift your arm up again. One fifty now." is an arm raise; shoulder flexion only when the shoulder was said', async () => {
    expect(await objective([['clinician', 'Lift your arm up again. One fifty now.']])).toContain('Arm raise: 150°.');
    expect((await objective([['clinician', 'Let me check your shoulder. Lift your arm up again. One fifty now.']])).join(' ')).toMatch(/Shoulder flexion: 150°/);
  });
});

describe('a distance read bare after the measure is asked again is that measure, with its first reading as baseline (DOMAIN.md 2.4: outcome vs baseline)', () => {
  it('"reach for the floor" ... (the treatment) ... "reach for the floor again. Twenty-two centimeters now." is fingertip-to-floor 22 cm from 30 cm', () => {
    const units = buildUnits(say([
      'Bend forward and reach for the floor. Fingertips are thirty centimeters from the floor.',
      "Okay. Lie face down. It's 1:05. I'm starting on the low back: effleurage to warm up, then petrissage on the lumbar paraspinals.",
      'Breathe into my hands. The QLs are really guarded, the left one more than the right. Good. Keep breathing. Nice and slow.',
      'This low back work is so you can sit through your dispatch shifts without the pain climbing. Almost done here. Stay relaxed.',
      "It's 1:32. Twenty-seven minutes on the low back. Sit up for a second and reach for the floor again. Twenty-two centimeters now. How's the pain?",
    ]), 'ambient');
    expect(extractMeasures(units, 'massage').map((m) => [m.name, m.value, m.baseline])).toEqual([['fingertip-to-floor', '30 cm', null], ['fingertip-to-floor', '22 cm', '30 cm']]);
  });
});

describe('assist levels are the clinician\'s grades, with the prior said first (DOMAIN.md 2.4: patient performance level vs baseline)', () => {
  const levels = (lines: [string, string][]) => {
    const utterances = lines.map(([speaker, text], i) => ({ id: `u${i + 1}`, speaker: speaker as 'clinician' | 'other', start: i, end: i + 1, text: normalizeClinical(text) }));
    return extractMeasures(buildUnits(utterances, 'ambient'), 'ot').filter((m) => m.name.endsWith('assist level')).map((m) => [m.value, m.baseline]);
  };

  it('"At your first visit you needed moderate assist ... Today it\'s minimal assist" is minimal assist from moderate', () => {
    expect(levels([['clinician', 'At your first visit you needed moderate assist for lower body dressing. Today it\'s minimal assist, just me steadying you.']]))
      .toEqual([['minimal assist', 'moderate assist']]);
  });

  it('a family member repeating the home plan ("Stand by, supervision. Got it.") grades nothing', () => {
    expect(levels([['clinician', 'Lower body dressing: minimal assist, just me steadying you.'], ['other', 'Stand by, supervision. Got it.']])).toEqual([['minimal assist', null]]);
  });
});

describe('how often a symptom came, said after its name, is its measure (DOMAIN.md 1.5 S)', () => {
  it('"Headaches: 2 this week, back of head" is never left out for length', () => {
    expect(priority({ section: 'subjective', text: 'Headaches: 2 this week, back of head.', evidence: ['u1'] })).toBeGreaterThanOrEqual(9);
  });
});

describe('a reading said bare with its change ("Sixty-four, up from fifty-five.") after the movement asked (DOMAIN.md 2.4)', () => {
  it('is left rotation 64° from 55', () => {
    const units = buildUnits(say(["Okay, 9:24, that's twelve minutes. Turn your head to the left again. Sixty-four, up from fifty-five."]), 'ambient');
    expect(extractMeasures(units, 'chiro').map((m) => [m.name, m.value, m.baseline])).toEqual([['left rotation', '64°', '55']]);
  });
});

describe('chart style: the words a note does not need (FORMAT.md compression; DOMAIN.md 1.8: say once that the patient is discharged)', () => {
  it.each([
    ['Starting massage on low back: effleurage, then petrissage.', 'Massage to low back: effleurage, then petrissage.'],
    ['Moving to left hip now: myofascial release to glute med.', 'Left hip: myofascial release to glute med.'],
    ['Next visit will do shirt standing, with quad cane nearby.', 'Next visit: shirt standing, with quad cane nearby.'],
    ['Next week will try treadmill walk-jog.', 'Next week: try treadmill walk-jog.'],
    ['Next visit will be the re-exam.', 'Next visit will be re-exam.'],
  ])('%s', (said, want) => expect(finish(said)).toBe(want));

  it('the discharge decision is said once, in the plan, and the goal status stays in the assessment', async () => {
    const s = (await draftOf([
      ['clinician', "You've met both goals, so we're discharging you from speech therapy."],
      SMALL_TALK,
    ], { discipline: 'slp', noteType: 'discharge' })).sections;
    expect(s.plan.map((x) => x.text)).toContain('Discharge from speech therapy.');
    expect([...s.assessment, ...s.plan].map((x) => x.text).join(' ')).not.toMatch(/Clinician discharging/);
  });
});

describe('a recheck said in the turn that stops a block is no item of the next block (DOMAIN.md 2.3: the next block is coded by what is done in it)', () => {
  it('"One twenty-four. Let\'s see that single-leg stance on the right again. Five seconds." then transfers: 97112 then 97530', async () => {
    const { coding } = await codedOf([
      ['clinician', 'Single-leg stance. Right leg, three seconds. Left leg, fourteen seconds.'],
      ['clinician', "Okay, it's one-oh-five. Balance work at the counter, shifting your weight onto the right leg. Ten shifts, three rounds."],
      ['clinician', 'Now left foot taps onto the step, so the right leg has to hold you. Three sets of ten.'],
      ['clinician', "One twenty-four. Let's see that single-leg stance on the right again. Five seconds. Up from three at the start of the session."],
      ['clinician', 'Okay, one twenty-five, transfers. Sit to stand from the low couch, five reps, three sets.'],
      ['clinician', "Now the car simulator, five times. Right leg in first, then swing the left. That was contact guard the whole time. It's one thirty-seven."],
    ], { payer: { type: 'medicare' } });
    expect(coding.lines.map((l) => [l.code, l.units])).toEqual([['97112', 1], ['97530', 1]]);
  });
});

describe('AB: a named score, a time on the hour, a prior said of one side (DOMAIN.md 2.4 measures vs baseline; 2.2 clock times)', () => {
  it('"QuickDASH 11, it was 52." under a dictated Objective is charted', async () => {
    const s = (await draftOf(dictated(['Objective. Lateral pinch right sixteen pounds. QuickDASH eleven, it was fifty-two.']), { discipline: 'ot', mode: 'dictation' })).sections;
    expect(s.objective.map((x) => x.text).join(' ')).toMatch(/QuickDASH 11 \(was 52\)/);
  });

  it('"nine-oh-oh to nine-oh-eight" is 9:00 to 9:08', () => {
    expect(normalizeClinical('Manual therapy nine-oh-oh to nine-oh-eight, scar massage.')).toBe('Manual therapy 9:00 to 9:08, scar massage.');
  });

  it('"Right grip was 38 at the evaluation" is the right grip\'s baseline only', () => {
    const units = buildUnits(say(['Grip, Jamar position two, right sixty-eight pounds, left ninety-two. Right grip was thirty-eight at the evaluation.']), 'dictation');
    expect(extractMeasures(units, 'ot').map((m) => [m.side, m.value, m.baseline])).toEqual([['right', '68 lb', '38'], ['left', '92 lb', null]]);
  });
});

describe('field drills for a return to sport are one functional activity (DOMAIN.md 2.3: dynamic functional multi-outcome task -> 97530)', () => {
  it('"field work. Cones at 45 and 90 degrees, cutting off the injured leg, four sets of six cuts, then lateral shuffles" is 97530', async () => {
    const { coding } = await codedOf([
      ['clinician', 'Three twenty-one, field work. Cones at forty-five and ninety degrees, cutting off the injured leg, four sets of six cuts, then figure-eights and lateral shuffles side to side, and the ladder.'],
      ['clinician', "This is the cutting you need to get back to full practice. It's three forty-four, nice work."],
    ]);
    expect(coding.lines.map((l) => [l.code, l.units])).toEqual([['97530', 2]]);
  });
});

describe('a stance on the injured and the good leg (DOMAIN.md 2.4: measures of each side, never a side invented)', () => {
  it('"Eyes closed, stand on the injured leg. Go." - "Six seconds. Now the good leg. Twenty-five seconds." is charted side by side', async () => {
    const s = (await draftOf([
      ['clinician', "Alright, let's check your balance before we start. Eyes closed, stand on the injured leg. Go."],
      ['clinician', 'Six seconds. Now the good leg. Twenty-five seconds.'],
      SMALL_TALK,
    ])).sections;
    expect(s.objective.map((x) => x.text)).toContain('Stance eyes closed: injured leg 6 s; good leg 25 s.');
  });
});

describe('AB speech evaluation (DOMAIN.md 1.5 O: the results of tests and screens; A: the diagnosis; P: goals; 1.6: the value meant)', () => {
  it('"standard score is seventy-six, sorry, seventy-nine, I was reading the wrong row" is 79 (the sentence was lost)', () => {
    expect(normalizeClinical('Expressive communication standard score is seventy-six, sorry, seventy-nine, I was reading the wrong row.')).toBe('Expressive communication standard score is 79.');
  });

  it('a child asking "Go home?" before the diagnosis does not make it the plan', async () => {
    const s = (await draftOf([
      ['patient', 'I done! Go home?'],
      ['clinician', "Almost, buddy. So Mom, he has a phonological disorder, those sound patterns, and an expressive language delay. I'm recommending speech therapy twice a week."],
      SMALL_TALK,
    ], { discipline: 'slp', noteType: 'evaluation' })).sections;
    expect(s.assessment.map((x) => x.text).join(' ')).toMatch(/phonological disorder/);
  });

  it('"Goals would be: ..." is the plan', () => {
    expect(unitSection('Goals would be: k and g at the beginning of words with eighty percent accuracy.')).toBe('plan');
  });

  it('"First a quick hearing screen. ... Passed both ears at twenty decibels." names the screen', async () => {
    const s = (await draftOf([['clinician', 'Okay. First a quick hearing screen. Put your hand up when you hear the beep. Passed both ears at twenty decibels.'], SMALL_TALK], { discipline: 'slp' })).sections;
    expect(s.objective.map((x) => x.text)).toContain('Hearing screen: passed both ears at 20 dB.');
  });

  it('"His mouth structures and movement look fine for speech." is an observation', () => {
    expect(unitSection('His mouth structures and movement look fine for speech.')).toBe('objective');
  });
});

describe('AB jaw evaluation (DOMAIN.md 1.5 O: measures in the words said; A: the impression; P: referrals; 1.6: the value meant)', () => {
  it('"Thirty-five, no, hold on, I read that wrong, twenty-nine millimeters." is 29 mm (the sentence was lost)', () => {
    expect(normalizeClinical("I'm measuring. Thirty-five, no, hold on, I read that wrong, twenty-nine millimeters.")).toBe("I'm measuring. 29 mm.");
  });

  it('"Open as wide as you comfortably can." - "29 mm." is the mouth opening; "Slide your jaw to the right. Six millimeters." a jaw slide right', async () => {
    const o = (await draftOf([['clinician', 'Open as wide as you comfortably can. Twenty-nine millimeters. Slide your jaw to the right. Six millimeters.'], SMALL_TALK])).sections.objective.map((x) => x.text).join(' ');
    expect(o).toMatch(/Mouth opening: 29 mm\./);
    expect(o).toMatch(/Jaw slide right: 6 mm\./);
  });

  it('a click "at about twenty millimeters" is where it came, not a reading with a baseline', () => {
    const units = buildUnits(say(['Open as wide as you comfortably can. Twenty-nine millimeters.', 'And I feel a click on the left at about twenty millimeters.']), 'ambient');
    expect(extractMeasures(units, 'pt').map((m) => m.value)).toEqual(['29 mm']);
  });

  it('"So what I\'m seeing fits a left TMJ disc displacement with reduction" is the impression', () => {
    expect(unitSection("So what I'm seeing fits a left TMJ disc displacement with reduction, that's the click, plus muscle pain from the clenching.")).toBe('assessment');
  });

  it('"ask your dentist about a night guard" is plan', () => {
    expect(unitSection('I also want you to ask your dentist about a night guard for the grinding.')).toBe('plan');
  });
});

describe('small talk about a car in the shop is not charted (DOMAIN.md 1.5: the note holds the visit\'s clinical content)', () => {
  it('"Car\'s in the body shop, they said another two weeks." said about the car repair is left out', async () => {
    const s = (await draftOf([
      ['clinician', 'How is the car situation going?'],
      ['patient', "Car's in the body shop, they said another two weeks."],
      ['patient', 'My neck is about a four out of ten today.'],
    ], { discipline: 'chiro' })).sections;
    const all = [...s.subjective, ...s.objective].map((x) => x.text).join(' ');
    expect(all).not.toMatch(/body shop/);
    expect(all).toMatch(/4\/10/);
  });
});

describe('AC coding (DOMAIN.md 2.13: CMT by spinal regions, extraspinal 98943; 2.3: exercise for one impairment -> 97110; 2.1: CMS total timed minutes)', () => {
  it('"four regions: cervical, thoracic, lumbar, and sacral-pelvic" and the talocrural joint are 98941 and 98943', async () => {
    const { coding } = await codedOf([
      ['clinician', 'Adjusting. Neck first, C5-6, diversified. Mid back, T6-7, breathe out. Now side-lying for L5-S1. And the drop table for the right SI. That\'s four regions: cervical, thoracic, lumbar, and sacral-pelvic.'],
      ['clinician', 'Now the right ankle. Long-axis distraction, then an adjustment of the talocrural joint.'],
    ], { discipline: 'chiro', payer: { type: 'auto' } });
    expect(coding.lines.map((l) => l.code).sort()).toEqual(['98941', '98943']);
  });

  it('"Nine thirty-four. Last thing, about six minutes: prone left hip extension, two sets of fifteen." is a 6-min 97110 block that counts in the CMS total', async () => {
    const { coding } = await codedOf([
      ['clinician', "Okay, it's nine oh two. Gait training in the hallway with the rolling walker, one hundred fifty feet, three times."],
      ['clinician', 'Nine twenty-four. Now floor transfers, down to the mat through half-kneeling, back up using the chair, three times.'],
      ['clinician', 'Nine thirty-four. Last thing, about six minutes: prone left hip extension, two sets of fifteen, to keep the hip from getting tight.'],
      ['clinician', 'Nine forty, done.'],
    ], { payer: { type: 'medicare' } });
    expect(coding.lines.map((l) => [l.code, l.units])).toEqual([['97116', 2], ['97530', 1]]);
    expect(coding.checks.map((c) => c.id)).toContain('under_8_minutes');
  });

  it('"Elbow extension, active assisted with the dowel, two sets of ten" is therapeutic exercise', async () => {
    const { coding } = await codedOf([
      ['clinician', "It's two fifty-two. Elbow extension, active assisted with the dowel, two sets of ten, holding at the end."],
      ['clinician', "It's two fifty-eight, that's six minutes."],
    ], { discipline: 'ot' });
    expect(coding.checks.map((c) => [c.id, c.codes])).toContainEqual(['under_8_minutes', ['97110']]);
  });
});

describe('AC OT and pediatric blocks (DOMAIN.md 2.3: functional task -> 97530; self-care/home management -> 97535; CMS total minutes)', () => {
  it('a medication task is 97530 and "this part is home management training for both of you" 97535 (17 + 7 min: 1 + 1 under CMS)', async () => {
    const { coding } = await codedOf([
      ['clinician', "It's ten ten. Medication task, standing at the counter. Go all the way left to the red line before every row. Now the evening row."],
      ['clinician', 'Ten twenty-seven. Now the microwave. Frank, come watch, this part is home management training for both of you. I put orange bump dots on start, the plus thirty button, and stop.'],
      ['clinician', 'With the dots, four out of five. Ten thirty-four.'],
    ], { discipline: 'ot', payer: { type: 'medicare' } });
    expect(coding.lines.map((l) => [l.code, l.units])).toEqual([['97530', 1], ['97535', 1]]);
  });

  it('"every row" and "the plus thirty button" name no exercise and no dressing task', async () => {
    const { kindsIn } = await import('../src/lexicon/interventions.ts');
    expect(kindsIn('Go all the way left to the red line before every row; evening row', 'ot')).toEqual([]);
    expect(kindsIn('I put orange bump dots on start, the plus 30 button, and stop.', 'ot')).toEqual([]);
  });

  it('tummy time and reaching across midline for an infant are a developmental activity (97530)', async () => {
    const { coding } = await codedOf([
      ['clinician', 'Ten fifteen. Now some play. Tummy time and reaching, I put the rattle up to his right so he has to turn his head.'],
      ['clinician', 'Sitting, reaching across midline for the ring, to his right and to his left. Ten twenty-nine.'],
    ], { payer: { type: 'commercial' } });
    expect(coding.lines.map((l) => [l.code, l.units])).toEqual([['97530', 1]]);
  });
});

describe('AC: values measured again and small talk about a game (DOMAIN.md 1.6: the value meant; 1.5: goal links name plan-of-care goals)', () => {
  it.each([
    ["Grip, right: fifty-eight pounds. No, I read the wrong dial, that's fifty-two. Left, ninety-eight.", 'Grip, right: 52. Left, 98.'],
    ["Turn your head to the left. Fifty-five. Hmm, you're turning your shoulders, let me measure again. Fifty.", 'Turn your head to the left. 50.'],
    ['After treatment, twenty-four point one. Sorry, let me look at my sheet again. Twenty-four point two after.', 'After treatment, 24.2 after.'],
    ['Left rotation 55. Let me check the right side. 60.', 'Left rotation 55. Let me check the right side. 60.'],
  ])('%s', (said, want) => expect(normalizeClinical(said)).toBe(want));

  it('"Lost it on a field goal." is no goal link', () => {
    expect(unitSection('Lost it on a field goal.')).toBeNull();
  });
});
