/**
 * Body regions as the coding contract names them (input.ts: knee, hip, ankle, ...,
 * cervical, thoracic, lumbar), with the spoken words that point to each. Spinal segments
 * ("C5-6", "L4-5") map to their region (chiropractic vocabulary, DOMAIN.md 1.5).
 */

export interface RegionPattern {
  region: string;
  re: RegExp;
}

export const REGIONS: RegionPattern[] = [
  { region: 'cervical', re: /\b(?:neck|cervical|suboccipitals?|C[1-7](?:[-/]C?[1-7])?)\b/gi },
  { region: 'upper_trapezius', re: /\b(?:upper trap(?:ezius|s)?|levator(?: scapulae)?)\b/gi },
  { region: 'thoracic', re: /\b(?:mid[- ]back|upper back|thoracic|T(?:1[0-2]|[1-9])(?:[-/]T?(?:1[0-2]|[1-9]))?)\b/gi },
  // the front of the chest is its own region, not the thoracic spine (coding regions.ts)
  { region: 'chest_wall', re: /\b(?:chest wall|chest|pectorals?|pectoralis(?: major| minor)?|pecs?|intercostals?|ribs?|sternum|collarbone)\b/gi },
  { region: 'lumbar', re: /\b(?:low(?:er)? back|lumbar|quadratus lumborum|QL|L[1-5](?:[-/](?:L?[1-5]|S1))?)\b/gi },
  // ("sacral-pelvic": the one region the sacroiliac joint is counted as, below)
  { region: 'sacral', re: /\b(?:sacr(?:um|al))\b(?![- ]?pelvic)/gi },
  // the sacroiliac joint is the pelvic region for CMT region counts (98940-98942)
  { region: 'pelvic', re: /\b(?:pelvis|pelvic|SI joints?|sacroiliac(?: joints?)?|ilium|iliac|innominates?)\b/gi },
  // a "shoulder check" is the head turn a driver makes, not the shoulder joint
  { region: 'shoulder', re: /\b(?:shoulders?(?! checks?\b)|rotator cuff|infraspinatus|supraspinatus|teres minor|deltoid|glenohumeral(?: joint)?|GH joint|AC joint|acromioclavicular(?: joint)?)\b/gi },
  { region: 'elbow', re: /\b(?:elbows?)\b/gi },
  { region: 'wrist', re: /\b(?:wrists?|distal radius|radius|colles|carpal tunnel)\b/gi },
  { region: 'hand', re: /\b(?:hands?|palm)\b/gi },
  { region: 'thumb', re: /\b(?:thumbs?)\b/gi },
  // "two finger-widths above the heel", "one finger-breadth of subluxation": a measure, not the finger
  { region: 'finger', re: /\b(?:(?:ring|index|middle|little|small) finger|fingers?)\b(?![- ]?(?:widths?|breadths?))/gi },
  // the buttock muscles are the hip's (coding regions.ts: gluteal -> hip)
  { region: 'hip', re: /\b(?:hips?|glute(?:s|al|us)?(?: med(?:ius)?| max(?:imus)?| min(?:imus)?)?|piriformis|buttocks?)\b/gi },
  { region: 'thigh', re: /\b(?:thighs?|hamstrings?)\b/gi },
  { region: 'knee', re: /\b(?:knees?|kneecaps?|TKA|TKR|patell(?:a|ar))\b/gi },
  { region: 'calf', re: /\b(?:calf|calves)\b/gi },
  { region: 'ankle', re: /\b(?:ankles?|achilles|talocrural(?: joint)?|subtalar(?: joint)?)\b/gi },
  { region: 'foot', re: /\b(?:foot|feet|heel|plantar|midfoot|toes?)\b/gi },
  { region: 'leg', re: /(?<!single[- ]|\bbreak a )\b(?:legs?|lower extremit(?:y|ies))\b/gi },  // ("Break a leg" wishes luck)
  // "a letter target at arm's length": a distance, not the arm
  { region: 'arm', re: /\b(?:arms?(?!'s length)|upper extremit(?:y|ies)|forearm)\b/gi },
  { region: 'head', re: /\b(?:head|skull|occipital)\b/gi },
  // the jaw joint: paired, and extraspinal for CMT (98943, DOMAIN.md 2.13)
  { region: 'tmj', re: /\b(?:TMJ|temporomandibular(?: joint)?|jaw|masseters?|(?:lateral |medial )?pterygoids?|temporalis)\b/gi },
];

/** Regions that have a left and a right: a condition or intervention there needs a side. */
export const PAIRED_REGIONS = new Set([
  'shoulder', 'elbow', 'wrist', 'hand', 'thumb', 'finger', 'hip', 'thigh', 'knee', 'calf', 'ankle', 'foot', 'leg', 'arm', 'upper_trapezius', 'tmj',
]);

/** Every region named in the text, in order of appearance. */
export function regionsIn(text: string): { region: string; index: number; match: string }[] {
  const out: { region: string; index: number; match: string }[] = [];
  for (const { region, re } of REGIONS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      // "carried it 40 feet", "a 6-foot walk": a distance, not the body part
      if (region === 'foot' && /\d[ -]?$/.test(text.slice(Math.max(0, m.index - 2), m.index))) continue;
      // "when you're on your feet at work": standing, not the feet
      if (m[0].toLowerCase() === 'feet' && /\bon (?:my|your|his|her|their|the) $/i.test(text.slice(Math.max(0, m.index - 10), m.index))) continue;
      // "sit-to-stand, no hands", "without using her hands": how a task was done, not a body part treated
      if (m[0].toLowerCase() === 'hands' && /\b(?:no|without(?: using)?(?: (?:my|your|his|her|their|the))?) $/i.test(text.slice(Math.max(0, m.index - 25), m.index))) continue;
      out.push({ region, index: m.index, match: m[0] });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/**
 * A body-part word that names an exercise or a machine, not a location: "leg press", "arm
 * bike", "heel slides", "calf raises", "wrist curls", "knee extension machine", "pelvic tilt".
 */
export function namesEquipment(text: string, r: { index: number; match: string }): boolean {
  return /^\s*(?:press(?:es)?|raises?|curls?|bike|ergometer|weights?|machine|slides?|extensions|extension machine|circles|pulleys?|squeezes|bridges|lifts|taps|pumps|cradle|tilts?)\b/i.test(text.slice(r.index + r.match.length));
}

/**
 * A body-part word that names a height, not a location: "floor to hip", "lift to waist",
 * "shoulder height", "knee level" (a lifting or reaching target), or a movement: "hip hinge".
 */
export function namesHeight(text: string, r: { index: number; match: string }): boolean {
  return /\b(?:floor|ground|table|counter|bench|crate|box)[- ]to[- ](?:the )?$/i.test(text.slice(Math.max(0, r.index - 20), r.index))
    // (a "hip hinge" is a way of bending, a movement pattern, not the hip as a place)
    || /^[- ]?(?:height|level|high|hinge)\b/i.test(text.slice(r.index + r.match.length));
}

/**
 * A pair of limbs named to say how a task is done, not where a condition is: "both hands under
 * the handle", "lift with your legs", "hold it with both hands", "weight even on both legs". Such a "both" is body
 * mechanics; it documents no side of the condition being treated.
 */
export function namesGrip(text: string, r: { index: number; match: string }): boolean {
  if (!/^(?:hands|arms|legs|feet)$/i.test(r.match)) return false;
  const before = text.slice(Math.max(0, r.index - 20), r.index);
  const after = text.slice(r.index + r.match.length);
  return /\bwith (?:your|his|her|their|both|the)\s+$/i.test(before)
    || (/\bboth\s+$/i.test(before) && /^\s*(?:under|on|around|behind|over|at|together|apart|flat)\b/i.test(after))
    // "weight even on both legs", "weight through both feet": how the load is borne, not a side treated
    || /\bweight (?:(?:evenly|even|equally|equal|shared) )?(?:on|through|over|onto|between) both\s+$/i.test(text.slice(Math.max(0, r.index - 40), r.index));
}

/** Both limbs named at once ("the feet", "his knees"): a side of its own, bilateral. */
export const PLURAL = /^(?:hands|legs|knees|feet|shoulders|arms|hips|ankles|wrists|elbows|thighs|calves)$/i;

/**
 * The treated limb named by its state, not its side ("lower on the sore foot only"): one limb,
 * not both, whatever "both feet" said about the starting position.
 */
export const ONE_LIMB = /\b(?:sore|affected|involved|injured|bad|weak(?:er)?|operated|painful|surgical) (?:foot|leg|knee|ankle|hip|arm|hand|wrist|elbow|shoulder|side)\b/i;
