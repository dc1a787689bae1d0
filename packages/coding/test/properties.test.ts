/**
 * Properties (fast-check) of the unit rules and of the engine as a whole.
 * - CMS (Pub. 100-04 Ch. 5 §20.2): the units of a visit never exceed what its total timed
 *   minutes allow, and each code gets its whole 15-minute units plus at most one more.
 * - Per code (DOMAIN.md 2.2): no code exceeds the units of its own minutes.
 * - Determinism: the result does not depend on the order of the visit's lists.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeVisit, type LedgerEntry, type ServiceKind, type VisitInput } from '../src/index.ts';
import { cmsTotalTimeUnits, perCodeUnits, unitsForMinutes } from '../src/units.ts';
import { devFixtures } from './support.ts';

const TIMED = ['97110', '97112', '97116', '97140', '97530', '97535', '97124', '97750', '97763', '97032', '97033', '97035'];

const codeMinutes = fc.uniqueArray(
  fc.record({ code: fc.constantFrom(...TIMED), minutes: fc.integer({ min: 0, max: 120 }) }),
  { selector: (c) => c.code, maxLength: TIMED.length },
);

describe('unit allocation properties', () => {
  it('CMS: total units equal the chart units of the total minutes, never more', () => {
    fc.assert(fc.property(codeMinutes, (codes) => {
      const total = codes.reduce((s, c) => s + c.minutes, 0);
      const r = cmsTotalTimeUnits(codes);
      const sum = [...r.units.values()].reduce((s, u) => s + u, 0);
      expect(sum).toBe(unitsForMinutes(total));
      expect(r.totalMinutes).toBe(total);
    }));
  });

  it('CMS: each code gets its whole 15-minute units and at most one more, and none without minutes', () => {
    fc.assert(fc.property(codeMinutes, (codes) => {
      const r = cmsTotalTimeUnits(codes);
      for (const c of codes) {
        const u = r.units.get(c.code) ?? -1;
        expect(u).toBeGreaterThanOrEqual(Math.floor(c.minutes / 15));
        expect(u).toBeLessThanOrEqual(Math.ceil(c.minutes / 15));
      }
    }));
  });

  it('CMS: adding minutes to a code never lowers the visit\'s units', () => {
    fc.assert(fc.property(codeMinutes.filter((c) => c.length > 0), fc.integer({ min: 1, max: 30 }), (codes, extra) => {
      const before = [...cmsTotalTimeUnits(codes).units.values()].reduce((s, u) => s + u, 0);
      const more = codes.map((c, i) => (i === 0 ? { ...c, minutes: c.minutes + extra } : c));
      const after = [...cmsTotalTimeUnits(more).units.values()].reduce((s, u) => s + u, 0);
      expect(after).toBeGreaterThanOrEqual(before);
    }));
  });

  it('per code: each code gets exactly, and never more than, the units of its own minutes', () => {
    fc.assert(fc.property(codeMinutes, (codes) => {
      const r = perCodeUnits(codes);
      for (const c of codes) expect(r.units.get(c.code)).toBe(unitsForMinutes(c.minutes));
    }));
  });

  it('both methods: the allocation does not depend on the order of the codes', () => {
    fc.assert(fc.property(codeMinutes, fc.integer(), (codes, seed) => {
      const shuffled = shuffle(codes, seed);
      expect(cmsTotalTimeUnits(shuffled).units).toEqual(cmsTotalTimeUnits(codes).units);
      expect(cmsTotalTimeUnits(shuffled).steps).toEqual(cmsTotalTimeUnits(codes).steps);
      expect(perCodeUnits(shuffled).units).toEqual(perCodeUnits(codes).units);
    }));
  });
});

const KINDS: ServiceKind[] = ['therapeutic_exercise', 'therapeutic_activity', 'neuromuscular_reeducation', 'gait_training', 'manual_therapy', 'massage', 'self_care', 'hot_cold_pack', 'cmt', 'unknown'];
const TEXTS = ['seated leg press', 'sit-to-stand practice', 'single-leg stance on foam', 'gait training', 'myofascial release', 'effleurage', 'dressing with reacher', 'hot pack', 'adjustment', 'strengthening exercises'];
const REGIONS = ['knee', 'shoulder', 'cervical', 'lumbar', 'thoracic', 'hip', 'wrist'];

const clock = fc.integer({ min: 8 * 60, max: 17 * 60 }).map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);

const ledgerEntry = (i: number): fc.Arbitrary<LedgerEntry> =>
  fc.record({
    kindHint: fc.constantFrom(...KINDS),
    intervention: fc.constantFrom(...TEXTS),
    bodyRegions: fc.subarray(REGIONS, { maxLength: 3 }),
    side: fc.constantFrom('left', 'right', 'bilateral', null),
    parameters: fc.constantFrom<string[][]>([], ['3 x 10']),
    minutes: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
    startTime: fc.option(clock, { nil: null }),
    stopTime: fc.option(clock, { nil: null }),
    linkedGoal: fc.constantFrom(null, 'goal'),
    outcome: fc.constantFrom(null, 'improved'),
    deficit: fc.constantFrom(null, 'SLS 5 s', 'balance deficits'),
  }).map((r) => ({ id: `b${i}`, skilledCues: [], purpose: null, evidence: [`u${i + 1}`], ...r }));

const visitArb: fc.Arbitrary<VisitInput> = fc
  .record({
    discipline: fc.constantFrom('pt', 'ot', 'chiro', 'massage', 'slp'),
    noteType: fc.constantFrom('daily', 'evaluation', 'reevaluation', 'progress'),
    payer: fc.constantFrom('medicare', 'medicaid', 'commercial', 'auto', 'workers_comp', 'self_pay'),
    complexity: fc.constantFrom('low', 'moderate', 'high', null),
    n: fc.integer({ min: 0, max: 6 }),
    diagnoses: fc.subarray(['S39.012', 'M54.50', 'S13.4XXA', 'F80.0', 'M17.11']),
    referral: fc.constantFrom(null, { onFile: true }, { onFile: false }),
  })
  .chain((v) =>
    fc.tuple(...Array.from({ length: v.n }, (_, i) => ledgerEntry(i))).map((ledger): VisitInput => ({
      discipline: v.discipline, noteType: v.noteType, payer: { type: v.payer },
      diagnoses: v.diagnoses.map((icd10) => ({ icd10 })), goals: [{ text: 'goal' }], referral: v.referral,
      evaluationComplexity: v.complexity, ledger,
      measures: [
        { kind: 'strength', name: 'MMT', value: '4/5', baseline: '3/5', side: 'right', evidence: ['u20'] },
        { kind: 'neuromotor', name: 'SLS', value: '6 s', baseline: null, side: 'left', evidence: ['u0'] },
      ],
      bodyParts: [{ region: 'knee', side: null, evidence: ['u30'] }, { region: 'hip', side: 'left', evidence: ['u31'] }],
      speechUtteranceCount: 10,
    })),
  );

describe('engine properties', () => {
  it('coding does not depend on the order of any list in the visit', () => {
    fc.assert(fc.property(visitArb, fc.integer(), (v, seed) => {
      const shuffled: VisitInput = {
        ...v,
        ledger: shuffle(v.ledger, seed), measures: shuffle(v.measures, seed + 1),
        bodyParts: shuffle(v.bodyParts, seed + 2), diagnoses: shuffle(v.diagnoses, seed + 3), goals: shuffle(v.goals, seed + 4),
      };
      expect(codeVisit(shuffled)).toEqual(codeVisit(v));
    }), { numRuns: 300 });
  });

  it('the dev fixtures code the same in any order', () => {
    for (const { input } of devFixtures()) {
      for (const seed of [1, 2, 3]) {
        expect(codeVisit({ ...input, ledger: shuffle(input.ledger, seed), measures: shuffle(input.measures, seed), bodyParts: shuffle(input.bodyParts, seed) })).toEqual(codeVisit(input));
      }
    }
  });

  it('CMS visits never bill more units than their total timed minutes allow; per-code lines never more than their own minutes', () => {
    fc.assert(fc.property(visitArb, (v) => {
      const r = codeVisit(v);
      const timed = r.lines.filter((l) => l.minutes !== null);
      if (r.unitMethod === 'cms_total_time') {
        expect(timed.reduce((s, l) => s + l.units, 0)).toBeLessThanOrEqual(unitsForMinutes(r.totalTimedMinutes));
      } else {
        for (const l of timed) expect(l.units).toBeLessThanOrEqual(unitsForMinutes(l.minutes ?? 0));
      }
      for (const l of r.lines) expect(l.units).toBeGreaterThan(0);
      for (const l of r.lines.filter((x) => x.minutes === null)) expect(l.units).toBe(1);
    }), { numRuns: 300 });
  });
});

/** Deterministic Fisher-Yates with a small LCG, so a failing seed replays. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = (seed >>> 0) || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
