/**
 * The coding engine's entry point: a visit in, CPT lines with units and modifiers, the
 * documentation checks, and the explanation of the unit math out. Pure and deterministic:
 * the same visit in any order of its lists gives the same result.
 */
import { runChecks } from './checks/index.ts';
import type { VisitInput } from './input.ts';
import { buildLines } from './lines.ts';
import { buildModel } from './model.ts';
import { analysePairs } from './modifiers.ts';
import { resolveOptions, type CodingOptions } from './options.ts';
import type { CodingResult } from './output.ts';

/**
 * Code one visit. `options` adjusts payer choices (unit method, modifier style, edit table,
 * payer modifier rules, the clock-time requirement); see `CodingOptions`.
 */
export function codeVisit(input: VisitInput, options?: CodingOptions): CodingResult {
  const resolved = resolveOptions(input, options);
  if (!(input.speechUtteranceCount > 0)) {
    return {
      unitMethod: resolved.unitMethod,
      totalTimedMinutes: 0,
      lines: [],
      checks: [{
        id: 'silent_or_empty_audio',
        severity: 'error',
        codes: [],
        message: 'The recording holds no usable speech, so nothing was drafted or coded. Check the microphone and record or dictate the visit again.',
        evidence: [],
      }],
      explanation: ['No usable speech in the recording: no codes are suggested.'],
    };
  }
  const model = buildModel(input, resolved);
  const pairs = analysePairs(model);
  const billed = model.groups.filter((g) => g.units > 0);
  const checks = runChecks({ model, billed, billedTimed: billed.filter((g) => g.timed), pairs });
  const totalTimedMinutes = model.groups.filter((g) => g.timed).reduce((s, g) => s + (g.minutes ?? 0), 0);
  return {
    unitMethod: resolved.unitMethod,
    totalTimedMinutes,
    lines: buildLines(model, pairs),
    checks,
    explanation: [...model.explanation, ...pairs.map((p) => `${p.codes.join(' + ')}: ${p.reason}`)],
  };
}
