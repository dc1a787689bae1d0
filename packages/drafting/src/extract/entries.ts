/**
 * Ledger entries for the coding engine, one per treatment block (DOMAIN.md 2.4, 5.B item 8):
 * what was done (the activity, never its purpose), kind, regions and side, parameters,
 * minutes and clock times, skilled cues, purpose and goal link, the deficit measured before
 * and the outcome measured during or right after the block.
 */
import type { LedgerEntry, Side } from '@scribe/coding';
import { namesEquipment, namesGrip, namesHeight, ONE_LIMB, PLURAL, regionsIn } from '../lexicon/anatomy.ts';
import { kindsIn, manipulationNotDone } from '../lexicon/interventions.ts';
import { sidesIn } from '../text/laterality.ts';
import { toThirdPerson } from '../text/voice.ts';
import { GOAL_LINK, IMPERATIVE, namesPlanGoal } from './cues.ts';
import { clockTimes } from './clock.ts';
import { describeBlock, isItem } from './describe.ts';
import { type Block, CUE, INDEPENDENT, mainKind, PARAM } from './ledger.ts';
import type { LocatedMeasure } from './measures.ts';
import { utteranceOf, type Unit } from './units.ts';

/**
 * The block's side: the one side said next to its regions. When the block also says the other
 * side ("use your left hand to lift, lower it with the right"), the side the diagnosis gives
 * settles which one is treated, if it gives exactly one.
 */
function blockSide(b: Block, allUnits: Unit[], regions: string[], dxSide: Side | null): Side | null {
  const near = new Set<Side>();
  for (const u of b.units) for (const r of regionsIn(u.text.replace(/\bheel[- ]to[- ]toe\b/gi, (m) => ' '.repeat(m.length)))) {
    if (!regions.includes(r.region) || namesGrip(u.text, r)) continue;
    for (const s of sidesIn(u.text)) if (Math.abs(s.index - r.index) < 25) near.add(s.side);
    // "hip abduction and step-ups, 3x15 each leg": done on both sides
    if (/\beach (?:leg|side|arm|foot|hand)\b/i.test(u.text)) near.add('bilateral');
  }
  // "up on both feet, then lower on the sore foot only": one limb is treated, its side unsaid
  const oneLimb = b.units.some((u) => ONE_LIMB.test(u.text));
  if (near.size === 1 && near.has('bilateral') && oneLimb) return null;
  if (near.size === 1) {
    const side = [...near][0] as Side;
    const saidOther = dxSide !== null && dxSide !== side && b.units.some((u) => u.speaker === 'clinician' && sidesIn(u.text).some((x) => x.side === dxSide));
    return saidOther ? dxSide : side;
  }
  if (near.size > 1) return null;
  // "keep her hips over her feet": a region only ever named in the plural is both limbs (a one-limb word excepted)
  const named = b.units.flatMap((u) => regionsIn(u.text).filter((r) => regions.includes(r.region) && !namesGrip(u.text, r)));
  if (near.size === 0 && named.length && named.every((r) => PLURAL.test(r.match)) && !oneLimb) return 'bilateral';
  // the same region named with one side elsewhere in the visit (said, never assumed)
  const votes = new Map<Side, number>();
  for (const u of allUnits) for (const r of regionsIn(u.text)) {
    if (!regions.includes(r.region) || namesGrip(u.text, r)) continue;
    for (const s of sidesIn(u.text)) if (s.index < r.index && r.index - s.index < 12) votes.set(s.side, (votes.get(s.side) ?? 0) + 1);
  }
  const total = [...votes.values()].reduce((a, b) => a + b, 0);
  const top = [...votes.entries()].sort((a, b) => b[1] - a[1])[0];
  // the side said for this region throughout the visit (three in four mentions or more)
  // ("both feet" said of a position while "the surgical side only" is treated, in this block or another)
  return top && top[1] / total >= 0.75 && !(top[0] === 'bilateral' && (oneLimb || allUnits.some((u) => ONE_LIMB.test(u.text)))) ? top[0] : null;
}

/** The one side the diagnosis gives the block's regions, if it gives exactly one. */
function sideFromDiagnosis(regions: string[], dxSides: ReadonlyMap<string, Side>): Side | null {
  const sides = new Set(regions.map((r) => dxSides.get(r)).filter((s): s is Side => !!s));
  return sides.size === 1 ? ([...sides][0] ?? null) : null;
}

/** A region declined or left out: "you'd rather not have your neck adjusted". */
const DECLINED = /\b(?:rather not|(?:don't|do not|doesn't|does not) want|declin\w*|refus\w*|not comfortable with|(?:won't|will not|didn't|did not|not going to) (?:adjust|manipulat|treat|touch|work on))\b/i;

/** Words that give a reason: a goal is said as what the work is for, keeps, helps or leads to. */
const RATIONALE = /\b(?:is|are|that's|because|for|so|keeps?|helps?|gets?|part of|toward|aim\w*|what|build(?:s|ing)?|working on)\b/i;
const SPINAL = new Set(['cervical', 'thoracic', 'lumbar', 'sacral', 'pelvic', 'upper_trapezius']);
/** Contact and positioning words: "manual contact at the pelvis", "weight over the midfoot". */
const CONTACT = /\b(?:contact|facilitation|hand|hands|weight|tracking|cue\w*|stabiliz\w*|steady|guard\w*) (?:at|on|over|to|through) (?:the |your |his |her )?$/i;

/**
 * In a CMT block, a re-measure after the manipulation ("after the adjustments flexion reached
 * the ankles") names no region manipulated, and a region outside the spine counts only when
 * said with the manipulation ("adjusted the right shoulder"): "hands on your upper back" is
 * where the clinician's hands go (DOMAIN.md 2.13: CMT by the regions treated).
 */
function cmtRegionSaid(text: string, region: string): boolean {
  if (/\bafter (?:the |that |those )?(?:adjust\w*|manipulation\w*|treatment)|\bimproved\b|\d+\/10\b|\d+°/i.test(text)) return false;
  return SPINAL.has(region) || kindsIn(text, 'chiro').some((k) => k.kind === 'cmt');
}

/** The words of a sentence up to another service named after the manipulation. */
function manipulationPart(text: string, discipline?: string): string {
  const kinds = kindsIn(text, discipline);
  const cmtAt = kinds.find((k) => k.kind === 'cmt')?.match;
  const other = kinds.find((k) => k.kind !== 'cmt')?.match;
  const at = other ? text.indexOf(other) : -1;
  return cmtAt && at > text.indexOf(cmtAt) ? text.slice(0, at) : text;
}

function blockRegions(b: Block, allUnits: Unit[], discipline?: string): string[] {
  const counts = new Map<string, number>();
  const cmt = mainKind(b) === 'cmt';
  for (const u of b.units) {
    if (u.speaker !== 'clinician' || DECLINED.test(u.text) || manipulationNotDone(u.text)) continue;
    // "Post-treatment cervical rotation ...", "The neck work is to restore rotation for ...": a re-measure or a
    // goal sentence names what was measured or aimed at, not where this block's hands were
    if (u.header === 'assessment' || u.header === 'plan' || /^(?:pre|post)[- ]?treatment\b|^after(?:wards)?,?\s+(?!(?:that|this)\b)[^.]*\b(?:was|were|is|went|now|to)\b[^.]*\d/i.test(u.text) || (GOAL_LINK.test(u.text) && !kindsIn(u.text, discipline).some((k) => k.kind === mainKind(b)))
      // ("Low back pain 4/10.": a rating says where it hurts, not where the hands were)
      || (/\b\d+(?:\.\d+)?\/10\b/.test(u.text) && !kindsIn(u.text, discipline).length)) continue;
    // ("I'll adjust your mid back only, and then do soft tissue work on the left side of your neck": in a manipulation block
    // the parts named for another service said after it are that service's)
    const said = cmt ? manipulationPart(u.text, discipline) : u.text;
    for (const r of regionsIn(said.replace(/\bheel[- ]to[- ]toe\b/gi, (m) => ' '.repeat(m.length)))) {
      if (CONTACT.test(u.text.slice(Math.max(0, r.index - 30), r.index))) continue;
      // "relax into my hands", "push against my hand": the clinician's own hands
      if (/\bmy\s+$/i.test(u.text.slice(Math.max(0, r.index - 4), r.index))) continue;
      // "stays on the mid back, separate from the neck work": the region set apart is not this block's
      if (/\b(?:separate from|apart from|away from|not on|except|other than|staying off|stays? off)\s+(?:the\s+|his\s+|her\s+|their\s+|your\s+)?$/i.test(u.text.slice(Math.max(0, r.index - 24), r.index))) continue;
      if (cmt && !cmtRegionSaid(u.text, r.region)) continue;
      if (/^\s*(?:crossed|together|up|down|straight|bent|relaxed)\b/i.test(u.text.slice(r.index + r.match.length))) continue;
      // "hand under your thigh, ear toward the left": where a part is put to hold a stretch, not a part treated
      if (/\b(?:under|beneath|behind|against|on|onto) (?:your|his|her|their|the) $/i.test(u.text.slice(Math.max(0, r.index - 14), r.index)) && /^(?:thighs?|knees?|hips?|chest|back|belly|stomach|lap|head|chair|hands?)$/i.test(r.match)) continue;
      // "single-leg stance", "3x30 s each leg": the stance or the dose, not a limb treated on one side
      if (/(?:single[- ]|\beach )$/i.test(u.text.slice(Math.max(0, r.index - 7), r.index))) continue;
      if (r.region === 'head' && mainKind(b) !== 'cmt') continue;
      if (namesHeight(u.text, r) || namesGrip(u.text, r)) continue;
      // equipment named after a body part: "leg press", "arm bike", "hand weights"
      if (/^(?:legs?|arms?|hands?)$/i.test(r.match) && namesEquipment(u.text, r)) continue;
      counts.set(r.region, (counts.get(r.region) ?? 0) + 1);
    }
  }
  if (counts.size || discipline === 'slp') return [...counts.keys()];
  // nothing named in the block: the visit's main sided region is what is being treated
  const sided = new Map<string, number>();
  for (const u of allUnits) for (const r of regionsIn(u.text)) {
    if (sidesIn(u.text).some((x) => Math.abs(x.index - r.index) < 14)) sided.set(r.region, (sided.get(r.region) ?? 0) + 1);
  }
  const top = [...sided.entries()].sort((x, y) => y[1] - x[1])[0];
  return top ? [top[0]] : [];
}

/** Comparison with an earlier performance: "Last visit you were step-to ...", "up from", "from X to Y". */
const PERFORMANCE_CHANGE = /\b(?:last (?:visit|week|time|session)|(?:at|on) (?:visit|session) \d+,? (?:you|he|she|they|it|patient) (?:was|were|did|had|could|couldn't|needed|managed|\w+ed)\b|at (?:the |your |his |her )?(?:start|eval(?:uation)?|intake|initial (?:eval(?:uation)?|visit))\b|up from|down from|improved from|from -?\d\S* to|when (?:we|you|he|she|they) (?:first )?(?:started|began)|compared (?:to|with) (?:last|the start|before|evaluation))\b|\b(?:last|final) (?:\d+ )?(?:tries|trials|reps|attempts|rounds|sets?|times|one)\b[^.]*\b(?:on (?:your|his|her|their) own|independent\w*|without (?:help|cues?|assist\w*|hands))|\b(?:on the first (?:ones?|tries|reps?|rounds?)|at first)\b[^.]*\bby the end\b/i;
const UNTIMED_MODALITY = new Set(['hot_cold_pack', 'unattended_estim', 'mechanical_traction']);

/** Services whose skill is the direction given while the patient performs (DOMAIN.md 2.4: 97530, 97112, 97116, 97535). */
const DIRECTED_KINDS = new Set(['therapeutic_activity', 'neuromuscular_reeducation', 'gait_training', 'self_care', 'wheelchair_management']);

/** "Scoot forward, right hand on the armrest, nose over toes... stand, pivot": the steps coached during a directed task are its cues. */
function stepCue(u: Unit, kind: string): boolean {
  return DIRECTED_KINDS.has(kind) && IMPERATIVE.test(u.text) && !isItem(u) && u.text.split(/,|\.\.\./).length >= 3;
}

/**
 * The block's outcome (DOMAIN.md 2.4 "the session's result compared to baseline"): measures
 * taken between its start and the next block (a hot pack laid on after it does not end it),
 * with their baselines, and sentences comparing today's performance with an earlier one.
 * Never a word match: a purpose ("toward independent stairs") is not a result.
 */
/** An utterance that sums the visit up: "So, summary for the re-eval.", "Overall, ...", "To sum up". */
const SUMMARY = /^(?:(?:so|okay|ok)[,:]?\s+)?(?:(?:in |a quick )?summary\b|to sum(?:marize| up)\b|overall\b|all in all\b)/i;

function blockOutcome(blocks: Block[], i: number, allUnits: Unit[], measures: LocatedMeasure[]): string | null {
  const b = blocks[i] as Block;
  const first = b.units[0]?.idx ?? 0;
  const next = blocks.slice(i + 1).find((x) => !UNTIMED_MODALITY.has(mainKind(x)));
  const end = next?.units[0]?.idx ?? Infinity;
  // "So, summary for the re-eval. The fall caused a regression: flexion down from 120 to 95 ...": the visit summed up, not the block's result
  const summary = (idx: number) => { const u = allUnits[idx]; return !!u && SUMMARY.test(utteranceOf(allUnits, u)); };
  const inWindow = (idx: number) => idx >= first && idx < end && !summary(idx);
  // (a questionnaire such as the QuickDASH scores weeks of function, never one block's result)
  const measured = measures.filter((m) => m.kind !== 'pain' && m.kind !== 'outcome_scale' && inWindow(m.unitIdx));
  const said = (u: Unit) => utteranceOf(allUnits, u);
  const compared = allUnits.filter((u) => inWindow(u.idx) && u.speaker === 'clinician' && !u.isQuestion && PERFORMANCE_CHANGE.test(said(u))
    && /\d|reciprocal|independent|supervision|assist|step-to|cue/i.test(u.text) && !GOAL_LINK.test(u.text) && !/\d{1,2}:\d{2}/.test(u.text)
    && u.header !== 'plan' && u.header !== 'assessment' && !measured.some((m) => m.unitIdx === u.idx));
  const out = [
    ...measured.map((m) => `${m.name} ${m.value}${m.side && !m.name.includes(m.side) ? ` ${m.side}` : ''}${m.baseline ? ` from ${m.baseline}` : ''}`),
    ...compared.map((u) => toThirdPerson(u.text, 'clinician').replace(/[.!]+$/, '')),
  ];
  return out.length ? out.join('; ') : null;
}

/**
 * A goal sentence said for several blocks by the work done where ("The neck work is to restore
 * rotation for his shoulder checks when driving, and the low back release is for his goal of
 * sitting through a full hour"): the clause naming this block's region links it (DOMAIN.md 2.4).
 */
function goalByRegion(allUnits: Unit[], regions: readonly string[]): { text: string; uttId: string } | null {
  if (!regions.length) return null;
  for (const u of allUnits) {
    if (u.speaker !== 'clinician' || u.isQuestion || u.header === 'plan' || !GOAL_LINK.test(u.text)) continue;
    const clause = u.text.split(/,? and (?=the |his |her |their |your )|;\s*/i)
      .find((c) => {
        // the clause is about the work done there: "the neck work is ...", "the low back release is for ..."
        const work = /^(?:the |his |her |their |your )?([a-z ]{2,24}?) (?:work|release|massage|mobs|mobili[sz]ations?|stretch(?:es|ing)?|exercises?|treatment)\b/i.exec(c.trim());
        return !!work && GOAL_LINK.test(c) && regionsIn(work[1] ?? '').some((r) => regions.includes(r.region));
      });
    if (clause) return { text: clause.trim(), uttId: u.uttId };
  }
  return null;
}

/** Ledger entries for the coding engine, one per block. */
export function toLedger(blocks: Block[], allUnits: Unit[], measures: LocatedMeasure[], discipline?: string, dxSides: ReadonlyMap<string, Side> = new Map(),
  goals: readonly string[] = []): LedgerEntry[] {
  return blocks.map((b, i) => {
    const kind = mainKind(b);
    const regions = blockRegions(b, allUnits, discipline);
    // a dose is said of what was done: "getting him to 50 lb so he can use his tools" is the goal's target, not a parameter
    const done = b.units.filter((u) => !GOAL_LINK.test(u.text) || !!clockTimes(u.text).length || kindsIn(u.text, discipline).some((k) => k.explicit)).map((u) => u.text).join(' ');
    const params = [...new Set((done.match(PARAM) ?? []).map((p) => p.trim()))].filter((p) => !/^\d+ min$/.test(p));
    const { parts, purposes } = describeBlock(b, discipline);
    // the goal connection: a sentence of its own, else a purpose said with the activity that names a function
    const said = b.linkedGoal ?? b.units.filter((x) => GOAL_LINK.test(x.text) && !isItem(x, discipline)).map((x) => ({ text: x.text, uttId: x.uttId }))[0]
      // (or said by the clinician between the block's items, after a question the patient asked: "Do I do this at home?" - "Yes ...
      // These exercises build the deep neck muscles so you can ... get back on the forklift.")
      ?? allUnits.filter((x) => x.idx > (b.units[0]?.idx ?? 0) && x.idx < (b.units[b.units.length - 1]?.idx ?? 0) && x.speaker === 'clinician' && GOAL_LINK.test(x.text) && !isItem(x, discipline) && !b.units.includes(x))
        .map((x) => ({ text: x.text, uttId: x.uttId }))[0];
    // else a reason said in the block in the words of a plan-of-care goal ("is what keeps you dry on the long runs")
    // ("That's fifteen minutes on the strengthening." says the time, not what it is for)
    const planned = b.units.find((x) => x.speaker === 'clinician' && !x.isQuestion && !isItem(x, discipline) && RATIONALE.test(x.text) && namesPlanGoal(x.text, goals)
      && !/^(?:(?:okay|ok|so|alright),?\s+)?(?:that's|that is|that was)\s+(?:about\s+)?\d+ min\b(?![^.]*\b(?:so|to get|for (?:your|his|her) goal)\b)/i.test(x.text));
    // ("Goal connection: the massage to the low back is to reduce the guarding so he can ...": said after the treatment, by the service's name)
    // (a goal's status, "Both goals are met: ... independent tub transfers", says what was reached, not what this service is for)
    const byName = allUnits.find((x) => x.speaker === 'clinician' && x.idx > (b.units[0]?.idx ?? 0) && GOAL_LINK.test(x.text) && !isItem(x, discipline) && !/\b(?:met|achieved|reached)\b/i.test(x.text)
      && kindsIn(x.text, discipline).some((k) => !k.explicit && k.kind === kind) && !blocks.some((o) => o !== b && o.units.includes(x) && mainKind(o) === kind));
    const goal = said ?? purposes.find((p) => GOAL_LINK.test(p.text)) ?? (planned ? { text: planned.text, uttId: planned.uttId } : null)
      ?? (byName ? { text: byName.text, uttId: byName.uttId } : null)
      ?? goalByRegion(allUnits, regions);
    const first = b.units[0]?.idx ?? 0;
    const last = b.units[b.units.length - 1]?.idx ?? first;
    const family: Record<string, string[]> = {
      neuromuscular_reeducation: ['neuromotor'], therapeutic_exercise: ['strength', 'rom'], therapeutic_activity: ['functional'],
      manual_therapy: ['rom'], massage: ['rom'], gait_training: ['neuromotor', 'functional'],
    };
    const prevStart = i > 0 ? (blocks[i - 1]?.units[0]?.idx ?? -1) : -1;
    // measured before the block, or in it before its first item ("Before the eye exercises I'm measuring ...")
    const firstItem = b.units.find((u) => isItem(u, discipline))?.idx ?? first;
    const before = measures.filter((m) => m.unitIdx < firstItem && m.unitIdx >= prevStart && (family[kind] ?? []).includes(m.kind) && !m.baseline);
    const deficitUnit = allUnits.find((u) => u.idx <= last && u.idx >= first - 6 && /\bdeficits?\b/i.test(u.text));
    const names = [...new Set(b.kinds.filter((k) => !k.explicit).map((k) => k.match.toLowerCase()))];
    const purpose = purposes[0] ?? goal;
    const outcome = blockOutcome(blocks, i, allUnits, measures);
    const evidence = [...new Set([...b.units.map((u) => u.uttId), ...(goal ? [goal.uttId] : [])])];
    const independent = b.units.some((u) => INDEPENDENT.test(u.text));
    if (independent) regions.splice(0, regions.length, ...regions.filter((r) => b.units.some((u) => regionsIn(u.text).some((x) => x.region === r))));
    const entry: LedgerEntry = {
      id: `L${i + 1}`,
      intervention: parts.join('; ') || names.join(', ') || (b.kinds[0]?.match.toLowerCase() ?? 'treatment block'),
      kindHint: kind,
      bodyRegions: regions,
      side: independent || (regions.length && regions.every((r) => SPINAL.has(r))) ? null : blockSide(b, allUnits, regions, sideFromDiagnosis([...dxSides.keys()], dxSides)) ?? sideFromDiagnosis(regions, dxSides),
      parameters: params,
      minutes: b.minutes,
      startTime: b.start?.time ?? null,
      stopTime: b.stop?.time ?? null,
      skilledCues: b.units.filter((u) => u.speaker === 'clinician' && (CUE.test(u.text) || stepCue(u, kind))).map((u) => toThirdPerson(u.text, 'clinician')),
      purpose: purpose ? toThirdPerson(purpose.text, 'clinician') : null,
      deficit: before.length ? before.map((m) => `${m.name} ${m.value}${m.side ? ` ${m.side}` : ''}`).join('; ') : deficitUnit ? toThirdPerson(deficitUnit.text, 'clinician') : null,
      outcome,
      linkedGoal: goal ? toThirdPerson(goal.text, 'clinician') : null,
      evidence,
    };
    return independent ? { ...entry, independent: true } : entry;
  });
}
