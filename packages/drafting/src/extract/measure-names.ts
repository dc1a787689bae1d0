/**
 * What a spoken value measures and how it is written, as clinicians say it: the name before
 * the value ("cervical rotation right 60°"), after it ("122° of flexion", "a 5° extension
 * lag"), or carried over from the last reading when the test is repeated ("Bend forward
 * again... 49°"); units said once for a list ("grip left 6 lb, right 52"); goniometry said
 * without "degrees" ("rotation right 68, left 62"). DOMAIN.md 1.5 (goniometry, MMT), 2.3
 * (outcome-measure vocabulary), 3.3 (spoken notation).
 */
import type { MeasureKind } from '@scribe/coding';
import { testsIn } from '../lexicon/tests.ts';

/** Movements measured in degrees; "DF"/"PF" are the spoken abbreviations. */
const MOTION = String.raw`(?:flexion|extension|abduction|adduction|(?:left |right |external |internal )?rotation|supination|pronation|dorsiflexion|plantarflexion|\bDF\b|\bPF\b|(?:radial |ulnar )?deviation|lateral flexion|side[- ]bending|bend|lacking|range of motion|\bA?ROM\b)`;
const JOINT = String.raw`(?:knee|hip|ankle|shoulder|elbow|wrist|cervical|lumbar|thoracic|trunk|neck|active|passive)`;
export const MOVEMENT = new RegExp(String.raw`\b((?:${JOINT}\s+)*${MOTION}(?: lag)?)`, 'gi');
const AFTER_NAME = new RegExp(String.raw`^\s*(?:of\s+)?((?:${JOINT}\s+)*${MOTION}(?: lag)?)`, 'i');
/** Other things measured, named before their value. */
const OTHER_NAMES = /\b((?:long|sustained) (?:s|z|ah)(?: sound)?|turn(?:ing)? (?:(?:your|the|his|her) head )?(?:to the )?(?:left|right)|look(?:ing)? over (?:your|the|his|her) (?:left|right) shoulder|bend forward|(?:lift|raise)(?: the| your)?(?: arm)? (?:up|forward)|reach(?:ing)? up|bend (?:it|the \w+) back|grip|(?:lateral |tip |key |palmar )?pinch|fingertips?(?: to floor)?|tip-to-palm|figure-of-8|QuickDASH|anterior reach|posteromedial(?: reach)?|pain|quad(?:riceps)?|myotomes|reflexes|accura\w*|correct|naming|commands|intelligib\w*|perseveration)\b/gi;

const UNIT = String.raw`(?:°| lb| cm| mm| s\b|%| m\/s\b)`;
/** A bare number that is not a time, a dose, a count of reps or a value already written. */
const BARE = String.raw`(\d+(?:\.\d+)?)(?![\d°%:/x+]|-(?!\d)|\.\d| ?(?:lb|cm|mm|s|min|minutes?|x|times|reps?|sets?|of|to|weeks?|days?|hours?|years?)\b)`;
const LIST_UNIT = new RegExp(String.raw`(\d+(?:\.\d+)?)(${UNIT})((?:[,;]?\s+(?:and\s+)?|\s+(?:versus|vs\.?)\s+)(?:on the\s+|to the\s+|the\s+)?(?:(?:left|right)(?:\s+[a-z]+)?(?:\s+(?:is|was|at))?[:,]?\s+)?)${BARE}`, 'gi');
const RANGE_BARE = new RegExp(String.raw`\bfrom (?:about |around |approximately )?(-?\d+(?:\.\d+)?)(${UNIT}) to ${BARE}`, 'gi');
/** The position a motion is measured in: "external rotation at 90° of abduction". */
const POSITION_SOURCE = String.raw`\bat \d+° of (?:abduction|flexion|elevation)\b`;
const POSITION = new RegExp(POSITION_SOURCE, 'gi');

/** The value at `index` is the position the motion was measured in, not a reading. */
export function isPosition(text: string, index: number): boolean {
  return [...text.matchAll(POSITION)].some((m) => m.index <= index && index < m.index + m[0].length);
}
/** "External rotation at 90° of abduction, 85": the value after the position the motion was measured in. */
const AFTER_POSITION = new RegExp(String.raw`(${POSITION_SOURCE},?\s+)${BARE}`, 'gi');
/** "Left lateral pinch eleven": a grip or pinch force said without its unit is in pounds. */
const FORCE_BARE = new RegExp(String.raw`(\b(?:grip|pinch)(?: strength)?(?: on the (?:left|right))?(?: (?:is|was|at))?[,:]?\s+(?:(?:left|right)\s+)?)${BARE}`, 'gi');
const ROM_BARE = new RegExp(String.raw`(\b(?:${JOINT}\s+)*(?:rotation|flexion|extension|abduction|dorsiflexion|plantarflexion|\bDF\b|\bPF\b|side[- ]bending|lateral flexion)(?: (?:on|to) the (?:left|right))?(?: again)?(?: (?:is|was|to the|at))?[,:]?\s+(?:(?:left|right)\s+)?(?:about |around |roughly |approximately )?)${BARE}`, 'gi');

/**
 * The text with units written out where speech said them once: "left 6 lb, right 52" ->
 * "right 52 lb"; "rotation right 68, left 62" -> "68°, ... 62°". Used to read values only;
 * statements keep the words as said.
 */
/** Finger joints read for a motion said in the sentence: "active flexion, MP 80, PIP 75, DIP 50", "total active motion 195", "total active motion of the ring finger is 165". */
const FINGER_JOINT_BARE = /\b(MCP|MP|PIP|DIP|IP)(,? (?:is |at )?)(\d{1,3})\b(?![°\d]|\.\d| ?(?:%|cm|mm|lb|s\b))/g;
const TOTAL_MOTION_BARE = /\b((?:total (?:active|passive) motion|TAM|TPM)(?: (?:of|for|in) (?:the |his |her |their )?(?:[a-z]+ ){0,2}(?:finger|thumb|digit|hand))?(?: (?:is|was|of|at))?,? )(\d{2,3})\b(?![°\d]|\.\d)/gi;

export function withUnits(text: string): string {
  let out = /\b(?:flexion|extension|motion|ROM)\b/i.test(text) ? text.replace(FINGER_JOINT_BARE, (m, j: string, mid: string, n: string) => (Number(n) <= 120 ? `${j}${mid}${n}°` : m)) : text;
  out = out.replace(TOTAL_MOTION_BARE, (m, head: string, n: string) => (Number(n) <= 360 ? `${head}${n}°` : m));
  out = out.replace(FORCE_BARE, (_m, head: string, n: string) => `${head}${n} lb`).replace(RANGE_BARE, (_m, a: string, unit: string, b: string) => `from ${a}${unit} to ${b}${unit}`).replace(ROM_BARE, (m, head: string, n: string) => (Number(n) <= 200 ? `${head}${n}°` : m))
    .replace(AFTER_POSITION, (m, head: string, n: string) => (Number(n) <= 200 ? `${head}${n}°` : m));
  for (let i = 0; i < 3; i++) {
    const next = out.replace(LIST_UNIT, (_m, a: string, unit: string, mid: string, b: string) => `${a}${unit}${mid}${b}${unit}`);
    if (next === out) break;
    out = next;
  }
  return out;
}

/** The movement named right after a value: "122° of flexion", "5° extension lag". */
export function nameAfter(text: string, valueEnd: number): string | null {
  const m = AFTER_NAME.exec(text.slice(valueEnd));
  return m ? (m[1] ?? '').trim() : null;
}

/** Name of the thing measured: the nearest test, movement or measured word said before the value. */
export function nameBefore(text: string, index: number): string | null {
  // the position a motion is measured in names no measure: "external rotation at 90° of abduction, 85°"
  const head = text.slice(0, index).replace(POSITION, (m) => ' '.repeat(m.length));
  let best: { name: string; at: number } | null = null;
  const spans: [number, number][] = [];
  for (const t of testsIn(head)) {
    const m = new RegExp(t.re.source, 'gi');
    let hit: RegExpExecArray | null;
    while ((hit = m.exec(head))) {
      spans.push([hit.index, hit.index + hit[0].length]);
      if (!best || hit.index >= best.at) best = { name: hit[0], at: hit.index };
    }
  }
  MOVEMENT.lastIndex = 0;
  let mv: RegExpExecArray | null;
  // a movement inside a test's name ("Flexion-rotation test") is that test, not a movement of its own
  while ((mv = MOVEMENT.exec(head))) if ((!best || mv.index > best.at) && !spans.some(([a, b]) => mv!.index >= a && mv!.index < b)) best = { name: (mv[1] ?? '').trim(), at: mv.index };
  OTHER_NAMES.lastIndex = 0;
  let o: RegExpExecArray | null;
  while ((o = OTHER_NAMES.exec(head))) if (!best || o.index > best.at + (best.name.length > (o[1] ?? '').length ? best.name.length - 1 : 0)) best = { name: o[1] ?? '', at: o.index };
  return best && index - best.at < 90 ? canonical(best.name) : null;
}

/** One name for one movement however it was asked for: "turn to the left" = "left rotation". */
function canonical(name: string): string {
  // "a long s sound. Fifteen seconds." is the /s/ held for the s/z ratio
  return name.replace(/^(?:long|sustained) (s|z|ah)(?: sound)?$/i, '/$1/ duration').replace(/^turn(?:ing)? (?:(?:your|the|his|her) head )?(?:to the )?(left|right)$/i, '$1 rotation')
    .replace(/^look(?:ing)? over (?:your|the|his|her) (left|right) shoulder$/i, '$1 rotation').replace(/^(?:lift|raise)(?: the| your)?(?: arm)? (?:up|forward)$/i, 'flexion').replace(/^(?:bend forward|forward bend)$/i, 'flexion').replace(/\bbend$/i, 'flexion');
}

const STRENGTH = /\b(?:MMT|strength|quad(?:ricep)?s?|hamstrings?|glute\w*|(?:ab|ad)ductors?|myotomes?|deltoids?|biceps|triceps|dorsiflexors|trap(?:ezius|s)|rhomboids?|rotator cuff|serratus(?: anterior)?|latissimus|(?:hip|knee|elbow|wrist|neck|trunk) (?:flexors|extensors)|gastroc\w*|soleus|tibialis anterior|iliopsoas)\b/i;
const PAINISH = /\b(?:pain|hurts?|aches?|sore|rate|scale|pinch|\/10)\b/i;

/** The measure kind the coding contract uses (input.ts MeasureKind). */
export function kindFor(name: string, value: string, text: string, discipline?: string): MeasureKind {
  const t = testsIn(`${name} ${text}`)[0];
  if (/\/10$/.test(value) && PAINISH.test(text)) return 'pain';
  if (t) return t.kind;
  // a grade out of 5 for a muscle or a motion is manual muscle testing ("Left abduction 5/5")
  if (/\/5$/.test(value.replace(/[+-]/, '')) && (STRENGTH.test(text) || new RegExp(MOTION, 'i').test(name))) return 'strength';
  // ("Prone plank hold was 40 s": how long a muscle group holds a load is its endurance, DOMAIN.md 2.3 strength/endurance)
  if (/grip|pinch|dynamomet|\bplank|\bwall sit|\bbridge hold/i.test(name + text)) return 'strength';
  if (/°$/.test(value) || new RegExp(MOTION, 'i').test(name) || /fingertip|tip-to-palm|mouth opening/i.test(name)) return 'rom';
  if (/%$/.test(value) && /accura|correct|trials|sounds?|words|sentences|\/[a-z]\//i.test(text)) return 'speech_swallow';
  if (/\b(?:sips?|trials|solids?|swallow\w*|diet)\b/i.test(text)) return 'speech_swallow';
  if (/\b(?:swelling|edema|figure-of-8|circumference|girth|lymphedema)\b|\bvolume difference\b/i.test(text)) return 'edema';
  // ("Standing on the left, anterior reach 61 cm": a Y-balance reach direction is a balance measure, DOMAIN.md 2.3 97112)
  if (/\b(?:hold|stance|balance|foam|(?:anterior|posteromedial|posterolateral) reach)\b/i.test(`${name} ${text}`)) return 'neuromotor';
  if (/\bof\b/.test(value)) return discipline === 'slp' ? 'speech_swallow' : 'functional';
  return 'other';
}
