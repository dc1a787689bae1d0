/**
 * Visits of my own beyond the dev set, for disciplines, payers and rules the 12 cases do not
 * cover. Each expectation is derived by hand from the named rule, not from the engine's output.
 */
import { describe, expect, it } from 'vitest';
import { codeVisit } from '../src/index.ts';
import { checkIds, entry, lineOf, visit } from './support.ts';

const summary = (r: ReturnType<typeof codeVisit>) => r.lines.map((l) => `${l.code}x${l.units}[${l.modifiers.join(',')}]`);

describe('extra visits', () => {
  it('PT Medicare, gait 22 min + sit-to-stand 10 min: CMS gives the second unit to the 10 remaining minutes; XU on 97116 (NCCI 97530/97116)', () => {
    // 32 min -> 2 units; 97116 has 1 whole unit and 7 left, 97530 has 10 left: 97530 gets the second unit.
    const r = codeVisit(visit({
      measures: [{ kind: 'functional', name: 'gait speed', value: '0.8 m/s', baseline: '0.6 m/s', side: null, evidence: ['u3'] }],
      bodyParts: [{ region: 'knee', side: 'right', evidence: ['u1'] }],
      ledger: [
        entry({ intervention: 'gait training with single-point cane on level ground and ramp', kindHint: 'gait_training', parameters: ['300 ft x 2', 'ramp x 2'], minutes: null, startTime: '09:00', stopTime: '09:22' }),
        entry({ intervention: 'sit-to-stand from a 17-inch chair without armrests', kindHint: 'therapeutic_activity', parameters: ['3 x 8'], minutes: null, startTime: '09:22', stopTime: '09:32' }),
      ],
    }));
    expect(summary(r)).toEqual(['97116x1[GP,XU]', '97530x1[GP]']);
    expect(r.totalTimedMinutes).toBe(32);
    expect(checkIds(r)).toEqual(['modifier_59_consideration']);
  });

  it('OT workers\' comp, per code: putty 12 min + ADL 25 min = 1 + 2; the hand is never given a side', () => {
    const r = codeVisit(visit({
      discipline: 'ot', payer: { type: 'workers_comp' }, diagnoses: [{ icd10: 'S62.101D' }],
      ledger: [
        entry({ intervention: 'putty grip strengthening, medium resistance', bodyRegions: ['hand'], side: null, parameters: ['3 x 10'], minutes: 12, startTime: '08:00', stopTime: '08:12' }),
        entry({ intervention: 'one-handed dressing and button hook training', kindHint: 'self_care', bodyRegions: ['hand'], side: null, parameters: ['shirt x 2'], minutes: 25, startTime: '08:12', stopTime: '08:37' }),
      ],
    }));
    expect(summary(r)).toEqual(['97110x1[GO]', '97535x2[GO]']);
    expect(checkIds(r)).toEqual(['missing_laterality']);
  });

  it('chiro Medicare, five spinal regions and the knee: 98942 with AT, 98943 without (Medicare covers spinal CMT only)', () => {
    const r = codeVisit(visit({
      discipline: 'chiro', diagnoses: [{ icd10: 'M99.01' }, { icd10: 'M99.03' }],
      ledger: [
        entry({ intervention: 'diversified adjustments', kindHint: 'cmt', bodyRegions: ['cervical', 'thoracic', 'lumbar', 'sacrum', 'sacroiliac'], side: null, minutes: null }),
        entry({ intervention: 'knee adjustment', kindHint: 'cmt', bodyRegions: ['knee'], side: 'left', minutes: null }),
      ],
    }));
    expect(summary(r)).toEqual(['98942x1[AT]', '98943x1[]']);
    expect(lineOf(r, '98943')?.rationale).toMatch(/spinal CMT/);
    expect(checkIds(r)).toEqual([]);
  });

  it('massage self-pay, 60 minutes of Swedish massage with named techniques: 4 units, no referral needed', () => {
    const r = codeVisit(visit({
      discipline: 'massage', payer: { type: 'self_pay' }, diagnoses: [],
      measures: [{ kind: 'rom', name: 'cervical rotation', value: '70 degrees', baseline: '60 degrees', side: 'left', evidence: ['u5'] }],
      ledger: [entry({ intervention: 'effleurage and petrissage to the back and neck', kindHint: 'massage', bodyRegions: ['thoracic', 'cervical'], side: null, parameters: ['moderate pressure'], minutes: 60, startTime: '16:00', stopTime: '17:00' })],
    }));
    expect(summary(r)).toEqual(['97124x4[]']);
    expect(checkIds(r)).toEqual([]);
  });

  it('SLP evaluation of a speech sound disorder, commercial: 92522 with GN', () => {
    const r = codeVisit(visit({ discipline: 'slp', noteType: 'evaluation', payer: { type: 'commercial' }, diagnoses: [{ icd10: 'F80.0' }], evaluationEvidence: ['u4', 'u9'] }));
    expect(summary(r)).toEqual(['92522x1[GN]']);
    expect(r.lines[0]?.evidence).toEqual(['u4', 'u9']);
  });

  it('PT re-evaluation, Medicare, with stair practice in its own clock block: 97164 + 97530 with XU (NCCI 2020 edit)', () => {
    const r = codeVisit(visit({
      noteType: 'reevaluation',
      ledger: [entry({ intervention: 'step-over-step stair ascent and descent with one rail', kindHint: 'therapeutic_activity', parameters: ['12 steps x 3'], minutes: null, startTime: '11:10', stopTime: '11:28' })],
    }));
    expect(summary(r)).toEqual(['97164x1[GP]', '97530x1[GP,XU]']);
    expect(checkIds(r)).toEqual(['modifier_59_consideration']);
  });

  it('PT Medicaid with overlapping blocks: refused, untimed kept', () => {
    const r = codeVisit(visit({
      payer: { type: 'medicaid' },
      ledger: [
        entry({ minutes: null, startTime: '14:00', stopTime: '14:25' }),
        entry({ intervention: 'posterior glide mobilization', kindHint: 'manual_therapy', minutes: null, startTime: '14:20', stopTime: '14:35' }),
        entry({ intervention: 'ice pack to knee', kindHint: 'hot_cold_pack', minutes: null }),
      ],
    }));
    expect(summary(r)).toEqual(['97010x1[GP]']);
    expect(checkIds(r)).toEqual(['overlapping_time_blocks']);
  });

  it('auto PT visit with a whiplash code missing its 7th character and no referral: both errors, units still suggested', () => {
    const r = codeVisit(visit({
      payer: { type: 'auto' }, diagnoses: [{ icd10: 'S13.4XX' }], referral: { onFile: false },
      bodyParts: [{ region: 'cervical', side: null, evidence: ['u1'] }],
      ledger: [entry({ intervention: 'deep neck flexor training with pressure biofeedback', bodyRegions: ['cervical'], side: null, parameters: ['10 x 10 s at 24 mmHg'], minutes: 23, startTime: '10:00', stopTime: '10:23' })],
    }));
    expect(summary(r)).toEqual(['97110x2[GP]']);
    expect(checkIds(r)).toEqual(['icd10_invalid', 'referral_missing']);
  });
});
