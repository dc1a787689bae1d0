/**
 * Rules sharpened on visits the engine had not seen (held-out set A): each test names its
 * DOMAIN.md source. The ledger entries are what a correct extraction of such a visit holds.
 */
import { describe, expect, it } from 'vitest';
import { codeVisit } from '../src/index.ts';
import { checkIds, codes, entry, visit } from './support.ts';

describe('a purpose said with an isolated exercise does not change its code (DOMAIN.md 3.1 V8, 2.3 "one question")', () => {
  it('seated leg press for quad strength toward independent stair climbing is 97110, not 97530', () => {
    const r = codeVisit(visit({ ledger: [entry({
      intervention: 'seated leg press, 40 lb, 3x15, for quad strength toward independent stair climbing',
      kindHint: 'therapeutic_exercise', minutes: 18, startTime: '10:05', stopTime: '10:23',
    })] }));
    expect(codes(r)).toEqual(['97110x1']);
  });

  it('the clean extraction (purpose in its own field) codes the same', () => {
    const r = codeVisit(visit({ ledger: [entry({
      intervention: 'seated leg press, 40 lb, 3x15', purpose: 'quad strength toward independent stair climbing',
      linkedGoal: 'quad strength toward independent stair climbing', minutes: 18, startTime: '10:05', stopTime: '10:23',
    })] }));
    expect(codes(r)).toEqual(['97110x1']);
  });

  it('step-up and step-down practice targeting stair negotiation stays 97530 (V8: the activity is the task)', () => {
    const r = codeVisit(visit({ ledger: [entry({ intervention: 'step-up and step-down practice on the stairs targeting stair negotiation', kindHint: 'therapeutic_activity' })] }));
    expect(codes(r)).toEqual(['97530x1']);
  });
});

describe('same_region_overlap: the anterior chest wall is not the thoracic spine (DOMAIN.md 2.5, 2.6 T27, 2.9 S29.012A)', () => {
  const massage = (regions: string[]) => entry({ intervention: 'effleurage and petrissage', kindHint: 'massage', bodyRegions: regions, side: null, minutes: 24 });
  const mfr = (regions: string[]) => entry({ intervention: 'myofascial release', kindHint: 'manual_therapy', bodyRegions: regions, side: null, minutes: 14 });

  it('chest-wall massage with cervical myofascial release: distinct regions', () => {
    const r = codeVisit(visit({ payer: { type: 'auto' }, referral: { onFile: true }, discipline: 'massage', ledger: [massage(['chest_wall']), mfr(['cervical'])] }));
    expect(checkIds(r)).not.toContain('same_region_overlap');
  });

  it('chest-wall massage with myofascial release to the pectorals: the same region', () => {
    const r = codeVisit(visit({ payer: { type: 'auto' }, referral: { onFile: true }, discipline: 'massage', ledger: [massage(['chest_wall']), mfr(['pectoralis'])] }));
    expect(checkIds(r)).toContain('same_region_overlap');
  });

  it('upper-back massage with thoracic mobilization: still the same region', () => {
    const r = codeVisit(visit({ payer: { type: 'auto' }, referral: { onFile: true }, discipline: 'massage', ledger: [massage(['upper_back']), mfr(['thoracic'])] }));
    expect(checkIds(r)).toContain('same_region_overlap');
  });
});

describe('missing_laterality: a side said for the limb covers its parts (DOMAIN.md 2.6 T6)', () => {
  it('right shoulder treated, elbow mentioned without a side: no finding', () => {
    const r = codeVisit(visit({ bodyParts: [{ region: 'elbow', side: null, evidence: ['u8'] }], ledger: [entry({ bodyRegions: ['shoulder'], side: 'right' })] }));
    expect(checkIds(r)).not.toContain('missing_laterality');
  });

  it('a side on the other limb does not cover it: left knee treated, shoulder never sided', () => {
    const r = codeVisit(visit({ bodyParts: [{ region: 'shoulder', side: null, evidence: ['u3'] }], ledger: [entry({ bodyRegions: ['knee'], side: 'left' })] }));
    expect(checkIds(r)).toContain('missing_laterality');
  });
});

describe('vague_intervention: what specificity means per code (DOMAIN.md 2.4, 2.7)', () => {
  it('97530 dressing practice with skilled cues and no sets or reps is specific (skilled direction is its dose)', () => {
    const r = codeVisit(visit({ discipline: 'ot', ledger: [entry({ intervention: 'upper-body dressing practice, blouse', kindHint: 'therapeutic_activity', parameters: [], skilledCues: ['weak arm into the sleeve first'] })] }));
    expect(checkIds(r)).not.toContain('vague_intervention');
  });

  it('97110 without parameters is still vague, cues or not', () => {
    const r = codeVisit(visit({ ledger: [entry({ intervention: 'seated leg press', parameters: [], skilledCues: ['slow on the way down'] })] }));
    expect(checkIds(r)).toContain('vague_intervention');
  });

  it('92507 with trials and accuracy as its result is specific', () => {
    const r = codeVisit(visit({ discipline: 'slp', ledger: [entry({ intervention: 'overarticulation and pacing with a pacing board', kindHint: 'speech_language_treatment', parameters: [], skilledCues: [], outcome: '34 of 40 sentences intelligible' })] }));
    expect(checkIds(r)).not.toContain('vague_intervention');
  });

  it('a generic 97530 name stays vague whatever the cues ("functional activity training", 2.7)', () => {
    const r = codeVisit(visit({ ledger: [entry({ intervention: 'functional activity training', kindHint: 'therapeutic_activity', parameters: [], skilledCues: ['cues'] })] }));
    expect(checkIds(r)).toContain('vague_intervention');
  });
});
