/**
 * Modifiers. Sources: DOMAIN.md 2.5 (59 vs X{EPSU}: Medicare prefers X, XS for a separate
 * structure, XU otherwise; commercial 59; never a modifier on an indicator-0 edit; 97124+97140
 * only on distinct regions [003/AUTO]; NCCI versioning), 2.13 (AT [outside seeds]).
 */
import { describe, expect, it } from 'vitest';
import { codeVisit, NCCI_EDITS, type NcciEdit } from '../src/index.ts';
import { entry, lineOf, visit } from './support.ts';

const exercise = (over = {}) => entry({ minutes: null, startTime: '10:00', stopTime: '10:15', ...over });
const manual = (over = {}) => entry({ intervention: 'joint mobilization grade III', kindHint: 'manual_therapy', minutes: null, startTime: '10:15', stopTime: '10:30', ...over });
const activity = (over = {}) => entry({ intervention: 'sit-to-stand practice from low chair', kindHint: 'therapeutic_activity', minutes: null, startTime: '10:30', stopTime: '10:45', ...over });

describe('discipline modifiers', () => {
  it.each([['pt', 'GP'], ['ot', 'GO']] as const)('%s lines carry %s', (discipline, mod) => {
    const r = codeVisit(visit({ discipline, ledger: [exercise()] }));
    expect(lineOf(r, '97110')?.modifiers).toEqual([mod]);
  });
  it('SLP lines carry GN', () => {
    const r = codeVisit(visit({ discipline: 'slp', ledger: [entry({ intervention: '/r/ in words', kindHint: 'speech_language_treatment', minutes: null })] }));
    expect(lineOf(r, '92507')?.modifiers).toEqual(['GN']);
  });
  it('evaluation lines carry the discipline modifier too', () => {
    const r = codeVisit(visit({ noteType: 'evaluation', evaluationComplexity: 'high' }));
    expect(r.lines).toMatchObject([{ code: '97163', modifiers: ['GP'] }]);
  });
  it.each(['chiro', 'massage'] as const)('%s lines carry no therapy modifier', (discipline) => {
    const r = codeVisit(visit({ discipline, payer: { type: 'commercial' }, referral: { onFile: true }, ledger: [entry({ intervention: 'effleurage', kindHint: 'massage', minutes: 20, bodyRegions: ['lumbar'] })] }));
    expect(lineOf(r, '97124')?.modifiers).toEqual([]);
  });
});

describe('distinct-procedure modifiers on NCCI pairs (indicator 1)', () => {
  it('Medicare, separate time blocks on the same region: XU on the column 2 code', () => {
    const r = codeVisit(visit({ ledger: [manual(), activity()] }));
    expect(lineOf(r, '97530')?.modifiers).toEqual(['GP', 'XU']);
    expect(lineOf(r, '97140')?.modifiers).toEqual(['GP']);
    expect(lineOf(r, '97530')?.rationale).toMatch(/separate clock times/);
  });
  it('Medicare, distinct regions: XS', () => {
    const r = codeVisit(visit({ ledger: [manual({ bodyRegions: ['shoulder'] }), activity({ bodyRegions: ['knee'] })] }));
    expect(lineOf(r, '97530')?.modifiers).toEqual(['GP', 'XS']);
  });
  it('the same right and left structure are distinct regions', () => {
    const r = codeVisit(visit({ ledger: [manual({ bodyRegions: ['knee'], side: 'left' }), activity({ bodyRegions: ['knee'], side: 'right' })] }));
    expect(lineOf(r, '97530')?.modifiers).toContain('XS');
  });
  it('commercial: 59', () => {
    const r = codeVisit(visit({ payer: { type: 'commercial' }, ledger: [manual(), activity()] }));
    expect(lineOf(r, '97530')?.modifiers).toEqual(['GP', '59']);
  });
  it('Medicare style can be switched to 59 per payer', () => {
    const r = codeVisit(visit({ ledger: [manual(), activity()] }), { distinctModifierByPayer: { medicare: '59' } });
    expect(lineOf(r, '97530')?.modifiers).toEqual(['GP', '59']);
  });
  it('no separate clock times and no distinct regions: no modifier, and the check says what is missing', () => {
    const r = codeVisit(visit({ payer: { type: 'commercial' }, ledger: [manual({ startTime: null, stopTime: null, minutes: 15 }), activity({ startTime: null, stopTime: null, minutes: 15 })] }));
    expect(lineOf(r, '97530')?.modifiers).toEqual(['GP']);
    expect(r.checks.find((c) => c.id === 'modifier_59_consideration')?.message).toMatch(/needs separate clock times or distinct regions/);
  });
  it('97124 + 97140 on the same region: no modifier (only distinct regions allow it)', () => {
    const r = codeVisit(visit({ discipline: 'massage', payer: { type: 'auto' }, referral: { onFile: true }, ledger: [
      entry({ intervention: 'effleurage', kindHint: 'massage', bodyRegions: ['cervical'], side: null, minutes: 15, startTime: '10:00', stopTime: '10:15' }),
      entry({ intervention: 'myofascial release', kindHint: 'manual_therapy', bodyRegions: ['suboccipitals'], side: null, minutes: 15, startTime: '10:15', stopTime: '10:30' }),
    ] }));
    expect(lineOf(r, '97124')?.modifiers).toEqual([]);
  });
  it('97124 + 97140 on distinct regions: 59 on 97124 (column 2)', () => {
    const r = codeVisit(visit({ discipline: 'massage', payer: { type: 'auto' }, referral: { onFile: true }, ledger: [
      entry({ intervention: 'effleurage', kindHint: 'massage', bodyRegions: ['lumbar'], side: null, minutes: 15 }),
      entry({ intervention: 'myofascial release', kindHint: 'manual_therapy', bodyRegions: ['cervical'], side: null, minutes: 15 }),
    ] }));
    expect(lineOf(r, '97124')?.modifiers).toEqual(['59']);
  });
  it('CMT + 97140 on the shoulder (commercial): 59 on 97140', () => {
    const r = codeVisit(visit({ discipline: 'chiro', payer: { type: 'commercial' }, ledger: [
      entry({ intervention: 'adjustment', kindHint: 'cmt', bodyRegions: ['cervical', 'lumbar'], side: null, minutes: null }),
      entry({ intervention: 'myofascial release', kindHint: 'manual_therapy', bodyRegions: ['shoulder'], minutes: 10 }),
    ] }));
    expect(lineOf(r, '97140')?.modifiers).toEqual(['59']);
    expect(lineOf(r, '98940')?.modifiers).toEqual([]);
  });
  it('PT evaluation + 97140 (2020 edit): XU on 97140 when its block has clock times, none without', () => {
    const timed = codeVisit(visit({ noteType: 'evaluation', evaluationComplexity: 'low', ledger: [manual()] }));
    expect(lineOf(timed, '97140')?.modifiers).toEqual(['GP', 'XU']);
    expect(lineOf(timed, '97161')?.modifiers).toEqual(['GP']);
    const untimed = codeVisit(visit({ noteType: 'evaluation', evaluationComplexity: 'low', ledger: [manual({ startTime: null, stopTime: null, minutes: 15 })] }));
    expect(lineOf(untimed, '97140')?.modifiers).toEqual(['GP']);
  });
});

describe('versioned edit table (DOMAIN.md 2.5 NCCI mechanics)', () => {
  const zero: NcciEdit = { column1: '97140', column2: '97530', modifierIndicator: 0, effective: '2020-01-01', deletion: null, source: 'test' };
  it('never a modifier on an indicator-0 edit; the check says no modifier can bypass it', () => {
    const r = codeVisit(visit({ ledger: [manual(), activity()] }), { ncciEdits: [zero] });
    expect(lineOf(r, '97530')?.modifiers).toEqual(['GP']);
    expect(r.checks.find((c) => c.id === 'modifier_59_consideration')?.message).toMatch(/indicator 0: no modifier/);
  });
  it('an edit applies only between its effective and deletion dates', () => {
    const dated: NcciEdit = { ...zero, modifierIndicator: 1, effective: '2024-01-01', deletion: '2025-01-01' };
    const on = (dateOfService: string) => lineOf(codeVisit(visit({ dateOfService, ledger: [manual(), activity()] }), { ncciEdits: [dated] }), '97530')?.modifiers;
    expect(on('2023-12-31')).toEqual(['GP']);
    expect(on('2024-06-01')).toEqual(['GP', 'XU']);
    expect(on('2025-01-01')).toEqual(['GP']);
  });
  it('the January 2020 evaluation/97530 edit was deleted: no modifier on 97530 after an evaluation', () => {
    expect(NCCI_EDITS.some((e) => e.column1 === '97161' && e.column2 === '97530' && e.deletion === '2020-01-01')).toBe(true);
    const r = codeVisit(visit({ noteType: 'evaluation', evaluationComplexity: 'moderate', ledger: [activity()] }));
    expect(lineOf(r, '97530')?.modifiers).toEqual(['GP']);
  });
  it('every bundled edit names its source and has a valid indicator and dates', () => {
    for (const e of NCCI_EDITS) {
      expect([0, 1, 9]).toContain(e.modifierIndicator);
      expect(e.effective).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(e.deletion === null || /^\d{4}-\d{2}-\d{2}$/.test(e.deletion)).toBe(true);
      expect(e.source.length).toBeGreaterThan(10);
    }
  });
});

describe('payer-policy pairs (97110+97530: "some payers require Modifier 59" [000/M59])', () => {
  it('no modifier by default, a payer note in the check', () => {
    const r = codeVisit(visit({ payer: { type: 'commercial' }, ledger: [exercise(), activity()] }));
    expect(lineOf(r, '97530')?.modifiers).toEqual(['GP']);
    expect(r.checks.find((c) => c.id === 'modifier_59_consideration')?.message).toMatch(/Some payers require modifier 59/);
  });
  it('a configured payer rule puts 59 on the named code', () => {
    const r = codeVisit(visit({ payer: { type: 'commercial', name: 'Blue Plan' }, ledger: [exercise(), activity()] }), {
      payerModifierRules: [{ payerName: 'blue plan', codes: ['97110', '97530'], modifierOn: '97530' }],
    });
    expect(lineOf(r, '97530')?.modifiers).toEqual(['GP', '59']);
  });
  it('a rule for another payer does not apply', () => {
    const r = codeVisit(visit({ payer: { type: 'commercial', name: 'Other Plan' }, ledger: [exercise(), activity()] }), {
      payerModifierRules: [{ payerName: 'blue plan', codes: ['97110', '97530'], modifierOn: '97530' }],
    });
    expect(lineOf(r, '97530')?.modifiers).toEqual(['GP']);
  });
});

describe('AT for Medicare CMT (outside seeds: active/corrective treatment)', () => {
  const cmtVisit = (goals: { text: string }[]) =>
    codeVisit(visit({ discipline: 'chiro', goals, ledger: [entry({ intervention: 'adjustment', kindHint: 'cmt', bodyRegions: ['lumbar'], side: null, minutes: null })] }));
  it('AT with plan goals', () => {
    expect(lineOf(cmtVisit([{ text: 'Sit 1 hour with pain 2/10' }]), '98940')?.modifiers).toEqual(['AT']);
  });
  it('no AT without goals, and the rationale says why', () => {
    const line = lineOf(cmtVisit([]), '98940');
    expect(line?.modifiers).toEqual([]);
    expect(line?.rationale).toMatch(/maintenance/);
  });
});
