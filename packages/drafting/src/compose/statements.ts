/**
 * Statements from sentence units: each kept sentence is moved to the third person, given
 * the context it needs from the question before it ("How's the left knee?" -> "It aches"
 * becomes "The left knee aches"), and cites every utterance it drew on. Treatment blocks
 * get one header statement with their clock times and stated minutes.
 */
import type { SectionName } from '@scribe/domain';
import { kindsIn } from '../lexicon/interventions.ts';
import { regionsIn } from '../lexicon/anatomy.ts';
import { testsIn } from '../lexicon/tests.ts';
import { symptomMentions } from '../text/negation.ts';
import { sidesIn } from '../text/laterality.ts';
import { toThirdPerson, type Voice } from '../text/voice.ts';
import type { Block } from '../extract/ledger.ts';
import { sideHeading, TEST_COUNT } from '../extract/measures.ts';
import { utteranceOf, type Unit } from '../extract/units.ts';
import type { DraftSections } from '../types.ts';
import { offTopic, reactedTo, sectionFor } from './classify.ts';
import { summarizeBlocks } from './blocks.ts';
import { EVALUATION_EXTRA, fitBudget, SOFTEST, WORD_BUDGET } from './budget.ts';
import { positioning } from './positioning.ts';
import { correctedNumber } from './corrections.ts';
import { cap, DIFFICULTY_Q, equipmentAsked, FREQUENT_YES, hasInterpreter, interpreterStatement, LEADING_NO, LEADING_YES, PLOF_Q, renderedAsPatient, lowerFirst, patientStatement, questionBefore, YES_NO_Q } from './patient.ts';
import { amountAsked, askedAbout, feelingAnswer, GOAL_Q, handDominance, sideAnswered } from './answers.ts';
import { bareRatings, confirmingTurn, ratesBodyOrSymptom, scaleUtterance } from './ratings.ts';
import { joinBaseline, withBaselines } from './baselines.ts';
import { concise, finish, sameDenials } from './prose.ts';
import { IMPERATIVE, inPlanList, planByContext, SUBJECTIVE_CUE } from '../extract/cues.ts';

export interface Draftable {
  section: SectionName;
  text: string;
  evidence: string[];
  /** A treatment block summary: always kept. */
  block?: boolean;
  /** Holds a measure the extractor read (goniometry said without "degrees" included): kept like one. */
  measured?: boolean;
}

/** A question about the history: "When did the stuttering start?", "How long has it been like this?" */
const HISTORY_Q = /\bwhen did (?:it|this|that|the \w+|your \w+) (?:start|begin)\b|\bhow long (?:has|have|ago)\b|\b(?:family|medical) history\b|\banyone else in the family\b|\bas a (?:baby|toddler)\b|\bfirst words\b|\bmilestones\b/i;

const PARAMS = /\d+x\d+|\d+(?:\.\d+)?(?:-lb| lb)|\b\d+ (?:rounds?|passes|lengths|reps|of each)\b/;

/** A discharge decision said as a clause: "we're discharging you from OT", "will discharge him to home program", "you're discharged from PT today". */
const DISCHARGE = /\b((?:(?:we|I)(?:'re| are|'m| am|'ll| will)?\s+|will\s+)?(?:discharg(?:e|ing)|be discharged)\b[^.;,]*|(?:you're|you are|he's|he is|she's|she is) (?:being )?discharged\b[^.;,]*)/i;

const ECHO_STOP = /^(?:okay|ok|got|it|that|that's|this|the|and|a|an|so|yes|yeah|right|is|i|i'll|i'm|me|you|of|to|on|for|with|now|just|again|very|really|than|then|oh)$/i;

/** A patient repeating the instruction just given ("Bottom stair, two sets of ten. Got it."). */
function isEcho(units: Unit[], u: Unit): boolean {
  if (u.speaker === 'clinician') return false;
  const words = (u.text.toLowerCase().match(/[a-z0-9/+x-]+/g) ?? []).filter((w) => !ECHO_STOP.test(w));
  if (!words.length) return true;
  // a denial answers the question, it does not repeat it (DOMAIN.md 1.6: negations must be kept)
  if (/^(?:no|nope|not|never|none|denies)\b/i.test(u.text.trim())) return false;
  // "Still using the walker everywhere at home?" - "Everywhere.": a question's word said back is the answer
  const said = [...units.slice(Math.max(0, u.idx - 3), u.idx)].reverse().find((p) => p.speaker === 'clinician');
  if (said?.isQuestion && u.sentIndex === 0) return false;
  // whole words only: "no" is not echoed by "now", nor "arm" by "warm"
  const prior = new Set(units.filter((p) => p.idx < u.idx && p.idx >= u.idx - 4 && p.speaker === 'clinician').flatMap((p) => p.text.toLowerCase().match(/[a-z0-9/+x-]+/g) ?? []));
  return words.every((w) => prior.has(w));
}

/** The clinician saying back the rating the patient just gave ("6/10, rolling to that side."): the patient's report charts it. */
function repeatsRating(units: Unit[], u: Unit): boolean {
  const m = /^(\d{1,2}\/10)\b,?\s*([^\d]*)$/.exec(u.text.trim());
  if (u.speaker !== 'clinician' || !m || (m[2] ?? '').split(/\s+/).length > 5) return false;
  return units.slice(Math.max(0, u.idx - 4), u.idx).some((p) => p.speaker !== 'clinician' && new RegExp(`(?<![\\d.])${m[1]}\\b`).test(p.text));
}

/** An instruction to read or say a set text: what the patient then says is a speech sample, not a report. */
const READ_ALOUD = /\b(?:read|say|repeat|count)\b[^.?]*\b(?:out loud|aloud|after me|passage|sentences?|paragraph|card|list)\b|\b(?:sentences|passage|paragraph|words) on (?:the|this) card\b/i;

/** A prompt for a conversation sample: "Tell me about your dinosaur.", "What's happening in this picture?", "What did you do at school today?" */
const SAMPLE_PROMPT = /\btell me (?:about|what's happening in) (?:your|this|the|that) (?!(?:pain|symptoms?|voice|speech|stutter\w*|talking|swallow\w*|problem|injury|accident|stroke|surgery|fall|job|work|knee|back|neck|shoulder|hip|hand|arm|leg)\b)[a-z]+\b|\bwhat's happening in (?:this|the) picture\b|\bwhat did you do (?:at school|today|this weekend|over the weekend)\b/i;

/**
 * "Read the rainbow passage out loud" - "When the sunlight strikes raindrops ...": the sample read, not note content;
 * in speech therapy, so is what a patient says when asked for a conversation sample ("Tell me about your dinosaur.").
 */
function isReadingSample(units: Unit[], u: Unit, discipline?: string): boolean {
  if (u.speaker === 'clinician') return false;
  const first = units.find((x) => x.uttId === u.uttId) ?? u;
  for (let i = first.idx - 1; i >= 0 && i >= first.idx - 4; i--) {
    const p = units[i];
    if (!p || p.speaker === u.speaker) return false;
    if (p.speaker === 'clinician') return READ_ALOUD.test(utteranceOf(units, p)) || (discipline === 'slp' && u.speaker === 'patient' && SAMPLE_PROMPT.test(utteranceOf(units, p)));
  }
  return false;
}

/** "3 sentences: ...", "script: ...": the lines a patient practises follow (SLP script training, word lists). */
const MATERIAL = /,?\s*\b(?:(\d+) (?:sentences|phrases|lines|questions)|script(?: training)?(?: for [a-z ]{2,40})?|phrases|word list|target words)\s*:\s*(?=\S)/i;

/**
 * "Script training for ordering at the diner, 3 sentences: I'd like a large coffee, black. The
 * number 2 with eggs over easy. Check, please.": the practised lines are material, not note
 * content. The announcing sentence keeps its count ("..., 3 sentences."); the lines it announces
 * (as many as it counts, in the same utterance) are not drafted.
 */
function withoutPractisedLines(units: Unit[]): { units: Unit[]; lines: Set<number> } {
  const lines = new Set<number>();
  const out = units.map((u) => {
    const m = u.speaker === 'clinician' && !lines.has(u.idx) ? MATERIAL.exec(u.text) : null;
    // "Script training for ordering coffee: a medium coffee with milk, please.": the service named is kept, its lines are not
    const head = m && /^,?\s*script training\b/i.test(m[0]) ? m[0].slice(0, m[0].lastIndexOf(':')) : '';
    if (!m || (m.index === 0 && !head)) return u;
    for (let k = 1; k < Number(m[1] ?? 1); k++) {
      const next = units[u.idx + k];
      if (next?.uttId === u.uttId) lines.add(next.idx);
    }
    return { ...u, text: `${u.text.slice(0, m.index)}${head}${m[1] ? `, ${m[1]} sentences` : ''}.`.replace(/,\s*,/, ',') };
  });
  return { units: out, lines };
}

/** A sentence that is only a value: "50.", "About 65.", "60 now.", "4/5 again." */
/** "At intake you were a seven.": a rating the clinician recalls from an earlier visit. */
const BASELINE_RATING = /^(?:and |so )?(?:at|on) ((?:the |your |his |her )?(?:intake|evaluation|eval|start|first visit|initial (?:visit|evaluation|eval)))[,]? (?:you|he|she|they) (?:were|was) (?:a |an |at (?:a )?)?(\d{1,2})\.?$/i;
const BARE_VALUE = /^(?:about |maybe |around |roughly )?-?\d[\d+\-/°%. ]*(?:lb|cm|mm|s|inch(?:es)?)?(?: out of \d+| from (?:the )?floor)?(?: (?:now|today|again))?(?:,? (?:up|down) from \d+(?:\.\d+)?(?:°|%| s| cm| lb)?)?\.?$/i;
/** A spinal level reached, said alone: "To L3." after "reach behind your back, thumb up the spine" (DOMAIN.md 1.5 O: a measure). */
const LEVEL_REACHED = /^(?:to |up to )?[CTLS]\d{1,2}\.?$/i;
const isBareValue = (t: string) => BARE_VALUE.test(t.trim()) || LEVEL_REACHED.test(t.trim());
/** A value given as the reading: "that's about 50°." */
const SAID_VALUE = new RegExp(String.raw`^(?:that's|that is|it's) ${BARE_VALUE.source.slice(1)}`, 'i');

const MOVEMENT_ALIAS: [RegExp, string][] = [
  [/^(?:quick check[^:]*:\s*|[^.:]*?\b(?:and|then|now)\s+)?turn (?:your head )?(?:to the )?(left|right)\b[^:.]*/i, '$1 rotation'],
  [/^(?:[^.:]*?\b(?:and|then|now)\s+)?look over (?:your|the) (left|right) shoulder\b[^:.]*/i, '$1 rotation'],
  [/^(?:lift|raise) (?:the |your )?(?:right |left )?arm (?:up|forward)[^:.]*/i, 'shoulder flexion'],
  [/^reach up\b[^:.]*/i, 'overhead reach'],
  // "Open as wide as you comfortably can.", "Slide your jaw to the right.": the jaw's motion (TMJ), in the words said
  [/^(?:now )?open (?:as wide as|your mouth|wide|(?:for me )?again|up (?:for me )?again)\b[^:.]*/i, 'mouth opening'],
  [/^(?:now )?slide (?:your |the )?jaw (?:to the )?(left|right)\b[^:.]*/i, 'jaw slide $1'],
  // "Bend forward and reach for the floor", "Sit up for a second and reach for the floor again": fingertips to floor
  [/^(?:[^.:]*?\b(?:and|then|now)\s+)?(?:bend forward and )?reach (?:for|to|toward|towards|down to) the floor\b[^:.]*/i, 'fingertips to floor'],
  // "Now turn your head toward the sore side": the rotation toward the side named by how it feels, never a side invented
  [/^(?:[^.:]*?\b(?:and|then|now)\s+)?turn (?:your head )?(?:toward|towards|to) the (sore|painful|good|other|stiff|tight) side\b[^:.]*/i, 'rotation toward $1 side'],
  [/^(?:sit up and |now )?reach behind (?:your|the) back\b[^:.]*/i, 'hand behind back'],
  [/^(?:[^.:]*?\b(?:and|then|now)\s+|let's measure\.\s+)?squeeze(?: this| it| the [a-z]+)?,? (?:with |in )?(?:your |the )?(right|left) hand\b[^:.]*/i, '$1 grip'],
  [/^(?:[^.:]*?\b(?:and|then|now)\s+)?rotate (?:it |the arm )?(out|in)\b[^:.]*/i, '$1 rotation'],
  [/^bend (?:the wrist|your wrist) back\b[^:.]*/i, 'extension'],
  [/^bend forward\b[^:.]*/i, 'forward bend'],
  [/^straighten (?:the|your) knee\b[^:.]*/i, 'knee extension'],
  [/^bend (?:the|your) (knee|elbow|hip|wrist)\b[^:.]*/i, '$1 flexion'],
  [/^bend (?:it |again )?(?:for me)?[^:.]*/i, 'flexion'],
];

/** "Turn to the left as far as is comfortable: 48°" -> "Left rotation: 48°"; "To the right..." after a turn is the other rotation.
 *  `joint` is the body part the visit last named, for words that depend on it ("bend it back"). */
function movementName(text: string, said = '', joint: string | null = null): string | null {
  // "Bend it back as far as you can": a wrist bent back extends, a knee or elbow bent back flexes
  if (/^bend it back\b/i.test(text.trim())) {
    return joint && /^(?:knee|elbow|hip)$/.test(joint) ? `${joint} flexion` : joint && /^(?:wrist|hand|finger)$/.test(joint) ? 'extension' : null;
  }
  for (const [re, name] of MOVEMENT_ALIAS) {
    const m = re.exec(text.trim());
    // ("Lift your arm up again. One fifty now.": an arm raise; shoulder flexion only where the shoulder or flexion was said, so the name has its source)
    if (m && name === 'shoulder flexion' && !/\b(?:shoulder|flexion)\b/i.test(`${text} ${said}`)) return 'arm raise';
    if (m) return name.replace('$1', (({ out: 'external', in: 'internal' }) as Record<string, string>)[(m[1] ?? '').toLowerCase()] ?? (m[1] ?? '').toLowerCase());
  }
  const other = /^(?:and |now )?(?:to the |the )?(left|right)\b[^:.]*\.*$/i.exec(text.trim());
  if (other && /\bsqueeze\b/i.test(said)) return `${(other[1] ?? '').toLowerCase()} grip`;
  if (other && /\bslide (?:your |the )?jaw\b/i.test(said)) return `jaw slide ${(other[1] ?? '').toLowerCase()}`;
  return other && /\bturn\b|\blook over\b/i.test(said) ? `${(other[1] ?? '').toLowerCase()} rotation` : null;
}

/** A screen or test announced in the clinician's sentences just before, in the same turn: "First a quick hearing screen." */
function screenBefore(units: readonly Unit[], u: Unit): string | null {
  for (let i = u.idx - 1; i >= Math.max(0, u.idx - 3); i--) {
    const x = units[i];
    if (!x || x.uttId !== u.uttId) return null;
    const m = /\b((?:[a-z]+ ){0,2}?[a-z]+ (?:screen(?:ing)?|test))\b/i.exec(x.text.replace(/^(?:(?:okay|ok|so|now|first|next),?\s+)*(?:a |an |the |our )?(?:quick |short |brief )?/i, ''));
    if (m) return (m[1] ?? '').toLowerCase();
  }
  return null;
}

/** "Let me recheck the reach.", "Let's retest the chin tuck hold.": the measure taken again, by name. */
const RECHECK_OF = /^(?:(?:okay|ok|so|now|good)[,.]?\s+)*(?:let me |let's |I'll |we'll )?(?:re-?check|re-?test|re-?measure) (?:the |your |that )?((?!(?:with|your|his|her|it|that|this)\b)[a-z][a-z-]{2,}(?: (?!(?:with|your|his|her|it|that|this)\b)[a-z][a-z-]+){0,2})(?: again| now)?[.!]?$/i;

/**
 * The movement or measure a bare reading belongs to: asked in the clinician's sentences just before it, in the same turn
 * or the clinician's turn before ("Sit up and turn to the right again for me." - "52° now, up from 45."), never past
 * another reading or another speaker.
 */
function movementBefore(units: readonly Unit[], u: Unit, said: string, joint: string | null): { name: string; uttId: string } | null {
  for (let i = u.idx - 1; i >= Math.max(0, u.idx - 3); i--) {
    const x = units[i];
    if (!x || x.speaker !== 'clinician' || /\d/.test(x.text.replace(/\b\d{1,2}:\d{2}\b/g, ''))) return null;
    const name = movementName(x.text.replace(/^[^:]*:\s*/, ''), x.uttId === u.uttId ? said : `${utteranceOf(units, x)} ${said}`, joint) ?? RECHECK_OF.exec(x.text.trim())?.[1]?.toLowerCase() ?? null;
    if (name) return { name, uttId: x.uttId };
  }
  return null;
}

/** Words of clinical reasoning said after an impression: "He has several risk factors ...", "Understanding is right on track". */
const REASONING = /\b(?:risk factors?|because|due to|which means|prognosis|strengths?|concerns?|likely|consistent with|contribut\w+|explains?|understanding|expressive|receptive)\b/i;

/** A bony landmark or soft-tissue structure named: "lateral epicondyle", "greater trochanter", "patellar tendon". */
const LANDMARK = /\b(?:epicondyle|olecranon|malleolus|trochanter|acromion|ASIS|PSIS|tibial tubercle|styloid|coracoid|spinous process|ischial tuberosity|tendon|bursa|ligament|fascia)\b/i;

/** "I want to check your pain-free grip before we start": the measure about to be taken, named. */
const MEASURE_ASKED = /\b(?:check|measure|test|re-?check|re-?test) (?:your |the |his |her )?((?:pain-free )?grip(?: strength)?|(?:key |tip |lateral )?pinch(?: strength)?)\b/i;

/**
 * A reading said by its side only ("Left, 38 lb pain-free. Right side 70.") takes the name of the measure the clinician
 * asked for just before, past the patient's short reply ("Okay... there."); null when none was named.
 */
function measureAsked(units: readonly Unit[], u: Unit): { name: string; uttId: string } | null {
  for (let i = u.idx - 1; i >= Math.max(0, u.idx - 5); i--) {
    const x = units[i];
    if (!x) return null;
    if (x.speaker !== 'clinician') { if (/\d/.test(x.text) || x.text.split(/\s+/).length > 4) return null; continue; }
    const m = MEASURE_ASKED.exec(x.text);
    if (m?.[1]) return { name: m[1].toLowerCase(), uttId: x.uttId };
    if (/\d/.test(x.text.replace(/\b\d{1,2}:\d{2}\b/g, ''))) return null;
  }
  return null;
}

/**
 * The clinician's sentence that names the test a bare score belongs to: the one just before it, or the one before that
 * past a sentence with no number ("You filled out the EAT-10 ... Let me add that up... 21.").
 */
function testNamedBefore(units: readonly Unit[], u: Unit): Unit | undefined {
  const prev = units[u.idx - 1];
  return [prev, units[u.idx - 2]].find((x) => x?.speaker === 'clinician' && testsIn(x.text).length > 0 && (x === prev || (prev?.speaker === 'clinician' && !/\d/.test(prev.text))));
}

/** The joint named last in the 25 sentences up to this one ("How's the knee doing?" ... "Bend it back"). */
function lastJoint(units: Unit[], idx: number): string | null {
  for (let i = idx; i >= 0 && i >= idx - 25; i--) {
    const r = regionsIn(units[i]?.text ?? '').filter((x) => /^(?:knee|elbow|hip|wrist|hand|finger)$/.test(x.region)).pop();
    if (r) return r.region;
  }
  return null;
}

/**
 * A spoken goal connection ("This is to get those muscles to let go so you can sit through
 * your delivery shifts") charted as what it advances (DOMAIN.md 2.4 "functional goal
 * connection sentence"): "Loosen muscles to let go; goal: sit through delivery shifts".
 */
function goalLink(text: string): string {
  const m = /^(?:this|these|that|the)\b[^;]*?\b(?:is|are|goes?)\b(?: all)? (for|to)\b\s*(.*?)[;,]? (?:so (?:that )?)?patient can (.+?)\.?$/i.exec(text);
  if (!m) return text;
  const purpose = (m[2] ?? '').trim();
  const goal = (m[3] ?? '').trim();
  const prep = (m[1] ?? 'to').toLowerCase() === 'for' ? 'For' : 'To';
  return purpose && purpose.split(/\s+/).length <= 10 ? `${prep} ${purpose}; goal: ${goal}` : `Goal: ${goal}`;
}

/** "Quad strength on the left, push out against me." -> "Quad strength on the left." */
function dropInstructionClauses(text: string): string {
  const parts = text.split(/,\s+/);
  if (parts.length < 2) return text;
  const kept = parts.filter((p, i) => i === 0 || !IMPERATIVE.test(p.replace(/^(?:and|then|but|so)\s+/i, '')) || /\d/.test(p));
  const joined = kept.join(', ');
  return /[.!?]$/.test(joined) ? joined : `${joined}.`;
}

/** A sentence that gives only a special test's result: "Still positive, but ...", "That reproduces it.", "..., so that's negative." */
const TEST_RESULT = /^(?:still |it's |that's |that |it )?(?:positive|negative|reproduces|reproduced)\b|\b(?:so|and) (?:that's|that is|it's) (?:positive|negative)\b/i;

/** The special test set up in the clinician's words just before (this utterance, or the clinician's turn before the patient's reply). */
function testBefore(units: Unit[], u: Unit): { name: string; said: string; uttId: string } | null {
  let turns = 0;
  for (let i = u.idx; i >= 0 && i >= u.idx - 6; i--) {
    const x = units[i];
    if (!x) break;
    if (x.uttId !== units[i + 1]?.uttId && i !== u.idx && x.speaker === 'clinician' && ++turns > 2) break;
    if (x.speaker !== 'clinician') continue;
    const t = testsIn(x.text)[0];
    if (t && x.idx !== u.idx) return { name: t.name, said: new RegExp(t.re.source, 'i').exec(x.text)?.[0] ?? t.name, uttId: x.uttId };
  }
  return null;
}

/** Draft statements, in transcript order within each section. */
export function composeStatements(heard: Unit[], blocks: Block[], mode: 'ambient' | 'dictation', discipline?: string, spokenWords?: number, noteType?: string,
  measures: readonly { unitIdx: number; name: string; value: string; baseline: string | null; kind: string; evidence: string[] }[] = []): Draftable[] {
  const summaries = summarizeBlocks(blocks, discipline);
  const skip = new Set<number>(summaries.flatMap((b) => [...b.used]));
  const out: Draftable[] = [];
  const firstOf = new Map<number, Draftable>();
  const purposeOf = new Map<number, Draftable>();
  for (const b of summaries) {
    firstOf.set(Math.min(...b.used), { section: 'objective', text: finish(b.text), evidence: b.evidence, block: true });
    // the purpose said with the activity is the block's goal connection (DOMAIN.md 2.4): charted in A
    const p = b.purposes[0];
    const name = b.description.split(/[,:;(]/)[0]?.trim() ?? '';
    if (p) purposeOf.set(Math.min(...b.used), { section: 'assessment', text: finish(`${name && name.split(/\s+/).length <= 6 ? `${name}: ` : ''}${lowerFirst(toThirdPerson(p.text, 'clinician'))}`), evidence: [p.uttId] });
  }
  let pendingName: { name: string; uttId: string } | null = null;
  const keptIdx = new Set<number>();
  const interpreter = hasInterpreter(heard);
  const practised = withoutPractisedLines(interpreter ? renderedAsPatient(heard) : heard);
  const units = practised.units;
  for (const u of units) {
    if (practised.lines.has(u.idx)) continue;
    const summary = firstOf.get(u.idx);
    if (summary) out.push(summary);
    const purpose = purposeOf.get(u.idx);
    if (purpose) out.push(purpose);
    if (skip.has(u.idx)) {
      const k = kindsIn(u.text, discipline).find((x) => !x.explicit);
      pendingName = k ? { name: k.match, uttId: u.uttId } : pendingName;
      continue;
    }
    const prevUnit = units[u.idx - 1];
    const continues = !!prevUnit && prevUnit.uttId === u.uttId && keptIdx.has(prevUnit.idx);
    const q = u.speaker !== 'clinician' && u.sentIndex === 0 ? questionBefore(units, u) : undefined;
    const answers = (!!q && (DIFFICULTY_Q.test(q.text) || SUBJECTIVE_CUE.test(q.text) || HISTORY_Q.test(q.text) || regionsIn(q.text).length > 0 || symptomMentions(q.text).length > 0
      || GOAL_Q.test(q.text) || askedAbout(q.text) !== null || amountAsked(q.text, u.text) !== null || feelingAnswer(q.text, u.text, '') !== null || equipmentAsked(q.text) !== null || (YES_NO_Q.test(q.text) && (LEADING_NO.test(u.text) || LEADING_YES.test(u.text) || FREQUENT_YES.test(u.text.trim())))
      || /^\s*(?:about|maybe|around|like|probably)?\s*(?:a|an)?\s*\d{1,2}(?:,? (?:maybe|probably|I guess))?[.!]?$/i.test(u.text)))
      // "It's maybe a five today." in a turn about the low back: a rating, whatever was asked
      // (the question of the turn counts for a later sentence too: "How's the neck?" - "Stiff ... a six out of ten ... Four right now.")
      || (u.speaker === 'patient' && bareRatings(u.text) !== null && !!scaleUtterance(units, u.idx)
        && ratesBodyOrSymptom(utteranceOf(units, u), (q ?? questionBefore(units, units.find((x) => x.uttId === u.uttId) ?? u))?.text))
      // "It doesn't hurt much. Maybe a one." - "One out of ten.": a rating the clinician says back on the scale
      || (u.speaker === 'patient' && !!confirmingTurn(units, u))
      // "Before the fall, how were you getting around?" - "I walked everywhere. No cane, nothing.": every sentence of the answer
      // ("How was his talking as a baby and toddler? First words ...?" - "Right on time. First words around 11 months ...": so does a history question)
      || (u.speaker !== 'clinician' && u.sentIndex > 0 && ((qt) => PLOF_Q.test(qt) || HISTORY_Q.test(qt))(questionBefore(units, units.find((x) => x.uttId === u.uttId) ?? u)?.text ?? ''));
    // "Like five nights out of seven?", "I understand maybe half of what she says?": an unsure answer with a number or a share is said as a question but is an answer
    const uptalk = u.isQuestion && u.speaker !== 'clinician' && /\d|\b(?:half|a quarter|a third|most|all|none) of\b/i.test(u.text) && !/^(?:how|what|when|where|why|who|which|is|are|am|do|does|did|can|could|should|would|will|have|has|was|were)\b/i.test(u.text)
      // ... an answer to a question, or said in the middle of the speaker's own account
      && (!!questionBefore(units, units.find((x) => x.uttId === u.uttId) ?? u) || u.sentIndex > 0);
    // "Which hand do you write with?" - "My right.": the dominant hand
    const dominant = q && u.speaker === 'patient' ? handDominance(q.text, u.text) : null;
    if (dominant && q) {
      // in the words said: "right-handed" when that was the word, else "right hand dominant"
      out.push({ section: 'subjective', text: /handed\b/i.test(`${q.text} ${u.text}`) ? `${cap(dominant)}-handed.` : `${cap(dominant)} hand dominant.`, evidence: [q.uttId, u.uttId] });
      keptIdx.add(u.idx);
      continue;
    }
    // "The neck's the one bugging me now." - "Which side?" - "The right.": the side of the part named before the question
    const named = q && u.speaker === 'patient' ? units.slice(Math.max(0, q.idx - 3), q.idx).reverse().find((x) => x.speaker === 'patient' && regionsIn(x.text).length > 0) : undefined;
    const sided = q && named ? sideAnswered(q.text, u.text, named.text) : null;
    if (sided && q && named) {
      out.push({ section: 'subjective', text: `${cap(sided.part)}: ${sided.side} side.`, evidence: [named.uttId, q.uttId, u.uttId] });
      keptIdx.add(u.idx);
      continue;
    }
    const asSaid = uptalk ? { ...u, isQuestion: false, text: u.text.replace(/\?+\s*$/, '.') } : u;
    const turnQ = u.speaker === 'clinician' ? undefined : (q ?? questionBefore(units, units.find((x) => x.uttId === u.uttId) ?? u));
    let section = isEcho(units, u) || repeatsRating(units, u) || isReadingSample(units, u, discipline) || offTopic(u, turnQ?.text, units) || reactedTo(units, u) ? null : sectionFor(asSaid, mode, continues, discipline, answers || uptalk);
    const said = utteranceOf(units, u);
    // "Fourteen on the left." after "Now single-leg heel raises, as many as you can": the count of that test, named
    const counted = !section && u.speaker === 'clinician' ? SIDE_COUNT.exec(u.text.trim()) : null;
    const test = counted ? measures.find((m) => m.unitIdx === u.idx && m.value === counted[1] && m.evidence[0] !== u.uttId) : undefined;
    if (counted && test) {
      out.push({ section: 'objective', text: `${cap(test.name)}: ${counted[2]?.toLowerCase()} ${test.value}.`, evidence: test.evidence.filter((e, i, all) => all.indexOf(e) === i && e !== u.uttId).concat(u.uttId) });
      keptIdx.add(u.idx);
      continue;
    }
    // "To the right... 70.": a bare value right after the movement it measures is a reading
    const prevSaid = units[u.idx - 1];
    if (!section && u.speaker === 'clinician' && isBareValue(u.text) && ((prevSaid?.uttId === u.uttId && measures.some((m) => m.unitIdx === u.idx && m.kind !== 'pain'))
      || movementBefore(units, u, said, lastJoint(units, u.idx))
      // ("Five times sit to stand, arms crossed, go." - "19.8 s.": the result of the test just started)
      || !!testNamedBefore(units, u))) section = 'objective';
    // "Box and Blocks, right hand, go. 16 blocks. Left is 48.": the counts of the test just started
    if (!section && u.speaker === 'clinician' && TEST_COUNT.test(u.text.trim()) && prevSaid?.uttId === u.uttId && measures.some((m) => m.unitIdx === u.idx)) section = 'objective';
    // "Passive flexion first..." then "125.": the name is charted with its value, not alone
    const nextSaid = units[u.idx + 1];
    if (section && u.speaker === 'clinician' && /\.\.\.\s*$/.test(u.text) && !/\d/.test(u.text) && nextSaid?.uttId === u.uttId
      && BARE_VALUE.test(nextSaid.text.trim()) && measures.some((m) => m.unitIdx === nextSaid.idx && m.kind !== 'pain')) section = null;
    // "You filled out the SPADI questionnaire in the waiting room. 41% today.": the test is charted with its value, not alone
    // ("One more 10-meter walk, normal pace..." - "11.8 s.": a number in the test's name is no value)
    // ("Let me give you the VHI-10 questionnaire again." - "You scored twelve today.": also in the clinician's next turn)
    const namedTests = section && u.speaker === 'clinician' && nextSaid?.speaker === 'clinician' && (isBareValue(nextSaid.text) || /^(?:he|she|they|you) scored \d/i.test(nextSaid.text)) ? testsIn(u.text) : [];
    if (namedTests.length && !/\d/.test(namedTests.reduce((t, x) => t.replace(new RegExp(`${x.re.source}(?:-\\d+)?`, 'gi'), ''), u.text))) section = null;
    // "So my impression is a fluency disorder, moderate. He has several risk factors for it continuing: ...": the reasoning
    // goes on in the assessment (DOMAIN.md 1.5 A) until a reading or a service is said
    const lastOut = out[out.length - 1];
    if ((section === 'objective' || (!section && !u.isQuestion && REASONING.test(u.text))) && u.speaker === 'clinician' && continues && lastOut?.section === 'assessment' && lastOut.evidence.includes(u.uttId)
      && !measures.some((m) => m.unitIdx === u.idx) && !kindsIn(u.text, discipline).length && !/\d+(?:\.\d+)?\s*(?:°|%|\/\d)/.test(u.text)) section = 'assessment';
    // "Should I get him one of those grips?" - "Yes, the crossover grip.": advice for home is plan;
    // so is "And ..." carrying on from a plan sentence
    if (section && mode === 'ambient' && planByContext(units, u)) section = 'plan';
    if (section !== 'plan' && section !== 'assessment' && inPlanList(units, u) && !measures.some((m) => m.unitIdx === u.idx)) section = 'plan';
    // "That reproduces it." after "I'm going to lift your big toe up while you're standing": a test's result
    if (!section && u.speaker === 'clinician' && TEST_RESULT.test(u.text) && testBefore(units, u)) section = 'objective';
    // "... maybe a three out of ten now." - "At intake you were a seven.": the earlier rating, said back on the same scale
    const earlier = u.speaker === 'clinician' ? BASELINE_RATING.exec(u.text.trim()) : null;
    const rated = earlier ? units.slice(Math.max(0, u.idx - 3), u.idx).reverse().find((x) => x.speaker !== 'clinician' && /\b\d{1,2}\/10\b/.test(x.text)) : undefined;
    if (earlier && rated && Number(earlier[2]) <= 10) {
      const what = /\b(?:pain|hurts?|sore|aches?)\b/i.test(utteranceOf(units, rated)) ? 'Pain ' : '';
      out.push({ section: 'subjective', text: `${what}${earlier[2]}/10 at ${earlier[1]?.toLowerCase().replace(/^(?:the|your|his|her) /, '')}.`, evidence: [rated.uttId, u.uttId] });
      keptIdx.add(u.idx);
      continue;
    }
    // "Let's get you on your left side with the pillows": the position the patient was treated in
    // (the first position only: a turn to the other side later is part of the same treatment)
    const placed = !section && u.speaker === 'clinician' && !out.some((d) => d.text.startsWith('Positioned ')) ? positioning(u.text) : null;
    if (placed) {
      out.push({ section: 'objective', text: placed, evidence: [u.uttId] });
      keptIdx.add(u.idx);
      continue;
    }
    // "That's tender right at the bony part on the outside of the elbow." - "Lateral epicondyle, yes.": the clinician names the spot
    const spot = !section && u.speaker === 'clinician' && u.sentIndex === 0 ? /^([A-Za-z][a-z]+(?: [a-z]+){0,3}), (?:yes|yep|exactly|right)[.!]?$/.exec(u.text.trim())?.[1] : undefined;
    const told = spot && (regionsIn(spot).length || LANDMARK.test(spot)) ? out[out.length - 1] : undefined;
    if (spot && told && told.section === 'subjective' && told.evidence.includes(units.filter((x) => x.idx < u.idx && x.uttId !== u.uttId).pop()?.uttId ?? '')) {
      // (tenderness found under the hands is a finding: "Tender at lateral epicondyle", DOMAIN.md 1.5 O)
      if (/\b(?:tender|sore)\b/i.test(told.text)) { told.section = 'objective'; told.text = `Tender at ${spot.toLowerCase()}.`; }
      else told.text = `${told.text.replace(/[.!]$/, '')} (${spot.toLowerCase()}).`;
      told.evidence = [...told.evidence, u.uttId];
      keptIdx.add(u.idx);
      continue;
    }
    if (!section) {
      const k = kindsIn(u.text, discipline).find((x) => !x.explicit);
      if (k && u.speaker === 'clinician') pendingName = { name: k.match, uttId: u.uttId };
      continue;
    }
    const voice: Voice = mode === 'dictation' ? 'clinician' : u.speaker === 'clinician' ? 'clinician' : u.speaker === 'patient' ? 'patient' : 'other';
    let made: { text: string; evidence: string[] } | null;
    if (voice === 'clinician') {
      const joint = lastJoint(units, u.idx);
      const alias = section !== 'plan' ? movementName(u.text, '', joint) : null;
      const prev = units[u.idx - 1];
      const bareValue = isBareValue(u.text);
      // "Turn your head to the right as far as it goes... that's about 50°.": the reading of the movement just asked
      const prevMovement = bareValue || SAID_VALUE.test(u.text.trim()) ? movementBefore(units, u, said, joint) : null;
      const afterColon = u.text.includes(':') ? u.text.slice(u.text.indexOf(':') + 1).trim() : '';
      const named = /^(?:[a-z]+ )?(?:flexion|extension|rotation|abduction|supination|pronation)\b/i.test(afterColon);
      const valueOf = bareValue ? measures.find((m) => m.unitIdx === u.idx) : undefined;
      // "About 65." after a movement asked for is charted in degrees, as it was read
      const bareText = valueOf && /^\d+°$/.test(valueOf.value) ? u.text.replace(new RegExp(String.raw`\b${valueOf.value.slice(0, -1)}\b(?!°)`), valueOf.value) : u.text;
      // "First a quick hearing screen. ... Passed both ears at twenty decibels.": the result says the screen it is of
      const screen = /^(?:passed|failed|pass|fail|referred)\b/i.test(u.text.trim()) ? screenBefore(units, u) : null;
      const source = screen ? `${cap(screen)}: ${u.text.charAt(0).toLowerCase()}${u.text.slice(1)}` : alias && afterColon && !named ? `${alias}: ${afterColon}` : alias && named ? afterColon
        // ("Squeeze with your right hand ... 72 lb. Now the left ... 18 lb." -> "Grip: right 72 lb; left 18 lb.": the sides of one measure)
        : prevMovement ? (/^(?:left|right) grip$/.test(prevMovement.name) ? `Grip: ${prevMovement.name.split(' ')[0]} ${bareText}` : `${prevMovement.name}: ${bareText.replace(/^To /, 'to ')}`)
        // "Lift up again for me... 130°.": the value is named by the measure it repeats
        // (in the case it was said: "SPADI", not "spadi")
        : bareValue && valueOf ? `${new RegExp(String.raw`\b${valueOf.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\b`, 'i').exec(said)?.[0] ?? valueOf.name}: ${bareText}`
        : u.text.replace(/^let's (?:get|put|do|use|try|start(?: with| on)?)\s+/i, '')
          // "I have Dr. Lindqvist's report here, and the stroboscopy showed ...": what the report says, not that it is here
          .replace(/^(?:I|we) (?:have|'ve got|got) (?:Dr\.? [A-Z][a-z]+'s|the|your|his|her) (?:report|notes?|results?|letter|records?)(?: here| in front of me)?,?\s+(?:and\s+)?/i, '')
          // "I'm not re-measuring everything today, we'll do the full re-exam at visit ten": what is not done today goes
          .replace(/^(?:I'm|I am|we're|we are) not (?:re-?measuring|measuring|re-?testing|testing|re-?checking|checking) [^,.;]*[,;]\s*/i, '')
          // "So what I'm seeing is persistent developmental stuttering": the clinician's impression
          // (also said to a parent: "Mom, what I'm seeing is ...")
          .replace(/^(?:(?:so|mom|mum|dad)[,]?\s+)?what (?:I'm|I am) seeing (?:here )?(?:is|fits|suggests|points to|looks like)\s+(?:that\s+)?/i, 'Impression: ');
      let text = toThirdPerson(section === 'plan' ? source : dropInstructionClauses(stripNoteHeader(source)), 'clinician')
        .replace(/\b(?:clinician|patient) is (?:starting|beginning|counting|timing|checking|keeping (?:score|count|track))(?: with)?:?\s*/gi, '');
      // (the turn that asked for the movement is cited with the reading: "turn to the right" - "52°")
      const evidence = [...(valueOf?.evidence.filter((e) => e !== u.uttId) ?? []), ...(prevMovement && prevMovement.uttId !== u.uttId ? [prevMovement.uttId] : []), u.uttId];
      // a measure taken again is charted with its earlier value ("again: 10 cm (from 8 cm)")
      // (an assessment's "stays above 80% with pacing" is a judgement, not a re-measure)
      const rechecked = section === 'objective' ? withBaselines(text, measures.filter((m) => m.unitIdx === u.idx && m.kind !== 'pain'), said, (id) => (id === u.uttId ? '' : utteranceOf(units, { uttId: id }))) : null;
      if (rechecked) { text = rechecked.text; evidence.unshift(...rechecked.evidence.filter((e) => e !== u.uttId)); }
      // "Tuck the thumb into your fist and tip the hand toward the pinky... still positive": the result of the test said by its manoeuvre
      const test = TEST_RESULT.test(u.text) && !testsIn(u.text).length ? testBefore(units, u) : null;
      // a result too short to stand alone ("That reproduces it.") says the manoeuvre it is the result of
      const how = test && test.said.toLowerCase() !== test.name.toLowerCase() && u.text.split(/\s+/).length <= 3 ? ` (${toThirdPerson(test.said, 'clinician').toLowerCase().replace(/\b(?:your|his|her|the|patient's) /g, '')})` : '';
      if (test) { text = `${test.name}${how}: ${lowerFirst(text.replace(/^(?:still|so|and)\s+/i, ''))}`; evidence.unshift(test.uttId); }
      // "Let me recheck the reach. Standing on the left, 64 cm now.": the reading is of the measure named for the recheck
      const recheckOf = section === 'objective' && !prevMovement && prev?.speaker === 'clinician' && !keptIdx.has(prev.idx) && /\d/.test(text) ? RECHECK_OF.exec(prev.text.trim())?.[1] : undefined;
      if (recheckOf && prev && !new RegExp(`\\b${recheckOf}\\b`, 'i').test(text)) { text = `${cap(recheckOf)}: ${lowerFirst(text)}`; if (!evidence.includes(prev.uttId)) evidence.unshift(prev.uttId); }
      // "Left, 38 lb pain-free." after "I want to check your pain-free grip": the reading of the measure asked for
      const sideOnly = section === 'objective' && !prevMovement && !recheckOf && /^(?:left|right)\b(?: side)?,?\s+\d/i.test(text) ? measureAsked(units, u) : null;
      if (sideOnly) { text = `${cap(sideOnly.name)}: ${lowerFirst(text)}`; if (!evidence.includes(sideOnly.uttId)) evidence.unshift(sideOnly.uttId); }
      // "Left arm now. Flexion 170, abduction 165": the readings of the side said just before them
      const heading = section === 'objective' && prev?.uttId === u.uttId && !sidesIn(text).length && measures.some((m) => m.unitIdx === u.idx) ? sideHeading(prev.text) : null;
      if (heading) { text = `${heading}: ${lowerFirst(text)}`; }
      // "GFTA-3 is done. Standard score 74": a score said after the test named in the sentence before it is that test's
      // (so is a bare value: "You filled out the SPADI questionnaire. 41% today.")
      // (the test named one sentence further back, past "Let me add that up...": "You filled out the EAT-10 ... Let me add that up... 21.")
      const testSaid = testNamedBefore(units, u);
      const scored = section === 'objective' && testSaid && !testsIn(text).length && (SCORE_LABEL.test(text) || (bareValue && !prevMovement && !valueOf)) ? testsIn(testSaid.text)[0] : undefined;
      const scoredAs = scored ? new RegExp(`${scored.re.source}(?:-\\d+)?(?: (?:inventory|index|scale|questionnaire))?`, 'i').exec(testSaid?.text ?? '')?.[0] : undefined;
      if (testSaid && scoredAs && !/\d/.test(testSaid.text.replace(scoredAs, '').replace(/\byou (?:two|2)\b/i, ''))) { text = `${scoredAs}: ${lowerFirst(text.replace(/^(?:patient |he |she )?scored /i, ''))}`; evidence.unshift(testSaid.uttId); }
      if (pendingName && PARAMS.test(u.text) && !kindsIn(u.text, discipline).length && pendingName.uttId === u.uttId) {
        text = `${cap(pendingName.name)}: ${lowerFirst(text)}`;
      }
      // a test named in the clinician's sentence before ("Five times sit to stand, arms crossed, go." - "19.8 s.") is cited with its result
      const cited = evidence.map((e) => utteranceOf(units, { uttId: e })).join(' ');
      if (prev && prev.speaker === 'clinician' && !evidence.includes(prev.uttId) && testsIn(text).some((t) => !new RegExp(t.re.source, 'i').test(cited) && new RegExp(t.re.source, 'i').test(prev.text))) evidence.unshift(prev.uttId);
      made = { text, evidence };
      // "her timed up and go was 14.2 with the cane" - (assistant) "13.1, actually.": the number as corrected
      // (only a correction said as one, "actually" or "no": "Six." after "11 ... and at evaluation 6/20" only repeats a number)
      const fixed = correctedNumber(units, u);
      if (fixed && /\b(?:actually|no)\b/i.test(utteranceOf(units, { uttId: fixed.uttId }))) made = { text: made.text.replace(new RegExp(String.raw`(?<![\d.])${fixed.from.replace('.', '\\.')}(?![\d])`), fixed.to), evidence: [...made.evidence, fixed.uttId] };
    } else {
      made = patientStatement(units, asSaid, voice, interpreter);
      // "I lost fifteen pounds." - "Eighteen, hon.": the number as corrected
      const fixed = made ? correctedNumber(units, u) : null;
      if (made && fixed) made = { text: made.text.replace(new RegExp(String.raw`(?<![\d.])${fixed.from.replace('.', '\\.')}(?![\d])`, 'i'), fixed.to), evidence: [...made.evidence, fixed.uttId] };
    }
    pendingName = null;
    // "End of dictation." is a marker, not a statement: nothing is left of it once concise
    if (!made || (made.text.match(/[\p{L}\p{N}]+/gu) ?? []).length < 2 || !/[\p{L}\p{N}]/u.test(concise(made.text))) continue;
    // a clause left without its subject ("That's exactly what we're working toward" -> "What working toward")
    // ("That's why everything is so hard." -> "Why everything is so hard.")
    if (/^(?:what|which|where|why|that is what)\b/i.test(concise(made.text).replace(/^(?:patient|caregiver) reports /i, '')) && !/\d/.test(made.text)) continue;
    made.evidence = [...new Set(made.evidence)];
    keptIdx.add(u.idx);
    const measured = section === 'objective' && measures.some((m) => m.unitIdx === u.idx && m.kind !== 'pain');
    out.push({ section, text: finish(section === 'assessment' ? goalLink(made.text) : made.text), evidence: made.evidence, ...(measured ? { measured } : {}) });
    // "both goals are met, so we're discharging you": the goal status stays in A, the decision is
    // also the plan (DOMAIN.md 1.8: "If you are planning to discharge, say so and explain why")
    const discharge = section === 'assessment' && voice === 'clinician' ? DISCHARGE.exec(u.text) : null;
    if (discharge) {
      // the decision is said once, in the plan, in chart style ("Clinician discharging from OT." -> "Discharge from OT.")
      const said = finish(toThirdPerson(discharge[1] ?? '', 'clinician'));
      const assessed = out[out.length - 1];
      if (assessed?.section === 'assessment' && assessed.text === said) out.pop();
      out.push({ section: 'plan', text: said.replace(/^(?:Clinician (?:is )?)?discharging (?:(?:the )?patient|him|her|them)\.$/i, 'Patient discharged.').replace(/^(?:Clinician (?:is )?)?discharging (?:(?:(?:the )?patient|him|her|them) )?(?=[a-z])/i, 'Discharge '), evidence: [u.uttId] });
    }
  }
  const spoken = spokenWords ?? units.reduce((n, x) => n + x.text.split(/\s+/).length, 0);
  const through = interpreterStatement(units);
  if (through) out.unshift(through);
  return mergeAdjacent(fitBudget(withoutRepeatedDenials(withoutContradictedDenials(withBaselineSentences(out), units)), spoken, WORD_BUDGET[mode] + (noteType === 'evaluation' || noteType === 'reevaluation' ? EVALUATION_EXTRA : 0), noteType, SOFTEST[mode]));
}

/**
 * A dictation's opening names the note, the patient and the visit number ("Progress note for
 * M. R., visit twelve"), which the EMR already holds: only what follows is drafted.
 */
function stripNoteHeader(text: string): string {
  return text
    // ("Moderate complexity evaluation: two comorbidities ..." is the complexity, not the note's title)
    // ("Discharge note and final visit for Francine Dube, ...": the note named twice)
    .replace(/^(?!(?:[Ll]ow|[Mm]oderate|[Hh]igh)[- ]complexity\b)(?:[A-Za-z-]+ ){0,3}(?:note|evaluation|eval|re-?evaluation|visit)\b(?: and (?:final |last |first )?(?:visit|session|note))?(?: for (?:(?:Mr|Mrs|Ms|Dr)\.? )?(?:[A-Z][a-z'-]+ ?){1,3})?(?:,?\s*(?:(?:Mr|Mrs|Ms)\.? )?[A-Z][a-z'-]+(?: [A-Z][a-z'-]+){0,2}(?=[,.]))?[,.:]\s*/, '')
    // "visit 3 of 10", "session 3": which visit it is, the EMR holds
    .replace(/(?:^|,\s*)(?:visit|session) (?:number )?\d+(?: of \d+)?\b[,.]?\s*/i, (m) => (m.startsWith(',') ? ' ' : ''))
    // "Massage therapy," left alone once the visit is gone: the discipline, which the EMR holds
    .replace(/^(?:massage therapy|physical therapy|occupational therapy|speech(?: therapy)?|chiropractic|chiro)(?: note)?[,.]?\s*(?:(?:Mr|Mrs|Ms)\.? )?(?:[A-Z][a-z'-]+ [A-Z][a-z'-]+)?[,.]?\s*$/, '')
    // "Third visit, left jaw pain": which visit it is, the EMR holds
    .replace(/^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)) (?:visit|session)[,.]\s*/i, '')
    .replace(/^(?:auto|workers'? comp) claim\.?$/i, '')
    // the patient's name said to open a dictation ("Harold Finch, 74, chronic low back"): the EMR holds it
    .replace(/^(?:(?:Mr|Mrs|Ms)\.? )?[A-Z][a-z'-]+ [A-Z][a-z'-]+(?:,\s*|\.\s*$)(?=\d|[a-z]|$)/, '')
    .replace(/^(?:this is (?:a |an )?)?(?:re-?exam|re-?evaluation|progress note|daily note|evaluation|session note)\b[^.]*?(?:\bfor (?:[A-Z][a-z'-]+ ?){1,3})?[,.]\s*/i, '')
    // "Okay, this is the speech note for Walter Pruitt, visit five, ALS ...": the note's own opening
    .replace(/^(?:(?:[Oo]kay|[Oo]k|[Ss]o)[,.]?\s+)?[Tt]his is (?:the |a |an |my )?(?:[A-Za-z-]+ ){0,4}(?:note|evaluation|re-?evaluation) for,? (?:(?:Mr|Mrs|Ms)\.? )?(?:[A-Z][a-z'-]+ ?){1,3}[,.]\s*(?:visit \d+[,.]\s*)?/, '');
}

/** Sentences of one utterance that landed in the same section read as one statement; a
 *  test named in one utterance and scored in the next ("30-s chair stand ... That's ten")
 *  read as one measure. */
/**
 * "Denies hearing loss, ringing, fullness in ears." ... "No ringing.": an item already denied in a
 * list is not charted again ("No pain." after "Denies pain in right shoulder" is broader, and kept).
 */
/**
 * A denial taken back in the next turns is no denial: "Any falls in the last year?" - "No falls." -
 * (daughter) "Mom. You fell in the garden in April." - "Oh, well, yes. One fall, then." The
 * symptom said without a negation within three turns after the answer means the denial is not
 * charted (DOMAIN.md 1.6: a negation must be correct); what was said instead is charted on its own.
 */
function withoutContradictedDenials(items: Draftable[], units: readonly Unit[]): Draftable[] {
  const turnOf = new Map(units.map((u) => [u.uttId, u.uttIndex]));
  return items.filter((d) => {
    if (d.section !== 'subjective' || !/^(?:(?:patient|caregiver) )?(?:reports )?(?:denies|no)\b/i.test(d.text)) return true;
    const denied = symptomMentions(d.text).filter((m) => m.negated).map((m) => m.key);
    if (!denied.length) return true;
    const last = Math.max(...d.evidence.map((e) => turnOf.get(e) ?? -1));
    return !units.some((u) => u.uttIndex > last && u.uttIndex <= last + 3 && u.speaker !== 'clinician'
      && symptomMentions(u.text).some((m) => !m.negated && denied.includes(m.key)));
  });
}

export function withoutRepeatedDenials(items: Draftable[]): Draftable[] {
  const DENIAL_HEAD = /^(?:(?:patient|caregiver) (?:reports )?)?(?:denies|no)\b\s*/i;
  const denials: string[] = [];
  return items.filter((it) => {
    if (it.section !== 'subjective' || !DENIAL_HEAD.test(it.text)) return true;
    const words = it.text.replace(DENIAL_HEAD, '').toLowerCase().match(/[a-z]+/g) ?? [];
    const item = words.length > 0 && words.length <= 3 && !/\d/.test(it.text) ? new RegExp(String.raw`\b${words.join(String.raw`\s+(?:or\s+|and\s+)?`)}(?=[,.;]|\s+(?:or|and)\b|$)`, 'i') : null;
    const repeat = !!item && denials.some((d) => item.test(d));
    denials.push(it.text);
    return !repeat;
  });
}

/**
 * "Circumference at the elbow, 27 cm. It was 29.5 at the evaluation.": the sentence that only
 * gives the earlier value joins the reading before the budget is fitted, so the budget keeps or
 * drops the reading and its baseline together (DOMAIN.md 2.4 "compared to baseline").
 */
function withBaselineSentences(items: Draftable[]): Draftable[] {
  const out: Draftable[] = [];
  for (const it of items) {
    const prev = out[out.length - 1];
    const joined = withBaseline(prev, it);
    if (prev && joined) out[out.length - 1] = { ...prev, text: joined };
    else out.push(it);
  }
  return out;
}

/** The reading `prev` with the earlier value `it` gives it, when `it` says only that and cites no more than `prev` (never onto a block's summary). */
function withBaseline(prev: Draftable | undefined, it: Draftable): string | null {
  return prev && !prev.block && prev.section === it.section && it.evidence.every((e) => prev.evidence.includes(e)) ? joinBaseline(prev.text, it.text) : null;
}

/** A score said without the test's name: "Standard score 74", "Raw score 41", "Percentile 4", "(He) scored 6/12". */
const SCORE_LABEL = /^(?:(?:standard|raw|scaled|total|composite) scores?|scores?|(?:patient |he |she )?scored|percentile)\b/i;

/** A count said with its side only: "14 on the left.", "That's 25 on the right." */
const SIDE_COUNT = /^(?:that's\s+)?(\d{1,3})(?: reps)? on the (left|right)\b[.!]?$/i;

/** A reading given for one side: "Right hand, 51 blocks.", "Left 12 lb." */
const SIDE_READING = /^(?:right|left)((?: [a-z]+){0,2}?)(?: is| was)?,? -?\d(?:[^.;]|\.\d){0,30}\.$/i;

/** "Stance on injured leg eyes closed: 6 s. Stance on good leg eyes closed: 25 s." -> "Stance eyes closed: injured leg 6 s; good leg 25 s." */
const STANCE_PAIR = /\bStance on (\S+) leg((?: eyes (?:open|closed))?): ([^.;]+)\. Stance on (\S+) leg\2: ([^.;]+)\./g;

function mergeAdjacent(items: Draftable[]): Draftable[] {
  const out: Draftable[] = [];
  for (const it of items) {
    const prev = out[out.length - 1];
    // ... only a bare score ("That's ten."), and only onto a test said without its result
    // ("Figure-8 on both sides." - "Left 54.5 cm; right 52 cm.": the sides read of the test just named)
    const sideScores = SIDE_READING.test(it.text.split(/;\s*/)[0]?.replace(/[.,;]?$/, '.') ?? '') && it.text.split(/\s+/).length <= 10;
    const test = prev && prev.section === 'objective' && it.section === 'objective' && (/^\d/.test(it.text) || sideScores) && !it.text.includes(':') && (it.text.split(/\s+/).length <= 5 || sideScores)
      && !/\b(?:positive|negative|normal|WNL|reproduc\w*|intact|absent)\b/i.test(prev.text)
      // ("No effusion on the sweep test." is the test's result already)
      && !/^(?:no|negative)\b/i.test(prev.text.split(/(?<=[.!?])\s+/).pop() ?? '') ? testsIn(prev.text)[0] : undefined;
    if (prev && test) {
      const named = new RegExp(test.re.source, 'i').exec(prev.text)?.[0] ?? test.name;
      if (!/\d/.test(prev.text.replace(named, ''))) {
        prev.text = `${named.charAt(0).toUpperCase()}${named.slice(1)}: ${sideScores ? `${it.text.charAt(0).toLowerCase()}${it.text.slice(1)}` : it.text}`;
        prev.evidence = [...new Set([...prev.evidence, ...it.evidence])];
        continue;
      }
    }
    // "Single-leg heel raises: left 14." + "Single-leg heel raises: right 25." -> "Single-leg heel raises: left 14; right 25."
    const name = /^([^:.;]{3,40}): (?:left|right) [^:;]*$/i.exec(it.text)?.[1];
    if (prev && name && prev.section === it.section && prev.text.startsWith(`${name}: `) && !/[;]/.test(prev.text)) {
      prev.text = `${prev.text.replace(/\.$/, '')}; ${it.text.slice(name.length + 2)}`;
      prev.evidence = [...new Set([...prev.evidence, ...it.evidence])];
      continue;
    }
    // "Timed up and go: 12.4 s. At evaluation 15.6." -> "Timed up and go: 12.4 s (15.6 at evaluation)."
    const joined = withBaseline(prev, it);
    if (prev && joined) { prev.text = joined; continue; }
    // "Right hand, 51 blocks. Left hand, 12." -> "Right hand, 51 blocks; left hand, 12.": the two sides of one reading
    // (the same thing read on each side, or one side said bare: "Left plantarflexors 3-/5. Right 5/5.")
    const a = prev && prev.section === it.section && it.evidence.every((e) => prev.evidence.includes(e)) ? SIDE_READING.exec(prev.text.split(/(?<=[.!?;:])\s+/).pop()?.replace(/;$/, '.') ?? '') : null;
    const b = SIDE_READING.exec(it.text);
    if (prev && a && b && (!b[1] || a[1]?.toLowerCase() === b[1].toLowerCase())) {
      prev.text = `${prev.text.replace(/\.$/, '')}; ${it.text.charAt(0).toLowerCase()}${it.text.slice(1)}`;
      continue;
    }
    // "Sleeping: 6 hours." + "Better than before." (the rest of the same answer) -> "Sleeping: 6 hours; better than before."
    const rest = it.text.replace(/^(?:Patient|Caregiver) reports /, '');
    if (prev && prev.section === 'subjective' && it.section === 'subjective' && /^[A-Z][a-z]+(?: [a-z]+){0,7}: /.test(prev.text) && !prev.text.includes(';')
      && it.evidence.length > 0 && it.evidence.every((e) => prev.evidence.includes(e)) && rest.split(/\s+/).length <= 4 && !/^(?:Patient|Caregiver|Denies)\b/.test(rest)
      // (a part or symptom of its own is a statement of its own: "Wrist itself way better" is not about what "Painful?" asked)
      && !regionsIn(rest).length && !symptomMentions(rest).length
      // (a rating joins only a label that names what hurts: "Headaches: better; 4/10", never "Sleep: terrible; at night 7/10")
      && (!/\/10\b/.test(rest) || ((label) => regionsIn(label).length > 0 || symptomMentions(label).length > 0)(prev.text.split(':')[0] ?? ''))) {
      prev.text = `${prev.text.replace(/\.$/, '')}; ${lowerFirst(rest)}`;
      continue;
    }
    if (prev && prev.section === it.section && prev.evidence.join() === it.evidence.join() && prev.text.length + it.text.length < 260) {
      const bare = /^[-\d][\d+\-/°%. ]*(?:lb|cm|s|min)?\.$/.test(it.text);
      const same = /^(Patient|Caregiver) reports /.exec(prev.text);
      // "Denies leg pain. Denies numbness." -> "Denies leg pain, numbness."
      const denies = /^(?:(?:Patient|Caregiver) )?[Dd]enies /.exec(prev.text);
      if (bare) prev.text = `${prev.text.replace(/\.$/, '')}: ${it.text}`;
      // ("No numbness." + "Tingling in the calf sometimes.": a symptom reported after a denial starts a sentence of its own, so no "no" reaches it)
      else if (same && it.text.startsWith(same[0]) && symptomMentions(prev.text).some((m) => m.negated) && symptomMentions(it.text).some((m) => !m.negated)) prev.text = `${prev.text} ${cap(it.text.slice(same[0].length))}`;
      else if (same && it.text.startsWith(same[0])) prev.text = `${prev.text.replace(/\.$/, '')}; ${it.text.slice(same[0].length)}`;
      else if (denies && it.text.startsWith(denies[0]) && !prev.text.slice(0, -1).includes('.') && sameDenials(`${prev.text} ${it.text}`, `${prev.text.replace(/\.$/, '')}, ${it.text.slice(denies[0].length)}`)) prev.text = `${prev.text.replace(/\.$/, '')}, ${it.text.slice(denies[0].length)}`;
      else prev.text = `${prev.text} ${it.text}`;
    } else out.push({ ...it, evidence: [...it.evidence] });
  }
  // both legs' readings of one stance test, side by side
  for (const it of out) it.text = it.text.replace(STANCE_PAIR, 'Stance$2: $1 leg $3; $4 leg $5.');
  return out;
}

/** Group into sections with ids s1, o1, a1, p1. After the first "Patient reports", chart
 *  style drops the repeated subject ("Reports pain 3/10"). */
export function toSections(items: Draftable[]): DraftSections {
  const sections: DraftSections = { subjective: [], objective: [], assessment: [], plan: [] };
  for (const it of items) {
    const list = sections[it.section];
    const named = Object.values(sections).some((l) => l.some((x) => x.text.startsWith('Patient ')));
    // the Subjective section is the patient's report: chart style states it directly
    // a quotation in S is the patient's own words: "Patient states" adds nothing
    // (and so does a later sentence of the same statement: "Has to run stand-up. Patient reports phone worst." -> "... Phone worst.")
    if (it.section === 'subjective') it.text = it.text.replace(/(?<=[.!?] )Patient reports (?!difficulty\b)(?=[a-z0-9"])/g, '').replace(/(?<=[.!?] )[a-z]/g, (c) => c.toUpperCase()).replace(/^(?:Patient )?reports (?!difficulty\b)/i, '').replace(/^Patient (?=(?:has|had|was|is|can|cannot|could|does|did|gets|got|feels|wants|needs|lives|works|stopped|started|went|ran|walks|uses|wears|takes)\b)/, '').replace(/^Patient (?=denies )/, '').replace(/^(?:Patient )?(?:states|says)[,:]?\s+(?=")/i, '').replace(/^(?:says|states|reports) (?:that )?(?=[a-z])/i, '').replace(/^./, (c) => c.toUpperCase());
    // Objective and Assessment are about the patient already: "Lacking 15° of extension on right."
    else it.text = it.text.replace(/^Patient (?!reports\b|denies\b|states\b)(?=[a-z])/, '').replace(/^Patient (?=(?:reports|denies) )/, named ? '' : 'Patient ').replace(/^./, (c) => c.toUpperCase());
    list.push({ id: `${it.section[0]}${list.length + 1}`, text: it.text, origin: 'ai', evidence: it.evidence });
  }
  return sections;
}
