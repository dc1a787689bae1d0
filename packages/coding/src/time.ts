/**
 * Clock times of timed blocks: parse "HH:MM", derive the counted minutes of a block, and find
 * blocks that overlap (DOMAIN.md 2.2: blocks for different codes "do not overlap" [000/VS]).
 */
import type { LedgerEntry } from './input.ts';

export interface ClockSpan {
  /** Minutes since midnight. */
  start: number;
  stop: number;
}

export interface BlockTime {
  /** Minutes counted for billing; null when the block documents no usable time. */
  minutes: number | null;
  /** The clock span when both times were said and make sense. */
  clock: ClockSpan | null;
  /** Why the counted minutes differ from what was said, if they do. */
  note: string | null;
}

const CLOCK = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** Minutes since midnight of "HH:MM" (24-hour), or null when malformed. */
export function parseClock(value: string | null): number | null {
  if (value === null) return null;
  const m = CLOCK.exec(value.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/**
 * The minutes a block counts for. Stated minutes win when they fit inside the clock span
 * (not every clock minute is direct contact); stated minutes longer than the span are cut to
 * the span, because the time record must support the units (DOMAIN.md 2.6 T3). With no stated
 * minutes, the span is used. A stop time before the start time makes the clock times unusable.
 */
export function blockTime(entry: Pick<LedgerEntry, 'minutes' | 'startTime' | 'stopTime'>): BlockTime {
  const stated = entry.minutes !== null && Number.isFinite(entry.minutes) && entry.minutes >= 0 ? entry.minutes : null;
  const start = parseClock(entry.startTime);
  const stop = parseClock(entry.stopTime);
  let clock: ClockSpan | null = null;
  let note: string | null = null;
  if (start !== null && stop !== null) {
    if (stop > start) clock = { start, stop };
    else note = `clock times ${entry.startTime}-${entry.stopTime} do not form a forward span; they are ignored`;
  } else if (entry.startTime !== null || entry.stopTime !== null) {
    note = 'only one usable clock time was documented';
  }
  if (clock === null) return { minutes: stated, clock: null, note };
  const span = clock.stop - clock.start;
  if (stated === null) return { minutes: span, clock, note: `minutes taken from the clock times (${span})` };
  if (stated > span) {
    return { minutes: span, clock, note: `stated ${stated} min exceed the ${span} min between the clock times; ${span} counted` };
  }
  return { minutes: stated, clock, note };
}

/** "HH:MM" of minutes since midnight. */
export function formatClock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/**
 * Pairs of blocks whose clock spans overlap (touching ends do not overlap). Returned sorted
 * by id so the result does not depend on input order.
 */
export function overlappingPairs<T extends { id: string; clock: ClockSpan | null }>(blocks: readonly T[]): [T, T][] {
  const timed = blocks.filter((b) => b.clock !== null).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const pairs: [T, T][] = [];
  for (let i = 0; i < timed.length; i++) {
    for (let j = i + 1; j < timed.length; j++) {
      const a = timed[i]!.clock!;
      const b = timed[j]!.clock!;
      if (a.start < b.stop && b.start < a.stop) pairs.push([timed[i]!, timed[j]!]);
    }
  }
  return pairs;
}
