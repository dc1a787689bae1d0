/**
 * Clock times and durations. Source: DOMAIN.md 2.2 ("Actual start and stop time — not an
 * estimate, the real clock times"; same-code blocks are summed, 8 + 7 = 15 in the 97112
 * vignette) and 2.4 (separate start/stop for each timed code).
 */
import { describe, expect, it } from 'vitest';
import { clockRange, clockTimes, minutesBetween, statedMinutes } from '../src/extract/clock.ts';
import { findBlocks } from '../src/extract/ledger.ts';
import { toLedger } from '../src/extract/entries.ts';
import { buildUnits } from '../src/extract/units.ts';
import { normalizeClinical } from '../src/index.ts';

const c = (id: string, text: string) => ({ id, speaker: 'clinician' as const, start: 0, end: 1, text });

describe('clock parsing (DOMAIN.md 2.2)', () => {
  it('reads spoken clock times as 24-hour HH:MM, afternoon for 1-6 without am/pm', () => {
    expect(clockTimes("Alright, it's 10:05, let's start").map((t) => t.time)).toEqual(['10:05']);
    expect(clockTimes('Okay, 2:33, balance work now').map((t) => t.time)).toEqual(['14:33']);
    expect(clockTimes('at 9:40 am and 1:15 pm').map((t) => t.time)).toEqual(['09:40', '13:15']);
  });

  it('reads ranges, computes minutes and finds stated minutes', () => {
    expect(clockRange('block one, 8:10 to 8:18, eight minutes')).toEqual(['08:10', '08:18']);
    expect(minutesBetween('10:05', '10:23')).toBe(18);
    expect(minutesBetween('10:23', '10:05')).toBeNull();
    expect(statedMinutes(normalizeClinical("that's 10:23, so eighteen minutes on the exercise"))).toBe(18);
  });
});

describe('treatment blocks from clock times (DOMAIN.md 2.2, 2.4)', () => {
  it('opens at a spoken start, closes at the stop, and keeps each block separate', () => {
    const units = buildUnits([
      c('u1', "It's 10:05, let's start on the leg press. Forty pounds, three sets of fifteen."),
      c('u2', "Okay, that's 10:23, so eighteen minutes on the exercise."),
      c('u3', "It's 10:25, over to the stairs. Four steps, four rounds."),
      c('u4', "It's 10:40, we'll stop the stairs there, fifteen minutes."),
    ], 'ambient');
    const ledger = toLedger(findBlocks(units, 'pt'), units, [], 'pt');
    expect(ledger.map((e) => [e.kindHint, e.startTime, e.stopTime, e.minutes])).toEqual([
      ['therapeutic_exercise', '10:05', '10:23', 18],
      ['therapeutic_activity', '10:25', '10:40', 15],
    ]);
    expect(ledger[0]?.parameters).toEqual(expect.arrayContaining(['40 lb', '3x15']));
  });

  it('keeps two same-code blocks apart so the coder can sum them (8 + 7 min)', () => {
    const units = buildUnits([
      c('u1', 'Neuromuscular re-education, block one, 8:10 to 8:18, eight minutes: eyes-closed single-leg stance.'),
      c('u2', 'Block two, 8:20 to 8:27, seven minutes: star excursion reaching.'),
      c('u3', 'Total neuromuscular re-education fifteen minutes.'),
    ], 'dictation');
    const ledger = toLedger(findBlocks(units, 'pt'), units, [], 'pt');
    expect(ledger.map((e) => e.minutes)).toEqual([8, 7]);
    expect(ledger.every((e) => e.kindHint === 'neuromuscular_reeducation')).toBe(true);
  });

  it('moves the start when nothing happened between two times ("1:19. Now X. 1:20, let\'s go")', () => {
    const units = buildUnits([c('u1', "It's 1:19. Now the salon stuff."), c('u2', "1:20, let's go. Hold the dryer up, twenty cuts."), c('u3', "It's 1:40, twenty minutes of salon tasks.")], 'ambient');
    const ledger = toLedger(findBlocks(units, 'ot'), units, [], 'ot');
    expect(ledger.map((e) => [e.startTime, e.stopTime, e.minutes])).toEqual([['13:20', '13:40', 20]]);
  });

  it('marks work done without the therapist as independent', () => {
    const units = buildUnits([c('u1', 'He warmed up on his own on the recumbent bike for ten minutes before I saw him; that is not billed.')], 'dictation');
    expect(toLedger(findBlocks(units, 'pt'), units, [], 'pt')[0]).toMatchObject({ minutes: 10, independent: true });
  });
});
