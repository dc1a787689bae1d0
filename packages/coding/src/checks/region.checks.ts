/**
 * Regions: missing_laterality and same_region_overlap.
 * Sources: DOMAIN.md 2.6 T6 (laterality "for every unilateral condition", CO-4), T27 and 2.5
 * (97124 and 97140 "cannot bill for the same region in the same session"; CMT with 97140).
 */
import type { Side } from '../input.ts';
import { regionRef, sameStructure } from '../regions.ts';
import { listWords } from '../text.ts';
import { NO_SHARED_REGION_PAIRS } from '../same-day-pairs.ts';
import { makeCheck, type CheckRule } from './context.ts';

interface Mention {
  group: string;
  side: Side | null;
  evidence: readonly string[];
  code: string | null;
  /** A limb region, or one where a side was pointed at: it needs a side. */
  paired: boolean;
}

/** The limb a paired group belongs to: a side said for the limb covers its parts. */
const LIMB: Record<string, string> = {
  shoulder: 'upper', arm: 'upper', elbow: 'upper', forearm: 'upper', wrist: 'upper', hand: 'upper', finger: 'upper', thumb: 'upper',
  hip: 'lower', thigh: 'lower', knee: 'lower', leg: 'lower', ankle: 'lower', foot: 'lower', toe: 'lower',
};

/**
 * A paired (limb) region named without a side anywhere in the visit: no mention of that
 * region, and no mention of another part of the same limb, in the treatment blocks or the
 * body-part mentions, carries a side. A side said once for the limb ("right shoulder ...
 * elbow at the side") documents the condition's laterality (DOMAIN.md 2.6 T6 is about
 * conditions and interventions with no side at all). A spinal or trunk region counts too when
 * a side was pointed at there but never named ("the upper trap on that side").
 */
export const missingLaterality: CheckRule = ({ model }) => {
  const mentions: Mention[] = [
    ...model.blocks.flatMap((b) => b.regions.map((r) => ({ group: r.group, side: r.side, evidence: b.entry.evidence, code: b.code, paired: r.paired }))),
    ...model.input.bodyParts.map((p) => {
      const r = regionRef(p.region, p.side);
      return { group: r.group, side: p.side, evidence: p.evidence, code: null, paired: r.paired || p.sidePointedAt === true };
    }),
  ];
  const sided = new Set(mentions.filter((m) => m.side !== null).flatMap((m) => [m.group, LIMB[m.group] ?? m.group]));
  const unsided = mentions.filter((m) => m.paired && m.side === null && !sided.has(m.group) && !sided.has(LIMB[m.group] ?? m.group));
  if (unsided.length === 0) return [];
  const groups = [...new Set(unsided.map((m) => m.group))].sort();
  return [
    makeCheck('missing_laterality', 'warning', unsided.flatMap((m) => (m.code ? [m.code] : [])),
      `No side is documented for the ${listWords(groups)}; state right, left or bilateral for every unilateral condition and intervention (a claim without laterality is a CO-4 denial risk).`,
      unsided.flatMap((m) => m.evidence)),
  ];
};

/** Two codes that may not share a region (97124 with 97140, CMT with 97140) name the same one. */
export const sameRegionOverlap: CheckRule = ({ billed }) => {
  const out = [];
  for (const pair of NO_SHARED_REGION_PAIRS) {
    for (const a of billed.filter((g) => pair.first.includes(g.code))) {
      for (const b of billed.filter((g) => pair.second.includes(g.code))) {
        const shared = new Set<string>();
        const evidence: string[] = [];
        for (const ba of a.blocks) {
          for (const bb of b.blocks) {
            for (const ra of ba.regions) {
              for (const rb of bb.regions) {
                if (sameStructure(ra, rb)) {
                  shared.add(ra.group);
                  evidence.push(...ba.entry.evidence, ...bb.entry.evidence);
                }
              }
            }
          }
        }
        if (shared.size === 0) continue;
        out.push(makeCheck('same_region_overlap', 'error', [a.code, b.code],
          `${a.code} and ${b.code} both name the ${listWords([...shared].sort())} region; they cannot be billed on the same region in one session. Bill one of them there, or document clearly distinct regions for each.`,
          evidence));
      }
    }
  }
  return out;
};
