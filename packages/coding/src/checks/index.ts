/** Every documentation check, run in a fixed order and sorted so the output is stable. */
import type { CodingCheck } from '../output.ts';
import { icd10Invalid, referralMissing } from './claim.checks.ts';
import type { CheckContext, CheckRule } from './context.ts';
import { missingGoalLink, missingMeasurableOutcome, neuromotorDeficitMissing } from './documentation.checks.ts';
import { modifier59Consideration } from './modifier.checks.ts';
import { missingLaterality, sameRegionOverlap } from './region.checks.ts';
import { missingClockTimes, overlappingTimeBlocks, under8Minutes } from './time.checks.ts';
import { vagueIntervention } from './vague.checks.ts';

export type { CheckContext } from './context.ts';

const RULES: readonly CheckRule[] = [
  overlappingTimeBlocks,
  referralMissing,
  icd10Invalid,
  sameRegionOverlap,
  modifier59Consideration,
  missingGoalLink,
  missingClockTimes,
  under8Minutes,
  missingMeasurableOutcome,
  neuromotorDeficitMissing,
  missingLaterality,
  vagueIntervention,
];

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** Run every check; errors first, then warnings, then info, each in rule order. */
export function runChecks(ctx: CheckContext): CodingCheck[] {
  const found = RULES.flatMap((rule, order) => rule(ctx).map((check) => ({ check, order })));
  return found
    .sort((x, y) => SEVERITY_RANK[x.check.severity] - SEVERITY_RANK[y.check.severity] || x.order - y.order ||
      (x.check.codes.join() < y.check.codes.join() ? -1 : x.check.codes.join() > y.check.codes.join() ? 1 : 0))
    .map((x) => x.check);
}
