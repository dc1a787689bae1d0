/**
 * Spoken numbers to digits: "twenty-two" -> 22, "a hundred and ten" -> 110,
 * "one-fifty" -> 150 (goniometry shorthand), "one point two" -> 1.2.
 * Clinicians dictate numbers as words and ASR often keeps them so (DOMAIN.md 3.3), so both
 * the drafter and the verifier compare numbers only after this normalisation.
 */

import { sentenceAt } from './sentences.ts';

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
};
const TEENS: Record<string, number> = {
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

const WORD = [...Object.keys(UNITS), ...Object.keys(TEENS), ...Object.keys(TENS), 'hundred'].join('|');
/** A run of number words joined by spaces, hyphens or "and" (after hundred). */
const RUN = new RegExp(
  // "forty-six point oh": "oh" is a zero after the point
  `\\b(?:a\\s+(?=hundred))?(?:${WORD})(?:(?:\\s+and\\s+|[\\s-]+)(?:${WORD}))*(?:\\s+point\\s+(?:${WORD}|oh)(?:\\s+(?:${WORD}|oh))*)?\\b`,
  'gi',
);

/** After a lone "one", these words show it is a quantity ("one centimeter"), not a pronoun. */
const ONE_AS_NUMBER = /^[\s-]*(?:out\s+of|percent|degrees?|pounds?|lbs?|minutes?|seconds?|centimet(?:er|re)s?|millimet(?:er|re)s?|inch(?:es)?|reps?|repetitions?|sets?|hours?|weeks?|days?|months?|years?|sessions?|visits?|times|x\b|\/)/i;

/** Goniometry said in the sentence: "one twenty-four" is then 124 (degrees), not "1 24". */
const ROM_CONTEXT = /\b(?:flexion|extension|rotation|abduction|adduction|bend|degrees?|ROM|range of motion|(?:active|passive) motion|reach(?:ing)? up)\b/i;
/** A heart rate said in the sentence: "heart rate one forty-two" is 142 beats, not "1 42". */
const RATE_CONTEXT = /\b(?:heart rate|HR|pulse|bpm|beats per minute|symptom threshold|steps (?:a|per) minute|cadence)\b/i;

/** A time taken said in the sentence: "took 90 s today, one forty last visit" is a minute and forty seconds. */
const TIMED_CONTEXT = /\b(?:took|takes|seconds?|secs?|minutes?|min|timed|time)\b/i;

type Tok = { word: string; joiner: string };

function value(word: string): number | undefined {
  const w = word.toLowerCase();
  return UNITS[w] ?? TEENS[w] ?? TENS[w] ?? (w === 'hundred' ? 100 : undefined);
}

/** Parse one compound number from the start of toks; returns [value, tokens used]. */
function parseCompound(toks: Tok[], rom = false): [number, number] {
  const w = (i: number) => toks[i]?.word.toLowerCase() ?? '';
  const isUnit = (i: number) => w(i) in UNITS;
  const isTeen = (i: number) => w(i) in TEENS;
  const isTens = (i: number) => w(i) in TENS;
  let i = 0;
  let total = 0;
  // "eleven hundred forty", "twelve hundred", "twenty-five hundred": hundreds counted past ten (1140, 1200, 2500)
  if (isTeen(0) && w(1) === 'hundred') { total = (value(w(0)) ?? 0) * 100; i = 2; }
  else if (isTens(0) && isUnit(1) && w(1) !== 'zero' && w(2) === 'hundred') { total = ((value(w(0)) ?? 0) + (value(w(1)) ?? 0)) * 100; i = 3; }
  // "a hundred", "one hundred", "two hundred"
  else if (w(0) === 'a' && w(1) === 'hundred') { total = 100; i = 2; }
  else if (isUnit(0) && w(1) === 'hundred') { total = (value(w(0)) ?? 1) * 100; i = 2; }
  else if (w(0) === 'hundred') { total = 100; i = 1; }
  else if (w(0) === 'one' && (isTens(1) || isTeen(1)) && (toks[1]?.joiner === '-' || (rom && toks[1]?.joiner === ' '))) {
    // "one-fifty", "one-sixty-two", "one-fifteen": hundreds shorthand, when hyphenated or said of a range of motion ("one twenty-four now")
    total = 100 + (value(w(1)) ?? 0);
    if (isTeen(1)) return [total, 2];
    i = 2;
    if (isUnit(2) && toks[2]?.joiner === '-') { total += value(w(2)) ?? 0; i = 3; }
    return [total, i];
  }
  if (i > 0) {
    if (isTeen(i)) return [total + (value(w(i)) ?? 0), i + 1];
    if (isTens(i)) {
      total += value(w(i)) ?? 0;
      i += 1;
      if (isUnit(i) && w(i) !== 'zero') { total += value(w(i)) ?? 0; i += 1; }
      return [total, i];
    }
    if (isUnit(i)) return [total + (value(w(i)) ?? 0), i + 1];
    return [total, i];
  }
  if (isTens(0)) {
    total = value(w(0)) ?? 0;
    if (isUnit(1) && w(1) !== 'zero') return [total + (value(w(1)) ?? 0), 2];
    return [total, 1];
  }
  return [value(w(0)) ?? 0, 1];
}

function tokenize(run: string): Tok[] {
  const toks: Tok[] = [];
  const re = /(\s+and\s+|[\s-]+)?([a-z]+)/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(run))) {
    const j = m[1] ?? '';
    toks.push({ word: m[2] ?? '', joiner: j.includes('-') ? '-' : j.trim() === 'and' ? 'and' : j ? ' ' : '' });
  }
  return toks;
}

function convertRun(run: string, rom = false): string {
  const [whole, fraction] = run.split(/\s+point\s+/i);
  const toks = tokenize(whole ?? '');
  let out = '';
  let rest = toks;
  while (rest.length > 0) {
    const joiner = rest[0]?.joiner === 'and' ? ' and ' : ' ';
    const [v, used] = parseCompound(rest, rom);
    out += (out ? joiner : '') + String(v);
    rest = rest.slice(Math.max(1, used));
  }
  if (fraction !== undefined) {
    const digits = tokenize(fraction).map((t) => (/^oh$/i.test(t.word) ? '0' : String(value(t.word) ?? '')));
    out += '.' + digits.join('');
  }
  return out;
}

/**
 * "Right side is about one seventy-five. Left is one forty, and that hurt", "One fifty now.": "one" and
 * a tens word said as a value on its own (nothing counted after it) is the hundreds shorthand of
 * goniometry, 175 and 140, not "1 75" (unless a time taken is said with it). A clock time was read before numbers are, and "one thirty-second
 * hold" counts a thing after the words, so it stays 1 and 30.
 */
function hundredsSaidAlone(run: string, after: string): boolean {
  return /^one[\s]+(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?$/i.test(run.trim())
    && /^(?:\s*[.,;!?)]|\s*$|\s+(?:now|up|down|and|today|with|this time|that|so|but|or|over|at (?:the )?(?:eval\w*|start|intake|baseline)|last (?:time|visit|week))\b)/i.test(after);
}

/** Replace spoken number words with digits, leaving everything else untouched. */
export function wordsToDigits(text: string): string {
  const rom = ROM_CONTEXT.test(text) || RATE_CONTEXT.test(text);
  return text.replace(RUN, (run, offset: number, all: string) => {
    if (/^one$/i.test(run.trim())) {
      const after = all.slice(offset + run.length);
      const before = all.slice(Math.max(0, offset - 12), offset);
      const rating = /\b(?:maybe|about|around|like|a)\s+$/i.test(before) && /^\s*(?:[.,;!?]|$)/.test(after);
      return ONE_AS_NUMBER.test(after) || rating ? '1' : run;
    }
    // "one sixty-five hertz", "one forty pounds": a unit after the words makes "one" the hundreds
    // ... and so does a body weight read off a scale ("one seventy-two on our scale")
    const after = all.slice(offset + run.length);
    const unitAfter = /^\s*(?:hertz|Hz|degrees?|pounds|lbs?|feet|steps (?:a|per) minute|on (?:our|the|his|her|my|their) scale)\b/i.test(after);
    return convertRun(run, rom || unitAfter || (hundredsSaidAlone(run, after) && !TIMED_CONTEXT.test(sentenceAt(all, offset))));
  });
}

/** All numeric values in already-normalised text ("3+/5" -> [3, 5]; "10:05" -> [10.05]). */
export function numbersIn(text: string): number[] {
  const out: number[] = [];
  const re = /(\d{1,2}):(\d{2})|\d+(?:\.\d+)?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[1] !== undefined) out.push(Number(`${m[1]}.${m[2]}`) + 10000); // clock times never match plain numbers
    else out.push(Number(m[0]));
  }
  return out;
}
