/**
 * ICD-10-CM structure. Sources: DOMAIN.md 2.9 ([003/AUTO] S-chapter 7th character A/D/S,
 * "Submitting S13.4XX without the A results in an automatic denial"; [003/HIP] fracture
 * letters; [outside seeds] full fracture sets and placeholder X), 2.6 T24, 3.1 V11.
 */
import { describe, expect, it } from 'vitest';
import { codeVisit, validateIcd10 } from '../src/index.ts';
import { checkIds, visit } from './support.ts';

describe('validateIcd10', () => {
  it.each([
    'S13.4XXA', 'S13.4XXD', 'S16.1XXA', 'S29.012A', 'M54.2', 'M54.50', 'M54.51', 'S72.141A', 'S52.531D', 'S93.491D',
    'M99.01', 'M25.511', 'G56.01', 'M65.341', 'Z96.651', 'Z47.1', 'I69.391', 'R13.12', 'F80.0', 'M17.12', 'R26.81',
    's13.4xxa', 'S134XXA', 'S72.141K', 'S52.531M', 'S42.201P', 'M80.08XA', 'T36.0X1A', 'V43.52XA', 'O36.5930',
  ])('%s is valid', (code) => {
    expect(validateIcd10(code)).toEqual({ valid: true, problem: null });
  });

  it.each([
    ['S13.4XX', /placeholder X but lacks its required 7th character/],
    ['S39.012', /lacks its required 7th character \(A\/D\/S\)/],
    ['S13.4', /lacks its required 7th character/],
    ['S13.4XXB', /7th character B, which is not valid for its category \(A\/D\/S\)/],
    ['S93.491K', /not valid/],
    ['S72.141Z', /not valid/],
    ['S42.201M', /not valid/],
    ['M54.5X', /placeholder X/],
    ['54.2', /not shaped like/],
    ['M5', /not shaped like/],
    ['M54.12345', /not shaped like/],
    ['', /not shaped like/],
  ])('%s is invalid', (code, why) => {
    const r = validateIcd10(code);
    expect(r.valid).toBe(false);
    expect(r.problem).toMatch(why);
  });
});

describe('icd10_invalid check (DOMAIN.md 2.6 T24)', () => {
  it('raises one error per invalid code and none for valid codes', () => {
    const r = codeVisit(visit({ diagnoses: [{ icd10: 'S39.012' }, { icd10: 'M54.50' }, { icd10: 'S13.4XX' }] }));
    const found = r.checks.filter((c) => c.id === 'icd10_invalid');
    expect(found).toHaveLength(2);
    expect(found.every((c) => c.severity === 'error')).toBe(true);
    expect(found.map((c) => c.message).join(' ')).toMatch(/S13\.4XX[\s\S]*S39\.012/);
  });
  it('does not raise for valid codes', () => {
    expect(checkIds(codeVisit(visit({ diagnoses: [{ icd10: 'S13.4XXA' }] })))).not.toContain('icd10_invalid');
  });
});
