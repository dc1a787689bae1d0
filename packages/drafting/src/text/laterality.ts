/**
 * Laterality words. A side is only ever taken from what was said (SOAP5: "Always verify
 * laterality (left vs. right)"); the drafter never infers or swaps one.
 */
import type { Side } from '@scribe/coding';

const SIDE_WORD = /\b(?:right|left|bilateral(?:ly)?|both sides|both (?:knees|hips|ankles|shoulders|wrists|hands|legs|arms|feet))\b/gi;

/** Side words in a text, in order. "right" as in "all right"/"right now" is skipped. */
export function sidesIn(text: string): { side: Side; index: number }[] {
  const out: { side: Side; index: number }[] = [];
  SIDE_WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SIDE_WORD.exec(text))) {
    const w = m[0].toLowerCase();
    if (w === 'right' && !isLateralRight(text, m.index)) continue;
    out.push({ side: w === 'right' ? 'right' : w === 'left' ? 'left' : 'bilateral', index: m.index });
  }
  return out;
}

/** "right" is a side unless it is "all right", "right now", "right there", "right in ...", "that's right", "Right," (agreement). */
function isLateralRight(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 12), index).toLowerCase();
  const after = text.slice(index + 5, index + 20).toLowerCase();
  if (/\b(?:all|that's|that is|you're|alright)\s*$/.test(before)) return false;
  if (/^\s*(?:now|away|here|there|after|before|behind|in front|at the|back|,\s*(?:good|okay|great|the strap))/.test(after)) return false;
  // "right in the average range", "right where it hurts", "right between the shoulder blades": "exactly", not a side
  if (/^\s*(?:in|at|on|into|around|about|where|when|under|over|above|below|between|next to|through|along)(?![\w-])/.test(after)) return false;
  if (index === 0 && /^\s*[,.!?]/.test(after)) return false;
  if (/^[\s,]*\?/.test(after)) return false;
  return true;
}

/** The single side named near a position (same clause), or null when none or conflicting. */
export function sideNear(text: string, index: number, window = 40): Side | null {
  const sides = sidesIn(text).filter((s) => Math.abs(s.index - index) <= window);
  if (sides.length === 0) return null;
  sides.sort((a, b) => Math.abs(a.index - index) - Math.abs(b.index - index));
  return sides[0]?.side ?? null;
}
