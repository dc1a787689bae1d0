/**
 * Units through codeVisit: the seed vignettes of DOMAIN.md 3.1 with their unit errors
 * corrected (2.14), same-code summing, untimed services, clock-time handling, payer defaults,
 * and the refusal of overlapping blocks.
 */
import { describe, expect, it } from 'vitest';
import { codeVisit } from '../src/index.ts';
import { checkIds, codes, entry, lineOf, visit } from './support.ts';

describe('seed vignettes, corrected (DOMAIN.md 3.1, 2.14)', () => {
  it('V1: 97110 10:05-10:23 (18 min) + 97530 10:25-10:40 (15 min) = 1 + 1 units, never the seed\'s "two units" for 18 min', () => {
    const v = visit({
      ledger: [
        entry({ intervention: 'seated leg press 3 x 15 at 40 lb; terminal knee extensions', minutes: null, startTime: '10:05', stopTime: '10:23' }),
        entry({ intervention: 'reciprocal stair negotiation on 4-step training stairs', kindHint: 'therapeutic_activity', minutes: null, startTime: '10:25', stopTime: '10:40' }),
      ],
    });
    for (const type of ['medicare', 'commercial'] as const) {
      const r = codeVisit({ ...v, payer: { type } });
      expect(codes(r)).toEqual(['97110x1', '97530x1']);
      expect(r.totalTimedMinutes).toBe(33);
    }
  });

  it('V2: 97530 for 20 minutes is 1 unit, not the seed\'s "two units" (2.14 item 2)', () => {
    const r = codeVisit(visit({ ledger: [entry({ intervention: 'progressive controlled descent to low chair and stool with floor-to-standing sequence', kindHint: 'therapeutic_activity', minutes: 20 })] }));
    expect(codes(r)).toEqual(['97530x1']);
  });

  it('V3: two 97112 blocks of 8 and 7 minutes are summed to 15 minutes, 1 unit; the 7-minute block alone would earn none', () => {
    const blocks = [
      entry({ intervention: 'eyes-closed single-leg stance on firm surface', kindHint: 'neuromuscular_reeducation', minutes: 8, startTime: '08:10', stopTime: '08:18', deficit: 'SLS right 7 s vs left 26 s' }),
      entry({ intervention: 'star excursion reaching as therapeutic activity', kindHint: 'neuromuscular_reeducation', minutes: 7, startTime: '08:20', stopTime: '08:27', deficit: 'SEBT anterior 71% LSI' }),
    ];
    for (const type of ['medicare', 'commercial'] as const) {
      const r = codeVisit(visit({ payer: { type }, ledger: blocks }));
      expect(codes(r)).toEqual(['97112x1']);
      expect(lineOf(r, '97112')?.minutes).toBe(15);
      expect(lineOf(r, '97112')?.evidence).toHaveLength(2);
    }
    const alone = codeVisit(visit({ payer: { type: 'commercial' }, ledger: [blocks[1]!] }));
    expect(codes(alone)).toEqual([]);
    expect(checkIds(alone)).toContain('under_8_minutes');
  });

  it('V4: 15 min of 97112 with no clock times is 1 unit and raises missing_clock_times unless the clinic turns the seed rule off', () => {
    const v = visit({ ledger: [entry({ intervention: 'progressive foam surface training', kindHint: 'neuromuscular_reeducation', minutes: 15, deficit: 'Berg 38/56; SLS right 6 s vs left 24 s' })] });
    const strict = codeVisit(v);
    expect(codes(strict)).toEqual(['97112x1']);
    expect(checkIds(strict)).toContain('missing_clock_times');
    const lenient = codeVisit(v, { requireClockTimes: false });
    expect(codes(lenient)).toEqual(['97112x1']);
    expect(checkIds(lenient)).not.toContain('missing_clock_times');
  });

  it('V9: 97124 30 min + 97140 15 min + 97010 = 2 + 1 + 1 units (auto payer, per code)', () => {
    const r = codeVisit(visit({
      discipline: 'massage', payer: { type: 'auto' }, referral: { onFile: true }, diagnoses: [{ icd10: 'S13.4XXA' }],
      ledger: [
        entry({ intervention: 'effleurage and petrissage, cervical and upper thoracic', kindHint: 'massage', bodyRegions: ['cervical', 'upper_thoracic'], side: null, minutes: 30 }),
        entry({ intervention: 'myofascial release, cervical soft tissue', kindHint: 'manual_therapy', bodyRegions: ['cervical'], side: null, minutes: 15 }),
        entry({ intervention: 'hot pack to cervical spine', kindHint: 'hot_cold_pack', bodyRegions: ['cervical'], side: null, minutes: null }),
      ],
    }));
    expect(codes(r)).toEqual(['97124x2', '97140x1', '97010x1']);
    expect(r.unitMethod).toBe('per_code');
    expect(checkIds(r)).toEqual(expect.arrayContaining(['same_region_overlap', 'missing_clock_times', 'modifier_59_consideration']));
  });
});

describe('payer defaults (DOMAIN.md 2.2: Medicare -> CMS total time; commercial/auto -> per code)', () => {
  const ledger = [entry({ minutes: 33 }), entry({ intervention: 'joint mobilization grade III', kindHint: 'manual_therapy', minutes: 7 })];
  it.each([
    ['medicare', 'cms_total_time', ['97110x2', '97140x1']],
    ['medicaid', 'cms_total_time', ['97110x2', '97140x1']],
    ['commercial', 'per_code', ['97110x2']],
    ['auto', 'per_code', ['97110x2']],
    ['workers_comp', 'per_code', ['97110x2']],
    ['self_pay', 'per_code', ['97110x2']],
  ] as const)('%s -> %s', (type, method, expected) => {
    const r = codeVisit(visit({ payer: { type }, ledger }));
    expect(r.unitMethod).toBe(method);
    expect(codes(r)).toEqual(expected);
    expect(r.totalTimedMinutes).toBe(40);
  });
  it('a payer configured by name overrides its type (e.g. a commercial plan that follows CMS)', () => {
    const r = codeVisit(visit({ payer: { type: 'commercial', name: 'Acme Advantage' }, ledger }), { unitMethodByPayerName: { 'acme advantage': 'cms_total_time' } });
    expect(r.unitMethod).toBe('cms_total_time');
    expect(codes(r)).toEqual(['97110x2', '97140x1']);
  });
  it('a payer type can be reconfigured', () => {
    const r = codeVisit(visit({ payer: { type: 'medicaid' }, ledger }), { unitMethodByPayer: { medicaid: 'per_code' } });
    expect(codes(r)).toEqual(['97110x2']);
  });
  it('the 7-minute 97140 still counts toward the CMS total and raises under_8_minutes per code', () => {
    const r = codeVisit(visit({ payer: { type: 'commercial' }, ledger }));
    expect(checkIds(r)).toContain('under_8_minutes');
    expect(lineOf(r, '97140')).toBeUndefined();
  });
});

describe('blocks and clock times (DOMAIN.md 2.2)', () => {
  it('untimed services are 1 unit however many blocks document them', () => {
    const r = codeVisit(visit({ discipline: 'slp', ledger: [
      entry({ intervention: '/k/ in words', kindHint: 'speech_language_treatment', minutes: null, parameters: ['50 trials'] }),
      entry({ intervention: '/s/ blends', kindHint: 'speech_language_treatment', minutes: 20, parameters: ['20 trials'] }),
    ] }));
    expect(codes(r)).toEqual(['92507x1']);
    expect(lineOf(r, '92507')?.minutes).toBeNull();
    expect(r.totalTimedMinutes).toBe(0);
  });

  it('minutes come from the clock times when not stated', () => {
    const r = codeVisit(visit({ ledger: [entry({ minutes: null, startTime: '13:10', stopTime: '13:33' })] }));
    expect(lineOf(r, '97110')?.minutes).toBe(23);
    expect(codes(r)).toEqual(['97110x2']);
  });

  it('stated minutes longer than the clock span are cut to the span (time records must support units, DOMAIN.md 2.6 T3)', () => {
    const r = codeVisit(visit({ ledger: [entry({ minutes: 25, startTime: '10:00', stopTime: '10:20' })] }));
    expect(lineOf(r, '97110')?.minutes).toBe(20);
    expect(r.explanation.join(' ')).toMatch(/exceed the 20 min/);
  });

  it('a stop before the start is ignored and reported as missing clock times', () => {
    const r = codeVisit(visit({ ledger: [entry({ minutes: 15, startTime: '10:20', stopTime: '10:05' })] }));
    expect(codes(r)).toEqual(['97110x1']);
    expect(checkIds(r)).toContain('missing_clock_times');
  });

  it('a timed block with no time at all earns nothing and says so in the explanation, without missing_clock_times (eval/FORMAT.md: the check is for a timed code that "has minutes but no start and stop times")', () => {
    const r = codeVisit(visit({ ledger: [entry({ minutes: null })] }));
    expect(codes(r)).toEqual([]);
    expect(checkIds(r)).not.toContain('missing_clock_times');
    expect(r.explanation.join(' ')).toMatch(/no minutes documented/);
  });

  it('blocks done without direct contact are not billed and not counted (DOMAIN.md 2.3 direct contact)', () => {
    const r = codeVisit(visit({ ledger: [entry({ intervention: 'recumbent bike warm-up', minutes: 10, independent: true }), entry({ minutes: 8 })] }));
    expect(codes(r)).toEqual(['97110x1']);
    expect(r.totalTimedMinutes).toBe(8);
  });

  it('the same when only the words say so ("warmed up on his own; not billed")', () => {
    const r = codeVisit(visit({ ledger: [entry({ intervention: 'recumbent bike warm-up on his own, not billed', minutes: 10 }), entry({ minutes: 8 })] }));
    expect(codes(r)).toEqual(['97110x1']);
    expect(r.explanation.join(' ')).toMatch(/without direct one-on-one contact/);
  });

  it('overlapping clock-time blocks are refused: no timed line, an error check, untimed lines kept', () => {
    const r = codeVisit(visit({ ledger: [
      entry({ minutes: null, startTime: '10:00', stopTime: '10:20' }),
      entry({ intervention: 'sit-to-stand practice from a low chair', kindHint: 'therapeutic_activity', minutes: null, startTime: '10:15', stopTime: '10:30' }),
      entry({ intervention: 'hot pack', kindHint: 'hot_cold_pack', minutes: null }),
    ] }));
    expect(codes(r)).toEqual(['97010x1']);
    const overlap = r.checks.find((c) => c.id === 'overlapping_time_blocks');
    expect(overlap?.severity).toBe('error');
    expect(overlap?.codes).toEqual(['97110', '97530']);
    expect(r.explanation.join(' ')).toMatch(/Refused/);
    expect(checkIds(r)).not.toContain('under_8_minutes');
  });

  it('touching blocks (one stops when the next starts) do not overlap', () => {
    const r = codeVisit(visit({ ledger: [
      entry({ minutes: null, startTime: '10:00', stopTime: '10:15' }),
      entry({ intervention: 'sit-to-stand practice', kindHint: 'therapeutic_activity', minutes: null, startTime: '10:15', stopTime: '10:30' }),
    ] }));
    expect(codes(r)).toEqual(['97110x1', '97530x1']);
  });
});
