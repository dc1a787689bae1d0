/**
 * Clock times said in words, written as "H:MM" before numbers are read (DOMAIN.md 2.2: the
 * real start and stop times, however they were said): "nine-oh-five", "nine o'clock",
 * "half past one", "quarter past two", "ten past ten", "nine twenty-five to nine
 * thirty-two", "it's one-forty", and a time said on its own ("Nine twenty-seven.").
 * "One-forty" after "flexion" stays a number: a bare hour-and-minutes pair is only read as a
 * time where the words around it say so.
 */

const HOURS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};
const ONES: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
const TEENS: Record<string, number> = {
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50 };

const H = String.raw`(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|1[0-2]|[1-9])`;
const U = String.raw`(?:one|two|three|four|five|six|seven|eight|nine)`;
const MIN = String.raw`(?:oh[- ]${U}|(?:twenty|thirty|forty|fifty)(?:[- ]${U})?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)`;
/** An hour and its minutes in words: "nine twenty-five", "two-oh-five", "three-ten". */
const HM = String.raw`${H}[- ]${MIN}`;
const SUFFIX = String.raw`(?:\s*(?:a\.?m\.?|p\.?m\.?))?`;

/** Words before a time that say it is one: "it's", "at", "from", "till", "starting at", "stop time". */
const TIME_BEFORE = /(?:\bit's|\bits|\bit is|\btill(?: about| around)?|\buntil(?: about| around| roughly)?|\b(?:start|stop|end)(?: time)?(?: (?:was|is))?|\bstart(?:ing|ed)?(?: at)?|\bstop(?:ped|ping)?(?: at)?|\bend(?:ed|ing)?(?: at)?|\bfinished(?: at)?|\bbegin(?:ning)?(?: at)?|\bclock(?: is)?)\s+$/i;
/** A measurement said in the same utterance: a bare "one-forty" is then degrees, not a time. */
const MEASURING = /\b(?:flexion|extension|rotation|abduction|adduction|degrees?|bend|lift|raise|reach|range|ROM|grip|pounds?|feet|ft|meters?|inches|measure\w*|goniometer|inclinometer|dynamometer)\b/i;

/** Words that follow a time said at the start of an unpunctuated utterance: the block starts or ends there. */
const RUN_ON_AFTER = /^\s+(?:lets|let's|done|okay|ok|start\w*|stop\w*|finished|that's|thats|time|now|we're|were)\b/i;

const ROM_WORD = /\b(?:flexion|extension|rotation|abduction|adduction|range|ROM|arc)\b/i;

/** Minutes said before "past": one to twenty-nine. */
const PAST_MIN = String.raw`(?:twenty[- ]${U}|${U}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)`;

function hourOf(word: string): number {
  return HOURS[word.toLowerCase()] ?? Number(word);
}

function minutesOf(words: string): number {
  const w = words.toLowerCase().replace(/^oh[- ]/, 'oh ');
  if (w.startsWith('oh ')) return ONES[w.slice(3)] ?? 0;
  if (w in ONES) return ONES[w] ?? 0; // "five past nine"
  const [tens = '', unit] = w.split(/[- ]/);
  if (tens in TEENS) return TEENS[tens] ?? 0;
  return (TENS[tens] ?? 0) + (unit ? ONES[unit] ?? 0 : 0);
}

function clock(h: number, m: number): string {
  return `${h}:${String(m).padStart(2, '0')}`;
}

function readHM(said: string): string {
  const m = new RegExp(String.raw`^(${H})[- ](.+)$`, 'i').exec(said.trim());
  return m ? clock(hourOf(m[1] ?? ''), minutesOf(m[2] ?? '')) : said;
}

/** The text with clock times said in words written as "H:MM"; everything else untouched. */
export function spokenClockTimes(text: string): string {
  let out = text
    // "nine-oh-five", "two-oh-five": always a time
    // ... unless an angle: "one oh four degrees", "one oh eight now, up from one oh four" is 104°, 108°
    .replace(new RegExp(String.raw`\b(${H})[- ]oh[- ](${U})\b`, 'gi'), (m: string, h: string, u: string, offset: number, all: string) => {
      const angle = /^\s*(?:°|degrees?\b|(?:now,?\s+)?(?:up|down) from\b)/i.test(all.slice(offset + m.length)) || /\b(?:up|down|improved|increased|decreased) from\s+$/i.test(all.slice(Math.max(0, offset - 20), offset));
      return angle ? String(hourOf(h) * 100 + (ONES[u.toLowerCase()] ?? 0)) : clock(hourOf(h), ONES[u.toLowerCase()] ?? 0);
    })
    // "nine-oh-oh": the hour on the dot
    .replace(new RegExp(String.raw`\b(${H})[- ]oh[- ]oh\b`, 'gi'), (_m, h: string) => clock(hourOf(h), 0))
    .replace(new RegExp(String.raw`\b(${H}) o'clock\b`, 'gi'), (_m, h: string) => clock(hourOf(h), 0))
    .replace(new RegExp(String.raw`\b(half|quarter) (past|after|to|till) (${H})\b`, 'gi'), (_m, part: string, rel: string, h: string) => {
      const hour = hourOf(h);
      const mins = part.toLowerCase() === 'half' ? 30 : 15;
      return /^(?:to|till)$/i.test(rel) ? clock(hour === 1 ? 12 : hour - 1, 60 - mins) : clock(hour, mins);
    })
    // "ten past ten", "twelve past four", "twenty-five after two"
    .replace(new RegExp(String.raw`\b(${PAST_MIN})(?: minutes)? (?:past|after) (${H})\b`, 'gi'), (_m, n: string, h: string) => clock(hourOf(h), minutesOf(n)))
    // "Five to eleven, let's walk." / "it's ten to three": minutes before the hour, said as a time only where it
    // opens the sentence (or follows "it's", "at") and ends a clause; "five to eleven reps" stays a range
    .replace(new RegExp(String.raw`(^|[.!?]\s+|\b(?:it's|it is|at)\s+)(${PAST_MIN})(?: minutes)? (?:to|till|of) (${H})(?=\s*[,.!;]|\s+(?:let's|now|start))`, 'gi'),
      (_m, lead: string, n: string, h: string) => {
        const hour = hourOf(h);
        return `${lead}${clock(hour === 1 ? 12 : hour - 1, 60 - minutesOf(n))}`;
      });
  // "from nine to nine forty-five": a whole hour said bare starts a range that ends on the minute
  out = out.replace(new RegExp(String.raw`\bfrom (${H}) (to|until|till) (${HM})\b`, 'gi'), (_m, h: string, to: string, b: string) => `from ${clock(hourOf(h), 0)} ${to} ${readHM(b)}`);
  // a range: "nine twenty-five to nine thirty-two", "three-ten to three-sixteen", "2:20 to two-twenty-nine"
  const END = String.raw`(?:${HM}|\d{1,2}:\d{2})`;
  out = out.replace(new RegExp(String.raw`\b(${HM}|\d{1,2}:\d{2})(${SUFFIX}\s*(?:to|-|–|till|until|through)\s*)(${END})\b`, 'gi'),
    (m: string, a: string, mid: string, b: string, offset: number, all: string) => {
      // "flexion from one-ten to one-twenty degrees" is a range of motion, not of time
      if (!/:/.test(a + b) && (ROM_WORD.test(all.slice(Math.max(0, offset - 30), offset)) || /^\s*(?:°|degrees?)/i.test(all.slice(offset + m.length)))) return m;
      return `${/:/.test(a) ? a : readHM(a)}${mid}${/:/.test(b) ? b : readHM(b)}`;
    });
  // after words that mark a time: "it's one-forty", "from two twenty", "till nine forty-five"
  out = out.replace(new RegExp(String.raw`\b(${HM})\b`, 'gi'), (m: string, _a: string, offset: number, all: string) => {
    const lead = all.slice(Math.max(0, offset - 20), offset);
    // "that's from one forty up to one fifty": a reading that changed, not a time
    if (/^\s+(?:up|down) to\b/i.test(all.slice(offset + m.length)) || /\b(?:up|down) (?:to|from)\s+$/i.test(lead)) return m;
    if (TIME_BEFORE.test(lead)) return readHM(m);
    // "at"/"from" mark a time unless a range of motion is being measured ("up from one eighteen")
    // the context is the utterance (texts joined by line breaks are read one line at a time)
    const lineStart = all.lastIndexOf('\n', offset) + 1;
    const lineEnd = all.indexOf('\n', offset) < 0 ? all.length : all.indexOf('\n', offset);
    // (in the sentence said: "chest-deep water, 91 degrees. In the water at 2:05, out at two forty-three" is a time)
    const sentenceStart = Math.max(lineStart, ...[...all.slice(lineStart, offset).matchAll(/[.!?]\s+/g)].map((x) => lineStart + (x.index ?? 0) + x[0].length));
    const sentenceEnd = Math.min(lineEnd, ...[/[.!?](?:\s|$)/.exec(all.slice(offset + m.length))].filter((x) => x !== null).map((x) => offset + m.length + x.index));
    // ("you were at one twenty-two": a reading someone was at, not a time)
    if (/\b(?:at|from)\s+$/i.test(lead) && !/\b(?:was|were|is|are|been|be)\s+at\s+$/i.test(lead) && !MEASURING.test(all.slice(sentenceStart, sentenceEnd))) return readHM(m);
    // "That's nine twenty-nine, so twenty-four minutes of work simulation": a time when minutes are said with it
    if (/\bthat(?:'s| is)\s+$/i.test(lead) && /^,?\s*(?:so |that's |which is )?(?:about )?(?:\d+|[a-z]+(?:[- ][a-z]+)?) minutes\b/i.test(all.slice(offset + m.length, lineEnd)) && !MEASURING.test(all.slice(lineStart, lineEnd))) return readHM(m);
    // said on its own: "Nine twenty-seven." / "Okay, one forty-one."
    const before = all.slice(lineStart, offset);
    const after = all.slice(offset + m.length);
    // unpunctuated speech runs on into the next words: "nine twenty one lets have you stand", "nine thirty one done"
    const alone = /(?:^\s*|[.!?]\s+)(?:(?:okay|ok|so|and|alright|now)[,.]?\s+)?(?:(?:it's|that's|that is)\s+)?$/i.test(before)
      && (/^\s*(?:now\s*)?(?:[.!,]|$)/.test(after) || (!/[.?!]/.test(all) && RUN_ON_AFTER.test(after)));
    // "Lift your arm. One-twenty." answers a measurement; "Nine twenty-seven. Re-measure: ..." is a time
    const lastSentence = before.split(/[.!?]\s+/).slice(-2).join(' ');
    return alone && !MEASURING.test(lastSentence) ? readHM(m) : m;
  });
  return out;
}
