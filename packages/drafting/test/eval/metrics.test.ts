/**
 * FORMAT.md metrics: fact recall by section, forbidden hits, code F1 and unit accuracy over
 * lines that earn units, check recall/precision, micro-averaged summary, and evidence support.
 */
import { describe, expect, it } from 'vitest';
import type { CodingResult } from '@scribe/coding';
import type { EvalCase } from '../../src/eval/case-file.ts';
import { checkCounts, codeCounts, compressionCounts, f1, factRecall, forbiddenHits, ratio, voiceLeakCount, wordCount } from '../../src/eval/metrics.ts';
import { isSupported } from '../../src/eval/support.ts';
import { summarize, type CaseRun } from '../../src/eval/run.ts';
import type { DraftSections } from '../../src/types.ts';

const st = (id: string, text: string, evidence = ['u1']) => ({ id, text, origin: 'ai' as const, evidence });
const sections: DraftSections = {
  subjective: [st('s1', 'Patient reports knee pain 3/10.'), st('s2', 'Denies calf pain.')],
  objective: [st('o1', 'Quad MMT 3+/5 right.')],
  assessment: [],
  plan: [st('p1', 'Continue 2x/week for 4 weeks.')],
};
const base: EvalCase = {
  id: 'c1', discipline: 'pt', noteType: 'daily', mode: 'ambient', payer: 'medicare',
  transcript: [{ id: 'u1', speaker: 'patient', start: 0, end: 1, text: 'My knee is three out of ten and the quad is weak, it is what it is' }],
  expected: {
    facts: [
      { section: 'subjective', any: ['3 ?/ ?10'], what: 'pain 3/10' },
      { section: 'plan', any: ['3\\+/5'], what: 'MMT in plan (wrong section)' },
      { section: 'any', any: ['2x/week'], what: 'frequency' },
    ],
    forbidden: [{ any: ['^(?!.*\\b(?:no|denies)\\b).*calf pain'], what: 'denied calf pain as present' }, { any: ['\\bleft\\b'], what: 'wrong side' }],
    codes: [{ code: '97110', units: 1, minutes: 18 }, { code: '97530', units: 1, minutes: 15 }],
    checks: ['modifier_59_consideration', 'missing_goal_link'],
  },
};
const coding = (lines: [string, number][], checks: string[]): CodingResult => ({
  unitMethod: 'cms_total_time', totalTimedMinutes: 33, explanation: [],
  lines: lines.map(([code, units]) => ({ code, units, description: '', minutes: null, modifiers: [], rationale: '', evidence: [] })),
  checks: checks.map((id) => ({ id: id as never, severity: 'warning', codes: [], message: '', evidence: [] })),
});

describe('per-case metrics (FORMAT.md)', () => {
  it('counts a fact only in its section, "any" anywhere', () => {
    expect(factRecall(base, sections)).toEqual({ found: 2, missed: ['MMT in plan (wrong section)'] });
  });

  it('counts statements matching a forbidden pattern; a denial is not a hit', () => {
    expect(forbiddenHits(base, sections).hits).toBe(0);
    const bad = { ...sections, objective: [st('o1', 'Calf pain on palpation, left.')] };
    expect(forbiddenHits(base, bad)).toEqual({ hits: 2, what: ['denied calf pain as present', 'wrong side'] });
  });

  it('scores codes that earn units and exact units; a zero-unit line is not predicted', () => {
    expect(codeCounts(base, coding([['97110', 2], ['97530', 0], ['97140', 1]], []))).toEqual({ tp: 1, fp: 1, fn: 1, exact: 0, expected: 2 });
    expect(f1(1, 1, 1)).toBe(0.5);
  });

  it('scores check ids both ways', () => {
    expect(checkCounts(base, coding([], ['modifier_59_consideration', 'under_8_minutes']))).toEqual({ tp: 1, fp: 1, fn: 1, missed: ['missing_goal_link'], unexpected: ['under_8_minutes'] });
  });

  it('counts words and voice leaks', () => {
    expect(wordCount('Quad MMT 3+/5 right.')).toBe(4);
    expect(compressionCounts(base, sections)).toEqual({ draftWords: 17, transcriptWords: 17 });
    expect(voiceLeakCount({ ...sections, plan: [st('p1', 'We will see you next week.')] })).toBe(1);
    expect(ratio(1, 0)).toBeNull();
  });
});

describe('evidence support (FORMAT.md evidence coverage)', () => {
  it('needs every number and side in the cited text and half the content words', () => {
    expect(isSupported('Patient reports knee pain 3/10.', ['My knee hurts, three out of ten'])).toBe(true);
    expect(isSupported('Patient reports knee pain 4/10.', ['My knee hurts, three out of ten'])).toBe(false);
    expect(isSupported('Patient reports left knee pain 3/10.', ['My right knee hurts, three out of ten'])).toBe(false);
    expect(isSupported('Shoulder abduction improved with scapular setting.', ['My knee hurts, three out of ten'])).toBe(false);
    expect(isSupported('Anything.', [])).toBe(false);
  });

  it('matches a word in its other forms: a doubled consonant before -ing ("getting"/"get"), severity/severe, soreness/sore, hurt/pain, rotate/rotation', () => {
    expect(isSupported('6/10 when getting up.', ['Like a six out of ten when I get up.'])).toBe(true);
    expect(isSupported('Caregiver reports severity 6/10.', ['On a scale of one to ten, ten extremely severe, how was this week?', 'Probably a six.'])).toBe(true);
    expect(isSupported('Soreness 0/10.', ['It gets a little sore after kneeling, like a one out of ten.', 'Zero. Nothing.'])).toBe(true);
    // ("Rotate out for me again. Thirty-six degrees now." is the rotation read: the verb said, the noun charted)
    expect(isSupported('External rotation: 36°.', ['Rotate out for me again. Thirty-six degrees now.'])).toBe(true);
    expect(isSupported('External rotation: 36°.', ['Reach up for me again. Thirty-six degrees now.'])).toBe(false);
    // "hurt" is the spoken word for pain
    expect(isSupported('Pain 1/10.', ["It doesn't hurt much. Maybe a one.", 'One out of ten.'])).toBe(true);
    // ... but a different word is still not support
    expect(isSupported('Patient jogging 6 laps.', ['I can bike six blocks.'])).toBe(false);
  });
});

describe('summary (FORMAT.md micro-averaging)', () => {
  const run = (found: number, expected: number, latency: number, codingError: string | null = null): CaseRun => ({
    codingError, forbiddenWhat: [],
    counts: { factsFound: found, factsExpected: expected, forbiddenHits: 0, codeTp: 1, codeFp: 0, codeFn: 0, unitsExact: 1, codesExpected: 1, checkTp: 0, checkFp: 0, checkFn: 0, statements: 2, supported: 2, draftWords: 10, transcriptWords: 40, voiceLeaks: 0 },
    report: { id: 'x', factRecall: null, forbiddenHits: 0, codeF1: null, unitAccuracy: null, checkRecall: null, checkPrecision: null, evidenceCoverage: null, compression: null, voiceLeaks: 0, latencyMs: latency, missedFacts: [], unexpectedChecks: [], missedChecks: [] },
  });

  it('sums counts over cases instead of averaging ratios', () => {
    const s = summarize([run(1, 1, 5), run(1, 3, 9)]);
    expect(s.factRecall).toBe(0.5); // 2/4, not mean(1, 0.333)
    expect(s.compression).toBe(0.25);
    expect(s.checkRecall).toBeNull(); // nothing expected anywhere
    expect([s.latencyMsP50, s.latencyMsMax]).toEqual([5, 9]);
  });

  it('reports code metrics as unavailable while coding fails', () => {
    const s = summarize([run(1, 1, 5, 'codeVisit: not implemented yet')]);
    expect([s.codeF1, s.unitAccuracy, s.checkRecall, s.checkPrecision]).toEqual([null, null, null, null]);
  });
});
