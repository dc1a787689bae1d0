/**
 * Unit rules. Sources named per table: CMS Pub. 100-04 Ch. 5 §20.2 (total timed minutes,
 * 8-minute chart), DOMAIN.md 2.2 (per-code method, same-code summing), 2.14 (seed unit
 * errors, never encoded), 3.1 (vignettes V1-V4, V9).
 */
import { describe, expect, it } from 'vitest';
import { cmsTotalTimeUnits, perCodeUnits, unitsForMinutes } from '../src/units.ts';

describe('8-minute chart (CMS Pub. 100-04 Ch. 5 §20.2; DOMAIN.md 2.2, 2.14 item 4: the chart continues past 53)', () => {
  const table: [number, number][] = [
    [0, 0], [1, 0], [7, 0], [7.9, 0], [8, 1], [15, 1], [22, 1], [23, 2], [37, 2], [38, 3], [52, 3],
    [53, 4], [60, 4], [67, 4], [68, 5], [82, 5], [83, 6], [97, 6], [98, 7], [120, 8], [127, 8], [128, 9],
  ];
  it.each(table)('%d min -> %d units', (minutes, units) => {
    expect(unitsForMinutes(minutes)).toBe(units);
  });
  it('negative, NaN and infinite minutes earn nothing', () => {
    expect(unitsForMinutes(-5)).toBe(0);
    expect(unitsForMinutes(Number.NaN)).toBe(0);
    expect(unitsForMinutes(Number.POSITIVE_INFINITY)).toBe(0);
  });
});

type Row = { name: string; minutes: Record<string, number>; cms: Record<string, number>; perCode: Record<string, number>; source: string };

const rows: Row[] = [
  { name: '33 min 97110 + 7 min 97140: CMS bills the 7 minutes, per code does not',
    minutes: { '97110': 33, '97140': 7 }, cms: { '97110': 2, '97140': 1 }, perCode: { '97110': 2, '97140': 0 },
    source: 'CMS Pub. 100-04 Ch. 5 §20.2 example; DOMAIN.md 2.2' },
  { name: '18 min 97110 + 15 min 97530 (V1 corrected: 18 min is 1 unit, not the seed\'s "two")',
    minutes: { '97110': 18, '97530': 15 }, cms: { '97110': 1, '97530': 1 }, perCode: { '97110': 1, '97530': 1 },
    source: 'DOMAIN.md 3.1 V1, 2.14 item 1' },
  { name: '24 min 97112 + 23 min 97110 = 47 min: CMS 3 units, per code 4',
    minutes: { '97112': 24, '97110': 23 }, cms: { '97112': 2, '97110': 1 }, perCode: { '97112': 2, '97110': 2 },
    source: 'CMS Pub. 100-04 Ch. 5 §20.2 example' },
  { name: '31 min 97110 + 7 min 97112 = 38 min: the leftover unit goes to the 7-minute service',
    minutes: { '97110': 31, '97112': 7 }, cms: { '97110': 2, '97112': 1 }, perCode: { '97110': 2, '97112': 0 },
    source: 'CMS Pub. 100-04 Ch. 5 §20.2 (most remaining minutes)' },
  { name: '9 min 97110 + 8 min 97535 = 17 min: one unit, to the service with more minutes',
    minutes: { '97110': 9, '97535': 8 }, cms: { '97110': 1, '97535': 0 }, perCode: { '97110': 1, '97535': 1 },
    source: 'CMS Pub. 100-04 Ch. 5 §20.2' },
  { name: '40 min 97110 + 5 min 97140 = 45 min: the third unit goes to 97110 (10 remaining vs 5)',
    minutes: { '97110': 40, '97140': 5 }, cms: { '97110': 3, '97140': 0 }, perCode: { '97110': 3, '97140': 0 },
    source: 'CMS Pub. 100-04 Ch. 5 §20.2' },
  { name: '30 min 97124 + 15 min 97140 (V9): 45 min, 3 units either way',
    minutes: { '97124': 30, '97140': 15 }, cms: { '97124': 2, '97140': 1 }, perCode: { '97124': 2, '97140': 1 },
    source: 'DOMAIN.md 3.1 V9' },
  { name: 'a single 7-minute service earns nothing under either method',
    minutes: { '97110': 7 }, cms: { '97110': 0 }, perCode: { '97110': 0 }, source: 'DOMAIN.md 2.2 [003/AUTO]' },
  { name: '68 minutes of one code is 5 units, not the seed\'s capped 4',
    minutes: { '97110': 68 }, cms: { '97110': 5 }, perCode: { '97110': 5 }, source: 'DOMAIN.md 2.14 item 4' },
  { name: 'three services of 7 min (21 total): one unit',
    minutes: { '97110': 7, '97112': 7, '97140': 7 }, cms: { '97110': 1, '97112': 0, '97140': 0 }, perCode: { '97110': 0, '97112': 0, '97140': 0 },
    source: 'CMS Pub. 100-04 Ch. 5 §20.2; tie rule below' },
];

describe('CMS total timed minutes vs per code (CMS Pub. 100-04 Ch. 5 §20.2; DOMAIN.md 2.2)', () => {
  it.each(rows)('$name ($source)', ({ minutes, cms, perCode }) => {
    const input = Object.entries(minutes).map(([code, m]) => ({ code, minutes: m }));
    expect(Object.fromEntries(cmsTotalTimeUnits(input).units)).toEqual(cms);
    expect(Object.fromEntries(perCodeUnits(input).units)).toEqual(perCode);
  });
});

describe('ties under CMS (documented rule: more total minutes, then the lower code number)', () => {
  it('7 + 7 minutes: the unit goes to the lower code number', () => {
    const r = cmsTotalTimeUnits([{ code: '97140', minutes: 7 }, { code: '97110', minutes: 7 }]);
    expect(Object.fromEntries(r.units)).toEqual({ '97110': 1, '97140': 0 });
    expect(r.steps.join(' ')).toMatch(/tie broken/);
  });
  it('equal remainders: the code with more total minutes wins before the code number', () => {
    // 97530 22 min (1 whole, 7 left) vs 97110 7 min (7 left): total 29 -> 2 units.
    const r = cmsTotalTimeUnits([{ code: '97110', minutes: 7 }, { code: '97530', minutes: 22 }]);
    expect(Object.fromEntries(r.units)).toEqual({ '97110': 0, '97530': 2 });
  });
  it('8 + 8 minutes: 16 total is one unit under CMS, two per code', () => {
    const m = [{ code: '97112', minutes: 8 }, { code: '97110', minutes: 8 }];
    expect(Object.fromEntries(cmsTotalTimeUnits(m).units)).toEqual({ '97110': 1, '97112': 0 });
    expect(Object.fromEntries(perCodeUnits(m).units)).toEqual({ '97110': 1, '97112': 1 });
  });
});

describe('explanations name the rule and the numbers', () => {
  it('CMS explanation gives each code, the total and the chart band', () => {
    const r = cmsTotalTimeUnits([{ code: '97110', minutes: 33 }, { code: '97140', minutes: 7 }]);
    const text = r.steps.join('\n');
    expect(text).toContain('CMS Pub. 100-04 Ch. 5 §20.2');
    expect(text).toContain('Total timed minutes 40 -> 3 units (38-52 min = 3 units)');
    expect(text).toContain('Remaining unit assigned to 97140');
  });
  it('per-code explanation says the total decides nothing', () => {
    const r = perCodeUnits([{ code: '97110', minutes: 33 }, { code: '97140', minutes: 7 }]);
    expect(r.steps.join('\n')).toMatch(/97140: 7 min -> 0 units \(under 8 min = 0 units\)[\s\S]*not used to set units/);
  });
});
