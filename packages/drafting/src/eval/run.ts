/**
 * Run evaluation cases through the same drafting and coding code the worker uses, and
 * report FORMAT.md's per-case metrics and micro-averaged summary.
 */
import type { CodingResult, VisitInput } from '@scribe/coding';
import type { Drafter } from '../types.ts';
import { buildVisitInput } from '../visit-input.ts';
import { caseContext, type EvalCase } from './case-file.ts';
import { checkCounts, codeCounts, compressionCounts, type Counts, evidenceCounts, f1, factRecall, forbiddenHits, ratio, voiceLeakCount } from './metrics.ts';

export type Coder = (input: VisitInput) => CodingResult;

export interface CaseReport {
  id: string;
  factRecall: number | null;
  forbiddenHits: number;
  codeF1: number | null;
  unitAccuracy: number | null;
  checkRecall: number | null;
  checkPrecision: number | null;
  evidenceCoverage: number | null;
  compression: number | null;
  voiceLeaks: number;
  latencyMs: number;
  missedFacts: string[];
  unexpectedChecks: string[];
  missedChecks: string[];
}

export interface CaseRun {
  report: CaseReport;
  counts: Counts;
  codingError: string | null;
  forbiddenWhat: string[];
}

/** Draft and code one case; coding failures are reported, never fatal. */
export async function runCase(c: EvalCase, drafter: Drafter, coder: Coder): Promise<CaseRun> {
  const context = caseContext(c);
  const t0 = performance.now();
  const draft = await drafter.draft({ utterances: c.transcript, context });
  let coding: CodingResult | null = null;
  let codingError: string | null = null;
  try {
    coding = coder(buildVisitInput(draft, context));
  } catch (e) {
    codingError = (e as Error).message;
  }
  const latencyMs = Math.round((performance.now() - t0) * 10) / 10;
  const facts = factRecall(c, draft.sections);
  const forbidden = forbiddenHits(c, draft.sections);
  const ev = evidenceCounts(c, draft.sections);
  const comp = compressionCounts(c, draft.sections);
  const leaks = voiceLeakCount(draft.sections);
  const codes = coding && c.expected.codes.length ? codeCounts(c, coding) : null;
  const checks = coding && c.expected.checks.length ? checkCounts(c, coding) : null;
  const allChecks = coding ? checkCounts(c, coding) : null;
  const counts: Counts = {
    factsFound: facts.found, factsExpected: c.expected.facts.length,
    forbiddenHits: forbidden.hits,
    codeTp: codes?.tp ?? 0, codeFp: codes?.fp ?? 0, codeFn: codes?.fn ?? 0, unitsExact: codes?.exact ?? 0, codesExpected: codes?.expected ?? 0,
    checkTp: checks?.tp ?? 0, checkFp: checks?.fp ?? 0, checkFn: checks?.fn ?? 0,
    statements: ev.statements, supported: ev.supported,
    draftWords: comp.draftWords, transcriptWords: comp.transcriptWords,
    voiceLeaks: leaks,
  };
  return {
    counts,
    codingError,
    forbiddenWhat: forbidden.what,
    report: {
      id: c.id,
      factRecall: ratio(facts.found, c.expected.facts.length),
      forbiddenHits: forbidden.hits,
      codeF1: codes ? f1(codes.tp, codes.fp, codes.fn) : null,
      unitAccuracy: codes ? ratio(codes.exact, codes.expected) : null,
      checkRecall: checks ? ratio(checks.tp, checks.tp + checks.fn) : null,
      checkPrecision: checks ? ratio(checks.tp, checks.tp + checks.fp) : null,
      evidenceCoverage: ratio(ev.supported, ev.statements),
      compression: comp.transcriptWords ? ratio(comp.draftWords, comp.transcriptWords) : null,
      voiceLeaks: leaks,
      latencyMs,
      missedFacts: facts.missed,
      unexpectedChecks: allChecks?.unexpected ?? [],
      missedChecks: allChecks?.missed ?? [],
    },
  };
}

export interface Summary {
  cases: number;
  factRecall: number | null;
  forbiddenHits: number;
  codeF1: number | null;
  unitAccuracy: number | null;
  checkRecall: number | null;
  checkPrecision: number | null;
  evidenceCoverage: number | null;
  compression: number | null;
  voiceLeaks: number;
  latencyMsP50: number;
  latencyMsMax: number;
}

function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
}

/** Micro-averaged totals over all cases (FORMAT.md). Code metrics are null when coding was unavailable. */
export function summarize(runs: CaseRun[]): Summary {
  const sum = (k: keyof Counts) => runs.reduce((n, r) => n + r.counts[k], 0);
  const coded = runs.every((r) => r.codingError === null);
  const lat = runs.map((r) => r.report.latencyMs);
  return {
    cases: runs.length,
    factRecall: ratio(sum('factsFound'), sum('factsExpected')),
    forbiddenHits: sum('forbiddenHits'),
    codeF1: coded ? f1(sum('codeTp'), sum('codeFp'), sum('codeFn')) : null,
    unitAccuracy: coded ? ratio(sum('unitsExact'), sum('codesExpected')) : null,
    checkRecall: coded ? ratio(sum('checkTp'), sum('checkTp') + sum('checkFn')) : null,
    checkPrecision: coded ? ratio(sum('checkTp'), sum('checkTp') + sum('checkFp')) : null,
    evidenceCoverage: ratio(sum('supported'), sum('statements')),
    compression: ratio(sum('draftWords'), sum('transcriptWords')),
    voiceLeaks: sum('voiceLeaks'),
    latencyMsP50: percentile(lat, 50),
    latencyMsMax: Math.max(0, ...lat),
  };
}
