/**
 * Timed-unit arithmetic: the 8-minute chart, the CMS total-time method and the per-code method.
 * Pure numbers in, units and plain-language steps out.
 */
import type { UnitMethod } from './output.ts';

/** Minutes of one timed code (same-code blocks already summed). */
export interface CodeMinutes {
  code: string;
  minutes: number;
}

export interface UnitAllocation {
  method: UnitMethod;
  totalMinutes: number;
  /** Units per code, for every code given (0 when it earns none). */
  units: Map<string, number>;
  /** How the units were reached, one sentence each. */
  steps: string[];
}

/**
 * Units the 8-minute chart gives for a number of minutes: < 8 = 0, 8-22 = 1, 23-37 = 2,
 * 38-52 = 3, 53-67 = 4, 68-82 = 5, ... (one more unit every 15 minutes, without end).
 * Source: CMS Pub. 100-04 Ch. 5 §20.2; DOMAIN.md 2.2 with the seed's truncated
 * "53 minutes and above = 4 units" corrected (2.14 item 4).
 */
export function unitsForMinutes(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes < 8) return 0;
  return Math.floor((minutes - 8) / 15) + 1;
}

/** The chart band a number of minutes falls in, for explanations ("23-37 min = 2 units"). */
export function chartBand(minutes: number): string {
  const units = unitsForMinutes(minutes);
  if (units === 0) return 'under 8 min = 0 units';
  const low = 8 + (units - 1) * 15;
  return `${low}-${low + 14} min = ${units} unit${units === 1 ? '' : 's'}`;
}

/**
 * Per-code method (commercial, auto, workers' comp, self-pay by default): each code's own
 * minutes go through the chart on their own; the visit total decides nothing.
 * Source: DOMAIN.md 2.2 [000/VS FAQ] "each code stands on its own time documentation".
 */
export function perCodeUnits(codes: readonly CodeMinutes[]): UnitAllocation {
  const sorted = [...codes].sort(byCode);
  const units = new Map<string, number>();
  const steps: string[] = ['Unit method: per code. Each timed code is billed on its own minutes under the 8-minute chart (DOMAIN.md 2.2).'];
  let total = 0;
  for (const c of sorted) {
    total += c.minutes;
    const u = unitsForMinutes(c.minutes);
    units.set(c.code, u);
    steps.push(`${c.code}: ${fmt(c.minutes)} min -> ${u} unit${u === 1 ? '' : 's'} (${chartBand(c.minutes)}).`);
  }
  steps.push(`Total timed minutes ${fmt(total)} (not used to set units under this method).`);
  return { method: 'per_code', totalMinutes: total, units, steps };
}

/**
 * CMS total timed minutes (Medicare; Medicaid by default): the visit's total timed minutes
 * give the total units; each code first gets its whole 15-minute units, then each remaining
 * unit goes to the code with the most remaining minutes.
 * Ties on remaining minutes go to the code with more total minutes, then to the lower code
 * number, so the result never depends on input order (CMS leaves a tie to the clinician,
 * who can change the suggestion).
 * Source: CMS Pub. 100-04 Ch. 5 §20.2; DOMAIN.md 2.2.
 */
export function cmsTotalTimeUnits(codes: readonly CodeMinutes[]): UnitAllocation {
  const sorted = [...codes].sort(byCode);
  const total = sorted.reduce((sum, c) => sum + c.minutes, 0);
  const totalUnits = unitsForMinutes(total);
  const steps: string[] = [
    'Unit method: CMS total timed minutes (CMS Pub. 100-04 Ch. 5 §20.2). The total of all timed minutes sets the number of units; units are then assigned by minutes.',
    ...sorted.map((c) => `${c.code}: ${fmt(c.minutes)} min.`),
    `Total timed minutes ${fmt(total)} -> ${totalUnits} unit${totalUnits === 1 ? '' : 's'} (${chartBand(total)}).`,
  ];
  const units = new Map<string, number>();
  const remaining = new Map<string, number>();
  let assigned = 0;
  for (const c of sorted) {
    const whole = Math.floor(c.minutes / 15);
    units.set(c.code, whole);
    remaining.set(c.code, c.minutes - whole * 15);
    assigned += whole;
  }
  if (assigned > 0) {
    steps.push(`Whole 15-minute units: ${sorted.map((c) => `${c.code} ${units.get(c.code)}`).join(', ')}.`);
  }
  // assigned <= totalUnits always holds: the sum of floors never exceeds the floor of the sum.
  let left = totalUnits - assigned;
  const order = [...sorted].sort(
    (a, b) => (remaining.get(b.code) ?? 0) - (remaining.get(a.code) ?? 0) || b.minutes - a.minutes || byCode(a, b),
  );
  for (const c of order) {
    if (left <= 0) break;
    const rest = remaining.get(c.code) ?? 0;
    if (rest <= 0) break;
    units.set(c.code, (units.get(c.code) ?? 0) + 1);
    left -= 1;
    const tie = order.some((o) => o.code !== c.code && remaining.get(o.code) === rest);
    steps.push(
      `Remaining unit assigned to ${c.code}: it has the most remaining minutes (${fmt(rest)})` +
        (tie ? '; tie broken by more total minutes, then the lower code number.' : '.'),
    );
  }
  const unassigned = order.filter((c) => (units.get(c.code) ?? 0) === 0 && c.minutes > 0);
  for (const c of unassigned) {
    steps.push(`${c.code}: its ${fmt(c.minutes)} min count toward the total but earn no unit of their own.`);
  }
  return { method: 'cms_total_time', totalMinutes: total, units, steps };
}

/** Allocate units with the given method. */
export function allocateUnits(method: UnitMethod, codes: readonly CodeMinutes[]): UnitAllocation {
  return method === 'cms_total_time' ? cmsTotalTimeUnits(codes) : perCodeUnits(codes);
}

function byCode(a: CodeMinutes, b: CodeMinutes): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

function fmt(minutes: number): string {
  return Number.isInteger(minutes) ? String(minutes) : minutes.toFixed(1);
}
