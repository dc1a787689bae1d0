/**
 * Modifier suggestions, each with the documentation it needs (DOMAIN.md 2.5, 5.D item 22).
 * - GP/GO/GN by discipline on every PT/OT/SLP line (Medicare requires them on all outpatient
 *   therapy [outside seeds]; most payers accept them). None for chiropractic or massage: they
 *   do not bill under a therapy plan of care.
 * - AT on Medicare CMT when the visit has plan goals (active/corrective treatment); without
 *   goals Medicare reads CMT as maintenance, so AT is not suggested [outside seeds].
 * - 59 or X{EPSU} on the column 2 code of an NCCI edit with indicator 1, only when the record
 *   shows distinct services: XS (distinct regions) or XU (separate clock-time blocks) for
 *   Medicare, 59 elsewhere. Never on an indicator 0 edit. Pairs that must not share a region
 *   (97124+97140, CMT+97140) get one only for distinct regions [003/AUTO].
 * - Pairs with no NCCI edit that "some payers" bundle: a note, plus a modifier only where the
 *   clinic configured that payer's rule.
 */
import { catalogueEntry } from './catalogue.ts';
import type { CodeGroup, VisitModel } from './model.ts';
import { findEdit, PAYER_POLICY_PAIRS, type NcciEdit, type PayerPolicyPair } from './ncci-edits.ts';
import type { PayerModifierRule } from './options.ts';
import { sameStructure } from './regions.ts';
import { NO_SHARED_REGION_PAIRS } from './same-day-pairs.ts';

export interface PairAnalysis {
  codes: [string, string];
  edit: NcciEdit | null;
  policy: PayerPolicyPair | null;
  rule: PayerModifierRule | null;
  /** The modifier suggested and the code that carries it, when one is supported. */
  modifier: string | null;
  modifierOn: string | null;
  /** The two codes name a common region. */
  sharedRegion: boolean;
  /** The pair may not share a region (97124+97140, CMT+97140). */
  regionRestricted: boolean;
  /** Why, in plain words. */
  reason: string;
}

const DISCIPLINE_MODIFIER = { pt: 'GP', ot: 'GO', slp: 'GN' } as const;
const SPINAL_CMT = ['98940', '98941', '98942'];

export const SEPARATE_DOCS =
  'separate clock times for each code, a separate clinical justification for each, a goal connection for each, and a narrative that ties them together (DOMAIN.md 2.4)';

/** The discipline modifier of a line, or null (chiropractic, massage). */
export function disciplineModifier(model: VisitModel, code: string): string | null {
  const d = model.input.discipline;
  if (d !== 'pt' && d !== 'ot' && d !== 'slp') return null;
  return catalogueEntry(code).family === 'cmt' ? null : DISCIPLINE_MODIFIER[d];
}

/** AT for Medicare CMT with an active plan (goals on file). */
export function activeTreatmentModifier(model: VisitModel, code: string): string | null {
  // Medicare covers spinal CMT only; extraspinal 98943 gets no AT.
  if (model.input.payer.type !== 'medicare' || !SPINAL_CMT.includes(code)) return null;
  return model.input.goals.length > 0 ? 'AT' : null;
}

/** Analyse every pair of billed codes that has an edit, a payer note or a configured rule. */
export function analysePairs(model: VisitModel): PairAnalysis[] {
  const billed = model.groups.filter((g) => g.units > 0);
  const out: PairAnalysis[] = [];
  for (let i = 0; i < billed.length; i++) {
    for (let j = i + 1; j < billed.length; j++) {
      const analysis = analysePair(model, billed[i]!, billed[j]!);
      if (analysis) out.push(analysis);
    }
  }
  return out;
}

function analysePair(model: VisitModel, a: CodeGroup, b: CodeGroup): PairAnalysis | null {
  const { options } = model;
  const edit = findEdit(options.ncciEdits, a.code, b.code, options.editsDate);
  const policy = PAYER_POLICY_PAIRS.find((p) => includesBoth(p.codes, a.code, b.code)) ?? null;
  const rule = options.payerModifierRules.find((r) => includesBoth(r.codes, a.code, b.code)) ?? null;
  if (!edit && !policy && !rule) return null;

  const sharedRegion = a.regions.some((ra) => b.regions.some((rb) => sameStructure(ra, rb)));
  const distinctRegions = a.regions.length > 0 && b.regions.length > 0 && !sharedRegion;
  // Untimed services (an evaluation) need no clock times; every timed block of the pair does.
  const separateTimes = (a.timed || b.timed) && [...a.blocks, ...b.blocks].every((x) => !x.timed || x.clock !== null);
  const regionRestricted = NO_SHARED_REGION_PAIRS.some(
    (p) => (p.first.includes(a.code) && p.second.includes(b.code)) || (p.first.includes(b.code) && p.second.includes(a.code)),
  );
  const base = { codes: [a.code, b.code] as [string, string], edit, policy, rule, sharedRegion, regionRestricted };

  const target = edit ? edit.column2 : rule ? rule.modifierOn : null;
  if (edit && edit.modifierIndicator === 0) {
    return { ...base, modifier: null, modifierOn: null,
      reason: `NCCI edit ${edit.column1}/${edit.column2} has modifier indicator 0: no modifier can make ${edit.column2} payable with ${edit.column1}.` };
  }
  if (target === null) {
    return { ...base, modifier: null, modifierOn: null,
      reason: `${policy?.note ?? 'Payer rules vary'} (${a.code} + ${b.code}); no national (NCCI) edit applies, so no modifier is suggested unless this payer is configured to require one.` };
  }
  const x = options.distinctModifier === 'x_modifiers';
  const who = edit ? `NCCI edit ${edit.column1}/${edit.column2} (indicator 1)` : 'this payer\'s rule';
  if (regionRestricted && !distinctRegions) {
    return { ...base, modifier: null, modifierOn: null,
      reason: `${who}: ${a.code} and ${b.code} may be billed together only on clearly distinct regions; ${sharedRegion ? 'they share a region' : 'the regions are not documented for both'}, so no modifier is supported.` };
  }
  if (distinctRegions) {
    return { ...base, modifier: x ? 'XS' : '59', modifierOn: target,
      reason: `${who}: ${x ? 'XS' : '59'} on ${target} for a separate structure; document the regions treated under each code.` };
  }
  if (separateTimes) {
    return { ...base, modifier: x ? 'XU' : '59', modifierOn: target,
      reason: `${who}: ${x ? 'XU' : '59'} on ${target} for services in separate time blocks; it needs ${SEPARATE_DOCS}.` };
  }
  return { ...base, modifier: null, modifierOn: null,
    reason: `${who}: a modifier on ${target} needs separate clock times or distinct regions, which the documentation does not show.` };
}

function includesBoth(codes: readonly string[], a: string, b: string): boolean {
  return codes.includes(a) && codes.includes(b);
}
