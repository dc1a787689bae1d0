/**
 * Documentation checks, one describe per id of eval/FORMAT.md, each with the DOMAIN.md source
 * of its rule, a case that raises it and a case that must not.
 */
import { describe, expect, it } from 'vitest';
import { codeVisit, type CodingResult } from '../src/index.ts';
import { checkIds, codes, entry, visit } from './support.ts';

const find = (r: CodingResult, id: string) => r.checks.filter((c) => c.id === id);

describe('missing_goal_link (DOMAIN.md 2.6 T1, 2.4)', () => {
  it('raised for a billed timed code with no goal sentence', () => {
    const r = codeVisit(visit({ ledger: [entry({ linkedGoal: null })] }));
    expect(find(r, 'missing_goal_link')).toMatchObject([{ severity: 'warning', codes: ['97110'] }]);
  });
  it('not raised when one block of the code links a goal (same-code blocks share a code)', () => {
    const r = codeVisit(visit({ ledger: [entry({ linkedGoal: null, minutes: 8 }), entry({ minutes: 8 })] }));
    expect(checkIds(r)).not.toContain('missing_goal_link');
  });
  it('not raised for an unbilled timed code or an untimed code', () => {
    const r = codeVisit(visit({ payer: { type: 'commercial' }, ledger: [entry({ linkedGoal: null, minutes: 5 }), entry({ intervention: 'hot pack', kindHint: 'hot_cold_pack', linkedGoal: null })] }));
    expect(checkIds(r)).not.toContain('missing_goal_link');
  });
});

describe('missing_clock_times (eval/FORMAT.md: "a timed code has minutes but no start and stop times"; DOMAIN.md 2.2 "actual start and stop time" [000/VS])', () => {
  it('raised for a timed code with minutes but no clock times', () => {
    expect(find(codeVisit(visit({ ledger: [entry({ minutes: 12 })] })), 'missing_clock_times')).toHaveLength(1);
  });
  it('not raised for a timed block with no time at all: it has no minutes and is not billed (eval/FORMAT.md definition)', () => {
    const r = codeVisit(visit({ payer: { type: 'commercial' }, ledger: [entry({ minutes: null }), entry({ intervention: 'single-leg stance on foam', kindHint: 'neuromuscular_reeducation', deficit: 'SLS 5 s', minutes: 12, startTime: '09:00', stopTime: '09:12' })] }));
    expect(checkIds(r)).not.toContain('missing_clock_times');
  });
  it('raised when one block of a code has clock times and another of the same code only minutes', () => {
    const r = codeVisit(visit({ ledger: [entry({ minutes: 10, startTime: '09:00', stopTime: '09:10' }), entry({ minutes: 8 })] }));
    expect(find(r, 'missing_clock_times')).toMatchObject([{ codes: ['97110'] }]);
  });
  it('not raised with clock times, or for untimed codes', () => {
    const r = codeVisit(visit({ ledger: [entry({ minutes: 12, startTime: '09:00', stopTime: '09:12' }), entry({ intervention: 'ice pack', kindHint: 'hot_cold_pack', minutes: 10 })] }));
    expect(checkIds(r)).not.toContain('missing_clock_times');
  });
});

describe('under_8_minutes (DOMAIN.md 2.2; eval/FORMAT.md codes)', () => {
  it('per code: a 7-minute code earns nothing, is not listed, and is reported', () => {
    const r = codeVisit(visit({ payer: { type: 'commercial' }, ledger: [entry({ minutes: 7 })] }));
    expect(r.lines).toEqual([]);
    expect(find(r, 'under_8_minutes')).toMatchObject([{ severity: 'info', codes: ['97110'] }]);
  });
  it('CMS: a 7-minute code that the total carries is billed and not reported', () => {
    const r = codeVisit(visit({ ledger: [entry({ minutes: 33 }), entry({ intervention: 'joint mobilization', kindHint: 'manual_therapy', minutes: 7 })] }));
    expect(codes(r)).toEqual(['97110x2', '97140x1']);
    expect(checkIds(r)).not.toContain('under_8_minutes');
  });
  it('CMS: an 8-minute code can still earn nothing when the total gives its unit to another code', () => {
    const r = codeVisit(visit({ ledger: [entry({ minutes: 9 }), entry({ intervention: 'lower-body dressing with reacher', kindHint: 'self_care', minutes: 8 })] }));
    expect(codes(r)).toEqual(['97110x1']);
    expect(find(r, 'under_8_minutes')[0]?.message).toMatch(/total timed minutes support no unit/);
  });
});

describe('modifier_59_consideration (exactly the pairs of eval/FORMAT.md, both billed)', () => {
  const block = (code: string) => {
    switch (code) {
      case '97110': return entry({ minutes: 15 });
      case '97112': return entry({ intervention: 'single-leg stance', kindHint: 'neuromuscular_reeducation', deficit: 'SLS 5 s', minutes: 15 });
      case '97116': return entry({ intervention: 'gait training 200 ft', kindHint: 'gait_training', minutes: 15 });
      case '97124': return entry({ intervention: 'petrissage', kindHint: 'massage', bodyRegions: ['lumbar'], minutes: 15 });
      case '97140': return entry({ intervention: 'joint mobilization', kindHint: 'manual_therapy', bodyRegions: ['shoulder'], minutes: 15 });
      case '97150': return entry({ intervention: 'group class', kindHint: 'group_therapy', minutes: null });
      case '97530': return entry({ intervention: 'sit-to-stand practice', kindHint: 'therapeutic_activity', minutes: 15 });
      case '97535': return entry({ intervention: 'dressing with sock aid', kindHint: 'self_care', minutes: 15 });
      case '97010': return entry({ intervention: 'hot pack', kindHint: 'hot_cold_pack', minutes: null });
      case 'cmt': return entry({ intervention: 'adjustment', kindHint: 'cmt', bodyRegions: ['lumbar'], minutes: null });
      default: throw new Error(code);
    }
  };
  const pairs: [string, string[], Partial<Parameters<typeof visit>[0]>, string[]][] = [
    ['97110+97530', ['97110', '97530'], {}, ['97110', '97530']],
    ['97110+97112', ['97110', '97112'], {}, ['97110', '97112']],
    ['97110+97140', ['97110', '97140'], {}, ['97110', '97140']],
    ['97140+97530', ['97140', '97530'], {}, ['97140', '97530']],
    ['97116+97530', ['97116', '97530'], {}, ['97116', '97530']],
    ['97124+97140', ['97124', '97140'], { discipline: 'massage' }, ['97124', '97140']],
    ['CMT+97140', ['cmt', '97140'], { discipline: 'chiro' }, ['97140', '98940']],
    ['CMT+97112', ['cmt', '97112'], { discipline: 'chiro' }, ['97112', '98940']],
    ['CMT+97124', ['cmt', '97124'], { discipline: 'chiro' }, ['97124', '98940']],
    ['PT evaluation+97140', ['97140'], { noteType: 'evaluation', evaluationComplexity: 'moderate' }, ['97140', '97162']],
    ['97164+97530', ['97530'], { noteType: 'reevaluation' }, ['97164', '97530']],
    ['97164+97150', ['97150'], { noteType: 'reevaluation' }, ['97150', '97164']],
  ];
  it.each(pairs)('%s raises it', (_name, blocks, over, expected) => {
    const r = codeVisit(visit({ payer: { type: 'commercial' }, ...over, ledger: blocks.map(block) }));
    expect(find(r, 'modifier_59_consideration').map((c) => c.codes)).toContainEqual(expected);
  });
  it.each([
    ['97112+97530', ['97112', '97530'], {}],
    ['97110+97535', ['97110', '97535'], {}],
    ['97140+97010', ['97140', '97010'], {}],
    ['OT re-evaluation 97168+97530 (not in the list)', ['97530'], { discipline: 'ot', noteType: 'reevaluation' }],
    ['PT evaluation+97110', ['97110'], { noteType: 'evaluation', evaluationComplexity: 'low' }],
  ] as [string, string[], object][])('%s does not', (_name, blocks, over) => {
    const r = codeVisit(visit({ payer: { type: 'commercial' }, ...over, ledger: blocks.map(block) }));
    expect(checkIds(r)).not.toContain('modifier_59_consideration');
  });
  it('not raised when one code of the pair earns no unit', () => {
    const r = codeVisit(visit({ payer: { type: 'commercial' }, ledger: [entry({ minutes: 20 }), entry({ intervention: 'sit-to-stand practice', kindHint: 'therapeutic_activity', minutes: 6 })] }));
    expect(checkIds(r)).not.toContain('modifier_59_consideration');
  });
});

describe('same_region_overlap (DOMAIN.md 2.6 T27, 2.5)', () => {
  const massage = (regions: string[], side: 'left' | 'right' | null = null) => entry({ intervention: 'effleurage', kindHint: 'massage', bodyRegions: regions, side, minutes: 15 });
  const mfr = (regions: string[], side: 'left' | 'right' | null = null) => entry({ intervention: 'myofascial release', kindHint: 'manual_therapy', bodyRegions: regions, side, minutes: 15 });
  it('97124 and 97140 naming the cervical region (V9), through muscle names', () => {
    const r = codeVisit(visit({ discipline: 'massage', payer: { type: 'self_pay' }, ledger: [massage(['upper_trapezius', 'upper_thoracic']), mfr(['suboccipitals'])] }));
    expect(find(r, 'same_region_overlap')).toMatchObject([{ severity: 'error', codes: ['97124', '97140'] }]);
    expect(find(r, 'same_region_overlap')[0]?.message).toMatch(/cervical/);
  });
  it('CMT and 97140 on the lumbar region', () => {
    const r = codeVisit(visit({ discipline: 'chiro', payer: { type: 'commercial' }, ledger: [entry({ intervention: 'adjustment', kindHint: 'cmt', bodyRegions: ['lumbar'], minutes: null }), mfr(['quadratus_lumborum'])] }));
    expect(find(r, 'same_region_overlap')).toMatchObject([{ codes: ['97140', '98940'] }]);
  });
  it('not raised for distinct regions, or for the same limb on opposite sides', () => {
    expect(checkIds(codeVisit(visit({ discipline: 'massage', payer: { type: 'self_pay' }, ledger: [massage(['lumbar']), mfr(['cervical'])] })))).not.toContain('same_region_overlap');
    expect(checkIds(codeVisit(visit({ discipline: 'massage', payer: { type: 'self_pay' }, ledger: [massage(['shoulder'], 'left'), mfr(['shoulder'], 'right')] })))).not.toContain('same_region_overlap');
  });
  it('not raised for pairs that may share a region (97110 + 97140 on the knee)', () => {
    const r = codeVisit(visit({ ledger: [entry({ minutes: 15 }), mfr(['knee'], 'right')] }));
    expect(checkIds(r)).not.toContain('same_region_overlap');
  });
});

describe('missing_laterality (DOMAIN.md 2.6 T6)', () => {
  it('raised when a limb region is never given a side', () => {
    const r = codeVisit(visit({ ledger: [entry({ side: null, bodyRegions: ['shoulder'] })] }));
    expect(find(r, 'missing_laterality')).toMatchObject([{ severity: 'warning', codes: ['97110'] }]);
  });
  it('raised from body-part mentions alone (radiating leg pain, side never said)', () => {
    const r = codeVisit(visit({ bodyParts: [{ region: 'thigh', side: null, evidence: ['u2'] }], ledger: [entry({ bodyRegions: ['lumbar'], side: null })] }));
    expect(find(r, 'missing_laterality')[0]?.evidence).toEqual(['u2']);
  });
  it('not raised when another mention of the same region has a side', () => {
    const r = codeVisit(visit({ bodyParts: [{ region: 'knee', side: 'left', evidence: ['u1'] }], ledger: [entry({ side: null, bodyRegions: ['knee'] })] }));
    expect(checkIds(r)).not.toContain('missing_laterality');
  });
  it('not raised for spinal regions, which have no side', () => {
    const r = codeVisit(visit({ ledger: [entry({ side: null, bodyRegions: ['lumbar', 'cervical'] })] }));
    expect(checkIds(r)).not.toContain('missing_laterality');
  });
  it('raised for a spinal region where a side was pointed at but never named ("upper trap on that side")', () => {
    const pointed = { region: 'upper_trapezius', side: null, evidence: ['u10'], sidePointedAt: true };
    const r = codeVisit(visit({ bodyParts: [pointed], ledger: [entry({ side: null, bodyRegions: ['cervical'] })] }));
    expect(find(r, 'missing_laterality')[0]?.evidence).toEqual(['u10']);
    const named = codeVisit(visit({ bodyParts: [pointed, { region: 'neck', side: 'right', evidence: ['u2'] }], ledger: [entry({ side: null, bodyRegions: ['cervical'] })] }));
    expect(checkIds(named)).not.toContain('missing_laterality');
  });
});

describe('vague_intervention (DOMAIN.md 2.7 red-flag lexicon, 2.4 parameters)', () => {
  it.each([
    ['strengthening exercises', 'therapeutic_exercise'],
    ['shoulder strengthening performed', 'therapeutic_exercise'],
    ['functional activity training', 'therapeutic_activity'],
    ['Functional reaching practice', 'therapeutic_activity'],
    ['Step training', 'therapeutic_activity'],
    ['Kitchen simulation, direct therapist contact.', 'therapeutic_activity'],
    ['stair training performed', 'therapeutic_activity'],
    ['Balance board training', 'neuromuscular_reeducation'],
    ['foam pad standing performed', 'neuromuscular_reeducation'],
    ['Perturbation activities, standing, therapist-assisted.', 'neuromuscular_reeducation'],
    ['massage applied', 'massage'],
    ['manual therapy', 'manual_therapy'],
    ['Sentence generation, 20 trials; also did some conversation practice', 'speech_language_treatment'],
    // set M: "Then we did some cognitive work for the last bit of the session"
    ['did some cognitive work for the last bit of the session', 'speech_language_treatment'],
  ] as const)('"%s" is vague even with parameters', (intervention, kindHint) => {
    const r = codeVisit(visit({ payer: { type: 'commercial' }, ledger: [entry({ intervention, kindHint, parameters: ['3 sets'], bodyRegions: ['knee'] })] }));
    expect(checkIds(r)).toContain('vague_intervention');
  });
  it('a dosed service named specifically but without parameters is vague', () => {
    const r = codeVisit(visit({ ledger: [entry({ intervention: 'seated leg press', parameters: [] })] }));
    expect(find(r, 'vague_intervention')[0]?.message).toMatch(/has no parameters/);
  });
  it('hands-on work without regions is vague', () => {
    const r = codeVisit(visit({ ledger: [entry({ intervention: 'myofascial release', kindHint: 'manual_therapy', bodyRegions: [] })] }));
    expect(find(r, 'vague_intervention')[0]?.message).toMatch(/regions/);
  });
  it.each([
    ['seated resisted shoulder external rotation', ['3 x 12', '3 lb']],
    ['reciprocal stair negotiation with handrail', ['3 x 8 steps']],
    ['single-leg stance on foam', ['3 x 30 s']],
  ])('"%s" with parameters is specific', (intervention, parameters) => {
    const r = codeVisit(visit({ ledger: [entry({ intervention, parameters })] }));
    expect(checkIds(r)).not.toContain('vague_intervention');
  });
  it('"the drainage" in a lymphedema visit names manual lymphatic drainage, a 97140 technique (DOMAIN.md 2.3 [003/AUTO] "MLD")', () => {
    const drainage = entry({ intervention: 'start the drainage at the neck, clear the right armpit, then work down the left arm', kindHint: 'manual_therapy', bodyRegions: ['cervical', 'arm'], parameters: [] });
    expect(checkIds(codeVisit(visit({ discipline: 'ot', ledger: [drainage] })))).not.toContain('vague_intervention');
    const handsOn = entry({ intervention: 'hands-on work to the left arm', kindHint: 'manual_therapy', bodyRegions: ['arm'], parameters: [] });
    expect(checkIds(codeVisit(visit({ discipline: 'ot', ledger: [handsOn] })))).toContain('vague_intervention');
  });
  it('the message never quotes the transcript', () => {
    const r = codeVisit(visit({ ledger: [entry({ intervention: 'strengthening exercises for Walt' })] }));
    expect(JSON.stringify(r.checks)).not.toMatch(/Walt/);
  });
});

describe('missing_measurable_outcome (DOMAIN.md 2.4 "objective outcome measure compared to baseline")', () => {
  it('raised when no block outcome and no fitting measure with a baseline', () => {
    const r = codeVisit(visit({ ledger: [entry({ outcome: null })], measures: [{ kind: 'pain', name: 'pain', value: '3/10', baseline: '6/10', side: null, evidence: ['u1'] }] }));
    expect(find(r, 'missing_measurable_outcome')).toMatchObject([{ codes: ['97110'] }]);
  });
  it('satisfied by a measure of a kind that fits the code, with a baseline', () => {
    const r = codeVisit(visit({ ledger: [entry({ outcome: null })], measures: [{ kind: 'strength', name: 'quad MMT', value: '4/5', baseline: '3+/5', side: 'right', evidence: ['u1'] }] }));
    expect(checkIds(r)).not.toContain('missing_measurable_outcome');
  });
  it('an unmeasured block outcome ("tolerated well") does not count; an assist level does', () => {
    const vague = codeVisit(visit({ ledger: [entry({ outcome: 'tolerated well, feels better' })] }));
    expect(find(vague, 'missing_measurable_outcome')).toHaveLength(1);
    const assist = codeVisit(visit({ ledger: [entry({ intervention: 'sit-to-stand practice', kindHint: 'therapeutic_activity', outcome: 'transfers with minimal assist, from moderate assist' })] }));
    expect(checkIds(assist)).not.toContain('missing_measurable_outcome');
  });
  it('the help a task needed, said as cueing, is a performance level (DOMAIN.md 2.4, 97530 "patient performance level")', () => {
    const task = (outcome: string) => codeVisit(visit({ ledger: [entry({ intervention: 'log roll practice', kindHint: 'therapeutic_activity', outcome })] }));
    expect(checkIds(task("On the first ones she needed the clinician's hand at her shoulder to come up, and by the end verbal cues only, no hands-on help")))
      .not.toContain('missing_measurable_outcome');
    expect(find(task('cued to keep the back straight'), 'missing_measurable_outcome')).toHaveLength(1);
  });
  it('a strength measure does not satisfy 97112', () => {
    const r = codeVisit(visit({ ledger: [entry({ intervention: 'tandem walking', kindHint: 'neuromuscular_reeducation', deficit: 'SLS 4 s', outcome: null })],
      measures: [{ kind: 'strength', name: 'quad MMT', value: '4/5', baseline: '3+/5', side: 'right', evidence: ['u1'] }] }));
    expect(find(r, 'missing_measurable_outcome')).toMatchObject([{ codes: ['97112'] }]);
  });
});

describe('neuromotor_deficit_missing (DOMAIN.md 2.3 gate, 2.6 T9/T10)', () => {
  const nmr = (over = {}) => entry({ intervention: 'tandem walking', kindHint: 'neuromuscular_reeducation', ...over });
  it('raised for 97112 with only "balance deficits"', () => {
    expect(checkIds(codeVisit(visit({ ledger: [nmr({ deficit: 'balance deficits' })] })))).toContain('neuromotor_deficit_missing');
  });
  it('raised for a balance label with a count that is not a neuromotor measure ("2 falls")', () => {
    expect(checkIds(codeVisit(visit({ ledger: [nmr({ deficit: 'balance deficits, 2 falls this month' })] })))).toContain('neuromotor_deficit_missing');
  });
  it('raised for 97112 citing deconditioning', () => {
    expect(checkIds(codeVisit(visit({ ledger: [nmr({ deficit: 'deconditioning, 3 weeks in hospital' })] })))).toContain('neuromotor_deficit_missing');
  });
  it('not raised with a measured neuromotor deficit in the block or measured before it', () => {
    expect(checkIds(codeVisit(visit({ ledger: [nmr({ deficit: 'Berg 38/56' })] })))).not.toContain('neuromotor_deficit_missing');
    expect(checkIds(codeVisit(visit({ ledger: [nmr({ deficit: 'proprioceptive deficit, ankle repositioning error 7 degrees' })] })))).not.toContain('neuromotor_deficit_missing');
    const measured = codeVisit(visit({ measures: [{ kind: 'neuromotor', name: 'SLS', value: '6 s', baseline: null, side: 'right', evidence: ['u1'] }], ledger: [nmr({ evidence: ['u5'] })] }));
    expect(checkIds(measured)).not.toContain('neuromotor_deficit_missing');
  });
});

describe('referral_missing (DOMAIN.md 2.6 T23, 2.10, 2.11)', () => {
  it.each([
    ['auto, referral not on file', { payer: { type: 'auto' as const }, referral: { onFile: false } }, true],
    ['auto, referral unknown', { payer: { type: 'auto' as const }, referral: null }, true],
    ['auto, referral on file', { payer: { type: 'auto' as const }, referral: { onFile: true } }, false],
    ['massage, commercial, no referral', { discipline: 'massage' as const, payer: { type: 'commercial' as const }, referral: null }, true],
    ['massage, self-pay, no referral (no claim)', { discipline: 'massage' as const, payer: { type: 'self_pay' as const }, referral: null }, false],
    ['PT, commercial, no referral', { payer: { type: 'commercial' as const }, referral: null }, false],
  ])('%s', (_name, over, raised) => {
    const r = codeVisit(visit({ ...over, ledger: [entry({ intervention: 'effleurage', kindHint: 'massage', bodyRegions: ['lumbar'] })] }));
    expect(checkIds(r).includes('referral_missing')).toBe(raised);
  });
});

describe('silent_or_empty_audio (eval/FORMAT.md)', () => {
  it('no speech: no lines at all, only that check, whatever the ledger says', () => {
    const r = codeVisit(visit({ speechUtteranceCount: 0, diagnoses: [{ icd10: 'S39.012' }], ledger: [entry()] }));
    expect(r.lines).toEqual([]);
    expect(r.checks.map((c) => c.id)).toEqual(['silent_or_empty_audio']);
    expect(r.totalTimedMinutes).toBe(0);
  });
});

describe('evaluation codes (DOMAIN.md 2.13): complexity is never guessed', () => {
  it.each([
    ['pt', 'low', '97161'], ['pt', 'moderate', '97162'], ['pt', 'high', '97163'],
    ['ot', 'low', '97165'], ['ot', 'moderate', '97166'], ['ot', 'high', '97167'],
  ] as const)('%s %s -> %s', (discipline, complexity, code) => {
    const r = codeVisit(visit({ discipline, noteType: 'evaluation', evaluationComplexity: complexity }));
    expect(codes(r)).toEqual([`${code}x1`]);
  });
  it('complexity not stated: no evaluation code, and the explanation asks for it', () => {
    const r = codeVisit(visit({ noteType: 'evaluation', evaluationComplexity: null }));
    expect(r.lines).toEqual([]);
    expect(r.explanation.join(' ')).toMatch(/complexity was not stated/);
  });
  it.each([['pt', '97164'], ['ot', '97168']] as const)('%s re-evaluation -> %s', (discipline, code) => {
    expect(codes(codeVisit(visit({ discipline, noteType: 'reevaluation' })))).toEqual([`${code}x1`]);
  });
  it.each([
    [['F80.0'], ['92522x1']],
    [['F80.0', 'F80.2'], ['92523x1']],
    // F80.9 "developmental disorder of speech and language, unspecified" names both areas (ICD-10-CM)
    [['F80.9'], ['92523x1']],
    [['F80.81'], ['92521x1']],
    [['R49.0'], ['92524x1']],
    [['R13.12'], ['92610x1']],
    [['F80.1'], []],
    [['I63.9'], []],
  ])('SLP evaluation with %j -> %j', (dx, expected) => {
    const r = codeVisit(visit({ discipline: 'slp', noteType: 'evaluation', diagnoses: dx.map((icd10) => ({ icd10 })) }));
    expect(codes(r)).toEqual(expected);
  });
  it('daily and progress notes carry no evaluation code', () => {
    expect(codeVisit(visit({ noteType: 'progress', evaluationComplexity: 'high' })).lines).toEqual([]);
  });
});

describe('output shape', () => {
  it('every check has a severity, codes, a message and evidence; messages carry no input free text', () => {
    const r = codeVisit(visit({ diagnoses: [{ icd10: 'S39.012' }], payer: { type: 'auto' }, ledger: [entry({ intervention: 'strengthening exercises', linkedGoal: null, outcome: null, side: null, bodyRegions: ['shoulder'] })] }));
    expect(r.checks.length).toBeGreaterThan(3);
    for (const c of r.checks) {
      expect(['info', 'warning', 'error']).toContain(c.severity);
      expect(c.message.length).toBeGreaterThan(20);
      expect(Array.isArray(c.codes) && Array.isArray(c.evidence)).toBe(true);
    }
    expect(r.checks[0]?.severity).toBe('error');
  });
});
