/**
 * A 0-10 rating said without its scale: "it's maybe a five today", "the neck's better, maybe a
 * three". Patients rarely say "out of ten" twice; when they rate a body part or a symptom the
 * number is on the 0-10 scale (DOMAIN.md 1.5 "pain reports"; 2.4 "pain location and 0–10 scale").
 */
import { regionsIn } from '../lexicon/anatomy.ts';
import { symptomMentions } from '../text/negation.ts';

/** What may follow a bare rating: the end of a clause or when it held, never a unit or a noun. */
const AFTER = String.raw`(?=\s*(?:[,.;!?]|$|(?:today|now|right now|tonight|yesterday|this (?:morning|week|weekend|afternoon|evening)|last (?:night|week|weekend)|at (?:rest|worst|best|night|most)|on (?:a )?(?:good|bad) days?|(?:on )?(?:mon|tues|wednes|thurs|fri|satur|sun)day(?: (?:night|morning))?|(?:in the )?(?:mornings?|nights?|evenings?)|when(?:ever)?|after|if|by the time|with)\b))`;
/** "like a seven", "maybe a 5", "about a three": the hedge and article mark a rating said short. */
const BARE_RATING = new RegExp(String.raw`\b(?:(?:more |probably |more like |like |about |maybe |around |probably )+)?(?:a|an) (\d{1,2})\b(?!\.\d|[\d/%°:-])${AFTER}`, 'gi');

/** The sentence with each bare rating written as N/10, or null when none is said. */
export function bareRatings(sentence: string): string | null {
  if (/\/10\b/.test(sentence)) return null;
  let found = false;
  // "Four right now.", "Three today.": a number that is the whole sentence but for when it holds
  const lead = /^(\d{1,2})(\s+(?:right now|now|today|at rest|at the moment)[.!]?)$/i.exec(sentence.trim());
  if (lead && Number(lead[1]) <= 10) return `${lead[1]}/10${lead[2]}`;
  const out = sentence.replace(BARE_RATING, (m, n: string) => {
    if (Number(n) > 10) return m;
    found = true;
    return `${n}/10`;
  });
  return found ? out : null;
}

/** A rating is read as one only when the speaker's turn is about the body or a symptom. */
export function ratesBodyOrSymptom(utterance: string, question = ''): boolean {
  const about = `${utterance} ${question}`;
  // "Zero to ten, those first steps in the morning?": the question sets the scale itself
  return regionsIn(about).length > 0 || symptomMentions(about).length > 0 || /\b(?:pain|scale|rate|rating|flare\w*|grabbed|better|worse)\b/i.test(about) || SCALE_SAID.test(question);
}

/** A 0-10 scale stated in words: "out of 10", "0 to 10", "5/10". */
const SCALE_SAID = /\/10\b|\b0 ?- ?10\b|\b(?:0|zero|1|one) (?:to|through) (?:10|ten)\b|\bout of (?:10|ten)\b/i;

/**
 * The utterance that set the 0-10 scale before this point of the visit (a clinician's "on a
 * scale of zero to ten", or an earlier "four out of ten"): a bare rating is charted as N/10
 * only with it cited, since the "10" must be said somewhere the statement cites.
 */
export function scaleUtterance<T extends { idx: number; uttId: string; text: string }>(units: readonly T[], at: number): T | undefined {
  for (let i = at - 1; i >= 0; i--) {
    const p = units[i];
    if (p && SCALE_SAID.test(p.text)) return p;
  }
  return undefined;
}

/** A symptom a rating names: "a 6/10 for the dizziness", "dizziness is a 6/10". */
const TOPIC = '(pain|dizziness|nausea|stiffness|soreness|numbness|tingling|fatigue|headaches?|vertigo)';
const RATED_TOPIC = [
  new RegExp(String.raw`\b\d{1,2}/10 (?:for|of|on) (?:the |my |his |her |your )?${TOPIC}\b`, 'i'),
  new RegExp(String.raw`\b${TOPIC}(?:'s| is| was| at| about| around| maybe| like| a| an|,)* \d{1,2}/10\b`, 'i'),
];

/**
 * The symptom last rated by name in the 80 sentences before this one ("I'd say a 6/10 for the
 * dizziness." ... "How bad?" - "5/10."): a rating said bare later in the visit is on that scale
 * (DOMAIN.md 1.5: a pain or symptom report names what was rated). Null when none was named.
 */
export function ratedTopic<T extends { idx: number; uttId: string; text: string }>(units: readonly T[], at: number): { topic: string; uttId: string } | null {
  for (let i = at - 1; i >= 0 && i >= at - 80; i--) {
    const p = units[i];
    const m = p && RATED_TOPIC.map((re) => re.exec(p.text)).find(Boolean);
    if (p && m?.[1]) return { topic: m[1].toLowerCase(), uttId: p.uttId };
  }
  return null;
}

/** "like a five", "about a three": a rating said short, never a count of something ("a 2 min walk"). */
export const SHORT_RATING = /\b(?:(?:like|about|maybe|around)\s+)?(?:a|an) (\d{1,2})\b(?!\d|\.\d|[/%°:-]|\s*(?:lb|cm|s|min|minutes?|hours?|days?|weeks?|months?|years?|times|x|of)\b)/i;

/**
 * "It's like a five today." - clinician: "Five out of ten.": the clinician's next turn saying the
 * short rating back on the 0-10 scale, which puts it there (and is cited with it). Undefined otherwise.
 */
export function confirmingTurn<T extends { idx: number; uttId: string; text: string; speaker: string }>(units: readonly T[], u: T): T | undefined {
  const n = SHORT_RATING.exec(u.text)?.[1];
  const next = units.slice(u.idx + 1, u.idx + 4).find((x) => x.uttId !== u.uttId);
  return n !== undefined && Number(n) <= 10 && next?.speaker === 'clinician' && /^(\d{1,2})\/10\b/.exec(next.text)?.[1] === n ? next : undefined;
}
