/**
 * No source, no assertion. Source: DOMAIN.md 1.6 (SOAP5 Mistake #4: "incorrect laterality,
 * auto-populated vitals, or tests not actually performed"; "ensure clinical negations are
 * correct"), 2.6 T22 (unverified AI content).
 */
import { describe, expect, it } from 'vitest';
import { checkStatement, verifySections } from '../src/index.ts';
import { utteranceIndex } from '../src/verify/verifier.ts';

const utterances = [
  { id: 'u1', speaker: 'patient' as const, start: 0, end: 2, text: 'My right knee is about a three out of ten.' },
  { id: 'u2', speaker: 'clinician' as const, start: 2, end: 4, text: 'Any numbness?' },
  { id: 'u3', speaker: 'patient' as const, start: 4, end: 5, text: 'No numbness.' },
  { id: 'u4', speaker: 'clinician' as const, start: 5, end: 8, text: 'Knee bend is a hundred and ten degrees.' },
];
const byId = utteranceIndex(utterances);
const reasons = (text: string, evidence: string[]) => checkStatement({ text, evidence }, byId).map((p) => p.reason);

describe('verifier (DOMAIN.md 1.6 SOAP5 oversight)', () => {
  it('accepts a statement whose numbers and side are in its cited utterances (words compared as digits)', () => {
    expect(reasons('Patient reports right knee pain 3/10.', ['u1'])).toEqual([]);
    expect(reasons('Knee flexion 110 degrees.', ['u4'])).toEqual([]);
  });

  it('refuses a number not in the cited text', () => {
    expect(reasons('Knee flexion 120 degrees.', ['u4'])).toEqual(['unsupported_number']);
  });

  it('refuses a swapped side', () => {
    expect(reasons('Patient reports left knee pain 3/10.', ['u1'])).toEqual(['unsupported_side']);
  });

  it('refuses a denied symptom stated as present, even when the question mentioned it', () => {
    expect(reasons('Patient reports numbness.', ['u2', 'u3'])).toEqual(['denied_symptom_asserted']);
    expect(reasons('Patient denies numbness.', ['u2', 'u3'])).toEqual([]);
  });

  it('refuses a test that was never performed', () => {
    expect(reasons('Berg Balance Scale 45/56.', ['u4'])).toEqual(expect.arrayContaining(['unsupported_test', 'unsupported_number']));
    expect(reasons('Timed Up and Go completed.', ['u4'])).toEqual(['unsupported_test']);
  });

  it('refuses a missing or unknown citation and dialogue voice', () => {
    expect(reasons('Knee flexion 110 degrees.', [])).toEqual(['no_evidence']);
    expect(reasons('Knee flexion 110 degrees.', ['u9'])).toEqual(expect.arrayContaining(['unknown_utterance']));
    expect(reasons('Your knee bends 110 degrees.', ['u4'])).toEqual(['voice_leak']);
  });

  it('drops failing statements, reports them, and renumbers the rest', () => {
    const out = verifySections({
      subjective: [
        { id: 's1', text: 'Patient reports left knee pain 3/10.', origin: 'ai', evidence: ['u1'] },
        { id: 's2', text: 'Patient denies numbness.', origin: 'ai', evidence: ['u3'] },
      ],
      objective: [], assessment: [], plan: [],
    }, utterances);
    expect(out.sections.subjective).toEqual([{ id: 's1', text: 'Patient denies numbness.', origin: 'ai', evidence: ['u3'] }]);
    expect(out.dropped).toEqual([{ section: 'subjective', text: 'Patient reports left knee pain 3/10.', evidence: ['u1'], reasons: [{ reason: 'unsupported_side', detail: 'left' }] }]);
  });
});
