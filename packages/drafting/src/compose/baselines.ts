/**
 * A result charted with its baseline (DOMAIN.md 2.4: "the session's result compared to
 * baseline"; 3.2: "Stance time on foam improved from 8 to 15 seconds"): "TUG 12.4 s (15.6 at
 * evaluation)", "Knee-to-wall again: 10 cm (from 8 cm)". Two ways a baseline is said:
 * in the next sentence ("That's 12.4 seconds. At your evaluation it was 15.6.") or in an
 * earlier measurement of the same thing ("8 cm before we start" ... "again: 10 cm").
 */
/** A sentence that only gives an earlier value: "At evaluation 15.6.", "You started at 12.", "Last week 9." */
const WHEN = String.raw`(?:at (?:the |(?:his|her|their|your) )?(?:evaluation|eval|intake|initial(?: evaluation)?|start(?: of care)?|first visit|baseline)|^baseline(?= (?:was|is)\b)|last (?:week|visit|time|session|month)|(?:a|\d+) (?:weeks?|months?) ago|before(?= *\.?$))`;
const BASELINE_ONLY = new RegExp(String.raw`^(?:${WHEN}[:,]?\s+(?:it |that |patient |he |she )?(?:was |were |took |did )?(?:patient )?(.{1,40}?)|(?:patient |he |she |they )?started (?:at|with|out at) (.{1,30}?)|(.{1,30}?),? ${WHEN})\.?$`, 'i');

/** "You started at twelve.", "At evaluation it was 15.6.": a sentence that gives only an earlier value. */
export function isBaselineSentence(text: string): boolean {
  return /\d/.test(text) && (BASELINE_ONLY.test(text.trim().replace(/^you\s+/i, '')) || CHANGE_ONLY.test(text.trim()));
}

/** "From 9 to 17.", "So that's up from 50 to 62.": the change of the reading just said. */
const CHANGE_ONLY = /^(?:so,?\s+)?(?:that's\s+)?(?:up |down )?from (-?\d+(?:\.\d+)?)\S* to (-?\d+(?:\.\d+)?)\S*?[.!]?$/i;

/**
 * "X. At evaluation 15.6." -> "X (15.6 at evaluation)." when the second sentence holds only
 * the earlier value; null when it says more.
 */
export function joinBaseline(prev: string, next: string): string | null {
  if (!/\d/.test(prev) || !/\d/.test(next)) return null;
  const change = CHANGE_ONLY.exec(next.trim());
  if (change) {
    const to = new RegExp(String.raw`(?<![\d.])${(change[2] ?? '').replace('.', '\\.')}(\s?(?:s|°|cm|lb|%))?(?![\d.]\d)`).exec(prev);
    return to ? `${prev.replace(/[.!]+$/, '')} (from ${change[1]}${to[1] ?? ''}).` : null;
  }
  const m = BASELINE_ONLY.exec(next.trim());
  if (!m) return null;
  // "It was 29.5 at the evaluation" -> "29.5": the subject and verb are the sentence's, not the value's
  const value = (m[1] ?? m[2] ?? m[3] ?? '').trim().replace(/[.,;]+$/, '').replace(/^(?:it|that|patient|he|she|they)\s+(?:was|were|is|did)?\s*(?:at\s+)?/i, '');
  // "At evaluation it was 24, so the arm is coming along": more than the value; kept as said
  // ("At intake it was left 40, right 45": one value per side is still only the earlier value)
  const perSide = /^(?:left|right) -?\d+(?:\.\d+)?°?,? (?:and )?(?:left|right) -?\d+(?:\.\d+)?°?$/i.test(value);
  if (!/\d/.test(value) || value.split(/\s+/).length > 6 || (/[;,]/.test(value) && !perSide)) return null;
  const when = whenSaid(next) ?? 'at start';
  const said = new RegExp(String.raw`\b${when.replace(/ /g, '\\s+(?:the\\s+)?')}\b`, 'i').test(value);
  return `${prev.replace(/[.!]+$/, '')} (${said ? value : `${value} ${when}`}).`;
}

/** When an earlier value was taken, as said: "at evaluation", "last week", "at first visit". */
export function whenSaid(text: string): string | null {
  return new RegExp(WHEN, 'i').exec(text)?.[0].toLowerCase().replace(/ the /, ' ') ?? null;
}

/** The time said right beside a value, with no other number between: "was 50 at her first visit", "last week 115". */
function timeOfValue(text: string, value: string): string | null {
  const v = value.replace('.', '\\.');
  // ("58°, at intake 40": a time followed by a value of its own is that value's time, not this one's)
  const near = new RegExp(String.raw`(?<![\d.])${v}(?![\d]|\.\d)[^\d.;]{0,12}?\b(${WHEN})(?![^\d.;]{0,12}\d)|(${WHEN})[^\d.;]{0,20}?(?<![\d.])${v}(?![\d]|\.\d)`, 'i').exec(text);
  return near ? whenSaid(near[1] ?? near[2] ?? '') : null;
}

/** A measure said in a statement's sentence, with the baseline found for it elsewhere. */
export interface Rechecked {
  value: string;
  baseline: string | null;
  evidence: string[];
}

/**
 * "Knee-to-wall again: 10 cm." -> "Knee-to-wall again: 10 cm (from 8 cm)." for each measure
 * of the sentence whose baseline the sentence does not already say; returns the text and
 * the utterances the baselines came from. A baseline said of an earlier visit keeps its time
 * ("68° (50° at first visit)"), so it never reads as this session's starting value.
 */
const UNIT_AFTER = /^\s?(min(?:utes?)?|s|sec(?:onds?)?|lb|pounds?|kg|cm|mm|inch(?:es)?|feet|ft|°|degrees?|reps?|times|%|hours?|days?|weeks?)\b/i;
const unitKey = (u: string) => u.toLowerCase().replace(/^(?:minutes?)$/, 'min').replace(/^(?:seconds?|sec)$/, 's').replace(/^pounds?$/, 'lb').replace(/^inch(?:es)?$/, 'inch').replace(/^(?:feet|ft)$/, 'ft').replace(/^degrees?$/, '°');

/**
 * The baseline's number is said in the utterance as that value, not as another quantity:
 * "12 inches" is not said by "That's 12 min of the myofascial work" (a number followed by a
 * different unit), but "4.5 lb" is by "4.5 last visit".
 */
function saidAlike(utterance: string, base: string, baseline: string): boolean {
  const own = UNIT_AFTER.exec(baseline.slice(baseline.indexOf(base) + base.length))?.[1];
  const re = new RegExp(`(?<![\\d.])${base.replace('.', '\\.')}(?!\\d|\\.\\d)`, 'g');
  for (const hit of utterance.matchAll(re)) {
    const unit = UNIT_AFTER.exec(utterance.slice(hit.index + hit[0].length))?.[1];
    if (!unit || !own || unitKey(unit) === unitKey(own)) return true;
  }
  return false;
}

export function withBaselines(text: string, measures: readonly Rechecked[], utterance = text, saidIn: (uttId: string) => string = () => ''): { text: string; evidence: string[] } {
  let out = text;
  const evidence: string[] = [];
  for (const m of measures) {
    if (!m.baseline) continue;
    const base = /\d+(?:\.\d+)?/.exec(m.baseline)?.[0];
    // "98" said at a sentence's end ("up from 98.") is said; "98.5" is another number
    const said = new RegExp(`(?<![\\d.])${base?.replace('.', '\\.')}(?!\\d|\\.\\d)`);
    if (!base || said.test(out) || saidAlike(utterance, base, m.baseline)) continue;
    // the value as read ("105°") or as said ("again: 105 now")
    let at = out.indexOf(m.value);
    let end = at + m.value.length;
    if (at < 0) {
      const num = /^-?\d+(?:\.\d+)?/.exec(m.value)?.[0];
      const hit = num ? new RegExp(`(?<![\\d.])${num.replace('.', '\\.')}(?!\\d|\\.\\d)`).exec(out) : null;
      if (!hit) continue;
      at = hit.index;
      end = at + hit[0].length;
    }
    // the time said in the very sentence that gives the earlier value ("left rotation was 50 at her first visit")
    const when = m.evidence.map((id) => timeOfValue(saidIn(id), base)).find((w) => w !== null && !utterance.toLowerCase().includes(w));
    out = `${out.slice(0, end)} (${when ? `${m.baseline} ${when}` : `from ${m.baseline}`})${out.slice(end)}`;
    evidence.push(...m.evidence);
  }
  return { text: out, evidence };
}
