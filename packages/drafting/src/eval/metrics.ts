/**
 * Per-case metrics of FORMAT.md: fact recall, forbidden hits, code F1 and unit accuracy,
 * check recall and precision, evidence coverage, compression, voice leaks.
 */
import type { SectionName } from '@scribe/domain';
import type { CodingResult } from '@scribe/coding';
import { voiceLeaks } from '../text/voice.ts';
import type { DraftSections } from '../types.ts';
import { SECTION_NAMES } from '../types.ts';
import type { EvalCase } from './case-file.ts';
import { isSupported } from './support.ts';

export interface Counts {
  factsFound: number; factsExpected: number;
  forbiddenHits: number;
  codeTp: number; codeFp: number; codeFn: number; unitsExact: number; codesExpected: number;
  checkTp: number; checkFp: number; checkFn: number;
  statements: number; supported: number;
  draftWords: number; transcriptWords: number;
  voiceLeaks: number;
}

/** Words as whitespace-separated tokens holding a letter or digit. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Facts found in their section (or any section), and the ones missed. */
export function factRecall(c: EvalCase, sections: DraftSections): { found: number; missed: string[] } {
  let found = 0;
  const missed: string[] = [];
  for (const f of c.expected.facts) {
    const where: SectionName[] = f.section === 'any' ? [...SECTION_NAMES] : [f.section];
    const res = f.any.map((p) => new RegExp(p, 'i'));
    const hit = where.some((s) => sections[s].some((st) => res.some((re) => re.test(st.text))));
    if (hit) found++; else missed.push(f.what);
  }
  return { found, missed };
}

/** Statements matching any forbidden pattern (each statement counted once per pattern group). */
export function forbiddenHits(c: EvalCase, sections: DraftSections): { hits: number; what: string[] } {
  let hits = 0;
  const what: string[] = [];
  const all = SECTION_NAMES.flatMap((s) => sections[s]);
  for (const f of c.expected.forbidden) {
    const res = f.any.map((p) => new RegExp(p, 'i'));
    const n = all.filter((st) => res.some((re) => re.test(st.text))).length;
    if (n) { hits += n; what.push(f.what); }
  }
  return { hits, what };
}

/** Code set comparison: predicted = lines that earn at least one unit. */
export function codeCounts(c: EvalCase, coding: CodingResult) {
  const predicted = new Map(coding.lines.filter((l) => l.units > 0).map((l) => [l.code, l.units]));
  const expected = new Map(c.expected.codes.map((e) => [e.code, e.units]));
  let tp = 0, fp = 0, fn = 0, exact = 0;
  for (const [code, units] of expected) {
    if (predicted.has(code)) { tp++; if (predicted.get(code) === units) exact++; } else fn++;
  }
  for (const code of predicted.keys()) if (!expected.has(code)) fp++;
  return { tp, fp, fn, exact, expected: expected.size };
}

/** Check id comparison. */
export function checkCounts(c: EvalCase, coding: CodingResult) {
  const got = new Set(coding.checks.map((k) => k.id as string));
  const want = new Set(c.expected.checks);
  const missed = [...want].filter((x) => !got.has(x));
  const unexpected = [...got].filter((x) => !want.has(x));
  return { tp: want.size - missed.length, fp: unexpected.length, fn: missed.length, missed, unexpected };
}

/** Statements supported by their cited utterances / all statements. */
export function evidenceCounts(c: EvalCase, sections: DraftSections) {
  const byId = new Map(c.transcript.map((u) => [u.id, u.text]));
  const all = SECTION_NAMES.flatMap((s) => sections[s]);
  const supported = all.filter((st) => isSupported(st.text, st.evidence.map((id) => byId.get(id)).filter((t): t is string => t !== undefined))).length;
  return { statements: all.length, supported };
}

/** Statements written as dialogue. */
export function voiceLeakCount(sections: DraftSections): number {
  return SECTION_NAMES.flatMap((s) => sections[s]).filter((st) => voiceLeaks(st.text).length > 0).length;
}

/** Draft words and transcript words. */
export function compressionCounts(c: EvalCase, sections: DraftSections) {
  return {
    draftWords: SECTION_NAMES.flatMap((s) => sections[s]).reduce((n, st) => n + wordCount(st.text), 0),
    transcriptWords: c.transcript.reduce((n, u) => n + wordCount(u.text), 0),
  };
}

/** a / b, or null when b is 0 (nothing expected counts neither for nor against). */
export function ratio(a: number, b: number): number | null {
  return b === 0 ? null : Math.round((a / b) * 1000) / 1000;
}

/** F1 from counts, or null when nothing was expected or predicted. */
export function f1(tp: number, fp: number, fn: number): number | null {
  if (tp + fp + fn === 0) return null;
  return Math.round(((2 * tp) / (2 * tp + fp + fn)) * 1000) / 1000;
}
