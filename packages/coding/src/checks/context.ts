/** What every check reads: the visit model, the billed groups and the same-day pair analysis. */
import type { CodeGroup, VisitModel } from '../model.ts';
import type { PairAnalysis } from '../modifiers.ts';
import type { CheckId, CodingCheck, Severity } from '../output.ts';
import { mergeEvidence } from '../text.ts';

export interface CheckContext {
  model: VisitModel;
  /** Groups billed with units > 0. */
  billed: CodeGroup[];
  /** Timed groups billed with units > 0. */
  billedTimed: CodeGroup[];
  pairs: PairAnalysis[];
}

export type CheckRule = (ctx: CheckContext) => CodingCheck[];

/** Build a check with sorted, deduplicated codes and evidence. */
export function makeCheck(id: CheckId, severity: Severity, codes: readonly string[], message: string, evidence: readonly string[]): CodingCheck {
  return { id, severity, codes: [...new Set(codes)].sort(), message, evidence: mergeEvidence(evidence) };
}

/** "97110" or "97110 and 97530". */
export function codeList(codes: readonly string[]): string {
  const sorted = [...new Set(codes)].sort();
  return sorted.length <= 1 ? sorted.join('') : `${sorted.slice(0, -1).join(', ')} and ${sorted[sorted.length - 1]}`;
}
