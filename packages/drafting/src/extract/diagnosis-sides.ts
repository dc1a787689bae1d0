/**
 * Sides the diagnosis states ("Presence of left artificial knee joint", "Right arthroscopic
 * supraspinatus repair"): a limb part the visit names without a side is that side when the
 * diagnosis is certain about it (coding dev-cases README: "the side only when said or certain
 * from the diagnosis"). A diagnosis naming both sides of a region settles nothing.
 */
import type { Side } from '@scribe/coding';
import { PAIRED_REGIONS, regionsIn } from '../lexicon/anatomy.ts';
import { sidesIn } from '../text/laterality.ts';

/** Region -> side, from the EMR's diagnosis descriptions. */
export function diagnosisSides(descriptions: readonly string[]): Map<string, Side> {
  const found = new Map<string, Set<Side>>();
  for (const text of descriptions) {
    const sides = sidesIn(text);
    for (const r of regionsIn(text)) {
      if (!PAIRED_REGIONS.has(r.region)) continue;
      const near = sides.filter((s) => Math.abs(s.index - r.index) <= 30).sort((a, b) => Math.abs(a.index - r.index) - Math.abs(b.index - r.index))[0];
      if (near) found.set(r.region, new Set([...(found.get(r.region) ?? []), near.side]));
    }
  }
  return new Map([...found].filter(([, s]) => s.size === 1).map(([r, s]) => [r, [...s][0] as Side]));
}
