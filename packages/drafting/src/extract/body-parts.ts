/**
 * Body-part mentions with the side said next to them ("right knee", "the quadratus
 * lumborum on the right"). A mention without a spoken side keeps side null: the coding
 * engine raises missing_laterality from that, the drafter never guesses (SOAP5).
 */
import type { BodyPartMention, Side } from '@scribe/coding';
import { namesEquipment, namesGrip, namesHeight, ONE_LIMB, PLURAL, regionsIn } from '../lexicon/anatomy.ts';
import { sidesIn } from '../text/laterality.ts';
import type { Unit } from './units.ts';
import { IMPERATIVE, PLAN_CUE } from './cues.ts';
import { symptomMentions } from '../text/negation.ts';

function sideFor(text: string, index: number, length: number): Side | null {
  const sides = sidesIn(text);
  // "right knee", "left side of the neck": a side just before the region
  const before = sides.filter((s) => s.index < index && index - s.index <= 14);
  if (before.length) return before[before.length - 1]?.side ?? null;
  // "the quadratus lumborum on the right", "knee ... on the left"
  const after = sides.filter((s) => s.index > index + length && s.index - (index + length) <= 14 && /\bon the\s*$|\bof the\s*$|,\s*$/i.test(text.slice(index + length, s.index)));
  return after[0]?.side ?? null;
}

const POSITIONING = /^\s*(?:crossed|together|up|down|straight|bent|relaxed|out|back|in front|behind|at (?:your|his|her|the) sides?|on (?:the|your|his|her) (?:table|lap|hip|thigh|counter|rail|wall))\b/i;
/** Plural limb words name both sides: "numbness in the hands", "down the legs". */
/** A complaint or finding said by the patient: what makes a body part a condition's location. */
const COMPLAINT = /\b(?:hurt\w*|pain\w*|ache\w*|sore|stiff\w*|weak\w*|numb\w*|tingl\w*|swell\w*|swollen|catch\w*|lock\w*|pinch\w*|cramp\w*|heavy|tight|burn\w*|throb\w*|give[sn]? (?:way|out)|pops?|clicks?|doesn't listen|won't|can't|cannot|injur\w*|broke|fractur\w*|surgery|sprain\w*|strain\w*|tear|torn|bruis\w*)\b/i;
const DENIED_BEFORE = /\b(?:no|not|nothing|never|denies|without|none)\b[^.;,]{0,25}$/i;
const FINDING = /\b(?:tender\w*|tight\w*|guard\w*|restrict\w*|stuck|swelling|swollen|nodule|stiff\w*|weak\w*|lacking|flexion|extension|rotation|strength|grip|MMT|ROM|\d+°|\d[+-]?\/5)\b/i;

/** A body-part word that names equipment, a height or a grip ("leg press", "shoulder height"), not where the condition is. */
const namesNoPlace = (text: string, r: { index: number; match: string }) => namesEquipment(text, r) || namesHeight(text, r) || namesGrip(text, r);

/** A side pointed at, not named: "on that side", "toward the sore side" ("the other side" compares two). */
const POINTED = /\b(?:this|that|the (?:sore|painful|affected|involved|bad|hurt|injured|tight|tender|weak|weaker|hemi)) side\b/i;

/**
 * Distinct (region, side) mentions with the utterances that said them: complaints and
 * findings, not instructions ("bottom leg straight"), questions, the home programme, or a
 * denied symptom ("no calf pain").
 */
export function extractBodyParts(units: Unit[], dxSides: ReadonlyMap<string, Side> = new Map()): BodyPartMention[] {
  const byKey = new Map<string, BodyPartMention>();
  const pointedAt: Unit[] = [];
  for (const u of units) {
    if (u.header === 'plan' || PLAN_CUE.test(u.text)) continue;
    const instruction = IMPERATIVE.test(u.text);
    const symptoms = symptomMentions(u.text);
    // ("heel to toe", "my hand over his", "hand-over-hand": how help was given, not a body part treated)
    for (const r of regionsIn(u.text.replace(/\bheel[- ]to[- ]toe\b|\bhand[- ]over[- ]hand\b|\b(?:my|her|his|the therapist's) hands? (?:over|on) (?:his|hers|her|theirs|the child's)\b/gi, (m) => ' '.repeat(m.length)))) {
      if (/single[- ]$/i.test(u.text.slice(Math.max(0, r.index - 7), r.index))) continue;
      if (POSITIONING.test(u.text.slice(r.index + r.match.length)) || namesNoPlace(u.text, r)) continue;
      const said = sideFor(u.text, r.index, r.match.length);
      // "Nothing below the knee", "no pain down the legs": a denied location is not a mention
      if (DENIED_BEFORE.test(u.text.slice(0, r.index)) && !said) continue;
      // the patient naming a body part in passing ("hold my legs", "touch my toes") is not a complaint
      if (u.speaker !== 'clinician' && !said && !COMPLAINT.test(u.text) && !symptoms.some((sm) => !sm.negated)) continue;
      // a screening question ("any tingling in the fingers?") states no side, plural or not
      const stated = said ?? (PLURAL.test(r.match) && !u.isQuestion ? 'bilateral' : null);
      const side = stated === 'bilateral' && ONE_LIMB.test(u.text) ? null : stated;
      const near = symptoms.filter((sm) => Math.abs(sm.index - r.index) < 30);
      const nearSymptom = near.length ? near : symptoms.filter((sm) => !sm.negated);
      if (nearSymptom.length && nearSymptom.every((sm) => sm.negated) && !side) continue;
      if (!side && (u.isQuestion || instruction || (!nearSymptom.length && !FINDING.test(u.text) && u.speaker === 'clinician'))) continue;
      const key = `${r.region}|${side ?? dxSides.get(r.region) ?? ''}`;
      const cur = byKey.get(key) ?? { region: r.region, side: side ?? dxSides.get(r.region) ?? null, evidence: [] };
      if (!cur.evidence.includes(u.uttId)) cur.evidence.push(u.uttId);
      byKey.set(key, cur);
    }
    // "Roll onto this side" places the patient; it says nothing of where the condition is
    if (POINTED.test(u.text) && !instruction) pointedAt.push(u);
  }
  for (const u of pointedAt) markPointed(u, units, byKey, dxSides);
  return [...byKey.values()];
}

/**
 * "Lots of tension through the upper trap and levator on that side": the regions of the turn
 * (or, when it names none, of the turn before) are one-sided, and their side was never said
 * unless some other mention or the diagnosis holds it (DOMAIN.md 2.6 T6). Marked so the coding
 * engine asks for the side even of a spinal region.
 */
function markPointed(u: Unit, units: Unit[], byKey: Map<string, BodyPartMention>, dxSides: ReadonlyMap<string, Side>): void {
  // "my head turns easier toward the sore side": the head is what moves, not where it hurts
  const at = (x: Unit | undefined) => (x ? regionsIn(x.text).filter((r) => r.region !== 'head' && !namesNoPlace(x.text, r) && !PLURAL.test(r.match)) : []);
  const here = at(u);
  const regions = here.length ? here : at(units[u.idx - 1]);
  for (const r of regions) {
    const side = dxSides.get(r.region) ?? null;
    const key = `${r.region}|${side ?? ''}`;
    const cur = byKey.get(key) ?? { region: r.region, side, evidence: [] };
    cur.sidePointedAt = true;
    if (!cur.evidence.includes(u.uttId)) cur.evidence.push(u.uttId);
    byKey.set(key, cur);
  }
}
