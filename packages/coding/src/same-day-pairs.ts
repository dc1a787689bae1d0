/**
 * The commonly bundled same-day pairs that raise `modifier_59_consideration` when both codes
 * are billed with units > 0: exactly the list of eval/FORMAT.md (from DOMAIN.md 2.5).
 */

export interface ConsiderationPair {
  first: readonly string[];
  second: readonly string[];
}

const CMT = ['98940', '98941', '98942'] as const;

export const CONSIDERATION_PAIRS: readonly ConsiderationPair[] = [
  { first: ['97110'], second: ['97530'] },
  { first: ['97110'], second: ['97112'] },
  { first: ['97110'], second: ['97140'] },
  { first: ['97140'], second: ['97530'] },
  { first: ['97116'], second: ['97530'] },
  { first: ['97124'], second: ['97140'] },
  { first: CMT, second: ['97140', '97112', '97124'] },
  { first: ['97161', '97162', '97163'], second: ['97140'] },
  { first: ['97164'], second: ['97530', '97150'] },
];

/** Every [a, b] pair of billed codes that the list names, each once, sorted. */
export function considerationPairsAmong(billed: readonly string[]): [string, string][] {
  const set = new Set(billed);
  const out: [string, string][] = [];
  for (const pair of CONSIDERATION_PAIRS) {
    for (const a of pair.first) {
      if (!set.has(a)) continue;
      for (const b of pair.second) if (set.has(b)) out.push([a, b]);
    }
  }
  return out.sort((x, y) => (x.join() < y.join() ? -1 : x.join() > y.join() ? 1 : 0));
}

/** Codes whose same-region use with each other is not allowed (97124+97140, CMT+97140). */
export const NO_SHARED_REGION_PAIRS: readonly ConsiderationPair[] = [
  { first: ['97124'], second: ['97140'] },
  { first: CMT, second: ['97140'] },
];
