/**
 * What the coding engine returns. Structurally identical to the `coding` object of a note
 * in API.md (the domain package's `Coding` schema), plus an explanation of the unit math.
 */

export type UnitMethod = 'cms_total_time' | 'per_code';
export type Severity = 'info' | 'warning' | 'error';

/** Check ids from eval/FORMAT.md. */
export type CheckId =
  | 'missing_goal_link'
  | 'missing_clock_times'
  | 'under_8_minutes'
  | 'modifier_59_consideration'
  | 'same_region_overlap'
  | 'missing_laterality'
  | 'vague_intervention'
  | 'missing_measurable_outcome'
  | 'neuromotor_deficit_missing'
  | 'referral_missing'
  | 'icd10_invalid'
  | 'silent_or_empty_audio'
  /**
   * Added by coding, beyond eval/FORMAT.md: two timed blocks overlap in clock time, so the
   * minutes cannot be trusted; the engine refuses to assign timed units until it is fixed.
   */
  | 'overlapping_time_blocks';

export interface CodingLine {
  code: string;
  description: string;
  /** Direct timed minutes for a timed code; null for untimed codes. */
  minutes: number | null;
  units: number;
  modifiers: string[];
  rationale: string;
  evidence: string[];
}

export interface CodingCheck {
  id: CheckId;
  severity: Severity;
  codes: string[];
  message: string;
  evidence: string[];
}

export interface CodingResult {
  unitMethod: UnitMethod;
  totalTimedMinutes: number;
  lines: CodingLine[];
  checks: CodingCheck[];
  /** How the units were reached: minutes per code, total, the rule applied, in plain words. */
  explanation: string[];
}
