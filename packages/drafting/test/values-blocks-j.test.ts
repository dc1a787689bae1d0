/**
 * Times, blocks and values as said in visits the drafter had not seen (held-out set J).
 * Sources: DOMAIN.md 2.2 (the actual start and stop clock times; minutes per code), 2.4
 * (parameters: sets, reps, load, time).
 */
import { describe, expect, it } from 'vitest';
import { priority } from '../src/compose/budget.ts';
import { sectionFor } from '../src/compose/classify.ts';
import { patientStatement } from '../src/compose/patient.ts';
import { extractBodyParts } from '../src/extract/body-parts.ts';
import { PAPERWORK } from '../src/extract/cues.ts';
import { clockTimes, statedMinutes } from '../src/extract/clock.ts';
import { describeUnit } from '../src/extract/describe.ts';
import { buildUnits } from '../src/extract/units.ts';
import { regionsIn } from '../src/lexicon/anatomy.ts';
import { kindsIn } from '../src/lexicon/interventions.ts';
import { ledger, say } from './spoken.ts';

describe('minutes and clock times (DOMAIN.md 2.2)', () => {
  it('a time that ends a header ("9:27 to 9:39: gait") is read; a longer time ("10:30:15") is not', () => {
    expect(clockTimes('Gait training 9:27 to 9:39: 200 feet').map((t) => t.time)).toEqual(['09:27', '09:39']);
    expect(clockTimes('logged at 10:30:15')).toEqual([]);
  });

  it('"two minutes times three" is a dose, not the duration of the block', () => {
    expect(statedMinutes('medium putty gripping, 2 min times 3')).toBeNull();
    expect(statedMinutes('putty 2 min x3')).toBeNull();
    const [unit] = buildUnits(say(['Medium putty gripping, two minutes times three.']), 'dictation');
    expect(describeUnit(unit!)).toMatch(/2 min times 3/);
  });

  it('a clock range holds the block; a dose said inside it is not its minutes', () => {
    expect(ledger([
      'Therapeutic exercise from 1:30 to 1:47: wrist extension with a one-pound dumbbell, three by twelve; medium putty gripping, two minutes times three.',
    ], 'ot', 'dictation')).toEqual([['therapeutic_exercise', '13:30', '13:47', 17]]);
  });

  it('minutes said with a range that fit inside it are the direct time (rest left out)', () => {
    expect(ledger([
      'Therapeutic exercise from 9:00 to 9:20, eighteen minutes, leg press three by fifteen.',
    ], 'pt', 'dictation')).toEqual([['therapeutic_exercise', '09:00', '09:20', 18]]);
  });
});

describe('what is not a block or a body part (DOMAIN.md 2.6 T6, 2.2)', () => {
  it('"Came in with his wife, walking with the quad cane" reports the arrival; no gait block', () => {
    expect(ledger(['Daily note, visit seven. Came in with his wife, walking with the quad cane.'], 'pt', 'dictation')).toEqual([]);
  });

  it('"no hands" says how a sit-to-stand was done, not a hand treated', () => {
    expect(regionsIn('sit-to-stand from a standard chair, 2x5, no hands')).toEqual([]);
    expect(regionsIn('stood up without using her hands')).toEqual([]);
    expect(regionsIn('both hands on the bar').map((r) => r.region)).toEqual(['hand']);
  });

  it('"conversation practice" is speech-language treatment', () => {
    expect(kindsIn('We also did some conversation practice.', 'slp').map((k) => k.kind)).toEqual(['speech_language_treatment']);
  });

  it('a side pointed at but never named ("on that side") marks the region as one-sided with no side', () => {
    const units = buildUnits(say(['Lots of tension through the upper trap on that side.', 'Turn your head toward the sore side. About fifty degrees.']), 'ambient');
    const parts = extractBodyParts(units);
    expect(parts.map((p) => [p.region, p.side, p.sidePointedAt])).toEqual([['upper_trapezius', null, true]]);
    // the diagnosis names the side: nothing is missing
    expect(extractBodyParts(units, new Map([['upper_trapezius', 'right' as const]])).map((p) => p.side)).toEqual(['right']);
  });
});

describe('an oral-motor finding said on a side (DOMAIN.md 1.5 O: observed data)', () => {
  const finding = "There's mild weakness on the right side of the face, lip seal is reduced on the right.";

  it('is objective, and kept by the word budget like a finding at a body part', () => {
    const [u] = buildUnits(say([finding]), 'ambient');
    expect(sectionFor(u!, 'ambient')).toBe('objective');
    expect(priority({ section: 'objective', text: 'Mild weakness on right side of face, lip seal reduced on right.', evidence: ['u1'] })).toBeGreaterThanOrEqual(8.9);
  });
});

describe('a referral or prescription not on file (DOMAIN.md 2.6 T23)', () => {
  it('"we still don\'t have a referral ... on file" is charted in the plan and never dropped by the word budget', () => {
    const [, u] = buildUnits(say(["Chiropractic daily note, visit five. Note for the front desk: we still don't have a referral or prescription from her primary care on file."]), 'dictation');
    expect(sectionFor(u!, 'dictation')).toBe('plan');
    expect(PAPERWORK.test('No referral on file yet.')).toBe(true);
    expect(PAPERWORK.test('Referral from Dr. Lee is on file.')).toBe(false);
    expect(priority({ section: 'subjective', text: 'Do not have referral or prescription from primary care on file.', evidence: ['u1'] })).toBeGreaterThanOrEqual(9);
  });
});

describe('a side pointed at in an instruction (DOMAIN.md 2.6 T6)', () => {
  it('"Roll onto that side" places the patient: the low back is not marked one-sided', () => {
    const units = buildUnits(say(['Low back pain is a five today.', 'Roll onto that side for me.']), 'ambient');
    expect(extractBodyParts(units).filter((p) => p.sidePointedAt)).toEqual([]);
  });
});

describe('a denial in a dictation (DOMAIN.md 1.5 S: what the patient reports; 1.6 negations)', () => {
  it('"No numbness or tingling in the fingers" is the patient\'s report; "no edema noted" and a goal said "without pain" are not', () => {
    const section = (text: string) => sectionFor(buildUnits(say([text]), 'dictation')[0]!, 'dictation');
    expect(section('No numbness or tingling in the fingers, no swelling at night anymore.')).toBe('subjective');
    expect(section('No edema noted at the incision; no tenderness to palpation.')).not.toBe('subjective');
    expect(section('Chest wall massage aimed at the goal of reaching across to buckle the seat belt without pain.')).not.toBe('subjective');
  });
});

describe('an answer to one of several questions in a turn (DOMAIN.md 1.6: negations kept as said)', () => {
  it('"Any giving way? Any swelling?" - "No giving way at all." denies giving way; it is not put under "swelling"', () => {
    const units = buildUnits([
      { id: 'u1', speaker: 'clinician', start: 0, end: 1, text: 'Any giving way? Any swelling after work?' },
      { id: 'u2', speaker: 'patient', start: 1, end: 2, text: 'No giving way at all.' },
    ], 'ambient');
    expect(patientStatement(units, units[2]!, 'patient')?.text).toBe('Patient reports no giving way at all.');
  });
});

describe('a dictated section header and the labels after it (DOMAIN.md 1.5: S is reported, O measured or done)', () => {
  const headers = (texts: string[]) => buildUnits(say(texts), 'dictation').map((u) => u.header);

  it('"Pre-treatment: ..." or a block timed in its label ends a carried "Subjective:"; what follows is placed by what it says', () => {
    expect(headers(['Subjective: no falls since last visit.', 'Pre-treatment: Berg thirty-six out of fifty-six.', 'Last week that was min assist, today contact guard.']))
      .toEqual(['subjective', null, null]);
    expect(headers(['Subjective: no falls.', 'Gait training 9:27 to 9:39: two hundred feet with the quad cane.'])).toEqual(['subjective', null]);
  });

  it('other labels do not: "Voice use:" after "History:" is more history; a timed label under "Treatment." stays objective', () => {
    expect(headers(['History: hoarse for five months.', 'Voice use: teaches six hours a day.'])).toEqual(['subjective', 'subjective']);
    expect(headers(['Treatment. Therapeutic exercise, fourteen minutes.', 'Manual therapy, 2:20 to 2:29, nine minutes: soft tissue mobilization.', 'Manual work is to decrease extensor tone.']))
      .toEqual(['objective', 'objective', 'objective']);
  });

  it('a gait speed in metres per second is a measure, also said with "last visit" in a dictation', () => {
    const [u] = buildUnits(say(['Ten-meter walk was 0.42 meters per second last visit, 0.48 today.']), 'dictation');
    expect(sectionFor(u!, 'dictation')).toBe('objective');
  });
});
