/**
 * Patient (and family or interpreter) speech in clinical prose: the question before gives
 * a short answer its subject ("How's the left knee?" - "It aches" -> "The left knee aches"),
 * a bare "no" to a symptom question is a denial, a rating asked again is on the scale just
 * used, and a figure of speech is kept verbatim in quotation marks (DOMAIN.md 1.5, 1.6,
 * 5.B item 5; FORMAT.md voice leaks).
 */
import { regionsIn } from '../lexicon/anatomy.ts';
import { symptomMentions } from '../text/negation.ts';
import { sidesIn } from '../text/laterality.ts';
import { toThirdPerson, type Voice } from '../text/voice.ts';
import { gerund } from '../text/verbs.ts';
import { amountAsked, askedAbout, feelingAnswer, GOAL_Q, scaleOf, SHORT_VERDICT, withoutYes } from './answers.ts';
import { bareRatings, confirmingTurn, ratedTopic, ratesBodyOrSymptom, scaleUtterance, SHORT_RATING } from './ratings.ts';
import { utteranceOf, type Unit } from '../extract/units.ts';
import { foreignSentence } from '../text/language.ts';
import { NICKNAME } from './prose.ts';

/** A figure of speech worth keeping verbatim: "like a frog", "doesn't listen", "like it's not mine". */
export const FIGURATIVE = /\blike (?:(?:a|an) (?![\d.]+\b)|it's|it is|I'm|my|someone|something|sandpaper|glass|wood|they're|they are|it was|I was|I've)|\bas if\b|\bfeels? like\b|\bmade of\b|n't listen|won't (?:listen|come|cooperate)|\bnot mine\b|\bnever been the same\b/i;
/** A short answer that is a likeness: "Like sandpaper.", "Like a knife." */
export const LIKENESS = /^(?:it's |it feels )?like (?:a |an )?[a-z]+(?: [a-z]+)?[.!]?$/i;
/** "She says ...": an interpreter or family member relaying the patient's words. */
const RELAYED = /^(?:(?:she|he|they) (?:says|said|reports|tells (?:me|us))|the patient (?:says|said))(?: that)?,?\s*/i;
export const DIFFICULTY_Q = /\b(?:hardest|bugging|bothering|problem|trouble|difficult|hard for|(?:still |most )?hard(?:er)?(?=\s*\?)|limit|still getting in the way|worst|worse|bring (?:it|them) on|sets? (?:it|them) off|aggravat\w*)\b/i;
const BARE_NO = /^(?:no|nope|none|never|not really|no,? (?:none|nothing)|none of (?:that|those|them))[.!]?$/i;
/** An answer that begins by saying no: "No, nothing.", "No, none of that.", "Not really.", "Nope, no ringing." */
// "No, nothing." is one denial; in "No, nothing below the knee." the "nothing" belongs to what follows
export const LEADING_NO = /^(?:no|nope|none|nothing|never|not really)\b(?:,? (?:(?:nothing like that|not really|none of (?:that|those|them))[,.;!]?|(?:none|nothing)(?:[,.;!]|$))|[,.;!])\s*|^not really$/i;
/** A yes/no question: "Any redness ...?", "Has anyone teased him?", "Numbness, tingling, weakness in the arms?" */
// ... also after a topic: "And eating, any trouble chewing or swallowing?"
/** "Do you drop things?" - "Yes, I drop cups sometimes ...": a yes, with what follows it, answers the question. */
export const LEADING_YES = /^(?:yes|yeah|yep|yup|uh-huh|mm-hm|sometimes|occasionally|a little)\b[,.]?\s+\S/i;
/** A yes said as how often: "All the time.", "Constantly.", "Pretty much every day." */
export const FREQUENT_YES = /^(?:(?:oh|well|um|uh|honestly)[,]?\s+)?((?:pretty much |almost )?(?:all the time|constantly|always|every (?:day|night|morning|time)|most (?:days|nights|mornings)|daily|nightly|non-?stop))[.!]?$/i;
/** A yes/no question whose content reads back as a phrase ("Does it wake you up at night?" -> "waking the patient up at night"). */
const YES_ABOUT_Q = /^(?:(?:and|so|okay|now)[,]?\s+)?(?:any|do you|does it|does that|did you|did it|have you|has it|are you)\b/i;
export const YES_NO_Q = /^(?:(?:and|so|okay|ok|now)[,]?\s+)?(?:[a-z]+(?: [a-z]+)?,\s+)?(?:any|has|have|had|did|does|do|is|are|was|were|can|could|ever)\b/i;

/** A nickname ending a question: "And no pain, bud?". */
const NICKNAME_AT_END = new RegExp(`,\\s*(?:${NICKNAME})$`, 'i');

/**
 * What a "no" denies: the question's content without its auxiliary, in the third person.
 * "Any redness, warmth, fever, any cuts on that arm?" -> "redness, warmth, fever, cuts on that
 * arm"; "Has anyone teased him?" -> "anyone teased him"; "Does he avoid talking?" -> "avoiding
 * talking"; "Any numbness or tingling down into the hand?" -> "numbness or tingling down into the hand".
 */
export function deniedContent(question: string): string {
  let t = question.replace(/\?+\s*$/, '').replace(/^(?:(?:and|so|okay|ok|now)[,]?\s+)/i, '').trim()
    // "And no pain, bud?": the leading "no" and a nickname are not what is denied
    .replace(NICKNAME_AT_END, '').replace(/^no\s+(?=[a-z])/i, '');
  // an unpunctuated ASR question keeps the word before it: "nice any numbness or tingling in the hands"
  t = t.replace(/^(?!(?:has|have|had|did|does|do|is|are|was|were|can|could)\b)[a-z]+[,.]?\s+(?=any\s)/i, '');
  // "Has the knee buckled?" -> "knee buckling": a body part as the subject stays
  const part = /^(?:has|have|had|did|does|do|is|are|was|were)\s+(?:the|your|his|her|their)\s+([a-z]+)\s+(?:ever\s+|still\s+|also\s+)?(\w+(?:ed|en))\b\s*/i.exec(t);
  const aux = part ? null : /^(?:has|have|had|did|does|do|is|are|was|were|can|could)\s+(?:(he|she|they|you|it|(?:the )?patient|[A-Z][a-z]+)\s+)?(?:ever\s+|still\s+|also\s+|already\s+)?(\w+)\b\s*/i.exec(t);
  if (part) t = `${part[1]} ${gerund(part[2] ?? '')} ${t.slice(part[0].length)}`;
  else if (aux && aux[1] && !/^(?:anyone|anybody|someone|any)$/i.test(aux[1])) t = `${gerund(aux[2] ?? '')} ${t.slice(aux[0].length)}`;
  else if (aux) t = t.slice(/^\w+\s+/.exec(t)?.[0].length ?? 0);
  // "Has it given way on you?": who it happened to is the patient, said already
  t = t.replace(/\s+on (?:you|him|her|them)\s*$/i, '');
  t = t.replace(/\b(?:any|ever)\s+/gi, '').replace(/\s+(?:at all|lately|recently|these days|since\b.*)$/i, '').trim();
  // "pain in the left shoulder" -> "left shoulder pain": the symptom after where it is, as charted
  t = t.replace(/^(pain|numbness|tingling|swelling|stiffness|weakness) in (?:the |your |his |her |their )?((?:left |right )?[a-z]*[a-rt-z])$/i, '$2 $1');
  return lowerFirst(/\b(?:you|your|I|my|me|we|our)\b/i.test(t) ? toThirdPerson(t, 'clinician') : t).replace(/\s+/g, ' ');
}

export function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function lowerFirst(s: string): string {
  return /^(?:A|[A-Z][a-z]+)\b/.test(s) && !/^(?:Dr|I)\b/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

/**
 * The clinician question just before this unit's utterance, if any. Through an interpreter the
 * question is rendered and answered in another language before the English answer comes
 * ("Any numbness?" - "¿Siente entumecimiento?" - "No, nada de eso." - "No, none of that."):
 * those turns are passed over.
 */
export function questionBefore(units: Unit[], u: Unit): Unit | undefined {
  let skipped = 0;
  for (let i = u.idx - 1; i >= 0 && i >= u.idx - 4 - skipped; i--) {
    const p = units[i];
    if (!p) break;
    if (p.uttId === u.uttId) continue;
    if (p.speaker !== 'clinician' && (foreignSentence(p.text) || foreignTurn(units, p) || relayedNext(units, p))) { skipped++; continue; }
    return p.speaker === 'clinician' && p.isQuestion ? p : undefined;
  }
  return undefined;
}

/** A patient's turn that a third speaker gives again right after it (the interpreter's English). */
function relayedNext(units: Unit[], p: Unit): boolean {
  if (p.speaker !== 'patient') return false;
  const next = units.slice(p.idx + 1).find((x) => x.uttId !== p.uttId);
  return next?.speaker === 'other' && !foreignSentence(next.text) && units.some((x) => x.speaker === 'other' && foreignSentence(x.text));
}

function regionPhrase(q: Unit): string | null {
  const r = regionsIn(q.text)[0];
  if (!r) return null;
  const side = sidesIn(q.text).find((s) => s.index < r.index && r.index - s.index < 10);
  return `the ${side ? `${side.side} ` : ''}${r.match.toLowerCase()}`;
}

/** Assistive equipment a question asks about ("And the tub bench, how are the showers going?"). */
const EQUIPMENT = /\b((?:tub |shower |transfer )?bench|shower chair|cane|walker|rollator|crutch(?:es)?|wheelchair|splint|brace|sling|reacher|sock aid|grab bar|orthosis|AFO|night guard|hearing aids?)\b/i;

/** The equipment a question names, when the answer is about its use (DOMAIN.md 1.5 functional limitations). */
export function equipmentAsked(question: string): string | null {
  return EQUIPMENT.exec(question)?.[1]?.toLowerCase() ?? null;
}

/** A question about where a symptom is: "Where's the pain now, same spot?", "Which side?". */
const LOCATION_Q = /\bwhere(?:'s| is| does| do)?\b|\bsame (?:spot|place|side|area)\b|\bwhich side\b/i;

/** "My neck's fine", "The hand is okay": a body part said to be well. */
const FINE = /^(?:(?:and|but|oh|no|nope)[,]?\s+)?(?:my|the|his|her) ([a-z]+(?: [a-z]+)?)(?:'s| is| are| feels?| has been| have been)\s+(?:totally |completely |perfectly |just |been )?(?:fine|okay|ok|good|alright|all right|normal)\b[.!]?$/i;

/**
 * "Any neck pain?" - "My neck's fine.": the body part asked about with a symptom, said to be
 * fine, is that symptom denied ("denies neck pain", DOMAIN.md 1.6). Any question of the
 * clinician's turn may be the one answered. Null when no question of the turn names that body
 * part with a symptom.
 */
function deniedAsFine(units: Unit[], q: Unit, answer: string): { denied: string; uttId: string } | null {
  const part = FINE.exec(answer.trim())?.[1];
  const region = part ? regionsIn(part)[0] : undefined;
  if (!region) return null;
  for (const x of units.filter((y) => y.uttId === q.uttId && y.isQuestion)) {
    const r = regionsIn(x.text).find((k) => k.region === region.region);
    const symptom = symptomMentions(x.text)[0];
    if (r && symptom) return { denied: `${r.match.toLowerCase()} ${symptom.word.toLowerCase()}`, uttId: x.uttId };
  }
  return null;
}

/** A sentence that says no, or that all is well ("The hearing's fine", "Nothing down the leg"). */
const NEGATION = /^(?:no|nope|never|none|not)\b|n't\b|\b(?:not|never|no|nothing|none|fine|okay|normal|same as always)\b/i;

/** Word stems of 4+ letters ("given way" and "gave way" share "way"; "locking" is "lock"). */
function stemsOf(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[a-z]{3,}/g) ?? []).filter((w) => !/^(?:the|and|any|you|your|patient|has|have|had|did|does|was|were|with|that|this|from|into)$/.test(w))
    .map((w) => w.replace(/(?:ing|ed|en|es|s)$/, '').slice(0, 4)));
}

/** An interpreter in the room: a third speaker who speaks another language, or relays the patient ("She says ...") more than once, or renders a patient who speaks another language. */
export function hasInterpreter(units: readonly Unit[]): boolean {
  const other = units.filter((x) => x.speaker === 'other');
  // (an interpreter who speaks only English in the transcript shows by the patient's own turns in another language)
  return other.some((x) => foreignSentence(x.text)) || other.filter((x) => RELAYED.test(x.text)).length >= 2
    || (other.length > 0 && units.filter((x) => x.speaker === 'patient' && foreignSentence(x.text)).length >= 2)
    || other.some((x) => /\bI(?:'ll| will| am going to) interpret\b|\binterpret(?:ing)? (?:everything )?in (?:the )?first person\b/i.test(x.text));
}

/**
 * The interpreter's part in the visit, charted in S (who gave the history is part of it, DOMAIN.md 1.5),
 * only where the transcript says so ("thank you, Ana, for interpreting today"): never inferred from
 * another language or from relayed speech.
 */
export function interpreterStatement(units: readonly Unit[]): { section: 'subjective'; text: string; evidence: string[] } | null {
  const said = units.find((x) => /\binterpret(?:er|ers|ing|ed)?\b/i.test(x.text) && !x.isQuestion);
  return said ? { section: 'subjective', text: 'Interpreter present.', evidence: [said.uttId] } : null;
}

/**
 * With an interpreter in the room, the English given right after the patient's own-language turn
 * is the patient speaking, in the first person ("I'll interpret everything in first person"):
 * it is drafted as the patient's (DOMAIN.md 1.5 S), citing the interpreter's utterance.
 */
export function renderedAsPatient(units: Unit[]): Unit[] {
  // "I'm Luis, Spanish interpreter. I'll interpret everything in the first person.": every English turn of his answers for the patient,
  // but for what is said to him by name ("Luis, is it still pouring out there?")
  const announced = units.find((x) => x.speaker === 'other' && /\binterpret\w*\b[^.]*\bfirst person\b/i.test(x.text));
  const name = announced ? /\bI'm ([A-Z][a-z]+)\b/.exec(utteranceOf(units, announced))?.[1] : undefined;
  return units.map((u) => {
    const first = units.find((x) => x.uttId === u.uttId) ?? u;
    // "She says ..." is relayed in the third person, and drafted as such
    if (u.speaker !== 'other' || foreignSentence(u.text) || RELAYED.test(first.text)) return u;
    const before = units[first.idx - 1];
    if (before?.speaker === 'patient' && foreignTurn(units, before)) return { ...u, speaker: 'patient' as const };
    const asked = units.slice(0, first.idx).reverse().find((x) => x.speaker === 'clinician');
    const toInterpreter = !!asked && (!!name && new RegExp(`\\b${name}\\b`).test(utteranceOf(units, asked)) || /\binterpret/i.test(utteranceOf(units, asked)));
    return announced && u.uttId !== announced.uttId && asked && !toInterpreter ? { ...u, speaker: 'patient' as const } : u;
  });
}

/** A question screening the medical history by its items. */
const HISTORY_SCREEN = /\b(?:medical history|surgeries|medications?|diabetes|heart (?:problems?|disease|trouble)|heart|blood pressure|allergies|conditions)\b[^.]*\?\s*$/i;

/** A turn at least half in another language ("Seis. Antes de la caída estaba en dos."): a sentence as short as "Seis." cannot tell on its own. */
function foreignTurn(units: readonly Unit[], p: Unit): boolean {
  const turn = units.filter((x) => x.uttId === p.uttId);
  // (half is enough: "No, la verdad no. Solo cuando toso." is Spanish whatever its "No" looks like)
  return turn.filter((x) => foreignSentence(x.text)).length * 2 >= turn.length;
}

/** "Before the fall, how were you getting around?", "What were you doing before the surgery?": the prior level of function asked (DOMAIN.md 1.5). */
export const PLOF_Q = /\bbefore (?:the |your |his |her |this )?(?:fall|surgery|injury|accident|stroke|fracture|hospital\w*|operation|it happened|this happened|all this)\b|\bprior level\b|\bwhat (?:were|was) (?:you|he|she) (?:doing|able to do) before\b/i;

/** "How's your mouth feel?", "How does the knee feel": the part asked about. */
const FEEL_NOUN = /\bhow(?:'s| is| does| do)\s+(?:your|the|his|her)\s+([a-z]+)\s+feel(?:ing)?\b/i;

/** Patient speech in clinical prose. */
export function patientStatement(units: Unit[], u: Unit, voice: Voice, interpreter = false): { text: string; evidence: string[] } | null {
  // an interpreter's words are the patient's report, relayed: never a caregiver's
  const who = voice === 'patient' || interpreter ? 'Patient' : 'Caregiver';
  const evidence = [u.uttId];
  const utterance = utteranceOf(units, u);
  const first = units.find((x) => x.uttId === u.uttId) ?? u;
  const q = questionBefore(units, first);
  const leadingNo = LEADING_NO.exec(u.text);
  // ("Medical history? Diabetes, heart, any surgeries, medications?" - "Nope, healthy.": a history screen denied)
  if (leadingNo && q && (symptomMentions(q.text).length || YES_NO_Q.test(q.text) || HISTORY_SCREEN.test(q.text))) {
    const rest = u.text.slice(leadingNo[0].length).replace(/^(?:just|but)\s+/i, '');
    // "No, no pain.": the rest only says the denial again
    const repeats = symptomMentions(rest).length > 0 && symptomMentions(rest).every((m) => m.negated) && rest.split(/\s+/).length <= 4;
    const more = rest && !repeats && !BARE_NO.test(u.text) ? ` ${cap(toThirdPerson(rest, voice).replace(/^(?:Patient|Caregiver)\s+/, ''))}` : '';
    // "None of that other stuff either": the answer denies every question of the turn, not only the last
    // ... and so does one where every sentence says no: "Nope, no locking. It hasn't given out."
    // (each sentence negative after its leading "No,": "No, it gave way twice" says yes to giving way)
    const negative = units.filter((x) => x.uttId === u.uttId).every((x) => NEGATION.test(x.text.replace(LEADING_NO, '')))
      && symptomMentions(utterance).every((m) => m.negated);
    const all = negative || /\bnone of (?:that|those|them|it)\b|\bneither\b|\bnothing like that\b/i.test(utterance)
      ? units.filter((x) => x.uttId === q.uttId && x.isQuestion && x.idx !== q.idx && (symptomMentions(x.text).length || YES_NO_Q.test(x.text)) && !/^anything\b/i.test(x.text))
      : [];
    // a question whose words the answer then says without a negation was answered yes ("No, it gave way twice")
    const affirmed = rest && !NEGATION.test(rest) ? stemsOf(rest) : new Set<string>();
    const asked = [...all, q].filter((x) => ![...stemsOf(deniedContent(x.text))].some((w) => affirmed.has(w)));
    if (asked.length) {
      const denied = asked.map((x) => deniedContent(x.text)).join(', ');
      return { text: `${who} denies ${denied}.${more}`, evidence: [asked[asked.length - 1]?.uttId ?? q.uttId, u.uttId] };
    }
  }
  if (BARE_NO.test(u.text) && q) return null;
  // "Does it wake you up at night?" - "Yes, almost every night, if I turn onto that side.": what the yes says yes to, then
  // the rest (when the rest names no subject of its own: "Yes, I drop cups sometimes" says it itself)
  const yes = q && u.sentIndex === 0 && YES_ABOUT_Q.test(q.text) ? LEADING_YES.exec(u.text) : null;
  if (yes && q && !/^(?:yes|yeah|yep|yup)\b[,.]?\s+(?:I|I'm|I've|it|it's|he|she|they|we|my|the|that|this|there)\b/i.test(u.text)) {
    const rest = u.text.replace(/^(?:yes|yeah|yep|yup|uh-huh|mm-hm)\b[,.]?\s+/i, '');
    const asked = deniedContent(q.text);
    if (asked && asked.split(/\s+/).length <= 8) return { text: `${cap(asked)}: ${lowerFirst(toThirdPerson(rest, voice))}`, evidence: [q.uttId, u.uttId] };
  }
  // "Do you clear your throat a lot?" - "All the time.": how often, said for a yes, is charted with what was asked
  const often = q && u.sentIndex === 0 && YES_ABOUT_Q.test(q.text) ? FREQUENT_YES.exec(u.text.trim()) : null;
  // (how often the question asked, "a lot", the answer says: "Clearing throat: all the time.")
  const oftenAsked = often && q ? deniedContent(q.text).replace(/\s+(?:a lot|much|often|frequently)$/i, '') : '';
  if (often && q && oftenAsked && oftenAsked.split(/\s+/).length <= 8) return { text: `${cap(oftenAsked)}: ${often[1]?.toLowerCase()}.`, evidence: [q.uttId, u.uttId] };
  const fine = q ? deniedAsFine(units, q, u.text) : null;
  if (fine && q) return { text: `${who} denies ${fine.denied}.`, evidence: [fine.uttId, u.uttId] };
  // "None of that other stuff either." after a denial: the denial already says it
  if (/^(?:and )?(?:none of (?:that|those|them|it)|neither)\b(?:\s+\w+){0,4}[.!]?$/i.test(u.text.trim()) && u.sentIndex > 0) return null;
  // a figure of speech is charted in the patient's own words (DOMAIN.md 3.1 V16: "the exact phrase the patient used")
  if (voice === 'patient' && FIGURATIVE.test(u.text) && !/"/.test(u.text)) {
    // ("And the mouth, still dry?" - "Like sandpaper.": the likeness is of what was asked)
    const asked = q && LIKENESS.test(u.text.trim()) && q.text.split(/\s+/).length <= 6
      ? q.text.replace(/^(?:and|so|okay|now)[,]?\s+/i, '').replace(/^(?:the|your|his|her) /i, '').replace(/,/g, '').replace(/\?$/, '') : null;
    if (asked && q) return { text: `${cap(asked)}: "${lowerFirst(u.text.trim()).replace(/[.!]?$/, '.')}"`, evidence: [q.uttId, u.uttId] };
    const phrase = /^It\b/.test(u.text) && q ? regionPhrase(q) : null;
    return { text: `${phrase ? `${cap(phrase)}: p` : 'P'}atient states, "${u.text.replace(/[.!]?$/, '.')}"`, evidence: phrase && q ? [q.uttId, u.uttId] : evidence };
  }
  // "And right now?" - "About a three.": a rating asked again is on the scale just used
  const rating = /^(?:about|maybe|around|like|probably)?\s*(?:a|an)?\s*(\d{1,2})(?:,? (?:maybe|probably|I guess))?[.!]?$/i.exec(u.text.trim());
  if (rating && q && !/\/10\b/.test(u.text)) {
    // (the scale the patient rated on earlier in the visit: "I'm at a six out of ten by the time I get there" ... "How's the back now?" - "Like a three.")
    const earlier = units.slice(Math.max(0, u.idx - 30), u.idx).reverse().find((x) => x.speaker === u.speaker && /\b\d+(?:\.\d+)?\/10\b/.test(x.text));
    const named = scaleOf(units, q);
    const scale = named ? q : earlier;
    if (scale && Number(rating[1]) <= 10) {
      // the rating names what was rated: pain when pain was said, else the scale's item or the body part asked about
      const painSaid = /\b(?:pain|hurts?|sore|aches?)\b/i.test(`${scale.text} ${q.text}`);
      const phrase = regionPhrase(q)?.replace(/^the /, '');
      const item = named?.label ? `${named.label} ${rating[1]}/10${named.baseline ? ` (${named.baseline})` : ''}` : null;
      // "Where is it today, and how bad?" - "Right side of the neck into the shoulder. A five.": the place said first is what was rated;
      // "How does your voice feel ..., zero to ten?" - "Maybe a four.": the voice was rated
      const before = units[u.idx - 1];
      const placed = before && before.uttId === u.uttId && regionsIn(before.text).length > 0 && !/\d/.test(before.text) && before.text.split(/\s+/).length <= 12
        ? toThirdPerson(before.text, voice).replace(/[.!]+$/, '') : null;
      // ("Rate the dizziness, zero to ten?" asks about the dizziness too)
      const topic = (/\bhow(?:'s| (?:does|do|is|are))\s+(?:your |the |his |her )?([a-z]{3,})\b/i.exec(q.text) ?? /\brate (?:the |your |his |her )?([a-z]{3,})\b/i.exec(q.text))?.[1];
      // ("How woozy, zero to ten?" - "A five.": the symptom asked, in the word asked, so the cited words carry it)
      const asked = /\bhow (woozy|dizzy|sore|stiff|tight|tired|numb)\b/i.exec(q.text)?.[1]?.toLowerCase();
      const rated = placed ?? asked ?? (topic && !/^(?:you|it|that|this|things|everything|life|work|day|week)$/i.test(topic) ? topic : null);
      // ("It gets a little sore ..." - "And right now?" - "Zero.": rated as said, soreness, not an unsaid "pain")
      const painWord = !/\bpain\b/i.test(`${scale.text} ${q.text}`) && /\bsore\b/i.test(`${scale.text} ${q.text}`) ? 'soreness' : 'pain';
      // ... else the symptom rated by name earlier in the visit ("a 6/10 for the dizziness" ... "How bad, out of ten?" - "Two, maybe.")
      const last = painSaid || item || phrase || rated ? null : ratedTopic(units, u.idx);
      const what = painSaid ? `${phrase ? `${phrase} ` : ''}${painWord} ${rating[1]}/10` : item ?? (phrase ? `${cap(phrase)} ${rating[1]}/10` : rated ? `${cap(rated)} ${rating[1]}/10`
        : last ? `${last.topic} ${rating[1]}/10` : /\b0-10\b/.test(q.text) ? `${rating[1]}/10 on 0-10 scale` : `${rating[1]}/10`);
      return { text: `${who} reports ${what}.`, evidence: [...new Set([...(last ? [last.uttId] : []), scale.uttId, q.uttId, u.uttId])] };
    }
  }
  // "Eight. Lifting her, nine.": the next item of the same scale; "Four right now." after "a six when I get up"
  const rated = units.slice(Math.max(0, u.idx - 3), u.idx).some((x) => x.uttId === u.uttId && /^(?:about |maybe |around |like |a |an )*\d{1,2}[.!]?$|\/10\b/.test(x.text));
  const labelled = /^([A-Za-z][\w' ]{2,30}),\s*(\d{1,2})[.!]?$/.exec(u.text.trim()) ?? /^(?:about |maybe |around |like )?(?:a |an )?(\d{1,2}),? (right now|now|today|at rest|at the moment|currently)[.!]?$/i.exec(u.text.trim());
  if (labelled && rated && q) {
    const [, a = '', b = ''] = labelled;
    const text = /^\d/.test(a) ? `${a}/10 ${b.toLowerCase()}` : `${toThirdPerson(a, voice).replace(/^Patient /, '').toLowerCase()} ${b}/10`;
    // the scale's name or the rated symptom said before in the utterance is part of the evidence

    if (Number(/^\d/.test(a) ? a : b) <= 10) return { text: `${who} reports ${text}.`, evidence: [q.uttId, u.uttId] };
  }
  // "that's more like a five" after "a two out of ten": the same scale, said short
  const recent = units.slice(Math.max(0, u.idx - 6), u.idx).reverse().find((x) => x.speaker === u.speaker && /\b\d+(?:\.\d+)?\/10\b/.test(x.text));
  const scale = !recent && ratesBodyOrSymptom(utterance, q ? utteranceOf(units, q) : undefined) ? scaleUtterance(units, u.idx) : undefined;
  const bare = scale ? bareRatings(u.text) : null;
  if (bare && scale) evidence.unshift(scale.uttId);
  // "It's like a five today." - clinician: "Five out of ten.": the clinician's repeat puts it on the 0-10 scale
  const onScale = recent ?? confirmingTurn(units, u);
  const spoken = onScale && !/\/10\b/.test(u.text) && SHORT_RATING.test(u.text) && Number(SHORT_RATING.exec(u.text)?.[1]) <= 10
    ? u.text.replace(SHORT_RATING, (_m, n: string) => `${n}/10`) : bare ?? u.text;
  if (spoken !== u.text && onScale) evidence.push(onScale.uttId);
  // an interpreter's or relative's turn that began "She says ..." relays the patient to its end
  const relayed = voice === 'other' && (RELAYED.test(u.text) || RELAYED.test(first.text));
  const said = relayed ? spoken.replace(RELAYED, '').replace(/^(?:she|he|they)\b/i, 'patient') : spoken.replace(/^(?:but|and|so)\s+/i, '');
  if (relayed && FIGURATIVE.test(said)) return { text: `Patient states (relayed), "${said.replace(/^patient\b/, 'she').replace(/[.!]?$/, '.')}"`, evidence };
  // "Mom. You fell in the garden in April and broke your wrist.": family speaking to the patient, so "you" is the patient
  const toPatient = voice === 'other' && /^(?:mom|mum|ma|dad|pa|grandma|grandpa|nana|papa|honey|hon|sweetie|dear)\b[.,!]/i.test(utterance.trim());
  const spokenTo = toPatient ? said.replace(/\bYou\b/g, 'Patient').replace(/\byou\b/g, 'the patient').replace(/\byour\b/gi, "the patient's") : said;
  let s = toThirdPerson(spokenTo, relayed ? 'patient' : voice);
  if (relayed) return { text: `Patient reports ${lowerFirst(s.replace(/^Patient (?:reports )?/, ''))}`, evidence };
  s = s.replace(/\b(?:it is|it was|is|was) (?:about |maybe |around )?(?:a |an )(\d+(?:\.\d+)?\/10)\b/gi, (_m, n: string) => `pain ${n}`)
    .replace(/(^|[\s,])(?:maybe |about |around )?(?:a |an )(\d+(?:\.\d+)?\/10)\b/gi, '$1pain $2')

    .replace(/^(?:maybe |about |around )?(\d+(?:\.\d+)?\/10)\b/i, 'pain $1')
    .replace(/'s pain (\d)/g, ' pain $1');
  // "How's the left knee?" -> "about a four out of ten" is a pain rating in therapy talk
  // ... unless the patient named what hurts otherwise: "Stiff, mornings especially. Like a six out of ten."
  // ... or the question asked about another one: "How's the heaviness in the arm?" - "Maybe a three."
  const OTHER = /\b(?:stiff\w*|tight\w*|numb\w*|tingl\w*|dizz\w*|woozy|nause\w*|tired|fatigue\w*|itch\w*|burn\w*|heav(?:y|iness)|swell\w*)\b/i;
  const otherSymptom = !/\b(?:pain|hurts?|sore|aches?)\b/i.test(utterance)
    && (OTHER.test(utterance) || (!!q && OTHER.test(q.text) && !/\b(?:pain|hurts?|sore|aches?)\b/i.test(q.text)));
  const painAsked = !!q && !otherSymptom && (/\b(?:pain|hurt|sore|scale|0-10|ache)\b/i.test(q.text) || (regionsIn(q.text).length > 0 && /\/10\b/.test(spoken)));
  if (painAsked && q && /\bpain \d/.test(s) && !/\bpain\b/i.test(u.text) && !evidence.includes(q.uttId)) evidence.unshift(q.uttId);
  // ("It doesn't hurt much. Maybe a one.": a bare rating in a turn about how it hurts rates the pain)
  const ratingOnly = /^(?:maybe |about |around |like )?(?:a |an )?\d{1,2}(?:\/10)?[.!]?$/i.test(u.text.trim());
  if (!painAsked && !/\b(?:pain|hurt|sore|ache)/i.test(ratingOnly ? utterance : u.text)) s = s.replace(/\bpain (\d+(?:\.\d+)?\/10)/g, '$1');
  // "How's the heaviness in the arm?" - "Maybe a 3/10": the rating is of the symptom asked about
  const askedSymptom = otherSymptom && q && !OTHER.test(utterance) ? OTHER.exec(q.text)?.[0] : undefined;
  if (askedSymptom && q && /^(?:(?:Patient|Caregiver) reports )?(?:maybe |about |around )?\d+(?:\.\d+)?\/10\b/.test(s)) {
    s = s.replace(/^((?:Patient|Caregiver) reports )?(?:maybe |about |around )?/, `$1${askedSymptom.toLowerCase()} `);
    if (!evidence.includes(q.uttId)) evidence.unshift(q.uttId);
  }
  // "I'd say a 6/10 for the dizziness." ... "How bad?" - "Five out of ten.": a bare rating is on the symptom rated by name before
  if (!painAsked && !otherSymptom && /^(?:(?:Patient|Caregiver) reports )?(?:maybe |about |around )?\d+(?:\.\d+)?\/10[.!]?$/.test(s)) {
    const last = ratedTopic(units, u.idx);
    if (last) {
      s = s.replace(/^((?:Patient|Caregiver) reports )?(?:maybe |about |around )?/, `$1${last.topic} `);
      if (!evidence.includes(last.uttId)) evidence.unshift(last.uttId);
    }
  }
  if (/\/10\b/.test(utterance) && !/\/10\b/.test(s)) {
    const word = painAsked || /\b(?:pain|hurt|sore|ache)/i.test(u.text) ? 'pain ' : '';
    s = s.replace(/\b(?:it |It )?(?:was|is) (?:about |maybe |around )?(?:a |an )?(\d{1,2})\b(?![/\d%°:]|\.\d)/, `${word}$1/10`)
      .replace(/^(?:maybe |about |around )?(?:a|an) (\d{1,2})\b(?![/\d%°:]|\.\d)/i, `${word}$1/10`);
    // "What's the pain right now?" - "Like a two. ... a six out of ten": the question that named the pain is cited too
    if (word && q && !/\bpain\b/i.test(u.text) && !evidence.includes(q.uttId)) evidence.unshift(q.uttId);
  }
  // "How's the left knee?" - "It aches.": "it" is the body part asked about (not in "Any head injuries?" - "... It's been the same")
  // ... but not when the sentence names its own part: "And the right leg pain now?" - "... Now it's just the back" is the back
  if (/^It\b/.test(s) && q && !YES_NO_Q.test(q.text) && !regionsIn(s).length && !/\b(?:the|my|his|her) (?:(?:low|lower|mid|upper) )?back\b/i.test(s)) {
    const phrase = regionPhrase(q);
    if (phrase) { s = s.replace(/^It\b/, cap(phrase)); evidence.unshift(q.uttId); }
  }
  // "Low back grabbed on me. It was 7/10 Saturday night": "it" is the body part just named in the turn
  const named = /^It\b/.test(s) && /\/10\b/.test(s) ? units.filter((x) => x.uttId === u.uttId && x.idx < u.idx).reverse().map((x) => regionsIn(x.text)[0]).find(Boolean) : undefined;
  if (named) s = s.replace(/^It\b/, cap(named.match.toLowerCase()));
  // "Ow, yep, that's it, right at the heel. Like a six.": a bare rating names the part said before it in the turn
  const bareRating = /^(?:(?:Patient|Caregiver) reports )?(?:pain )?\d{1,2}\/10(?:\s+(?:today|now|right now|at rest|this morning|at the moment))?\.?$/i.test(s);
  const placed = bareRating ? units.filter((x) => x.uttId === u.uttId && x.idx < u.idx).reverse().map((x) => regionsIn(x.text)[0]).find(Boolean) : undefined;
  if (placed) {
    const hurt = /\bpain\b/i.test(s) || /\b(?:ow|ouch|hurts?|pain\w*|sore|aches?)\b/i.test(utterance) ? ' pain' : '';
    s = s.replace(/^((?:Patient|Caregiver) reports )?(?:pain )?/i, `$1${placed.match.toLowerCase()}${hurt} `);
  }
  if (sidesIn(s).length === 0 && q && /\bpain \d/.test(s)) {
    const phrase = regionPhrase(q);
    if (phrase) { s = s.replace(/\bpain (\d)/, `${phrase.replace(/^the /, '')} pain $1`); evidence.unshift(q.uttId); }
  }
  // "Before the fall, how were you getting around?" - "I walked everywhere. No cane, nothing.": the prior level of function
  // (labelled in the question's words, "Before the fall:", so the statement says only what was said)
  if (q && PLOF_Q.test(q.text) && q.isQuestion && u.sentIndex === 0) {
    const when = /\bbefore (?:the |your |his |her |this )?(?:fall|surgery|injury|accident|stroke|fracture|hospital\w*|operation|it happened|this happened|all this)\b|\bprior level\b/i.exec(q.text)?.[0]
      .replace(/\b(?:your|his|her)\b/i, 'the') ?? 'before';
    return { text: `${cap(when.toLowerCase())}: ${lowerFirst(s.replace(/^(?:Patient|Caregiver)\s+(?:reports\s+)?/, '').replace(/^(?:oh|well|um)[,]?\s+/i, ''))}`, evidence: [q.uttId, ...evidence] };
  }
  // "What would you most like to get back to?" - "Doing my own hair.": the patient's goal
  if (q && GOAL_Q.test(q.text)) return { text: `${who === 'Patient' ? 'Patient' : 'Caregiver'} goal: ${lowerFirst(s.replace(/^(?:Patient|Caregiver)\s+(?:reports\s+)?/, '').replace(/^(?:and|also)\s+/i, ''))}`, evidence: [q.uttId, ...evidence] };
  // "Where's the pain now?" - "Right side, low back, into the buttock.": where the symptom asked about is
  const located = q && u.sentIndex === 0 && LOCATION_Q.test(q.text) && regionsIn(u.text).length > 0 && !symptomMentions(u.text).length
    ? symptomMentions(q.text).find((m) => !m.negated)?.word ?? null : null;
  if (q && located) return { text: `${cap(located.toLowerCase())}: ${lowerFirst(s.replace(/^(?:Patient|Caregiver)\s+(?:reports\s+)?/, ''))}`, evidence: [q.uttId, ...evidence] };
  // "Pads?" - "I stopped wearing them two weeks ago.": the answer is about what was asked
  // ... unless it names a symptom another question of that turn asked about ("Any giving way? Any
  // swelling?" - "No giving way at all."): then it answers that one
  const answersOther = !!q && symptomMentions(u.text).some((m) => units.some((x) => x.uttId === q.uttId && x.isQuestion && x.idx !== q.idx
    && symptomMentions(x.text).some((k) => k.key === m.key)));
  // ("How's your mouth feel? Dry?" - "Bone dry.": a one-word question after "How's your mouth feel?" is about the mouth)
  const before = q ? units[q.idx - 1] : undefined;
  const felt = q && before?.uttId === q.uttId && q.text.split(/\s+/).length <= 2 ? FEEL_NOUN.exec(before.text)?.[1]?.toLowerCase() : undefined;
  // (a day of the week keeps its capital: "Choir on Sunday")
  const topic = (q && u.sentIndex === 0 && !answersOther ? felt ?? askedAbout(q.text) ?? equipmentAsked(q.text) ?? amountAsked(q.text, u.text) : null)
    ?.replace(/\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/g, (d) => cap(d)) ?? null;
  // "How does it feel?" - "Looser.": the response to treatment
  const feeling = q ? feelingAnswer(q.text, u.text, who) : null;
  if (feeling && q) return { text: feeling, evidence: [q.uttId, ...evidence] };
  // "How's your sleep?" - "Terrible.": the verdict is about the thing asked
  if (q && topic && SHORT_VERDICT.test(u.text.trim())) {
    return { text: `${cap(topic)}: ${u.text.trim().replace(/^(?:oh|well|um|uh|honestly)[,]?\s+/i, '').replace(/[.!]+$/, '').toLowerCase()}.`, evidence: [q.uttId, ...evidence] };
  }
  if (q && topic && !new RegExp(`\\b${topic.slice(0, Math.max(3, topic.length - 2))}`, 'i').test(s)) {
    return { text: `${cap(topic)}: ${lowerFirst(withoutYes(s).replace(/^(?:Patient|Caregiver)\s+reports\s+/, ''))}`, evidence: [q.uttId, ...evidence] };
  }
  // "Does anyone else in the family stutter?" - "My brother did.": the answer is family history (DOMAIN.md 1.5 S)
  if (q && u.sentIndex === 0 && /\banyone (?:else )?in the family\b|\bfamily history\b|\bruns? in the family\b/i.test(q.text)) {
    return { text: `Family history: ${lowerFirst(s.replace(/^(?:Patient|Caregiver)\s+(?:reports\s+)?/, ''))}`, evidence: [q.uttId, ...evidence] };
  }
  if (new RegExp(`^${who}\\b`).test(s)) return { text: s, evidence };
  if (q && DIFFICULTY_Q.test(q.text) && /^[A-Z][a-z]+ing\b/.test(s) && u.sentIndex === 0) {
    return { text: `${who} reports difficulty with ${lowerFirst(s)}`, evidence: [q.uttId, ...evidence.filter((e) => e !== q.uttId)] };
  }
  if (/^No\b/.test(s)) return { text: `${who} reports ${lowerFirst(s)}`, evidence };
  return { text: `${who} reports ${lowerFirst(s)}`, evidence };
}

