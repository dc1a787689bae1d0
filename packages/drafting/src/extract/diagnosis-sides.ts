/**
 * Sides the diagnosis states ("Presence of left artificial knee joint", "Right arthroscopic
 * supraspinatus repair"): a limb part the visit names without a side is that side when the
 * diagnosis is certain about it (coding dev-cases README: "the side only when said or certain
 * from the diagnosis"). A diagnosis naming both sides of a region settles nothing.
 */
import type { Side } from '@scribe/coding';
import { PAIRED_REGIONS, regionsIn } from '../lexicon/anatomy.ts';
import { sidesIn } from '../text/laterality.ts';

/** The limbs a hemiparesis takes in: every paired region but the jaw. */
const LIMB_REGIONS = [...PAIRED_REGIONS].filter((r) => r !== 'tmj');

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
  const sides = new Map([...found].filter(([, s]) => s.size === 1).map(([r, s]) => [r, [...s][0] as Side]));
  // "Left hemiparesis following cerebral infarction": the whole body side, for every limb the diagnosis does not
  // place otherwise ("left MCA stroke" names the brain's side, never the body's, and is not read here)
  const hemi = descriptions.map((t) => /\b(left|right)[- ](?:sided )?hemi(?:paresis|plegia)\b|\bhemi(?:paresis|plegia) (?:affecting|of) (?:the )?(left|right)\b/i.exec(t)).find((m) => m);
  const side = (hemi?.[1] ?? hemi?.[2])?.toLowerCase() as Side | undefined;
  if (side && !descriptions.some((t) => new RegExp(String.raw`\b${side === 'left' ? 'right' : 'left'}[- ](?:sided )?hemi(?:paresis|plegia)\b`, 'i').test(t))) {
    for (const r of LIMB_REGIONS) if (!found.has(r)) sides.set(r, side);
  }
  return sides;
}
