/**
 * Evaluation complexity as the clinician states it ("a moderate complexity evaluation").
 * The drafter never derives complexity itself (DOMAIN.md 2.13: the criteria are not in the
 * seeds); null when not said.
 */
import type { Complexity } from '@scribe/coding';
import type { Unit } from './units.ts';

/** "a moderate complexity evaluation", "Complexity is low: ...", "complexity: high". */
const STATED = /\b(low|moderate|medium|high)[- ]complexity\b|\bcomplexity(?: is| was| level(?: is)?)?:?\s+(low|moderate|medium|high)\b/i;

/** "What complexity would you call this one?" - "Moderate.": the level answered to a question about it. */
const ANSWERED = /^(?:(?:i'd say|I would say|it's|that's)\s+)?(low|moderate|medium|high)\b(?:[.,!]|\s+complexity\b|$)/i;

/** The stated complexity and the utterance that said it. */
export function statedComplexity(units: Unit[]): { complexity: Complexity; uttId: string } | null {
  for (const u of units) {
    if (u.speaker !== 'clinician') continue;
    const m = STATED.exec(u.text);
    // (the clinician answering a student's or colleague's question about the complexity: the first sentence of the answer)
    const asked = units[u.idx - 1];
    const a = !m && u.sentIndex === 0 && asked && asked.uttId !== u.uttId && /\bcomplexity\b/i.test(asked.text) && asked.isQuestion ? ANSWERED.exec(u.text.trim()) : null;
    const w = (m?.[1] ?? m?.[2] ?? a?.[1] ?? '').toLowerCase();
    if (w) return { complexity: w === 'medium' ? 'moderate' : (w as Complexity), uttId: u.uttId };
  }
  return null;
}
