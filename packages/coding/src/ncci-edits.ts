/**
 * Same-day code-pair edits, as versioned data. Each NCCI procedure-to-procedure edit has a
 * column 1 (comprehensive, paid) and column 2 (component, denied without a modifier) code, a
 * modifier indicator (0 = never bypassable, 1 = bypassable with 59/X{EPSU} when documented,
 * 9 = not applicable), and effective/deletion dates. DOMAIN.md 2.5 "NCCI mechanics".
 *
 * These rows are a therapy subset recalled from public NCCI summaries (APTA, 2020 evaluation
 * edits) and the seeds; they are NOT the CMS file. Replace or extend them with the quarterly
 * CMS practitioner PTP table through `CodingOptions.ncciEdits` before relying on them for claims.
 */

export type ModifierIndicator = 0 | 1 | 9;

export interface NcciEdit {
  column1: string;
  column2: string;
  modifierIndicator: ModifierIndicator;
  /** "YYYY-MM-DD", first day in force. */
  effective: string;
  /** "YYYY-MM-DD", first day no longer in force; null while in force. */
  deletion: string | null;
  source: string;
}

/** A pair with no NCCI edit that some payers still want a modifier on (seed: "may be required"). */
export interface PayerPolicyPair {
  codes: readonly [string, string];
  note: string;
  source: string;
}

export const NCCI_TABLE_VERSION = {
  id: 'scribe-therapy-subset-2026Q1',
  /** Date used when a visit gives no date of service. */
  asOf: '2026-01-01',
  /** Rows whose original effective date is not recorded here carry this baseline date. */
  baseline: '2020-01-01',
} as const;

const RECALLED = 'outside seeds: recalled from public NCCI summaries; verify against the CMS quarterly practitioner PTP file';
const EVAL_2020 = 'outside seeds: NCCI 2020 therapy evaluation edits as reported by APTA (DOMAIN.md 2.5); verify against the CMS file';

const cmt = ['98940', '98941', '98942'] as const;
const ptEval = ['97161', '97162', '97163'] as const;

export const NCCI_EDITS: readonly NcciEdit[] = [
  { column1: '97140', column2: '97530', modifierIndicator: 1, effective: NCCI_TABLE_VERSION.baseline, deletion: null, source: RECALLED },
  { column1: '97530', column2: '97116', modifierIndicator: 1, effective: NCCI_TABLE_VERSION.baseline, deletion: null, source: RECALLED },
  { column1: '97140', column2: '97124', modifierIndicator: 1, effective: NCCI_TABLE_VERSION.baseline, deletion: null,
    source: `${RECALLED}; seed [003/AUTO]: distinct regions with modifier 59 only` },
  ...ptEval.map((e): NcciEdit => ({ column1: e, column2: '97140', modifierIndicator: 1, effective: '2020-01-01', deletion: null, source: EVAL_2020 })),
  // The January 2020 evaluation/97530 edits were reversed the same month: kept to show deletion.
  ...ptEval.map((e): NcciEdit => ({ column1: e, column2: '97530', modifierIndicator: 1, effective: '2020-01-01', deletion: '2020-01-01', source: `${EVAL_2020}; reversed` })),
  { column1: '97164', column2: '97530', modifierIndicator: 1, effective: '2020-01-01', deletion: null, source: EVAL_2020 },
  { column1: '97164', column2: '97150', modifierIndicator: 1, effective: '2020-01-01', deletion: null, source: EVAL_2020 },
  ...cmt.flatMap((c): NcciEdit[] => ['97140', '97112', '97124'].map((p) => ({
    column1: c, column2: p, modifierIndicator: 1 as const, effective: NCCI_TABLE_VERSION.baseline, deletion: null, source: RECALLED,
  }))),
];

/** Pairs the seeds say "may" need 59 "depending on payer", with no NCCI edit in this table. */
export const PAYER_POLICY_PAIRS: readonly PayerPolicyPair[] = [
  { codes: ['97110', '97530'], note: 'Some payers require modifier 59 on one of these codes', source: 'DOMAIN.md 2.5 [000/M59], [000/VS]' },
  { codes: ['97110', '97112'], note: 'Modifier 59 may be required depending on the payer', source: 'DOMAIN.md 2.5 [000/M59]' },
  { codes: ['97110', '97140'], note: 'Modifier 59 may be needed per payer', source: 'DOMAIN.md 2.5 [000/M59]' },
];

/** True when the edit is in force on the date ("YYYY-MM-DD" compares as text). */
export function editInForce(edit: NcciEdit, date: string): boolean {
  if (edit.modifierIndicator === 9) return false;
  return edit.effective <= date && (edit.deletion === null || date < edit.deletion);
}

/** The edit in force for two codes in either order, or null. */
export function findEdit(edits: readonly NcciEdit[], a: string, b: string, date: string): NcciEdit | null {
  return (
    edits.find((e) => ((e.column1 === a && e.column2 === b) || (e.column1 === b && e.column2 === a)) && editInForce(e, date)) ??
    null
  );
}
