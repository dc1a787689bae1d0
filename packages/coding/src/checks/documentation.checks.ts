/**
 * Per-code documentation: missing_goal_link, missing_measurable_outcome,
 * neuromotor_deficit_missing. Only billed codes are checked: an unbilled block is already
 * reported by the time checks and carries no claim risk.
 * Sources: DOMAIN.md 2.4 (required elements), 2.6 T1 (goal connection), T9-T11 (97112),
 * 2.3 outcome-measure vocabulary.
 */
import { catalogueEntry } from '../catalogue.ts';
import { citesNonNeuromotorDeficit, hasMeasuredNeuromotorDeficit } from '../classify.ts';
import { makeCheck, type CheckRule } from './context.ts';

/**
 * A block outcome counts when it is measured: a number, or an assist level, including the help a
 * task needed said as cueing ("by the end verbal cues only, no hands-on help": the patient
 * performance level of DOMAIN.md 2.4, 97530). "Tolerated well" or "feels better" is not an
 * objective result (DOMAIN.md 2.6 T21, 3.2 "WNL", "Strength improved").
 */
export function isMeasuredOutcome(outcome: string | null): boolean {
  if (outcome === null) return false;
  const text = outcome.toLowerCase();
  return /\d/.test(text) || /independent|supervision|(min(imal)?|mod(erate)?|max(imal)?) assist|contact guard|stand[- ]?by/.test(text)
    || /\b(?:verbal|visual|tactile|gestural) cues? only\b|\bno hands-on\b|\bhand-over-hand\b/.test(text);
}

/** A billed timed code with no sentence tying it to a plan-of-care goal. */
export const missingGoalLink: CheckRule = ({ billedTimed }) =>
  billedTimed
    .filter((g) => g.blocks.every((b) => !b.entry.linkedGoal || b.entry.linkedGoal.trim() === ''))
    .map((g) =>
      makeCheck('missing_goal_link', 'warning', [g.code],
        `${g.code} has no sentence tying it to a plan-of-care goal; add what this service advances (the most common denial reason for timed codes).`,
        g.evidence),
    );

/**
 * A billed timed code without an objective measure against baseline: no block outcome, and no
 * measure of a kind that fits the code (e.g. degrees or MMT for 97110, balance or JPS for 97112)
 * stated with a baseline.
 */
export const missingMeasurableOutcome: CheckRule = ({ model, billedTimed }) =>
  billedTimed
    .filter((g) => {
      if (g.blocks.some((b) => isMeasuredOutcome(b.entry.outcome))) return false;
      const kinds = catalogueEntry(g.code).outcomeKinds;
      return !model.input.measures.some((m) => kinds.includes(m.kind) && m.baseline !== null && m.baseline.trim() !== '');
    })
    .map((g) =>
      makeCheck('missing_measurable_outcome', 'warning', [g.code],
        `${g.code} has no objective result compared with a baseline; record a measure (degrees, grade, seconds, assist level) before and after or against the last visit.`,
        g.evidence),
    );

/** 97112 billed without a specific, measured neuromotor deficit documented first. */
export const neuromotorDeficitMissing: CheckRule = ({ model, billed }) =>
  billed
    .filter((g) => g.code === '97112')
    .filter((g) => g.blocks.some((b) => !hasMeasuredNeuromotorDeficit(b.entry, model.input.measures) || citesNonNeuromotorDeficit(b.entry)))
    .map((g) =>
      makeCheck('neuromotor_deficit_missing', 'warning', [g.code],
        '97112 needs a specific neuromotor deficit measured before treatment (e.g. single-leg stance time, joint position sense error, Berg score); balance activities alone, deconditioning or weakness do not support it.',
        g.evidence),
    );
