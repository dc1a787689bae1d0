/**
 * Words for what was done in a block, taken from the clinician's own sentences: the activity
 * named with its parameters ("leg press: 40 lb, 3x15, slow on the way down; terminal knee
 * extensions, 3x20 with the green band"), without start cues, clock times, durations, or
 * the purpose said with it. DOMAIN.md 2.4: the exercise "named with clinical specificity",
 * "record every parameter"; the functional goal connection is its own element, so a purpose
 * clause ("for quad strength toward independent stair climbing", "to restore the flexion he
 * needs to kneel") is split off as the block's purpose, never part of the activity.
 */
import { kindsIn } from '../lexicon/interventions.ts';
import { testsIn } from '../lexicon/tests.ts';
import { toThirdPerson } from '../text/voice.ts';
import { DOSE_AFTER_MINUTES } from './clock.ts';
import { GOAL_LINK, IMPERATIVE, WHILE_CHARTING } from './cues.ts';
import type { Block } from './ledger.ts';
import type { Unit } from './units.ts';

export const ITEM_PARAMS = /\b\d+ [a-z]+(?: [a-z]+)? each (?:side|way|direction|leg|arm)\b|\b\d+ (?:\w+ )?(?:trials|sips|bites)\b|\b\d+ times\b|\d+x\d+|\d+(?:\.\d+)?(?:-lb| lb)|\b\d+ (?:rounds?|passes|lengths|laps|reps|of each|steps|cuts|trials|sentences|words|beads|snakes|feet|ft)\b|\bgrade (?:[1-5]|I{1,3}V?|IV|V)\b/i;
const MEASURED = /\d+(?:\.\d+)?[+-]?\/\d+|\d+°|\d+(?:\.\d+)? (?:cm|s)\b|\d+%|\b\d+ of \d+\b/;
const ASSIST_WORD = /(?<![\w-])(?:independent\w*|supervision|assist(?:ance|ed)?|contact guard|CGA|SBA)\b/i;
const LEAD = /^(?:(?:okay|ok|alright|all right|now|next|then|so|good|last thing|first|and|treatment(?: after the (?:re-?)?eval(?:uation)?)?|at|from|here's the|here is the|(?:lie|sit|stand|roll|hop|scoot) (?:back|down|up|over|on (?:your|the) \w+)(?: for me)?,? and)[,.:]?\s+)*(?:(?:it's|it is|that's|that was|is|this is|these are)\s+)?(?:(?:okay|ok|alright|now|next|then|so|good|last thing|first)[,.]?\s+)*(?:let's (?:start(?: on| with| some)?|do|go|get going on|get|put|practice with|try)|let's|we (?:started|did|worked on|moved to)|(?:I'm|I am) (?:starting|going to (?:do|work on|start))(?: with)?|I'll (?:start with|do|show you)|we'll (?:do|begin with|start with)|over to)?\s*/i;
const CLOCK = /\b(?:(?:from now )?(?:until|till) (?:about |around )?|at |from )?\d{1,2}:\d{2}(?:\s*(?:a\.?m\.?|p\.?m\.?))?(?:\s*(?:to|-|–|until|till)\s*\d{1,2}:\d{2}(?:\s*(?:a\.?m\.?|p\.?m\.?))?)?/gi;
/** Where a purpose begins inside an item sentence. */
const PURPOSE = /,?\s+(?<!\b(?:going|want|wants|need|needs|have|has|had|got|trying|try|able|like|used|ought|about|back|up|down|over)\s)(?:working (?=towards?\b))?(?=(?:to (?:restore|improve|increase|build|stretch|loosen|help|get (?:you|him|her|them|back)|address|reduce|decrease|gain|regain|strengthen|target|promote|facilitate|normalize|prepare|allow|enable|work on|wake up|release)\b|for (?:\w+ )?(?:strength|strengthening|range|ROM|mobility|endurance|control|stability|flexibility|balance|motion|recruitment|activation)\b|towards?\b(?! (?:the |your |his |her |their )?(?:knees?|toes?|feet|chest|nose|floor|ceiling|wall|door|mirror|midline|table|ground|front|back|left|right|side|target|line|window|edge|ear|shoulder)\b)|so (?:that )?(?:you|he|she|they|patient|the patient) (?:can|could|will)\b|targeting\b|aimed at\b|in order to\b|which (?:will|should) help\b))/i;
/** Names that say the kind of work but not which (DOMAIN.md 2.7). */
const GENERIC_NAME = /^(?:the |some )?(?:massage|exercises?|stretch(?:es|ing)?|strengthening|training|activit(?:y|ies)|therex|manual therapy|treatment|balance|mobility|work)$/i;
/** A sentence that is only a purpose: "For DF range and push-off strength.", "Addresses the stance deficit ...". */
const PURPOSE_SENTENCE = /^(?:(?:this|that|these|it|the)(?: [\w-]+){0,3} (?:is|are|builds?|targets?|works?|goes|helps?|addresses)\b|(?:for|to|toward|towards|targets?|targeting|addresses|aimed at|works? on)\b)/i;

/** An activity named by the time said for it: "14 min of dressing practice", "7 min on the putty", "Therex 9:02 to 9:17". */
export function activityName(b: Block): string | null {
  for (const u of b.units) {
    const m = /\b\d+ min (?:of|on) (?:the |his |her |your )?([a-z][a-z /-]{2,40}?)\s*(?=[.,;:]|$)/i.exec(u.text)
      ?? /^([A-Za-z][A-Za-z -]{2,30}?),?\s+(?:from\s+)?\d{1,2}:\d{2}\s*(?:to|-|–|until)\s*\d{1,2}:\d{2}/.exec(u.text);
    const name = m?.[1]?.trim();
    if (name && !/^(?:it's|it is|that's|that was|treatment|okay|now|then|block)$/i.test(name)) return name.toLowerCase();
  }
  // only the activity's name was said ("Now the cupboard practice, 10:03")
  for (const u of b.units) {
    const m = /\b(?:the |some )?((?:(?!(?:and|or|the|a|of|with)\b)[a-z-]+ ){0,2}(?:practice|training|drills?|tasks?|activities|simulation))\b/i.exec(u.text);
    if (m && u.speaker === 'clinician' && !/^(?:home|the) /i.test(m[1] ?? '') && !GOAL_LINK.test(u.text)) return (m[1] ?? '').toLowerCase();
  }
  return null;
}

/** "This is myofascial release to the left upper trap ...": the technique said, not what it is for. */
function namesTechnique(text: string, discipline?: string): boolean {
  // (also "These are grade three dorsal and volar glides at the radiocarpal joint ...": the technique within its first words)
  // ("This is the VOR." names what a task trains, not a technique given)
  const rest = /^(?:this|that) is (?:a |an |some )?(?!the\b)(.*)$|^(?:these|those) are (?!the\b)(.*)$/i.exec(text.trim());
  const said = rest?.[1] ?? rest?.[2];
  if (!said) return false;
  const firstWords = said.split(/\s+/).slice(0, 6).join(' ').length;
  return kindsIn(said, discipline).some((k) => {
    const at = said.toLowerCase().indexOf(k.match.toLowerCase());
    return !k.explicit && at >= 0 && at <= firstWords;
  });
}

/** A sentence that describes an item of treatment (not a marker, goal link, measure or result). */
export function isItem(u: Pick<Unit, 'text'>, discipline?: string): boolean {
  const t = u.text;
  // how the patient did ("She lost lumbar position on set one of the dead bug") is a result, not an item
  if (/\b(?:you|he|she|patient) (?:went|did|held|finished|scored|were|was|got|needed|ordered|named|generated|lost|kept|maintained|tolerated|managed|struggled)\b|^(?:lost|kept|maintained|tolerated|managed|struggled)\b/i.test(t)) return false;
  // "Before the eye exercises I'm measuring your vision": a measurement announced, not treatment
  if (/\b(?:I'm|I am|let me|we'll|we will|I'll|I will) (?:measur|test|check|re-?test|re-?check)\w*/i.test(t) && !ITEM_PARAMS.test(t)) return false;
  // "Therapeutic activity from 7:49 to 7:56: 45° cutting ...": the clock range is the block's time, not a change measured
  // ("Now a gentle hamstring stretch, 30 s, ..." opens with "now" as a transition: an item)
  if (MEASURED.test(t) && /\b(?:improved|from \S+ to|up from|down from|now|after(?! (?:the |my |our )?(?:eval\w*|exam\w*|assessment)\b)|by the|at the end)\b/i.test(t.replace(CLOCK, ' ').replace(/^\s*(?:(?:okay|ok|and|so|alright)[,]?\s+)?now\b[,]?/i, ''))) return false;
  // ("After the eval, fabricated a custom thumb spica orthosis, wrist at 15° of extension" is the item, made after the exam)
  if (/^(?:after|by the end|at the end)\b(?! (?:the |my |our )?(?:eval\w*|exam\w*|assessment)\b)/i.test(t) && (MEASURED.test(t) || ASSIST_WORD.test(t))) return false;
  // "contact guard" said as a result is no item; said after the activity it guards ("standing on foam, ..., contact guard") it is part of it
  const assist = ASSIST_WORD.exec(t);
  const activityFirst = !!assist && kindsIn(t.slice(0, assist.index), discipline).some((k) => !k.explicit);
  if (assist && !activityFirst && !ITEM_PARAMS.test(t) && !IMPERATIVE.test(t)) return false;
  if (GOAL_LINK.test(splitPurpose(t).activity) && !/\d+x\d+/.test(t)) return false;
  // "This massage keeps the calf loose so you can keep running": the service said back, with what it is for, is its goal link
  if (/^(?:this|that|these|those)\b/i.test(t) && GOAL_LINK.test(t) && !ITEM_PARAMS.test(t)) return false;
  if (PURPOSE_SENTENCE.test(t) && !ITEM_PARAMS.test(t) && !namesTechnique(t, discipline)) return false;
  if (/\bdeficits?\b/i.test(t) && !ITEM_PARAMS.test(t)) return false;
  if (/^(?:I|we) (?:have|'ve got|got)\b/i.test(t)) return false;
  // "What I'm seeing is ... the VOR is the big one": the clinician's impression, not an item done
  if (/^(?:so,?\s+)?what (?:I'm|I am) seeing\b/i.test(t)) return false;
  if (/\b(?:is|are|was) (?:plenty|enough|fine|good|too \w+|heavy|light|easy|hard|better)\b/i.test(t) && !kindsIn(t, discipline).some((k) => !k.explicit)) return false;
  // ("Myofascial release ... to the left upper trapezius, start 10:12, stop 10:25, 13 min" names its technique before the times: an item)
  // (a service's own name with its times, "Therapeutic exercise, 8:02 to 8:28, so 26 min", is the block's header, not an item)
  const before = kindsIn(t.split(/\b(?:start|stop|that's|that is|that was|so|total)\b/i)[0] ?? '', discipline);
  const namedFirst = before.some((k) => !k.explicit) && !before.some((k) => k.explicit);
  if (/\b(?:stop|that's|that is|that was|so|total)\b[^.]*\b\d+ min\b/i.test(t) && !ITEM_PARAMS.test(t.replace(/\b\d+ min\b/g, '')) && !namedFirst) return false;
  if (testsIn(t).length && MEASURED.test(t) && !ITEM_PARAMS.test(t)) return false;
  if (MEASURED.test(t) && !ITEM_PARAMS.test(t) && !kindsIn(t, discipline).length) return false;
  if (IMPERATIVE.test(t) && !ITEM_PARAMS.test(t) && !kindsIn(t, discipline).length) return false;
  return kindsIn(t, discipline).some((k) => !k.explicit) || ITEM_PARAMS.test(t);
}

/** Split "seated leg press, 40 lb, 3x15, for quad strength toward stairs" into the activity and its purpose. */
export function splitPurpose(text: string): { activity: string; purpose: string | null } {
  const m = PURPOSE.exec(text);
  if (!m || m.index === 0) return { activity: text, purpose: null };
  return { activity: text.slice(0, m.index), purpose: text.slice(m.index + m[0].length).replace(/[.!]+$/, '') };
}

/** A duration said in an item ("Leg press, 3 min"), not a dose ("putty, 2 min times 3", "3 bouts of 3 min"). */
/** (a task's own time, "6 min 40 for 5 buttons", "3 min 10 s", is a result and stays) */
const DURATION = new RegExp(String.raw`(?<!\bof)(?<!\bof ),?\s*(?:for )?(?:about |approximately |roughly |around )?\b\d+ min\b(?!${DOSE_AFTER_MINUTES})(?! \d+\b)`, 'gi');

/** One item sentence as a short third-person phrase, without clock times, durations or purpose. */
export function describeUnit(u: Unit): string {
  // ("Hot pack on the neck for ten minutes while I write up your report": what the clinician does meanwhile is not the item)
  let t = splitPurpose(u.text).activity.replace(WHILE_CHARTING, '');
  t = t.replace(CLOCK, ' ').replace(/\b\d+ min (?:of|on)\s+/gi, '').replace(DURATION, '').replace(/^\s*[,.:;]\s*/, '').replace(/\s+/g, ' ').trim()
    // "Manual therapy, 2:52 to 3:01, 9 min: grade 3 ..." -> "Manual therapy: grade 3 ..."
    .replace(/\s*,\s*(?:,\s*)*:/g, ':');
  for (let i = 0; i < 2; i++) t = t.replace(LEAD, '').replace(/^[,.:;]\s*/, '');
  t = toThirdPerson(t, 'clinician').replace(/\b(?:clinician|patient) (?:is|will) (?:starting|doing|going to)\s*(?:with\s*)?/gi, '');
  return t.replace(/[.!,;:\s]+$/, '').replace(/^(?:the|will|was) /i, '').replace(/\s+\b(?:next|first)\b(?=,)/gi, '').trim();
}

export interface BlockDescription {
  parts: string[];
  /** Units folded into the description. */
  used: Set<number>;
  /** Purposes said with the block: inline clauses and purpose-only sentences. */
  purposes: { text: string; uttId: string; idx: number }[];
}

/** The block's items: which units they came from, the phrase for each, and the purposes said. */
export function describeBlock(b: Block, discipline?: string): BlockDescription {
  const used = new Set<number>();
  const parts: string[] = [];
  /** The units each part was said in. */
  const owners: number[][] = [];
  const purposes: BlockDescription['purposes'] = [];
  let pendingName: string | null = null;
  let pendingIdx = -1;
  for (const u of b.units) {
    if (u.speaker !== 'clinician') continue;
    const item = isItem(u, discipline);
    const purpose = item ? splitPurpose(u.text).purpose : PURPOSE_SENTENCE.test(u.text) && !MEASURED.test(u.text) && !namesTechnique(u.text, discipline) ? u.text.replace(/[.!]+$/, '') : null;
    if (purpose) purposes.push({ text: purpose, uttId: u.uttId, idx: u.idx });
    if (!item) continue;
    const d = describeUnit(u);
    if (!d) continue;
    used.add(u.idx);
    const named = kindsIn(u.text, discipline).some((k) => !k.explicit);
    if (named && !ITEM_PARAMS.test(u.text) && d.split(/\s+/).length <= 4) { pendingName = d; pendingIdx = u.idx; continue; }
    // "Therapeutic exercise, 7:32 to 7:48." then "Dead bug, 3x10": the service named on its own heads the items after it
    const service = !!pendingName && kindsIn(pendingName, discipline).some((k) => k.explicit);
    const headed = !!pendingName && (!named || service);
    parts.push(headed ? `${pendingName}: ${d}` : d);
    owners.push(headed ? [pendingIdx, u.idx] : [u.idx]);
    pendingName = null;
  }
  // a name said on its own ("Now scissors.") ends the list; a generic one ("Massage.") only when nothing more specific was said
  if (pendingName && (!parts.length || (!GENERIC_NAME.test(pendingName) && !parts.some((p) => p.toLowerCase().includes(pendingName?.toLowerCase() ?? ''))))) {
    parts.push(pendingName);
    owners.push([pendingIdx]);
  }
  const name = activityName(b);
  if (name && !parts.length) parts.push(name);
  else if (name && !parts.some((p) => kindsIn(p, discipline).length) && kindsIn(name, discipline).length) parts[0] = `${name}: ${parts[0]}`;
  // the block's statement names its first items; a sentence past them is drafted on its own, never folded in unsaid
  // (one that marks the block's time, "9:29, so 24 min of work simulation", stays the block's)
  const shown = new Set(owners.slice(0, MAX_PARTS).flat());
  for (const idx of owners.slice(MAX_PARTS).flat()) {
    const said = b.units.find((u) => u.idx === idx)?.text ?? '';
    if (!shown.has(idx) && !CLOCK_OR_MINUTES.test(said)) used.delete(idx);
  }
  return { parts: parts.slice(0, MAX_PARTS), used, purposes };
}

/** Items a block's statement lists; more would make it read as the dialogue. */
const CLOCK_OR_MINUTES = /\d{1,2}:\d{2}|\b\d+ min\b/;
const MAX_PARTS = 4;
