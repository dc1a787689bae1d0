/**
 * Evaluation complexity as the clinician states it ("a moderate complexity evaluation").
 * The drafter never derives complexity itself (DOMAIN.md 2.13: the criteria are not in the
 * seeds); null when not said.
 */
import type { Complexity } from '@scribe/coding';
import type { Unit } from './units.ts';

/** "a moderate complexity evaluation", "Complexity is low: ...", "complexity: high". */
const STATED = /\b(low|moderate|medium|high)[- ]complexity\b|\bcomplexity(?: is| was| level(?: is)?)?:?\s+(low|moderate|medium|high)\b/i;

/** The stated complexity and the utterance that said it. */
export function statedComplexity(units: Unit[]): { complexity: Complexity; uttId: string } | null {
  for (const u of units) {
    if (u.speaker !== 'clinician') continue;
    const m = STATED.exec(u.text);
    if (m) {
      const w = (m[1] ?? m[2] ?? '').toLowerCase();
      return { complexity: w === 'medium' ? 'moderate' : (w as Complexity), uttId: u.uttId };
    }
  }
  return null;
}
