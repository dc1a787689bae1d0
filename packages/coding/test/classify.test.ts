/**
 * Intervention -> code: the DOMAIN.md 2.3 tests, table-driven. Each row names the test it
 * exercises. Lines are read through codeVisit so the whole path is covered.
 */
import { describe, expect, it } from 'vitest';
import { codeVisit, type LedgerEntry, type Measure } from '../src/index.ts';
import { codes, entry, lineOf, visit } from './support.ts';

type Row = [string, Partial<LedgerEntry>, string | null];

const rows: Row[] = [
  // Functional performance standard / "regardless of the strength component" [000/VS]
  ['sit-to-stand hinted as exercise -> 97530 (2.3 functional tasks)', { intervention: 'sit-to-stand from a low chair, 3 x 10', kindHint: 'therapeutic_exercise' }, '97530'],
  ['stair negotiation hinted as exercise -> 97530', { intervention: 'reciprocal stair negotiation with handrail, 3 x 8 steps', kindHint: 'therapeutic_exercise' }, '97530'],
  ['kitchen simulation -> 97530', { intervention: 'kitchen simulation: retrieving pots from a low cabinet', kindHint: 'therapeutic_exercise' }, '97530'],
  ['work task replication -> 97530', { intervention: 'work simulation: lifting crates from floor to waist', kindHint: 'unknown' }, '97530'],
  // Position is not function; T5 [000/VS]
  ['standing band exercise hinted as activity -> 97110 (2.3 position is not function, T5)', { intervention: 'standing band hip abduction 3 x 12', kindHint: 'therapeutic_activity' }, '97110'],
  ['isolated strengthening hinted as exercise stays 97110 (one-word test)', { intervention: 'seated resisted shoulder external rotation 3 x 12, 3 lb', kindHint: 'therapeutic_exercise', bodyRegions: ['shoulder'] }, '97110'],
  ['OT grip strengthening -> 97110 ([000/VS] OT 97110)', { intervention: 'putty grip strengthening', kindHint: 'unknown', bodyRegions: ['hand'] }, '97110'],
  // 97112 gate [001/112]
  ['balance work hinted as exercise with a measured deficit -> 97112 (2.3 gate)', { intervention: 'single-leg stance on foam', kindHint: 'therapeutic_exercise', deficit: 'SLS right 6 s vs left 24 s' }, '97112'],
  ['balance work hinted as exercise without a measured deficit stays 97110 (2.3 gate)', { intervention: 'single-leg stance on foam', kindHint: 'therapeutic_exercise', deficit: 'generalized weakness' }, '97110'],
  ['unclassified balance work with deconditioning cited -> 97110, not 97112 (T10)', { intervention: 'tandem stance', kindHint: 'unknown', deficit: 'deconditioning after 3 months bed rest' }, '97110'],
  ['drafter said NMR: stays 97112 even with an activity-forward note (the gate is a check)', { intervention: 'foam balance training', kindHint: 'neuromuscular_reeducation' }, '97112'],
  ['V3 wording "as therapeutic activity" under NMR is not reclassified (2.14 item 6)', { intervention: 'star excursion balance test as therapeutic activity', kindHint: 'neuromuscular_reeducation', deficit: 'SEBT 71% LSI' }, '97112'],
  // Gait, ADL
  ['gait training -> 97116', { intervention: 'gait training with rolling walker, 150 ft x 2', kindHint: 'gait_training' }, '97116'],
  ['gait named without a hint -> 97116', { intervention: 'gait training on level surfaces', kindHint: 'unknown' }, '97116'],
  ['ADL training -> 97535', { intervention: 'lower-body dressing with sock aid and reacher', kindHint: 'unknown' }, '97535'],
  // 97124 vs 97140 by technique [003/AUTO]
  ['effleurage hinted as manual therapy -> 97124 (technique decides)', { intervention: 'effleurage and petrissage to the upper trapezius', kindHint: 'manual_therapy', bodyRegions: ['upper_trapezius'] }, '97124'],
  ['myofascial release hinted as massage -> 97140 (technique decides)', { intervention: 'myofascial release to the thoracolumbar fascia', kindHint: 'massage', bodyRegions: ['lumbar'] }, '97140'],
  ['joint mobilization -> 97140', { intervention: 'posterior glide joint mobilization grade III', kindHint: 'manual_therapy' }, '97140'],
  ['manual lymphatic drainage -> 97140', { intervention: 'manual lymphatic drainage to the forearm', kindHint: 'unknown', bodyRegions: ['forearm'] }, '97140'],
  ['pin-and-stretch -> 97140', { intervention: 'pin-and-stretch to the hamstrings', kindHint: 'unknown', bodyRegions: ['hamstring'] }, '97140'],
  ['tapotement -> 97124', { intervention: 'tapotement over the paraspinals', kindHint: 'unknown', bodyRegions: ['lumbar'] }, '97124'],
  // Modalities and others
  ['hot pack -> 97010', { intervention: 'moist heat', kindHint: 'hot_cold_pack', minutes: null }, '97010'],
  ['unattended e-stim (commercial) -> 97014', { intervention: 'IFC to low back', kindHint: 'unattended_estim', minutes: null }, '97014'],
  ['ultrasound -> 97035', { intervention: 'ultrasound 1 MHz 1.0 W/cm2', kindHint: 'ultrasound' }, '97035'],
  ['iontophoresis named without a hint -> 97033', { intervention: 'iontophoresis with dexamethasone', kindHint: 'unknown' }, '97033'],
  ['attended e-stim -> 97032', { intervention: 'NMES to quadriceps', kindHint: 'attended_estim' }, '97032'],
  ['group therapy -> 97150', { intervention: 'group balance class', kindHint: 'group_therapy', minutes: null }, '97150'],
  ['physical performance test -> 97750', { intervention: 'functional capacity testing', kindHint: 'physical_performance_test' }, '97750'],
  ['new orthosis fitting and training -> 97760', { intervention: 'new wrist splint fitting and wear schedule', kindHint: 'orthotic_prosthetic_training' }, '97760'],
  ['later orthotic training -> 97763', { intervention: 'splint adjustment and wear check', kindHint: 'orthotic_prosthetic_training' }, '97763'],
  ['an undescribable block is not coded', { intervention: 'stuff', kindHint: 'unknown' }, null],
];

describe('classification (DOMAIN.md 2.3)', () => {
  it.each(rows)('%s', (_name, over, expected) => {
    const r = codeVisit(visit({ payer: { type: 'commercial' }, ledger: [entry({ minutes: 20, ...over })] }));
    expect(r.lines.map((l) => l.code)).toEqual(expected ? [expected] : []);
    if (expected) expect(lineOf(r, expected)?.rationale).not.toBe('');
  });

  it('Medicare reports unattended e-stim as G0283', () => {
    const r = codeVisit(visit({ ledger: [entry({ intervention: 'TENS', kindHint: 'unattended_estim', minutes: null })] }));
    expect(r.lines.map((l) => l.code)).toEqual(['G0283']);
  });

  it('a neuromotor measure taken after the block does not count as a deficit documented first (2.4 deficit-first)', () => {
    const late: Measure = { kind: 'neuromotor', name: 'SLS', value: '6 s', baseline: null, side: 'right', evidence: ['u40'] };
    const early: Measure = { ...late, evidence: ['u2'] };
    const block = entry({ intervention: 'single-leg stance on foam', kindHint: 'therapeutic_exercise', evidence: ['u10'] });
    expect(codeVisit(visit({ payer: { type: 'commercial' }, measures: [late], ledger: [block] })).lines[0]?.code).toBe('97110');
    expect(codeVisit(visit({ payer: { type: 'commercial' }, measures: [early], ledger: [block] })).lines[0]?.code).toBe('97112');
  });

  it('rationales never echo the transcript words, only the matched clinical label', () => {
    const r = codeVisit(visit({ ledger: [entry({ intervention: 'Walt did the seated leg press 3 x 15' })] }));
    expect(lineOf(r, '97110')?.rationale).not.toMatch(/Walt/);
    expect(lineOf(r, '97110')?.rationale).toMatch(/leg press/);
  });
});

describe('SLP (DOMAIN.md 2.13)', () => {
  it.each([
    ['speech treatment -> 92507', { intervention: '/k/ in words', kindHint: 'speech_language_treatment' }, '92507'],
    ['swallowing treatment -> 92526', { intervention: 'thin liquid trials', kindHint: 'swallowing_treatment' }, '92526'],
    ['group speech -> 92508', { intervention: 'social language group', kindHint: 'speech_language_group' }, '92508'],
    ['SLP block without a hint about swallowing -> 92526', { intervention: 'effortful swallow with puree trials', kindHint: 'unknown' }, '92526'],
    ['SLP oral-motor exercise hint -> 92507 (SLP bills its own codes)', { intervention: 'tongue elevation drills', kindHint: 'therapeutic_exercise' }, '92507'],
  ] as [string, Partial<LedgerEntry>, string][])('%s', (_n, over, expected) => {
    const r = codeVisit(visit({ discipline: 'slp', ledger: [entry({ minutes: null, parameters: ['10 trials'], ...over })] }));
    expect(r.lines.map((l) => l.code)).toEqual([expected]);
  });
});

describe('chiropractic CMT counts distinct spinal regions (DOMAIN.md 2.13 [outside seeds])', () => {
  const cmt = (regions: string[][]) =>
    codeVisit(visit({ discipline: 'chiro', payer: { type: 'commercial' }, ledger: regions.map((r) => entry({ intervention: 'diversified adjustment', kindHint: 'cmt', bodyRegions: r, side: null, minutes: null })) }));
  it.each([
    [[['cervical']], ['98940x1']],
    [[['cervical', 'thoracic']], ['98940x1']],
    [[['cervical'], ['cervical', 'neck']], ['98940x1']],
    [[['cervical', 'thoracic', 'lumbar']], ['98941x1']],
    [[['cervical'], ['upper_thoracic'], ['lumbar'], ['sacroiliac']], ['98941x1']],
    [[['cervical', 'thoracic', 'lumbar', 'sacral', 'pelvic']], ['98942x1']],
    [[['lumbar', 'shoulder']], ['98940x1', '98943x1']],
    [[['knee']], ['98943x1']],
  ])('%j -> %j', (regions, expected) => {
    expect(codes(cmt(regions))).toEqual(expected);
  });
  it('CMT without regions is not coded and the explanation asks for them', () => {
    const r = cmt([[]]);
    expect(r.lines).toEqual([]);
    expect(r.explanation.join(' ')).toMatch(/name the regions/);
  });
});
