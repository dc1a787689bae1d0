/**
 * One statement per timed treatment block: what was done with its parameters, then the
 * clock times and minutes exactly as said ("Leg press: 40 lb, 3x15; terminal knee
 * extensions, 3x20 with green band (10:05-10:23, 18 min)."). The sentences it summarises
 * are not repeated; measures and goal links said inside the block keep their own statements.
 */
import { GOAL_LINK } from '../extract/cues.ts';
import { describeBlock } from '../extract/describe.ts';
import { type Block, mainKind } from '../extract/ledger.ts';

const MEASURED = /\d+(?:\.\d+)?[+-]?\/\d+|\d+°|\d+(?:\.\d+)? (?:cm|s)\b|\d+%/;

export interface BlockSummary {
  text: string;
  /** Units folded into the summary (not drafted again on their own). */
  used: Set<number>;
  evidence: string[];
  description: string;
  /** Purposes said inside the summarised sentences ("..., to restore the flexion he needs to kneel"). */
  purposes: { text: string; uttId: string }[];
}

/** Summaries of the blocks that carry clock times or stated minutes. */
export function summarizeBlocks(blocks: Block[], discipline?: string): BlockSummary[] {
  const out: BlockSummary[] = [];
  for (const b of blocks) {
    // a pack laid on ("Let's get the moist heat on your neck while you rest") is charted whether or not it was timed
    if (!b.start && !b.minutesSaid && mainKind(b) !== 'hot_cold_pack') continue;
    const { parts, used, purposes } = describeBlock(b, discipline);
    // ("Therapeutic exercise, start 2:05, stop 2:19: ..." without its times: no "start, stop" left behind)
    const description = (parts.join('; ') || [...new Set(b.kinds.map((k) => k.match.toLowerCase()))].join(', '))
      .replace(/,?\s*\b(?:start(?:ed|ing)?|stop(?:ped)?|began|ended)\b(?=\s*(?:[,.:;]|$))/gi, '');
    // nothing said names what was done: no summary; the sentences are drafted one by one
    if (!description) continue;
    const times = b.start?.said && b.stop?.said ? `${b.start.said}-${b.stop.said}` : b.start?.said ? `from ${b.start.said}` : '';
    const mins = b.minutesSaid && !new RegExp(`\\b${b.minutes} min\\b`).test(description) ? `${b.minutes} min` : '';
    const when = [times, mins].filter(Boolean).join(', ');
    for (const u of b.units) {
      const marker = /\d{1,2}:\d{2}|\b\d+ min\b/.test(u.text) && !MEASURED.test(u.text) && !GOAL_LINK.test(u.text);
      if (marker && u.speaker === 'clinician') used.add(u.idx);
    }
    const evidence = [...new Set([b.start?.uttId, b.stop?.uttId, b.minutesSaid, ...b.units.filter((u) => used.has(u.idx)).map((u) => u.uttId)].filter((x): x is string => !!x))];
    const text = `${description.charAt(0).toUpperCase()}${description.slice(1)}${when ? ` (${when})` : ''}.`;
    out.push({ text, used, evidence, description, purposes: purposes.filter((p) => used.has(p.idx)) });
  }
  return out;
}
