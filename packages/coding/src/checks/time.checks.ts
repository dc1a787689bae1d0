/**
 * Time documentation: missing_clock_times, under_8_minutes, overlapping_time_blocks.
 * Sources: DOMAIN.md 2.2 ("Actual start and stop time" [000/VS]; 8-minute rule), 2.6 T2/T3,
 * eval/FORMAT.md check ids.
 */
import { makeCheck, type CheckRule } from './context.ts';

/**
 * A timed code with minutes but no start and stop times (eval/FORMAT.md: "a timed code has
 * minutes but no start and stop times"). A block with no time at all is not raised here: it
 * earns no unit and is not billed, so there is no time record to defend (the explanation
 * says so). Clock times that do not form a forward span count as missing.
 */
export const missingClockTimes: CheckRule = ({ model }) => {
  if (!model.options.requireClockTimes) return [];
  return model.groups
    .filter((g) => g.timed)
    .flatMap((g) => {
      const noClock = g.blocks.filter((b) => b.clock === null && b.minutes !== null && b.minutes > 0);
      if (noClock.length === 0) return [];
      const message = `${g.code} has minutes but no start and stop clock times; record the actual clock times of each timed block, not an estimate.`;
      return [makeCheck('missing_clock_times', 'warning', [g.code], message, noClock.flatMap((b) => b.entry.evidence))];
    });
};

/** A timed service whose minutes earn no unit under the payer's method. */
export const under8Minutes: CheckRule = ({ model }) => {
  if (model.overlaps.length > 0) return [];
  const cms = model.options.unitMethod === 'cms_total_time';
  return model.groups
    .filter((g) => g.timed && (g.minutes ?? 0) > 0 && g.units === 0)
    .map((g) => {
      const min = g.minutes ?? 0;
      const why = cms
        ? `the visit's total timed minutes support no unit for it (its minutes still count toward the total)`
        : 'a code needs at least 8 minutes of its own for one unit';
      return makeCheck('under_8_minutes', 'info', [g.code], `${g.code}: ${min} min earn no unit: ${why}. It is not listed as a billed line.`, g.evidence);
    });
};

/** Two timed blocks overlap in clock time: units are refused until fixed. */
export const overlappingTimeBlocks: CheckRule = ({ model }) =>
  model.overlaps.map(([a, b]) =>
    makeCheck(
      'overlapping_time_blocks',
      'error',
      [a.code, b.code],
      `Timed blocks for ${a.code === b.code ? a.code : `${a.code} and ${b.code}`} overlap in clock time; direct minutes cannot be counted twice. Correct the clock times before timed units are assigned.`,
      [...a.entry.evidence, ...b.entry.evidence],
    ),
  );
