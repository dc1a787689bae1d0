/**
 * A number the next speaker corrects: "I lost fifteen pounds, I think." - (wife) "Eighteen, hon.
 * The scale at the oncologist said eighteen." The value charted is the corrected one, citing both
 * turns; the one taken back is never charted (DOMAIN.md 1.6: the value meant).
 */
import type { Unit } from '../extract/units.ts';

const NUMBER = /(?<![\d/.:x])\d+(?:\.\d+)?(?![\d/:x]|\.\d)/g;
/** "Eighteen, hon.", "No, 18.", "More like 20.", "It was 18 pounds.": a bare number answered back, nothing else. */
const BARE_CORRECTION = /^(?:(?:no|nope|actually|more like|it was|it's|closer to)[,]?\s+)*(\d+(?:\.\d+)?)(?: ?(lb|kg|min|s|weeks?|days?|months?|years?|times))?(?:,\s*(?:hon|honey|dear|love|mom|dad|babe|sweetie|actually|remember|[A-Z][a-z]+))?[.!]?$/i;
/** A span said with an article: "in the hospital a week". */
const ARTICLE_SPAN = /\b(?:a|an|one) (day|week|month|year)\b/i;
const DAYS: Record<string, number> = { day: 1, week: 7, month: 30, year: 365 };
const days = (unit: string) => DAYS[unit.toLowerCase().replace(/s$/, '')] ?? null;

export function correctedNumber(units: readonly Unit[], u: Unit): { from: string; to: string; uttId: string } | null {
  // (a sentence saying something with its number: "Ten days? Twelve?" is a guess, not a statement)
  const said = u.text.match(NUMBER) ?? [];
  // ("I was in the hospital a week." - "Ten days, Ingrid.": a span said with an article, corrected in days)
  const span = said.length === 0 ? ARTICLE_SPAN.exec(u.text) : null;
  if ((said.length === 0 && !span) || u.isQuestion || u.text.split(/\s+/).length < 3) return null;
  const last = units.filter((x) => x.uttId === u.uttId).pop();
  if (!last || last.idx !== u.idx) return null;
  const next = units[u.idx + 1];
  if (!next || next.uttId === u.uttId || next.speaker === u.speaker || next.isQuestion) return null;
  const m = BARE_CORRECTION.exec(next.text.trim());
  if (span) {
    const was = days(span[1] ?? '');
    const now = m?.[2] ? days(m[2]) : null;
    const ratio = was && now ? (Number(m?.[1]) * now) / was : 0;
    return m && ratio >= 0.5 && ratio <= 2 && ratio !== 1 ? { from: span[0], to: `${m[1]} ${m[2]?.toLowerCase()}`, uttId: next.uttId } : null;
  }
  const to = m?.[1];
  // a correction is near the value it corrects ("fifteen" -> "eighteen"), not another quantity
  // ("at her progress note, visit 10, her timed up and go was 14.2" - "13.1, actually.": the one number it can correct)
  const near = said.filter((n) => n !== to && Number(to) / Number(n) >= 0.5 && Number(to) / Number(n) <= 2 && (said.length === 1 || n.includes('.') === (to ?? '').includes('.')));
  const from = near.length === 1 ? near[0] ?? '' : '';
  if (!to || !from) return null;
  return { from, to, uttId: next.uttId };
}
