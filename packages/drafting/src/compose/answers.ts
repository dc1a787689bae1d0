/**
 * What a short answer means from the question before it (DOMAIN.md 1.5: S holds
 * "patient-reported symptoms and functional limitations", goals and ratings): "Pads?" - "I
 * stopped wearing them" is about pads; "On the functional scale, running was a two out of ten
 * at the start. Today?" - "Eight." is running 8/10 against 2/10; "What would you most like to
 * get back to?" - "Doing my own hair." is the patient's goal.
 */
import { utteranceOf, type Unit } from '../extract/units.ts';
import { SUBJECTIVE_CUE } from '../extract/cues.ts';
import { sidesIn } from '../text/laterality.ts';
import { regionsIn } from '../lexicon/anatomy.ts';
import { symptomMentions } from '../text/negation.ts';
import { gerund } from '../text/verbs.ts';

/** A question asking for the patient's own goals. */
export const GOAL_Q = /\bwhat (?:would|do|did) (?:you|he|she) (?:most )?(?:like|want|hope|wish)\b|\bwhat are (?:your|his|her) goals\b|\bwhat (?:matters|is) most\b|\bgoals? for (?:therapy|you|him|her)\b|\bget back to\b[^?]*\?|\bwhat (?:do|would) you (?:miss|need) (?:most|to do)\b/i;

/** A rating scale named in the question or the clinician's words around it. */
const SCALE = /\b0-10\b|\/10\b|\bout of 10\b|\b[01] to 10\b|\bscale\b/i;


export interface Scale {
  /** What the scale rates ("running", "severity"), when said. */
  label: string | null;
  /** An earlier rating on it with when it was given ("2/10 at start"). */
  baseline: string | null;
  uttId: string;
}

/**
 * The 0-10 scale a bare number answers: named in the question or in the clinician's utterance
 * that asked it ("On the functional scale, running was a two out of ten at the start. Today?").
 */
export function scaleOf(units: readonly Unit[], q: Unit): Scale | null {
  const said = utteranceOf(units, q);
  if (!SCALE.test(said)) return null;
  const prior = /\b([a-z]+(?: [a-z]+)?) (?:was|is|were) (?:a |an )?(\d{1,2})\/10( at (?:the )?(?:start|evaluation|intake|first visit)| last (?:week|visit|time))?/i.exec(said);
  const severity = /\bsever(?:e|ity)\b/i.test(said) ? 'severity' : null;
  const label = prior && !/^(?:it|that|this|pain|you|he|she)$/i.test(prior[1] ?? '') ? (prior[1] ?? '').replace(/^(?:the|your|his|her) /i, '') : severity;
  const baseline = prior ? `${prior[2]}/10${(prior[3] ?? '').replace(/ the /, ' ')}` : null;
  return { label, baseline, uttId: q.uttId };
}

const FILLER_Q = /^(?:today|now|right now|yeah|yes|really|okay|ok|and|so|good|better|worse|anything else|what else|else|how|why|when|where|who|what)$/i;

/** "How's your sleep?", "And how has the swallowing been lately?": what a how-question asks about. */
const HOW_Q = /^(?:(?:and|so|okay|ok|now)[,]?\s+)?how(?:'s| is| are| was| were| has| have)\s+(?:the |your |his |her |their )?([a-z][a-z'-]*(?: [a-z][a-z'-]*){0,2}?)(?:\s+(?:been|going|doing|feeling|treating (?:you|him|her)|lately|these days|this week|since (?:the |your )?last (?:visit|time|session)|now|today))*\?$/i;
/** Clinical topics a how-question may ask about beyond symptoms, body parts and function words. */
const HOW_TOPIC = /\b(?:exercises|home (?:program|exercises)|HEP|appetite|energy|mood|balance|endurance|memory|handwriting|stamina)\b/i;

/**
 * A verdict given as the whole answer: "Terrible.", "Much better.", "Pretty good, actually." It says
 * how the thing asked about is (DOMAIN.md 1.5 S: patient-reported symptoms and function).
 */
export const SHORT_VERDICT = /^(?:(?:oh|well|um|uh|honestly)[,]?\s+)?(?:(?:pretty|really|much|a lot|a (?:little|bit)|not (?:too|so|that)|kind of|sort of|so much|way|about the)\s+)*(?:good|great|fine|okay|ok|better|worse|terrible|awful|bad|poor|rough|same|improving|horrible|lousy|excellent|decent|so-so|fair|everywhere|always|all the time|most of the time|every day|mostly|looser|loose|tighter|lighter|stiffer|easier|freer|relaxed|(?:all |completely |totally )?(?:gone|resolved)|(?:bone|very|super|so) (?:dry|stiff|tight|sore|numb|weak|tired)|(?:just |only )?once|twice|never|a (?:few|couple(?: of)?) times|\d+ times)\b(?:,?\s+(?:actually|really|honestly|thanks|I guess|I think|overall|mostly|lately|today|now))?[.!]?$/i;

/** "How does it feel?", "How does the knee feel now?": how the patient feels, often after treatment; group 1 is what was asked about. */
export const FEEL_Q = /\bhow (?:does|do|did) (?:it|that|this|everything|(?:the|your|his|her) ([a-z]+(?: [a-z]+)?)) feel\b|\bhow(?:'s| is| are) (?:it|that|everything) feeling\b/i;

/**
 * A verdict answered to "How does it feel?": "Looser. Way looser." -> "Patient reports feeling
 * way looser."; to "How does the knee feel?" -> "Knee feels better." (DOMAIN.md 1.5 S: the
 * patient's report, here the response to treatment). Null for another question or answer.
 */
export function feelingAnswer(question: string, answer: string, who: string): string | null {
  const m = FEEL_Q.exec(question);
  if (!m || !SHORT_VERDICT.test(answer.trim())) return null;
  const verdict = answer.trim().replace(/^(?:oh|well|um|uh|honestly)[,]?\s+/i, '').replace(/[.!]+$/, '').toLowerCase();
  return m[1] ? `${m[1].charAt(0).toUpperCase()}${m[1].slice(1).toLowerCase()} feels ${verdict}.` : `${who} reports feeling ${verdict}.`;
}

/**
 * The thing a short question asks about: "Pads?" -> "pads", "And the bruise?" -> "bruise",
 * "Headaches?" -> "headaches", "How's your sleep?" -> "sleep" (a how-question only about a
 * symptom, a body part or a function, not "How was the weekend?"). Other questions with a verb
 * or a wh-word are not bare nouns.
 */
export function askedAbout(question: string): string | null {
  // "And how are you eating right now?", "How is he sleeping?": the activity asked about
  const doing = /^(?:(?:and|so|okay|ok|now)[,]?\s+)?how (?:are|is) (?:you|he|she|they) ((?:eat|sleep|walk|swallow|talk|drink|manag|cop|driv|writ|dress)\w*ing)\b(?:\s+(?:now|right now|these days|lately|at home|today))*\?$/i.exec(question.trim())?.[1];
  if (doing) return doing.toLowerCase();
  const how = HOW_Q.exec(question.trim())?.[1]?.toLowerCase();
  if (how && !/\b(?:you|it|that|this|things|everything|life|weekend|family|day|trip|holiday|vacation|drive in|ride|commute|traffic|parking|weather|game)\b/.test(how)
    && (regionsIn(how).length > 0 || symptomMentions(how).length > 0 || SUBJECTIVE_CUE.test(how) || HOW_TOPIC.test(how))) return how;
  // ("How about carrying the car seat?", "And sitting to feed her?": an activity with what it is for, up to five words;
  // "And the right leg pain now?" asks about the right leg pain)
  // ("Still wearing the splint?" asks about wearing the splint)
  const m = /^(?:(?:and|so|okay|ok|what about|how about)[,]?\s+)?(?:still\s+(?=[a-z]+ing\b))?(?:the |your |his |her |any )?([a-z][a-z'-]*(?: [a-z][a-z'-]*){0,2}|[a-z]+ing(?: [a-z][a-z'-]*){1,4})(?:,?\s+(?:now|today|these days|lately|anymore))?\?$/i.exec(question.trim());
  const noun = m?.[1]?.trim();
  if (!noun || FILLER_Q.test(noun) || /\b(?:is|are|was|were|do|does|did|has|have|can|will|you|it|that|this|how|what|where|when|why|who|which)\b|'s\b/i.test(noun)) return null;
  return noun.toLowerCase();
}

/** "How far can you walk now?", "How long is he sitting in the chair at a stretch?": how much of an activity is asked. */
const AMOUNT_Q = /^(?:(?:and|so|okay|ok|now)[,]?\s+)?how (?:far|long|often|many (?:times|hours|minutes|blocks|days|nights)|much)\s+(?:can|could|do|does|did|is|are|was|were|will|would)\s+(?:you|he|she|they)\s+(?:usually\s+|normally\s+|still\s+|currently\s+)?([a-z]+)\b([^?]*)\?$/i;
/** "How long are your hands stiff in the morning?": how long a part stays in a state. */
const STATE_Q = /^(?:(?:and|so|okay|ok|now)[,]?\s+)?how long (?:is|are|does|do|is it that) (?:your|the|his|her) ([a-z]+(?: [a-z]+)?) (?:stay |feel |get )?(stiff|sore|swollen|numb|tight)\b([^?]*)\?$/i;
/** "How much water do you drink in a day?", "How many cups of coffee does she have?": how much of something is taken. */
const INTAKE_Q = /^(?:(?:and|so|okay|ok|now)[,]?\s+)?how (?:much|many) ((?:cups|glasses|bottles|cans) of [a-z]+|[a-z]+) (?:do|does|did|would) (?:you|he|she|they) (?:usually |normally |typically )?(?:drink|eat|have|take|smoke|get)\b([^?]*)\?$/i;
/** An answer giving an amount: a number, or how often ("most days", "every night"). */
const AMOUNT_A = /\d|\b(?:most|every|all|each|some|half|a (?:few|couple)|couple|daily|nightly|weekly|never|once|twice|blocks?|miles?|an hour|a minute)\b/i;

/**
 * The activity whose amount a question asks about, as charted: "How far can you walk now?" ->
 * "walking", "How long is he sitting in the chair at a stretch?" -> "sitting in the chair at a
 * stretch" (DOMAIN.md 1.5 S: functional limitations, measurable: "walks 2 blocks"). A short
 * answer ("Maybe two blocks.") says nothing without it. Null for other questions or answers.
 */
export function amountAsked(question: string, answer: string): string | null {
  // "How much water do you drink in a day?" -> "water in a day"
  const intake = INTAKE_Q.exec(question.trim());
  if (intake && AMOUNT_A.test(answer)) return `${intake[1]}${(intake[2] ?? '').replace(/\b(?:your|his|her|their)\s+/gi, '')}`.toLowerCase().replace(/\s+/g, ' ').trim();
  // "How long are your hands stiff in the morning?" -> "hands stiff in the morning"
  const state = STATE_Q.exec(question.trim());
  if (state && AMOUNT_A.test(answer)) return `${state[1]} ${state[2]}${(state[3] ?? '').replace(/\b(?:your|his|her|their)\s+/gi, '')}`.toLowerCase().replace(/\s+/g, ' ').trim();
  const m = AMOUNT_Q.exec(question.trim());
  const verb = m?.[1]?.toLowerCase();
  if (!m || !verb || !AMOUNT_A.test(answer) || /^(?:it|that|this|the|a|an|your|his|her|to|be|been|being|feel|feeling|have|get|had|going)$/.test(verb)) return null;
  const rest = (m[2] ?? '').replace(/\b(?:now|today|these days|right now|lately|anymore)\b/gi, '').replace(/\b(?:your|his|her|their)\s+/gi, '').replace(/\s+/g, ' ').trim();
  // "How often are you doing the exercises?": what is done says it
  if (verb === 'doing' && rest) return rest.replace(/^the /i, '');
  return [gerund(verb), rest].filter(Boolean).join(' ');
}

/** "Yeah, two this week" -> "two this week": the yes said before the answer proper. */
export function withoutYes(text: string): string {
  return text.replace(/^(?:yeah|yes|yep|yup|uh-huh|sure|mm-hmm)[,.!]?\s+/i, '');
}

/** "Which hand do you write with?", "Are you right- or left-handed?": a question about hand dominance. */
const DOMINANCE_Q = /\bwhich hand do (?:you|you usually|he|she) (?:write|eat|use)\b|\b(?:a )?(?:righty|lefty)\b[^?]*\?|\b(?:right|left)[- ]?(?:or (?:left|right)[- ]?)?handed\b|\bdominant (?:hand|side|arm)\b|\bhand dominance\b/i;

/**
 * The dominant hand an answer gives ("My right.", "Lefty.", "Right-handed") to a question about
 * it, charted "Right hand dominant" (upper-extremity evaluations record dominance, DOMAIN.md 1.5
 * history). Null when the question is another or the answer names no side, or both.
 */
export function handDominance(question: string, answer: string): 'right' | 'left' | null {
  if (!DOMINANCE_Q.test(question)) return null;
  // ("Right-handed. My brother's a lefty.": the first sentence answers; the rest is about someone else)
  for (const part of [answer.split(/(?<=[.!?])\s+/)[0] ?? answer, answer]) {
    const right = /\b(?:right|righty)\b/i.test(part);
    const left = /\b(?:left|lefty)\b/i.test(part);
    if (right !== left) return right ? 'right' : 'left';
  }
  return null;
}

/** "Which side?", "Left or right?", "Which one, left or right?": the side of what was just named is asked. */
const SIDE_Q = /^(?:(?:and|so|okay|ok)[,]?\s+)?(?:which (?:side|one)(?:, (?:left|right) or (?:left|right))?|(?:left|right) or (?:left|right)|what side)\?$/i;

/**
 * "The neck's the one bugging me now." - "Which side?" - "The right.": the side of the body part the
 * patient named in the turn before the question (DOMAIN.md 1.6: laterality as said, never invented).
 * Null when the question is another, the answer names no single side, or no part was named.
 */
export function sideAnswered(question: string, answer: string, before: string | undefined): { part: string; side: 'left' | 'right' } | null {
  if (!SIDE_Q.test(question.trim()) || !before) return null;
  // (the first sentence of the answer: "The right. When I feed her I hold her on my left arm ..." is the right)
  // (a bare "Right." is the side here, not "correct")
  const bare = /^(?:the |my |on the )?(left|right)(?: side| one)?[.!]?$/i.exec(answer.trim())?.[1]?.toLowerCase() as 'left' | 'right' | undefined;
  const sides = bare ? [bare] : [...new Set(sidesIn(answer).map((x) => x.side))];
  const parts = regionsIn(before);
  const part = parts[parts.length - 1]?.match.toLowerCase();
  const side = sides[0];
  return sides.length === 1 && part && (side === 'left' || side === 'right') ? { part, side } : null;
}
