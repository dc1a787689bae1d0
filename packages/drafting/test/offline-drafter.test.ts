/**
 * The offline drafter end to end on small transcripts written for these tests. Sources:
 * DOMAIN.md 1.5 (S = patient-reported symptoms, O = measurable data, A = reasoning,
 * P = goals and next steps), 1.3 (dictation and ambient feed the same workflow),
 * FORMAT.md (silent_or_empty_audio: no note content; voice leaks).
 */
import { describe, expect, it } from 'vitest';
import { buildVisitInput, OfflineTherapyDrafter, transcriptSha256, voiceLeaks } from '../src/index.ts';
import type { DraftContext, DraftResult } from '../src/index.ts';

const context: DraftContext = {
  discipline: 'pt', noteType: 'daily', mode: 'ambient', payer: { type: 'medicare' },
  diagnoses: [{ icd10: 'M17.12', description: 'Left knee OA' }], goals: [{ id: 'g1', text: 'Stairs without rail' }],
  visitNumber: 3, referral: { onFile: true },
};
const ambient = [
  { id: 'u1', speaker: 'clinician' as const, start: 0, end: 2, text: "How's the left knee?" },
  { id: 'u2', speaker: 'patient' as const, start: 2, end: 5, text: "It's about a four out of ten. Stairs are the hardest part." },
  { id: 'u3', speaker: 'clinician' as const, start: 5, end: 7, text: 'Any swelling?' },
  { id: 'u4', speaker: 'patient' as const, start: 7, end: 8, text: 'No swelling.' },
  { id: 'u5', speaker: 'other' as const, start: 8, end: 10, text: 'She had no falls at home this week.' },
  { id: 'u6', speaker: 'clinician' as const, start: 10, end: 14, text: 'Quad strength four minus out of five on the left. Knee bend a hundred and ten degrees, up from ninety-eight.' },
  { id: 'u7', speaker: 'clinician' as const, start: 14, end: 18, text: "It's 9:00, let's start with the leg press, thirty pounds, three sets of twelve." },
  { id: 'u8', speaker: 'clinician' as const, start: 18, end: 22, text: "This is the strength you need to climb your stairs without the rail. It's 9:15, fifteen minutes." },
  { id: 'u9', speaker: 'clinician' as const, start: 22, end: 26, text: 'At home, add step-ups, two sets of ten. We will continue twice a week for three weeks.' },
];

async function draft(utterances: typeof ambient, ctx: DraftContext = context): Promise<DraftResult> {
  return new OfflineTherapyDrafter().draft({ utterances, context: ctx });
}
const texts = (d: DraftResult, s: keyof DraftResult['sections']) => d.sections[s].map((x) => x.text);

describe('OfflineTherapyDrafter (DOMAIN.md 1.5 SOAP content)', () => {
  it('attributes by speaker and content: reports to S, measures and interventions to O, home programme to P', async () => {
    const d = await draft(ambient);
    expect(texts(d, 'subjective').join(' ')).toMatch(/left knee pain 4\/10/i);
    expect(texts(d, 'subjective').join(' ')).toMatch(/denies swelling|no swelling/i);
    expect(texts(d, 'subjective').join(' ')).toMatch(/Caregiver reports .*no falls/);
    expect(texts(d, 'objective').join(' ')).toMatch(/4-\/5/);
    expect(texts(d, 'objective').join(' ')).toMatch(/110°, up from 98/);
    expect(texts(d, 'objective').join(' ')).toMatch(/leg press.*30 lb, 3x12.*\(9:00-9:15, 15 min\)/i);
    expect(texts(d, 'assessment').join(' ')).toMatch(/climb .*stairs without .*rail/);
    expect(texts(d, 'plan').join(' ')).toMatch(/step-ups, 2x10/);
    expect(texts(d, 'plan').join(' ')).toMatch(/2x\/week for 3 weeks/);
  });

  it('writes third-person prose that cites existing utterances, and drops nothing it wrote', async () => {
    const d = await draft(ambient);
    const all = Object.values(d.sections).flat();
    expect(all.length).toBeGreaterThan(6);
    for (const st of all) {
      expect(voiceLeaks(st.text)).toEqual([]);
      expect(st.origin).toBe('ai');
      expect(st.evidence.every((id) => ambient.some((u) => u.id === id))).toBe(true);
    }
    expect(d.dropped).toEqual([]);
  });

  it('gives a silent or marker-only transcript no statements at all (FORMAT.md silent_or_empty_audio)', async () => {
    for (const utterances of [[], [{ id: 'u1', speaker: 'other' as const, start: 0, end: 1, text: '[inaudible] [noise]' }]]) {
      const d = await draft(utterances);
      expect(Object.values(d.sections).flat()).toEqual([]);
      expect(d.extraction).toEqual({ ledger: [], measures: [], bodyParts: [], evaluationComplexity: null, speechUtteranceCount: 0 });
    }
  });

  it('drafts dictation (one clinician voice) the same way (DOMAIN.md 1.3)', async () => {
    const d = await draft([
      { id: 'u1', speaker: 'clinician', start: 0, end: 5, text: 'Subjective: left knee pain four out of ten, worse on stairs. She denies swelling.' },
      { id: 'u2', speaker: 'clinician', start: 5, end: 9, text: 'Objective: quad strength four minus out of five on the left.' },
      { id: 'u3', speaker: 'clinician', start: 9, end: 12, text: 'Plan: continue twice a week for three weeks.' },
    ], { ...context, mode: 'dictation' });
    expect(texts(d, 'subjective').join(' ')).toMatch(/pain 4\/10/);
    expect(texts(d, 'subjective').join(' ')).toMatch(/Denies swelling/);
    expect(texts(d, 'objective').join(' ')).toMatch(/4-\/5/);
    expect(texts(d, 'plan').join(' ')).toMatch(/2x\/week for 3 weeks/);
  });

  it('records provenance and assembles the coding input without filling anything in', async () => {
    const d = await draft(ambient);
    expect(d.provenance).toMatchObject({ engine: 'offline-therapy-drafter', transcriptSha256: transcriptSha256(ambient) });
    const input = buildVisitInput(d, context);
    expect(input).toMatchObject({ discipline: 'pt', noteType: 'daily', payer: { type: 'medicare' }, referral: { onFile: true }, evaluationComplexity: null, speechUtteranceCount: 9 });
    expect(input.ledger).toEqual([expect.objectContaining({ kindHint: 'therapeutic_exercise', startTime: '09:00', stopTime: '09:15', minutes: 15, side: 'left' })]);
    expect(input.ledger[0]?.linkedGoal).toMatch(/stairs/);
    expect(input.measures).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'rom', value: '110°', baseline: '98' })]));
  });
});
