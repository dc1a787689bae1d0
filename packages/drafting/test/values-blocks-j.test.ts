/**
 * Times, blocks and values as said in visits the drafter had not seen (held-out set J).
 * Sources: DOMAIN.md 2.2 (the actual start and stop clock times; minutes per code), 2.4
 * (parameters: sets, reps, load, time).
 */
import { describe, expect, it } from 'vitest';
import { clockTimes, statedMinutes } from '../src/extract/clock.ts';
import { describeUnit } from '../src/extract/describe.ts';
import { toLedger } from '../src/extract/entries.ts';
import { findBlocks } from '../src/extract/ledger.ts';
import { extractMeasures } from '../src/extract/measures.ts';
import { buildUnits } from '../src/extract/units.ts';
import { normalizeClinical } from '../src/index.ts';

const say = (texts: string[]) => texts.map((t, i) => ({ id: `u${i + 1}`, speaker: 'clinician' as const, start: i, end: i + 1, text: normalizeClinical(t) }));

function ledger(texts: string[], discipline = 'pt', mode: 'ambient' | 'dictation' = 'ambient') {
  const units = buildUnits(say(texts), mode);
  return toLedger(findBlocks(units, discipline), units, extractMeasures(units, discipline), discipline).map((e) => [e.kindHint, e.startTime, e.stopTime, e.minutes]);
}

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
