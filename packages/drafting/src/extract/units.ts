/**
 * The transcript as sentence units: markers removed, numbers normalised, split into
 * sentences, each tagged with its utterance id, speaker and any spoken section header
 * ("Subjective:", "Plan:"). In dictation a header holds until the next one; in ambient
 * speech it holds to the end of its utterance.
 */
import type { SectionName, Utterance } from '@scribe/domain';
import { hasSpeech, stripMarkers } from '../text/markers.ts';
import { normalizeClinical } from '../text/normalize.ts';
import { splitSentences } from '../text/sentences.ts';
import type { Mode } from '../types.ts';

export interface Unit {
  /** Position in the whole transcript. */
  idx: number;
  uttId: string;
  uttIndex: number;
  /** Position of the sentence inside its utterance. */
  sentIndex: number;
  speaker: Utterance['speaker'];
  start: number;
  /** Normalised sentence text, header removed. */
  text: string;
  header: SectionName | null;
  /** The header was said in an earlier utterance (dictation) rather than in this one. */
  headerCarried?: boolean;
  isQuestion: boolean;
}

/**
 * A spoken section header: "Subjective:", "S:", "So, objective.", "Assessment. Steady ...",
 * "Oh, one more thing on the subjective: ...",
 * "Treatment:", "Home program: ...". A header word followed by a full stop counts only when a
 * sentence follows it or it stands alone ("Objective. PRTEE 31/100").
 */
const HEADER = /^(?:(?:so|okay|ok|and|now|oh|also),?\s+)?(?:(?:one more thing|one last thing|going back|adding|an addendum|addendum)(?: (?:on|to|for|under|in))? (?:the )?)?(?:(?:pre|post)-?treatment\s+|(?:new|updated|revised|first|short-term|long-term)\s+|today'?s\s+)?(subjective|interventions?|history|objective|exam(?:ination)?|(?:progress |outcome )?measures|assessment|impression|goal status|progress toward goals|plan|recommendations?|goals?|treatment(?:\s+(?:after|following)\s+(?:the\s+)?(?:re-?)?(?:exam(?:ination)?|evaluation|eval|assessment|testing)|\s+today)?|home(?: program(?:me)?| care| exercise program| exercises?)?|HEP|[SOAP](?=\s*:)|[SOAP](?=\.\s*$))(?:(?<=goals?) for (?:the next )?(?:\w+ ){1,2}(?:weeks?|months?|visits?))?\s*(?::\s*|\.(?:\s+|$))/i;

/**
 * A dictated utterance opening with a label of measures or a timed block: "Pre-treatment: ...",
 * "Gait training 9:27 to 9:39: ..." (clock times read as #). A label such as "Voice use:" after
 * "History:" is more history, so other labels do not count.
 */
const TOPIC_LABEL = /^(?:(?:pre|post)-?treatment|[A-Za-z][^:.?!]{0,60}#[^:.?!]{0,20}):\s/i;

/** An assessment header said without punctuation: "impression moderate ...", "clinical impression mild ...". */
const BARE_HEADER = /^(?:(?:so|okay|ok|and),?\s+)?(?:(?:clinical|overall)\s+)?(?:impression|assessment)\s+(?=\w)(?!(?:of|for|is|was|that|and|to)\b)/i;

/**
 * Raw ASR runs sentences together ("c five six is restricted ... ok lie face down first the
 * thoracic adjustment"): split where speech turns, at "ok", "now", "alright", "so", "and then",
 * once at least four words have been said.
 */
function splitRunOn(text: string): string[] {
  return text.split(/(?<=(?:\S+\s+){4,}?\S+)\s+(?=(?:ok|okay|alright|now|so(?! (?:that )?(?:you|he|she|they|we|patient) (?:can|could|will))|and then|then|next)\s)/i).map((s) => s.trim()).filter(Boolean);
}

/** A question by its words when the text carries no question mark. */
const UNMARKED_QUESTION = /^(?:(?:hey|hi|ok(?:ay)?|so|and|nice|good|alright)\s+(?:(?!let'?s\b)\w+\s+)?)?(?:how|what|where|when|why|which|who|do|does|did|is|are|can|could|would|will|have|has|any)\b|\b(?:how|what|where)(?:'s| is| are| does| do| did)\b|\bany (?:\w+ ){0,2}(?:pain|numbness|tingling|swelling|headaches?|dizziness|fever|problems?|trouble|questions?)\b/i;

function headerSection(word: string): SectionName {
  const w = word.toLowerCase();
  if (w === 'subjective' || w === 'history' || w === 's') return 'subjective';
  if (w.startsWith('objective') || w.startsWith('exam') || w.startsWith('treatment') || w.startsWith('intervention') || w.endsWith('measures') || w === 'o') return 'objective';
  if (w === 'assessment' || w === 'impression' || w === 'goal status' || w === 'progress toward goals' || w === 'a') return 'assessment';
  return 'plan';
}

/** Utterances that hold speech once markers such as [inaudible] are removed. */
export function speechUtterances(utterances: Utterance[]): Utterance[] {
  return utterances.filter((u) => hasSpeech(u.text));
}

/** Sentence units of the transcript, in spoken order. */
export function buildUnits(utterances: Utterance[], mode: Mode): Unit[] {
  const units: Unit[] = [];
  let carried: SectionName | null = null;
  speechUtterances(utterances).forEach((u, uttIndex) => {
    let header: SectionName | null = mode === 'dictation' ? carried : null;
    let headerCarried = header !== null;
    // raw ASR without punctuation marks no questions: "any numbness or tingling in the hands"
    const unpunctuated = !/[.?!]/.test(u.text);
    // a word lost mid-sentence stays visible as a gap, so no count or name is read across it
    const gapped = u.text.replace(/(?<=\w[\s,]*)\[(?:inaudible|unintelligible|crosstalk)\](?=[\s,]*\w)/gi, '(unclear)');
    // fillers of speech ("um", "uh", "er") carry nothing and break phrases apart
    const fluent = gapped.replace(/,?\s*\b(?:um+|uh+|er+m?|hmm+)\b,?(?=\s|$)/gi, '');
    const sentences = splitSentences(normalizeClinical(stripMarkers(fluent)));
    (unpunctuated ? sentences.flatMap(splitRunOn) : sentences).forEach((sentence, sentIndex) => {
      // lowercase ASR writes the pronoun "i"
      let text = unpunctuated ? sentence.replace(/\bi(?=(?:'m|'ve|'d|'ll)?\s)/g, 'I') : sentence;
      const h = HEADER.exec(text);
      // unpunctuated dictation says a header as a bare word ("impression moderate dysphagia ..."): it names
      // this sentence's section only, since without a full stop nothing marks where it ends
      const bare = !h && unpunctuated && mode === 'dictation' && sentIndex === 0 ? BARE_HEADER.exec(text) : null;
      if (bare) {
        header = 'assessment';
        headerCarried = false;
        text = text.slice(bare[0].length);
      } else if (h) {
        header = headerSection(h[1] ?? '');
        headerCarried = false;
        text = text.slice(h[0].length);
        if (mode === 'dictation') carried = header;
      } else if (headerCarried && header !== 'objective' && sentIndex === 0 && TOPIC_LABEL.test(text.replace(/\b\d{1,2}:\d{2}\b/g, '#'))) {
        // "Subjective: ..." then "Pre-treatment: ...": measures or a timed block end the history;
        // what follows is placed by what it says
        header = carried = null;
        headerCarried = false;
      }
      text = text.trim();
      if (!/[\p{L}\p{N}]/u.test(text)) return;
      units.push({
        idx: units.length, uttId: u.id, uttIndex, sentIndex, speaker: u.speaker, start: u.start,
        text, header, headerCarried, isQuestion: /\?\s*$/.test(text) || (unpunctuated && UNMARKED_QUESTION.test(text)),
      });
    });
  });
  return withCarriedUnits(readByHelper(units));
}

/** The clinician asking someone in the room to take a reading: "Jordan, time it.", "can you grab the tape measure?". */
const READING_ASKED = /\b(?:time (?:it|him|her|them|that)|tape measure|can you (?:time|measure|read|count|write down)|(?:read|call) (?:it|them) (?:out|off)|measure (?:it|that|both|the other))\b/i;

/**
 * A reading given by a student or aide the clinician asked to take it ("Jordan, time it." -
 * "Okay... nine seconds.") is the exam's, as if the clinician said it (DOMAIN.md 1.5 O: measured
 * data); any other words of theirs stay theirs.
 */
function readByHelper(units: Unit[]): Unit[] {
  let askedAt = -9;
  return units.map((u) => {
    if (u.speaker === 'clinician' && READING_ASKED.test(u.text)) askedAt = u.uttIndex;
    const reading = u.speaker === 'other' && !u.isQuestion && /\d/.test(u.text) && u.uttIndex - askedAt <= 3 && u.uttIndex > askedAt;
    return reading ? { ...u, speaker: 'clinician' as const } : u;
  });
}

/** Measures whose unit is said once and then left out: circumference, girth, pressure peaks, distances to a landmark. */
/** "Right is 52.", "Right side is 15.": the other side's reading said bare. */
const SIDE_BARE = /^(?:and )?(?:the )?(?:right|left)(?: side| one)?(?: is| was|,)?\s+\d+(?:\.\d+)?\s*[.!]?$/i;
/** A value with its unit: "54.5 cm", "5°", "9 s". */
const VALUE_UNIT = /\d(?:\.\d+)? ?(°|cm|mmHg|mm|lb|s|%)(?![\w/])/g;
const CARRIED_NAME = /\b(circumference|girth|peak(?: pressure)?|crease)\b/i;
const SAID_UNIT = /^(?:[^.;]|\.(?=\d)){0,60}?\b\d+(?:\.\d+)? ?(mmHg|cm|mm|inch(?:es)?)\b/i;
const BARE_NUMBER = /(?<![:\d.])\b(\d+(?:\.\d+)?)\b(?!\s*(?:°|%|cm\b|mm\b|mmHg|inch|in\b|lb|s\b|min|x\b|times|reps?|sets?|weeks?|days?)|[/:.]\d|-)/g;

/**
 * "Circumference at the proximal phalanx 6.4 cm." ... "Afterward the circumference at the
 * proximal phalanx was 6.1, down from 6.4.": the unit said with the first reading holds for the
 * later ones of the same measure (DOMAIN.md 2.4: the outcome against baseline, in its units).
 */
function withCarriedUnits(units: Unit[]): Unit[] {
  const said = new Map<string, string>();
  return units.map((u, i) => {
    // "Left is 54.5 cm. Right is 52.", "Dorsiflexion on the left, 5°. Right side is 15.": the other side, in the unit just said
    const before = units[i - 1];
    const other = SIDE_BARE.exec(u.text);
    const lastUnit = before && before.uttId === u.uttId ? [...before.text.matchAll(VALUE_UNIT)].pop()?.[1] : undefined;
    if (other && lastUnit) return { ...u, text: u.text.replace(/(\d+(?:\.\d+)?)(\s*[.!]?)$/, `$1${lastUnit === '°' ? '' : ' '}${lastUnit}$2`) };
    const m = CARRIED_NAME.exec(u.text);
    if (!m?.[1]) return u;
    const name = m[1].toLowerCase().replace(/ pressure$/, '');
    const after = u.text.slice(m.index + m[0].length);
    const unit = SAID_UNIT.exec(after)?.[1];
    // (the first unit said holds: a goal's "under 100 millimeters" later does not change it)
    if (unit) { if (!said.has(name)) said.set(name, unit); return u; }
    const known = said.get(name);
    if (!known || u.speaker !== 'clinician') return u;
    const clause = after.split(/;|\.(?!\d)/)[0] ?? '';
    const filled = clause.replace(BARE_NUMBER, `$1 ${known}`);
    return filled === clause ? u : { ...u, text: `${u.text.slice(0, m.index + m[0].length)}${filled}${after.slice(clause.length)}` };
  });
}

/** Every sentence of the utterance a unit belongs to, as one text. */
export function utteranceOf(units: readonly Unit[], u: { uttId: string }): string {
  return units.filter((x) => x.uttId === u.uttId).map((x) => x.text).join(' ');
}
