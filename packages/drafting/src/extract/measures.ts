/**
 * Objective measures from normalised sentences: pain N/10, MMT grades N+/5, goniometry in
 * degrees, grip in lb, named tests and outcome scales (QuickDASH, ODI, Berg, TUG, 30-s
 * chair stand, SLS, SEBT % LSI, JPS, VHI-10, Box and Block ...), distances in cm, holds in
 * seconds, counts ("11 of 24 targets", "14 of 20 correct"), assist levels. Each keeps the
 * value as written and a baseline when one is said ("108°, up from 95"; "Last week it was
 * 38"; "68° now, from 60") or when the same measure was taken earlier in the visit.
 * DOMAIN.md 1.5, 2.3, 2.4 ("the session's result compared to baseline"), 3.3.
 */
import type { Measure, Side } from '@scribe/coding';
import { sidesIn } from '../text/laterality.ts';
import { sentenceAt } from '../text/sentences.ts';
import { testsIn } from '../lexicon/tests.ts';
import { GOAL_LINK, PLAN_CUE, WANTED_VALUE } from './cues.ts';
import { isPosition, kindFor, nameAfter, nameBefore, withUnits } from './measure-names.ts';
import type { Unit } from './units.ts';

/** A test of repetitions to fatigue: "single-leg heel raises, as many as you can". Group 1 is its name. */
const MAX_REPS = /\b((?:single[- ]leg )?(?:heel|calf|toe) raises|sit[- ]to[- ]stands?|push[- ]?ups|squats|step[- ]ups|bridges)\b[^.]{0,40}\b(?:as many as (?:you|he|she|they) can|to fatigue|max(?:imum)? reps)\b/i;

export interface LocatedMeasure extends Measure {
  /** Unit index where the value was said. */
  unitIdx: number;
}

const V = String.raw`-?\d+(?:\.\d+)?[+-]?(?:\/\d+|°| lb| cm| s|%| of \d+)?`;
const VALUE = /(-?\d+(?:\.\d+)?[+-]?\/\d+|-?\d+(?:\.\d+)?°|\d+(?:\.\d+)? (?:lb|kg|cm|mm|inch(?:es)?|s|m\/s|lines?|dB)\b|\d+-lines?\b|\d+(?:\.\d+)?-s\b|\d+(?:\.\d+)?%|\b\d+ of (?:the )?\d+\b)/g;
const BASELINE_AFTER = new RegExp(String.raw`^(?:\s+[a-z]+(?: [a-z]+){0,2}(?=,))?(?:[^.;]{0,20}?\b(?:(?:up|down|improved|increased|decreased|reduced) )?from|,\s+(?:it |that )?(?:was|were)|,\s+(?:last (?:week|visit|time|session)|at (?:the |your )?(?:eval(?:uation)?|intake|initial evaluation|start)|eval(?:uation)?(?: was)?|baseline(?: was| of)?),?) (${V})(?!\d|\.\d| to)`, 'i');
const FROM_TO = new RegExp(String.raw`\bfrom (?:about |around |approximately )?(${V}) to (${V})`, 'i');
const WHEN_BEFORE = String.raw`(?:at (?:the |your |his |her )?(?:evaluation|eval|initial (?:evaluation|exam)|initial|intake|start(?: of care)?|first visit)|^initial(?: (?:exam|evaluation|eval|visit|score))?(?= was\b)|^baseline(?= (?:was|is)\b)|last (?:week|visit|time|session|month)|(?:\d+|a) (?:weeks?|days?|months?) ago|when (?:we|you|I|he|she) (?:first )?(?:started|came in))`;
/** The value a PRIOR match holds, whichever of its phrasings said it. */
function priorValue(m: RegExpExecArray): string | null {
  return m[1] ?? m[2] ?? m[3] ?? m[4] ?? null;
}

/** A reading said as a prior value: "was 115 last week", "Last week it was 38", "at evaluation 7". */
const PRIOR = new RegExp(String.raw`\b(?:it was|was|were|you did|patient did|he did|she did|you were)\s+(?:at\s+)?(${V})\s*(?:,\s*(?:(?:mild|moderate|severe|profound|minimal)(?: to (?:mild|moderate|severe|profound))?|normal|WNL),?\s*)?(?:on the (?:left|right)\s+)?(?:${WHEN_BEFORE}|before)|\b${WHEN_BEFORE}[^.;]{0,30}?\b(?:was|were|did|at|named|scored|had|got)\s+(?:at\s+)?(${V})|\b(?:you|he|she|patient|they) started (?:at|with|out at) (${V})|^\s*(?:at )?eval(?:uation)?(?: (?:left|right))?(?: was)?[,:]?\s+(${V})(?=[.;,]|$)`, 'i');
const PRIOR_BEFORE = new RegExp(String.raw`${WHEN_BEFORE}(?:(?!\b(?:now|today|currently|after|this time)\b)[^.;]){0,30}$`, 'i');
const PRIOR_AFTER = new RegExp(String.raw`^\s*(?:\S+\s+)?${WHEN_BEFORE}`, 'i');
const ASSIST = /\b(independent(?:ly)?|supervision|stand-?by assist(?:ance)?|contact guard(?: assist(?:ance)?)?|min(?:imal|imum)? assist(?:ance)?|mod(?:erate)? assist(?:ance)?|max(?:imal|imum)? assist(?:ance)?|CGA|SBA)\b/i;
/** "toward independent stair climbing": an assist word in a purpose is a target, not a result. */
const TARGET_BEFORE = /\b(?:toward|towards|for|goal|to be|become|return to|get back to|can|able to|aim\w*)\b[^.;,]{0,25}$/i;
const SCORE = String.raw`(?:is|was|of|at|scored?|came out at|total|=|:)?\s*(\d+(?:\.\d+)?)(?![\d°%/:x]|\.\d| ?(?:lb|cm|mm|s|min|minutes?|x|times|reps?|sets?|weeks?|days?|years?|hours?|of)\b)`;
const REPEAT = /\b(?:again|once more|re-?(?:test|check|measure)\w*|after(?:wards)?|post|now)\b/i;

/**
 * The side of a value: "3+/5 on the right" names it after the value; otherwise speech puts
 * it first ("right 7 s versus left 26 s", "right ankle error 6°, left 2°").
 */
function sideBefore(text: string, index: number): Side | null {
  const sides = sidesIn(text);
  const tail = /^\S*\s+on the (left|right)\b/i.exec(text.slice(index));
  if (tail) return (tail[1] ?? '').toLowerCase() as Side;
  const before = sides.filter((s) => s.index < index && index - s.index <= 30);
  if (before.length) return before[before.length - 1]?.side ?? null;
  // "Left external rotation at the side is 70°": the side that opens the reading's own clause, a little further back
  const clauseStart = Math.max(0, text.slice(0, index).search(/[,;:][^,;:]*$/) + 1);
  const opening = sides.filter((s) => s.index >= clauseStart && s.index < index && index - s.index <= 60 && !/\bthe (?:left|right)\b/i.test(text.slice(Math.max(0, s.index - 4), s.index + 6)));
  if (opening.length === 1) return opening[0]?.side ?? null;
  const after = sides.find((s) => s.index > index && s.index - index <= 12 && !/[,;]/.test(text.slice(index, s.index)));
  return after?.side ?? null;
}

/** "40 s today, 15 s at the initial exam": the earlier value said after the reading, with when it was taken. */
const BASELINE_THEN = new RegExp(String.raw`^(?:\s+(?:today|now))?,\s+(${V}) (?:at (?:the |your |his |her )?(?:initial (?:exam|evaluation|eval|visit)|evaluation|eval|intake|start(?: of care)?|first visit)|last (?:week|visit|time|session))\b`, 'i');

/** "Baseline was 25 left and 30 right": a baseline for each side, said in the sentence after the readings. */
const BASELINE_SIDES = new RegExp(String.raw`^\s*(?:(?:the |his |her )?baseline|at (?:the )?(?:intake|evaluation|eval|initial evaluation|start))(?: it)?(?: was| were|:)?,?\s+(?:(${V}) (?:on the )?(left|right),? and (${V}) (?:on the )?(left|right)|(left|right) (${V}),? (?:and )?(left|right) (${V}))\b`, 'i');

/** A baseline said after the value, in its sentence or the next; one said for the other side is not this one's. */
/** The side a measure's name says ("stance on left leg"). */
const sideNamed = (name: string) => (/\b(left|right)\b/i.exec(name)?.[1]?.toLowerCase() ?? null) as Side | null;

function baselineNear(text: string, valueEnd: number, next: string | undefined, side: Side | null = null, value = ''): string | null {
  const after = BASELINE_AFTER.exec(text.slice(valueEnd)) ?? BASELINE_THEN.exec(text.slice(valueEnd));
  if (after) return after[1] ?? null;
  // "17 s." then "From 9 to 17.": the change said right after the reading
  const change = /^\s*(?:so,?\s+)?(?:that's\s+)?(?:up |down )?from (-?\d+(?:\.\d+)?)\S* to (-?\d+(?:\.\d+)?)/i.exec(next ?? '');
  if (change && value && parseFloat(change[2] ?? '') === parseFloat(value)) return `${change[1]}${unitOf(value)}`;
  // "Rotation left 45°, right 50." then "Baseline was 25 left and 30 right.": the baseline of this side
  const bySide = BASELINE_SIDES.exec(next ?? '');
  if (bySide && side) {
    const pairs: [string | undefined, string | undefined][] = [[bySide[2], bySide[1]], [bySide[4], bySide[3]], [bySide[5], bySide[6]], [bySide[7], bySide[8]]];
    return pairs.find(([s]) => s?.toLowerCase() === side)?.[1] ?? null;
  }
  for (const s of [text.slice(valueEnd), next ?? '']) {
    const p = PRIOR.exec(s);
    // ("At his evaluation it was 1 s on the right": the side said after the prior in its sentence)
    // ("Right grip was 38 at the evaluation": said before it in its sentence, too)
    const saidSide = p ? sidesIn(sentenceAt(s, p.index))[0]?.side ?? null : null;
    if (p && (saidSide === null || saidSide === side)) return priorValue(p);
  }
  return null;
}

/**
 * Scores said without a unit after the test's name: "QuickDASH today is 34", "Voice Handicap
 * Index-10 came out at 22", "Box and Block: right hand 48 blocks, left hand 9".
 */
function bareScores(text: string): { value: string; name: string; index: number }[] {
  const out: { value: string; name: string; index: number }[] = [];
  for (const t of testsIn(text)) {
    if (t.kind === 'neuromotor' && /single|joint|star/i.test(t.name)) continue; // timed holds and reaches carry units
    const head = new RegExp(String.raw`(?:${t.re.source})(?:-?\d+\b)?[^.;\d]{0,30}?${SCORE}`, 'gi');
    let m: RegExpExecArray | null;
    while ((m = head.exec(text))) {
      out.push({ value: m[1] ?? '', name: t.name, index: m.index + m[0].length - (m[1] ?? '').length });
      const more = new RegExp(String.raw`^[^.;\d]{0,30}?\b(?:left|right)(?: [a-z]+)?:?\s+${SCORE}`, 'i');
      let rest = text.slice(m.index + m[0].length);
      let at = m.index + m[0].length;
      for (let k = 0; k < 3; k++) {
        const x = more.exec(rest);
        if (!x) break;
        out.push({ value: x[1] ?? '', name: t.name, index: at + x[0].length - (x[1] ?? '').length });
        at += x[0].length;
        rest = rest.slice(x[0].length);
      }
    }
  }
  return out;
}

/** "14 of 20" -> "14/20" is kept as said; a count's name is the noun after it or the last count's. */
function countName(text: string, end: number, last: string | null): string | null {
  const noun = /^\s*(?:common\s+)?([a-z][a-z-]{2,})/i.exec(text.slice(end))?.[1]?.toLowerCase();
  return noun && !/^(?:on|in|at|with|without|the|and|for|to|of|correct|right|left)$/.test(noun) ? noun : last;
}

/** Measures said in the visit (goal and plan sentences are targets, not measures). */
export function extractMeasures(units: Unit[], discipline?: string): LocatedMeasure[] {
  const out: LocatedMeasure[] = [];
  // the side the clinician said the limb being measured is ("Left arm now.", "Lift the right arm ..."), for the
  // readings after it that name none, while the clinician goes on measuring (one utterance without a reading ends it)
  const context = new Map<LocatedMeasure, Side>();
  let sideNow: Side | null = null;
  let sideUtt = '';
  let measuring = false;
  let lastName: string | null = null;
  let pending: { name: string | null; value: string; uttId: string; idx: number } | null = null;
  let pendingAssist: { value: string; uttId: string; idx: number } | null = null;
  for (const u of units) {
    if (u.speaker === 'clinician' && u.uttId !== sideUtt) {
      if (!measuring) sideNow = null;
      sideUtt = u.uttId;
      measuring = false;
    }
    const announced = u.speaker === 'clinician' ? sideAnnounced(u.text) : null;
    if (announced) { sideNow = announced; measuring = true; }
    // ("For full duty I want key pinch 16 lb and grip 80 lb": what the clinician wants reached is a target, not a reading)
    if (u.isQuestion || u.header === 'plan' || PLAN_CUE.test(u.text) || /\bgoals?\b|\btargets? (?:is|are|of)\b/i.test(u.text) || WANTED_VALUE.test(u.text)) continue;
    if (GOAL_LINK.test(u.text) && !testsIn(u.text).length) continue;
    // "Goal status: naming at 80% accuracy, progressing": a goal's target, not a reading
    if (u.header === 'assessment' && /,\s*(?:progressing|met|not (?:yet )?met|partially met|partly met|achieved|ongoing)\b/i.test(u.text)) continue;
    // exercise prescriptions ("40 lb, 3x15") are parameters, not measures
    if (/\d+x\d+/.test(u.text) && !testsIn(u.text).length) continue;
    const next = units[u.idx + 1]?.uttId === u.uttId ? units[u.idx + 1]?.text : undefined;
    const prev = units[u.idx - 1]?.uttId === u.uttId ? units[u.idx - 1] : undefined;
    // "Turn your head to the right as far as you can. About sixty-five.": a bare number right after a
    // movement asked for is that movement's range, in degrees
    const bare = u.speaker === 'clinician' && BARE_READING.test(u.text.trim());
    // "Reach up again for me... 156 now.": the movement measured before, asked again
    const asked = bare ? movementAsked(units, u) ?? askedAgain(units, u, out) : null;
    // ("Your contraction is a 3/5 on the Modified Oxford, up from a 2": the grade of the scale named after it)
    const text = asked ? u.text.replace(/\b\d{1,3}\b(?! ?(?:cm|mm|inch))/, (n) => `${n}°`) : withUnits(u.text).replace(/\b(?:a |an )?(\d(?:\.\d)?[+-]?\/5) on (?:the )?([A-Z][\w-]*(?: [A-Z][\w-]*){0,3})(?=[,.;]|$)/, (m, grade: string, scale: string) => (testsIn(scale).length ? `${scale} ${grade}` : m))
      .replace(/\b(up|down) from a (\d)/g, '$1 from $2');
    const range = FROM_TO.exec(text);
    const found: LocatedMeasure[] = [];
    const taken: [number, number][] = [];
    VALUE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = VALUE.exec(text))) {
      const value = m[0].replace(/ of (?:the )?/, ' of ');
      // "single-leg stance on foam, 3x30 s each leg": the time of each of three holds is a dose, not a reading
      if (/\d\s*x\s*$/i.test(text.slice(0, m.index))) continue;
      const count = / of /.test(value);
      if (/^\d+\/\d+$/.test(value) && !/\/(?:5|10)$/.test(value) && !/correct|trials|fists|sips|accura/i.test(text) && !testsIn(text).length) continue;
      // N/10 said by the clinician is a rating only with a rating word; "6 of 10 correct sequences" is a count
      if (/\/10$/.test(value) && u.speaker !== 'patient' && !/\b(?:pain|hurts?|aches?|sore|rate|rating|scale)\b/i.test(text) && !SCORED.test(text.slice(m.index + m[0].length))) continue;
      if (range && value.startsWith(range[1] ?? '#') && m.index < range.index + 6 + (range[1]?.length ?? 0)) continue;
      const end = m.index + m[0].length;
      taken.push([m.index, end]);
      // "external rotation at 90° of abduction": the position the motion was measured in, not a reading
      if (/°$/.test(value) && isPosition(text, m.index)) continue;
      // "visit 12 of 12 authorized": which visit it is, not a measure
      if (count && (/\b(?:visits?|sessions?)\s+$/i.test(text.slice(0, m.index)) || /^\s*(?:authori[sz]ed|approved|visits?|sessions?)\b/i.test(text.slice(end)))) continue;
      // "4 lb, up from 1.5 lb at the evaluation": the earlier reading of the value just read, not a new one
      // ("3.5% syllables stuttered, baseline 14%": the baseline just given to the reading before it)
      if (found.length && /\b(?:(?:(?:up|down|improved|increased|decreased|reduced|better|worse) )?from|baseline(?: was| of)?)\s+$/i.test(text.slice(Math.max(0, m.index - 25), m.index))
        && found[found.length - 1]?.baseline === value) continue;
      // "I feel a click on the left at about 20 mm": where in the motion a sign came, not a reading
      if (/\b(?:click|clicks|clicking|pop|pops|popping|catch|catches|clunk)\b[^.;]{0,30}\bat (?:about |around |roughly )?$/i.test(text.slice(Math.max(0, m.index - 45), m.index))) continue;
      // "rotation up about 25° each way": a change, not a reading
      if (/\b(?:up|down|improved|increased|decreased|gained|lost|better|worse)(?: by)?(?: about| around| roughly| nearly| almost)?\s+$/i.test(text.slice(Math.max(0, m.index - 30), m.index)) && /°$/.test(value)) continue;
      // "so that's 15° better": a difference, not a reading
      if (/^\s*(?:better|worse|more|less|of (?:improvement|change|gain))\b/i.test(text.slice(end))) continue;
      // "Quick check: turn left for me. Fifty-two degrees." names the value in the sentence before
      // "Timed up and go, walk to the line ... Go. That's 12.4 s": the test named earlier in the utterance
      const prevName = earlierName(units, u);
      // a stance held for seconds: "9 s on the foam with eyes closed", "heel to toe with eyes closed, 5 s",
      // "With your eyes closed, 2 s" after "Tandem stance ... 12 s", "17 s" after "let's retest. Foam, feet together ..."
      const timed = / s$/.test(value) && !DOSE.test(text);
      const ownStance = timed ? stanceName(text, m.index, end) : null;
      const carried = timed && !ownStance ? stanceCarried(text, [...out, ...found], u, units) : null;
      const stance = ownStance ?? carried?.name ?? null;
      const named = asked ?? stance ?? (count ? null : nameAfter(text, end)) ?? nameBefore(text, m.index) ?? prevName ?? (count || DOSE.test(text) ? null : labelBefore(text, m.index));
      if (PRIOR_BEFORE.test(text.slice(0, m.index)) || (/\b(?:was|were)\s+$/i.test(text.slice(Math.max(0, m.index - 8), m.index)) && PRIOR_AFTER.test(text.slice(end)))) {
        // ("Right grip was 38 at the evaluation": the one side the sentence says)
        const saidSides = [...new Set(sidesIn(text).map((x) => x.side))];
        const priorSide = /\b(?:on|of) the (left|right)\b/i.exec(text.slice(end))?.[1]?.toLowerCase() ?? (saidSides.length === 1 ? saidSides[0] ?? null : null);
        if (!attachPrior([...out, ...found], named?.toLowerCase() ?? null, value, u.uttId, u.idx, false, priorSide)) pending = { name: named?.toLowerCase() ?? null, value, uttId: u.uttId, idx: u.idx };
        continue;
      }
      // "Lift up again for me... 130°": a repeat takes the name of the one measure of that unit just taken, never a guess between two
      const recent = [...out, ...found].filter((x) => unitOf(x.value) === unitOf(value) && u.idx - x.unitIdx <= 8);
      const repeat = REPEAT.test(`${prev?.text ?? ''} ${u.text}`) && new Set(recent.map((x) => x.name)).size === 1 ? recent[0]?.name ?? null : null;
      // "6/10 correct sequences": trials scored, named by what was scored, never pain
      const scored = /\/10$/.test(value) ? SCORED.exec(text.slice(end)) : null;
      const pain = !scored && /\/10$/.test(value) && /\b(?:pain|hurts?|aches?|sore|\/10)\b/i.test(text);
      let name: string | null = (scored ? (scored[1] ?? '').toLowerCase() : null) ?? (pain ? 'pain' : named) ?? (count ? countName(text, end, lastName) : repeat) ?? (/\/10$/.test(value) ? 'pain' : null);
      // a forward bend measured in centimetres or inches is the fingertip-to-floor distance, however it was asked for
      if (name && / (?:cm|inch(?:es)?)$/.test(value) && /^(?:flexion|forward bend|fingertips?(?: to floor)?)$/i.test(name)) name = 'fingertip-to-floor';
      // "You lose three lines when your head is moving": lines of an eye chart read with the head moving
      if (!name && / lines?$/.test(value) && /\bhead (?:is )?(?:moving|turning)\b|\bchart\b/i.test(`${prev?.text ?? ''} ${text}`)) name = 'dynamic visual acuity';
      if (!name) continue;
      const ranged = range && Math.abs(parseFloat(value)) === Math.abs(parseFloat(range[2] ?? '')) && m.index > range.index;
      // ("Right external rotation, elbow by your side, turn out... 35.": a bare reading's side is the movement's, said just before it)
      const askedSides = asked && prev ? [...new Set(sidesIn(prev.text).map((x) => x.side))] : [];
      const side = sideBefore(text, m.index) ?? (askedSides.length === 1 ? askedSides[0] ?? null : null);
      let baseline = ranged || (range && m.index < range.index && Math.abs(parseFloat(value)) === Math.abs(parseFloat(range[2] ?? ''))) ? range?.[1] ?? null : baselineNear(text, end, next, side ?? sideNamed(name), value);
      // "was 2 cm when we started, and now it's 1 cm": the prior said first is this reading's baseline
      if (baseline === null && pending && u.idx - pending.idx <= 1 && (pending.name === null || pending.name === name.toLowerCase())) {
        baseline = pending.value;
        pending = null;
      }
      // a stance named in the turn before is cited with the value, so the statement's name has its source
      const evidence = carried && carried.uttId !== u.uttId && name === carried.name ? [carried.uttId, u.uttId] : [u.uttId];
      found.push({ kind: scored ? scoredKind(text, discipline) : kindFor(name, value, text, discipline), name: name.toLowerCase(), value, baseline, side, evidence, unitIdx: u.idx });
      if (count) lastName = name.toLowerCase();
    }
    const reach = landmarkReach(text);
    if (reach && !found.some((f) => f.name === 'fingertip-to-floor')) {
      found.push({ kind: 'rom', name: 'forward bend reach', value: reach, baseline: null, side: null, evidence: [u.uttId], unitIdx: u.idx });
    }
    for (const sc of bareScores(text)) {
      if (taken.some(([a, b]) => sc.index >= a && sc.index < b)) continue;
      if (PRIOR_BEFORE.test(text.slice(0, sc.index))) continue;
      const side = sideBefore(text, sc.index);
      found.push({ kind: kindFor(sc.name, sc.value, text, discipline), name: sc.name.toLowerCase(), value: sc.value, baseline: baselineNear(text, sc.index + sc.value.length, next, side), side, evidence: [u.uttId], unitIdx: u.idx });
    }
    // "Tell her last week it was 85": a prior said without its unit belongs to the reading just taken
    const barePrior = found.length === 0 ? PRIOR.exec(text) : null;
    // ... unless the reading just before already took it as its baseline (from the sentence after it)
    const consumed = barePrior ? out.some((x) => u.idx - x.unitIdx <= 1 && x.baseline !== null && parseFloat(x.baseline) === parseFloat(priorValue(barePrior) ?? '')) : false;
    // ... and a sentence with a reading of its own that was not read ("3.61 now, ... they were 4.31") gives no one else a baseline
    const ownReading = (text.match(/\d+(?:\.\d+)?/g) ?? []).length > 1;
    // ... nor does one said right after a value that was not read as a measure ("41% today. It was 62 at the evaluation."):
    // the prior is that value's, never the reading said before it ("Left flexion 170")
    const before = units[units.indexOf(u) - 1];
    const unread = !!before && before.speaker === u.speaker && /\d/.test(before.text.replace(/\b\d{1,2}:\d{2}\b/g, '')) && !out.some((x) => x.unitIdx === before.idx);
    if (barePrior && !consumed && !ownReading && !unread && /^\d+(?:\.\d+)?$/.test(priorValue(barePrior) ?? '') && u.speaker === 'clinician') {
      // (the side said anywhere in the sentence: "Last week you only got 9 on the left")
      const sentenceSides = sidesIn(text);
      const saidSide = sidesIn(barePrior[0])[0]?.side ?? (sentenceSides.length === 1 ? sentenceSides[0]?.side ?? null : null);
      // "LEFS 38/80, down from 46 at the progress note. It was 22 at the initial evaluation.": an older value of the
      // reading just said, which already has its baseline, never a baseline for a reading said before it
      const last = [...out].reverse().find((x) => x.kind !== 'pain' && (saidSide === null || x.side === saidSide));
      const target = last && last.baseline === null && u.idx - last.unitIdx <= 3 ? last
        : last?.baseline !== null && last && u.idx - last.unitIdx <= 1 ? undefined
          : [...out].reverse().find((x) => x.kind !== 'pain' && x.baseline === null && u.idx - x.unitIdx <= 3 && (saidSide === null || x.side === saidSide));
      if (target) { target.baseline = `${priorValue(barePrior)}${unitOf(target.value)}`; target.evidence.push(u.uttId); }
    }
    // (a level is the clinician's to grade: "Stand by, supervision. Got it." is the daughter repeating the home plan)
    const assist = u.speaker === 'clinician' ? ASSIST.exec(text) : null;
    if (assist && !GOAL_LINK.test(text) && !TARGET_BEFORE.test(text.slice(0, assist.index))) {
      const before = text.slice(0, assist.index);
      const priorAssist = PRIOR_AFTER.test(text.slice(assist.index + assist[0].length)) || PRIOR_BEFORE.test(before) || /\b(?:up|improved|progressed|down) from\s+$/i.test(before);
      // "Socks with the sock aid: minimal assist": the task said before the colon names the level
      const task = /^([a-z][\w -]{2,40}?):\s*$/i.exec(before)?.[1]?.toLowerCase();
      const name = task ? `${task} assist level` : 'assist level';
      // ("At your first visit you needed moderate assist ... Today it's minimal assist.": the prior said first is the next level's baseline)
      const saidFirst = pendingAssist && pendingAssist.uttId === u.uttId && u.idx - pendingAssist.idx <= 2 ? pendingAssist.value : null;
      const baseline = new RegExp(String.raw`\b(?:up|improved|progressed) from (${ASSIST.source.slice(2, -2)})`, 'i').exec(`${text.slice(assist.index + assist[0].length)} ${next ?? ''}`)?.[1] ?? saidFirst;
      if (priorAssist) {
        if (!attachPrior([...out, ...found], null, assist[1] ?? '', u.uttId, u.idx, true)) pendingAssist = { value: assist[1] ?? '', uttId: u.uttId, idx: u.idx };
      } else {
        found.push({ kind: 'functional', name, value: assist[1] ?? '', baseline, side: null, evidence: [u.uttId], unitIdx: u.idx });
        pendingAssist = null;
      }
    }
    // a bare count right after a named test: "30-s chair stand ... That's 10, and at evaluation 7"
    if (found.length === 0 && lastName && prev === undefined && units[u.idx - 1] && testsIn(units[u.idx - 1]?.text ?? '').length > 0
      && /^(?:that's|that is|patient did|you did)?\s*\d+\b/i.test(text) && u.speaker === 'clinician') {
      const n = /\d+/.exec(text)?.[0] ?? '';
      const p = PRIOR.exec(text);
      const said = testsIn(units[u.idx - 1]?.text ?? '')[0]?.name.toLowerCase() ?? lastName;
      found.push({ kind: kindFor(said, n, said), name: said, value: n, baseline: p ? priorValue(p) : null, side: null, evidence: [u.uttId], unitIdx: u.idx });
    }
    // "Box and Blocks, right hand, go. Sixteen blocks. Left is forty-eight.": counts said on their own right after the test was
    // started in the same turn (with nothing but counts between) are that test's, on the side said
    const opener = found.length === 0 && u.speaker === 'clinician'
      ? [...units.slice(Math.max(0, u.idx - 3), u.idx)].reverse().find((x) => x.uttId === u.uttId && testsIn(x.text).length > 0 && !/\d/.test(x.text)) : undefined;
    const between = opener ? units.slice(opener.idx + 1, u.idx) : [];
    const bareCount = opener && between.every((x) => TEST_COUNT.test(x.text.trim())) ? TEST_COUNT.exec(text.trim()) : null;
    if (opener && bareCount) {
      const test = testsIn(opener.text)[0]!;
      const side = ((bareCount[1] ?? (between.length ? null : sidesIn(opener.text)[0]?.side) ?? null)?.toLowerCase() ?? null) as Side | null;
      found.push({ kind: test.kind, name: test.name.toLowerCase(), value: bareCount[2] ?? '', baseline: null, side, evidence: [u.uttId], unitIdx: u.idx });
    }
    // a count of a repetitions-to-fatigue test set up just before: "Now single-leg heel raises, as many as you can, left
    // side first." - (the patient counts) - "Fourteen on the left. Now the right side." - "Twenty-five on the right."
    const count = found.length === 0 && u.speaker === 'clinician' ? /^(?:that's\s+)?(\d{1,3})(?: reps)? on the (left|right)\b/i.exec(text) : null;
    const maxTest = count ? units.slice(Math.max(0, u.idx - 6), u.idx).reverse().find((x) => x.speaker === 'clinician' && MAX_REPS.test(x.text)) : undefined;
    if (count && maxTest) {
      const name = (MAX_REPS.exec(maxTest.text)?.[1] ?? '').toLowerCase();
      found.push({ kind: 'strength', name, value: count[1] ?? '', baseline: null, side: (count[2]?.toLowerCase() ?? null) as LocatedMeasure['side'], evidence: [maxTest.uttId, u.uttId], unitIdx: u.idx });
    }
    const named = testsIn(text)[0];
    if (named) lastName = named.name;
    else if (found.length) lastName = found[found.length - 1]?.name ?? lastName;
    if (found.length && u.speaker === 'clinician') {
      measuring = true;
      if (sideNow) for (const f of found) if (!f.side) context.set(f, sideNow);
    }
    out.push(...found);
  }
  return linkRepeats(out, context);
}

const LIMB = '(?:arm|leg|side|hand|knee|shoulder|hip|ankle|foot|wrist|elbow|thumb)';
const SIDE_ALONE = new RegExp(String.raw`^(?:(?:okay|ok|now|and|then|so)[,]?\s+)*(?:the\s+|your\s+|his\s+|her\s+)?((left|right)(?:\s+${LIMB})?)(?:\s+(?:now|next))?\s*[.:!]?$`, 'i');
const SIDE_ASKED = new RegExp(String.raw`^(?:(?:okay|ok|now|so)[,]?\s+)?(?:lift|raise|bend|straighten|turn|rotate|reach|move|bring|push|pull|squeeze|stand on)\b[^.]*?\b(?:the|your|his|her) (left|right) ${LIMB}\b`, 'i');

/** A count said on its own: "16 blocks.", "Left is 48.", "Right hand, 22." */
export const TEST_COUNT = /^(?:(left|right)(?: hand| side)?(?: is| was)?,?\s+)?(\d{1,3})(?: (?:blocks|pegs|reps|times|words|items))?[.!]?$/i;

/** A limb's side announced for what is measured next: "Left arm now.", "Now the right side:", "Lift the right arm forward as high as you can." */
function sideAnnounced(text: string): Side | null {
  const said = SIDE_ALONE.exec(text.trim())?.[2] ?? SIDE_ASKED.exec(text)?.[1];
  return (said?.toLowerCase() as Side | undefined) ?? null;
}

/** "Left arm now." -> "Left arm": a side said on its own to head the readings after it. */
export function sideHeading(text: string): string | null {
  const said = SIDE_ALONE.exec(text.trim())?.[1];
  return said ? said.charAt(0).toUpperCase() + said.slice(1).toLowerCase() : null;
}

/** The body landmark a forward bend reaches: "fingertips reached the knees", "forward bend fingertips to mid-shin". */
export const LANDMARK_REACH = /\b(?:forward bend(?:ing)?|bend(?:ing)? forward|toe[- ]touch|fingertips?|finger tips)\b[^.;]{0,30}?\b(?:to|reached|reaches|reaching|at)\s+(?:the\s+|his\s+|her\s+|their\s+|about\s+)?((?:mid[- ]?|upper |lower )?(?:knees?|shins?|ankles?|toes|floor|thighs?|kneecaps?|calf|calves))\b/i;

/**
 * A forward bend read by the landmark the fingertips reach (no number): "fingertips to knees",
 * re-measured after treatment as "fingertips to mid-shin" (a range-of-motion measure, DOMAIN.md 2.4
 * "objective outcome measure ... compared to baseline"). Not in a goal or plan sentence (skipped above).
 */
function landmarkReach(text: string): string | null {
  const m = LANDMARK_REACH.exec(text);
  if (!m || !/\b(?:bend|bending|toe[- ]touch|flexion)\b/i.test(text)) return null;
  return `fingertips to ${(m[1] ?? '').toLowerCase().replace(/^mid /, 'mid-')}`;
}

/** The words a leg is named by in a stance test: its side, or how it is ("the injured leg", "the good leg"). */
const LEG = String.raw`left|right|injured|good|affected|involved|uninvolved|weak|strong|bad|sore`;
const STANCE = new RegExp(String.raw`\b(?:on (?:the )?foam|foam,? feet together|(?:tandem|heel[- ]to[- ]toe)(?: stance)?|feet together|single[- ]leg(?: stance)?|stand(?:ing)? on (?:the |your |his |her |one )?(?:one|${LEG}) (?:leg|foot))\b`, 'i');
const EYES = /\beyes (open|closed)\b/i;

function stanceBase(said: string): string {
  const leg = new RegExp(String.raw`\b(${LEG})\b(?= (?:leg|foot)\b|$)`, 'i').exec(said)?.[1]?.toLowerCase() ?? /\b(left|right)\b/i.exec(said)?.[1]?.toLowerCase();
  return /foam/i.test(said) ? 'foam stance' : /tandem|heel[- ]to[- ]toe/i.test(said) ? 'tandem stance'
    // (named as said: "stand on the left leg" is not the test's name, which the verifier looks for in what was said)
    : /single/i.test(said) ? `single-leg stance${leg ? ` ${leg}` : ''}` : /leg|foot/i.test(said) ? `stance on ${leg ?? 'one'} leg` : 'feet-together stance';
}

/** A balance stance said around a time in seconds, with its eyes condition when said. */
function stanceName(text: string, index: number, end: number): string | null {
  const around = `${text.slice(Math.max(0, index - 45), index)} ${text.slice(end, end + 40)}`;
  const hit = STANCE.exec(around);
  if (!hit) return null;
  const eyes = EYES.exec(around)?.[1]?.toLowerCase();
  return `${stanceBase(hit[0])}${eyes ? ` eyes ${eyes}` : ''}`;
}

/**
 * "With your eyes closed, 2 s" right after "Tandem stance with eyes open, 12 s": the stance of the last
 * reading of this utterance; a bare time right after a stance test set up in the turn before
 * ("Let's retest. Foam, feet together, eyes closed." - "17 s.") is that stance.
 */
function stanceCarried(text: string, prior: LocatedMeasure[], u: Unit, units: Unit[]): { name: string; uttId: string } | null {
  const eyes = EYES.exec(text)?.[1]?.toLowerCase();
  const last = [...prior].reverse().find((m) => m.evidence.includes(u.uttId) && / stance/.test(m.name));
  if (last && eyes) return { name: `${last.name.replace(/ eyes (?:open|closed)$/, '')} eyes ${eyes}`, uttId: u.uttId };
  // "Before we train it, let's measure. Stand on the foam, feet together, eyes closed. I'm right here... 9 s out of 30.": set up earlier in this utterance
  const earlier = units.filter((x) => x.uttId === u.uttId && x.idx < u.idx).map((x) => x.text).join(' ');
  const setUp = /\b(?:re-?test|test|measure|check|time)\b/i.test(earlier) ? STANCE.exec(earlier) : null;
  if (setUp && units.find((x) => x.uttId === u.uttId)) {
    const saidEyes = EYES.exec(earlier.slice(setUp.index))?.[1]?.toLowerCase();
    return { name: `${stanceBase(setUp[0])}${saidEyes ? ` eyes ${saidEyes}` : ''}`, uttId: u.uttId };
  }
  if (!/^\d/.test(text.trim())) return null;
  const turn = units.filter((x) => x.uttIndex === u.uttIndex - 1 && x.speaker === 'clinician');
  const turnBefore = turn.map((x) => x.text).join(' ');
  // a test set up in that turn: "Let's retest ...", "Let's check your tandem stance ... and go."
  const hit = /\bre-?test\b|\b(?:check|test|measure|time)\b|\bgo[.!]?\s*$/i.test(turnBefore) ? STANCE.exec(turnBefore) : null;
  if (!hit || !turn[0]) return null;
  const saidEyes = EYES.exec(turnBefore)?.[1]?.toLowerCase();
  return { name: `${stanceBase(switchedLeg(hit[0], earlier))}${saidEyes ? ` eyes ${saidEyes}` : ''}`, uttId: turn[0].uttId };
}

/**
 * "Stand on your right foot ... go." - "Three seconds. Now the left foot. Ten seconds.": the leg said
 * since the stance was set up is the one the reading is of (never the side set up first).
 */
function switchedLeg(stance: string, since: string): string {
  const said = [...since.matchAll(new RegExp(String.raw`\b(?:the |your |his |her )?(other|${LEG}) (?:foot|leg|side)\b`, 'gi'))].pop()?.[1]?.toLowerCase();
  if (!said) return stance;
  const was = new RegExp(String.raw`\b(${LEG})\b(?= (?:leg|foot)\b)`, 'i').exec(stance)?.[1]?.toLowerCase();
  const now = said === 'other' ? ({ left: 'right', right: 'left' } as Record<string, string>)[was ?? ''] : said;
  return now && was ? stance.replace(new RegExp(String.raw`\b${was}\b(?= (?:leg|foot)\b)`, 'i'), now) : stance;
}

/** Trials scored right: "6/10 correct sequences", "8/10 accurate". */
const SCORED = /^\s+((?:correct|accurate|successful)(?: \w+)?|trials)\b/i;

/** The kind of trials scored: motor sequencing is neuromotor (DOMAIN.md 2.3 "motor patterning"), SLP trials speech, else function. */
function scoredKind(text: string, discipline?: string): Measure['kind'] {
  return /\b(?:sequenc\w*|opposition|tapping|coordinat\w*|motor planning|balance)\b/i.test(text) ? 'neuromotor' : discipline === 'slp' ? 'speech_swallow' : 'functional';
}

/** A sentence that is only a number: "About 65.", "Sixty now." */
const BARE_READING = /^(?:about |maybe |around |roughly )?\d{1,3}(?: ?(?:cm|mm|inch(?:es)?))?(?: now| today| again)?(?:,? (?:up|down) from \d{1,3}(?: ?(?:cm|mm|inch(?:es)?))?)?[.!]?$/i;

/**
 * The movement asked for just before a bare number in the same utterance: "Turn your head to the
 * right ... About 65." is right rotation; "... Now to the left. 50." after a turn is left rotation.
 * Only a movement measured in degrees; null when a value was said in between.
 */
function movementAsked(units: Unit[], u: Unit): string | null {
  for (let i = u.idx - 1; i >= 0 && i >= u.idx - 3; i--) {
    const p = units[i];
    if (!p || p.uttId !== u.uttId || /\d/.test(p.text)) return null;
    const name = nameBefore(p.text, p.text.length);
    if (name && /\b(?:rotation|flexion|extension|abduction|dorsiflexion|plantarflexion|side[- ]bending)\b/i.test(name)) return name;
    const other = /^(?:(?:now|and|then)[,]?\s+)?(?:to the |the |turn )?(left|right)\b[^.]*\.*$/i.exec(p.text.trim());
    const turned = units.some((x) => x.uttId === u.uttId && x.idx < p.idx && /\bturn\b|\blook over\b/i.test(x.text));
    if (other && turned) return `${(other[1] ?? '').toLowerCase()} rotation`;
  }
  return null;
}

/** A movement asked for again ("Reach up again for me...") right before a bare value: the last range of motion taken. */
function askedAgain(units: Unit[], u: Unit, taken: readonly LocatedMeasure[]): string | null {
  const p = units[u.idx - 1];
  if (!p || p.uttId !== u.uttId || !/\bagain\b/i.test(p.text) || !/\b(?:reach|lift|raise|bend|turn|look)\b/i.test(p.text)) return null;
  return [...taken].reverse().find((m) => m.kind === 'rom')?.name ?? null;
}

/** The test or movement named in an earlier sentence of the same utterance that held no value yet. */
function earlierName(units: Unit[], u: Unit): string | null {
  for (let i = u.idx - 1; i >= 0 && i >= u.idx - 3; i--) {
    const p = units[i];
    if (!p || p.uttId !== u.uttId || /\d/.test(p.text)) return null;
    const name = nameBefore(p.text, p.text.length);
    if (name) return name;
    // "Open as wide as you comfortably can... 32 mm": the jaw's opening
    if (/^(?:(?:okay|now|and)[,.]?\s+)?open\b[^.]*\b(?:wide|mouth|for me)\b/i.test(p.text)) return 'mouth opening';
  }
  return null;
}

/** A dose said with the value ("eyes open, 30 s, 3 times"): the value is a parameter, not a measure. */
// ("Prone plank hold was 40 s" is a reading: a hold is a dose as "holds", "hold 30 s", "30-s holds")
const DOSE = /\b\d+ (?:times|reps?|repetitions|sets?|rounds?|laps|lengths|trials)\b|\d+x\d+|\bholds\b|\bhold(?: for| each)? \d|\d+(?:-s| s|-second| second) holds?\b|\beach (?:side|leg|arm|way)\b/i;
/** Words that cannot be part of a measure's label. */
const NOT_LABEL = /\b(?:I|you|he|she|we|they|it|that|this|let|let's|me|my|your|his|her|our|what|can|do|does|did|go|get|tell|show|okay|ok|so|and|then|now|yes|no|not|here|there|just|about|maybe|around)\b/i;

/**
 * The label said before a value when no known test or movement names it: "Mouth opening
 * before treatment 29 mm" -> "mouth opening"; "The volume difference from the right arm works
 * out to 7%" -> "volume difference"; "Knee-to-wall again: 10 cm" -> "knee-to-wall".
 */
export function labelBefore(text: string, index: number): string | null {
  const clauses = text.slice(0, index).split(/[.;:,]/).map((c) => c.trim());
  let clause = clauses.pop() ?? '';
  if (!clause && clauses.length) clause = clauses.pop() ?? '';
  const label = clause
    .replace(/\s+(?:works? out to|comes? (?:out )?to|is|was|were|are|at|of|now|today|again|measures?|measured|reached|rechecked|came in at)$/i, '')
    .replace(/\s+(?:works? out to|is|was|were|are|now|today|again)$/i, '')
    .replace(/^(?:the|your|his|her|their|a|an)\s+/i, '')
    .split(/\s+(?:from|of|on|at|in|with|for|before|after|during|above|below|to)\s+/i)[0]
    ?.trim() ?? '';
  // "left middle and lower trapezius": two parts of one muscle joined by "and" are one name
  const bare = label.replace(/\b(upper|middle|mid|lower|anterior|posterior) and (?=(?:upper|middle|mid|lower|anterior|posterior)\b)/gi, '$1 ');
  const words = bare.split(/\s+/).filter(Boolean);
  if (!words.length || words.length > 4 || label.length < 3 || /\d/.test(label) || NOT_LABEL.test(bare)) return null;
  return label.toLowerCase();
}

/** Two readings on one scale: both in the same unit ("165°" and "5/5" are not), or both words (assist levels). */
function sameScale(a: string, b: string): boolean {
  const numeric = (v: string) => /^[-\d.]/.test(v);
  return numeric(a) === numeric(b) && (!numeric(a) || unitOf(a) === unitOf(b));
}

function unitOf(value: string): string {
  return value.replace(/^[-\d.+]+/, '').replace(/^ of \d+$/, ' of');
}

/**
 * A prior reading said on its own ("Flexion was 115 last week", "Last week it was 38") is
 * the baseline of the latest reading of that measure (by name, or by unit when unnamed).
 */
function attachPrior(list: LocatedMeasure[], name: string | null, value: string, uttId: string, unitIdx: number, assist = false, side: string | null = null): boolean {
  // "Now the left foot. 10 s. At his evaluation it was 1 s on the right.": a prior said of one side is that side's reading's
  const sideOf = (x: LocatedMeasure) => x.side ?? sideNamed(x.name);
  const target = [...list].reverse().find((x) => x.baseline === null && unitIdx - x.unitIdx <= 6
    && (side === null || sideOf(x) === null || sideOf(x) === side)
    && (assist ? x.name.endsWith('assist level') && unitIdx - x.unitIdx <= 2 : name ? sameMeasure(x.name, name)
      : (unitIdx - x.unitIdx <= 2 || (side !== null && sideOf(x) === side)) && unitOf(x.value) === unitOf(value)));
  if (!target) return false;
  target.baseline = value;
  if (!target.evidence.includes(uttId)) target.evidence.push(uttId);
  return true;
}

/** Two names for one measure: equal, or one the other with its joint said ("flexion", "lumbar flexion"). */
function sameMeasure(a: string, b: string): boolean {
  if (a === b) return true;
  return !a.endsWith('assist level') && !b.endsWith('assist level') && (a.endsWith(` ${b}`) || b.endsWith(` ${a}`));
}

/**
 * A measure taken again later in the visit keeps the kind of its first reading, and that
 * first reading is its baseline when none was said ("anterior reach 79%" after "71%").
 */
function linkRepeats(list: LocatedMeasure[], context: ReadonlyMap<LocatedMeasure, Side>): LocatedMeasure[] {
  // a reading of the other limb ("Left arm now. Flexion 170") is never a recheck of the first ("Flexion 95" of the right arm)
  const sideOf = (x: LocatedMeasure) => x.side ?? context.get(x) ?? null;
  const otherSide = (a: LocatedMeasure, b: LocatedMeasure) => sideOf(a) !== null && sideOf(b) !== null && sideOf(a) !== sideOf(b);
  return list.map((m, i) => {
    if (m.kind === 'pain') return m; // pain at rest, with activity, elsewhere: not one measure repeated
    // "right rotation 70°" repeats "cervical rotation right 62°": the side said in a name is the reading's side
    const unsided = (n: string) => n.replace(/^(?:left|right)\s+/, '');
    const earlier = list.slice(0, i).filter((p) => p.kind !== 'pain' && p.unitIdx !== m.unitIdx && (sameMeasure(p.name, m.name) || (m.side !== null && p.side === m.side && sameMeasure(unsided(p.name), unsided(m.name)))) && sameScale(p.value, m.value));
    const prior = earlier.find((p) => p.side === m.side && !otherSide(p, m)) ?? earlier.find((p) => (p.side === null || m.side === null) && !otherSide(p, m));
    if (!prior) return m;
    return { ...m, name: prior.name.length > m.name.length ? prior.name : m.name, kind: m.kind === 'other' ? prior.kind : m.kind,
      baseline: m.baseline ?? prior.value, evidence: m.baseline ? m.evidence : [...new Set([...prior.evidence, ...m.evidence])] };
  });
}
