/**
 * SLP evaluation visits: trials done to evaluate are part of the evaluation. Source: DOMAIN.md
 * 2.13 (92610 clinical swallowing evaluation, 92526 swallowing treatment, 92521-92524 speech
 * and voice evaluations, 92507 speech treatment); clinical convention that oral trials and
 * trials of a compensatory strategy are how a bedside swallowing evaluation is done.
 */
import { describe, expect, it } from 'vitest';
import { codeVisit } from '../src/index.ts';
import { codes, entry, visit } from './support.ts';

const trials = entry({ intervention: 'thin liquid by cup, 5 sips; chin tuck trialed, 3 sips', kindHint: 'swallowing_treatment', minutes: null, bodyRegions: [], side: null });

describe('swallow trials during a clinical swallowing evaluation (DOMAIN.md 2.13)', () => {
  const dysphagia = [{ icd10: 'R13.12' }];

  it('bills the evaluation only, and says why the trials are not a treatment line', () => {
    const r = codeVisit(visit({ discipline: 'slp', noteType: 'evaluation', payer: { type: 'commercial' }, diagnoses: dysphagia, ledger: [trials] }));
    expect(codes(r)).toEqual(['92610x1']);
    expect(r.explanation.join(' ')).toMatch(/92526.*part of the 92610 evaluation/);
  });

  it('still bills swallowing treatment on a treatment visit', () => {
    const r = codeVisit(visit({ discipline: 'slp', noteType: 'daily', payer: { type: 'commercial' }, diagnoses: dysphagia, ledger: [trials] }));
    expect(codes(r)).toEqual(['92526x1']);
  });
});
