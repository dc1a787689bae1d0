/**
 * Negation scope, NegEx style (Chapman et al. 2001): a pre-negation trigger ("no",
 * "denies", "without", "negative for") negates the symptom words that follow it in the same
 * clause; a post trigger ("is gone", "resolved") negates the words before it. DOMAIN.md 1.6:
 * "ensure clinical negations are correct (e.g., 'denies numbness')".
 */
import { SYMPTOM, symptomKey } from '../lexicon/symptoms.ts';

const PRE = /\b(?:no|not|nor|denies|denied|denying|without|never|negative for|free of|absence of|none|nothing like|nope)\b|n't\b/gi;
const POST = /\b(?:is|are|has|have|was|were)?\s*(?:totally |completely |all )?(?:gone|resolved|absent|went away|cleared)\b/gi;
/** Words that close a negation scope ("you didn't cough, so that's silent aspiration": the aspiration is asserted;
 *  "No tightness, just a little soreness": the soreness is). */
const CLAUSE_END = /[.;:!?]|\b(?:but|except|only|however|although|though|which|whereas)\b|,\s*(?:so|just|instead)\b/i;

export interface SymptomMention {
  key: string;
  word: string;
  index: number;
  negated: boolean;
}

/** What follows a symptom to make "not" a hedge: "doesn't hurt much", "doesn't hurt that bad". */
const HEDGE = /^\s*(?:(?:that|too|so|very|as) )?(?:much|bad)\b|^\s*a lot\b/i;

/** Every symptom word in the text with whether it is negated. */
export function symptomMentions(text: string): SymptomMention[] {
  const out: SymptomMention[] = [];
  SYMPTOM.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SYMPTOM.exec(text))) {
    out.push({ key: symptomKey(m[0]), word: m[0], index: m.index, negated: isNegated(text, m.index, m[0].length) });
  }
  return out;
}

function isNegated(text: string, index: number, length: number): boolean {
  // pre-trigger: look back to the clause start, at most 8 words
  const before = text.slice(0, index);
  const cut = lastClauseEnd(before);
  const scope = before.slice(cut).split(/\s+/).slice(-9).join(' ');
  PRE.lastIndex = 0;
  // "It doesn't hurt much", "not that bad": a hedge says a little, not none (DOMAIN.md 1.6)
  if (PRE.test(scope)) return !(HEDGE.test(text.slice(index + length)) && !/\b(?:no|never|without|denies|denied)\b/i.test(scope));
  // post-trigger: within the rest of the clause, 4 words
  const after = text.slice(index + length);
  const end = after.search(CLAUSE_END);
  const tail = (end >= 0 ? after.slice(0, end) : after).split(/\s+/).slice(0, 6).join(' ');
  POST.lastIndex = 0;
  return POST.test(tail);
}

function lastClauseEnd(s: string): number {
  let best = 0;
  const re = new RegExp(CLAUSE_END.source, 'gi');
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) best = m.index + m[0].length;
  return best;
}

/** True when the text mentions the symptom (by key) only under negation. */
export function onlyNegated(text: string, key: string): boolean {
  const hits = symptomMentions(text).filter((s) => s.key === key);
  return hits.length > 0 && hits.every((s) => s.negated);
}
