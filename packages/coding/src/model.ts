/**
 * The visit model: every ledger entry classified and timed, grouped by code (same-code blocks
 * summed), CMT regions counted, overlapping clock times found, and units allocated under the
 * payer's method. Lines, modifiers and checks are all read from this one model.
 */
import { catalogueEntry } from './catalogue.ts';
import { classifyEntry, withoutDirectContact } from './classify.ts';
import { coveringEvaluation, suggestEvaluation } from './evaluation.ts';
import type { LedgerEntry, VisitInput } from './input.ts';
import type { ResolvedOptions } from './options.ts';
import { regionGroup, regionRef, spinalGroup, SPINAL_GROUPS, type RegionRef } from './regions.ts';
import { listWords, mergeEvidence, normalise } from './text.ts';
import { blockTime, formatClock, overlappingPairs, type ClockSpan } from './time.ts';
import { allocateUnits, type UnitAllocation } from './units.ts';

export interface CodedBlock {
  entry: LedgerEntry;
  id: string;
  code: string;
  timed: boolean;
  /** The intervention, normalised once for every reader. */
  text: string;
  /** The block's regions, resolved once. */
  regions: RegionRef[];
  /** Counted minutes (timed codes); null when none were documented. */
  minutes: number | null;
  clock: ClockSpan | null;
  rationale: string;
}

export interface CodeGroup {
  code: string;
  timed: boolean;
  /** Summed counted minutes for a timed code; null for an untimed code. */
  minutes: number | null;
  blocks: CodedBlock[];
  /** Regions named by the blocks, with their side. */
  regions: RegionRef[];
  rationale: string[];
  evidence: string[];
  units: number;
}

export interface VisitModel {
  input: VisitInput;
  options: ResolvedOptions;
  blocks: CodedBlock[];
  /** Sorted: evaluations, CMT, timed codes, other untimed codes; by code within each. */
  groups: CodeGroup[];
  overlaps: [CodedBlock, CodedBlock][];
  allocation: UnitAllocation | null;
  explanation: string[];
}

/** Build the model of a visit that has speech. */
export function buildModel(input: VisitInput, options: ResolvedOptions): VisitModel {
  const explanation: string[] = [];
  const entries = [...input.ledger].sort((a, b) => compareText(a.startTime ?? '~', b.startTime ?? '~') || compareText(a.id, b.id));
  const blocks: CodedBlock[] = [];
  const cmtEntries: LedgerEntry[] = [];
  for (const entry of entries) {
    if (withoutDirectContact(entry)) {
      explanation.push(`Block ${entry.id}: performed without direct one-on-one contact; not billed and not counted toward timed minutes.`);
      continue;
    }
    const text = normalise(entry.intervention);
    const c = classifyEntry(entry, { discipline: input.discipline, payer: input.payer.type, measures: input.measures }, text);
    if (c.kind === 'none') {
      explanation.push(`Block ${entry.id}: ${c.rationale}`);
      continue;
    }
    if (c.kind === 'cmt') {
      cmtEntries.push(entry);
      continue;
    }
    blocks.push(codedBlock(entry, c.code, c.rationale, text, explanation));
  }
  blocks.push(...cmtBlocks(cmtEntries, explanation));

  const evaluation = suggestEvaluation(input);
  explanation.push(...evaluation.notes);
  const evaluationCodes = evaluation.codes.map((e) => e.code);
  const groups = groupBlocks(blocks).filter((g) => {
    const by = coveringEvaluation(g.code, input, evaluationCodes);
    if (by) explanation.push(`${g.code}: the trials were part of the ${by} evaluation on this visit; not billed separately.`);
    return !by;
  });
  for (const e of evaluation.codes) {
    groups.push({ code: e.code, timed: false, minutes: null, blocks: [], regions: [], rationale: [e.rationale],
      evidence: mergeEvidence(input.evaluationEvidence), units: 1 });
  }
  groups.sort(compareGroups);

  const overlaps = overlappingPairs(blocks.filter((b) => b.timed));
  const timedGroups = groups.filter((g) => g.timed);
  let allocation: UnitAllocation | null = null;
  if (overlaps.length > 0) {
    for (const [a, b] of overlaps) {
      explanation.push(`Refused: ${a.code} block ${a.id} (${span(a)}) overlaps ${b.code} block ${b.id} (${span(b)}). Timed units are not assigned until the clock times are corrected.`);
    }
    for (const g of timedGroups) g.units = 0;
  } else if (timedGroups.length > 0) {
    allocation = allocateUnits(options.unitMethod, timedGroups.map((g) => ({ code: g.code, minutes: g.minutes ?? 0 })));
    for (const g of timedGroups) g.units = allocation.units.get(g.code) ?? 0;
    explanation.push(...allocation.steps);
  } else {
    explanation.push(`Unit method: ${options.unitMethod === 'cms_total_time' ? 'CMS total timed minutes' : 'per code'}; the visit has no timed minutes.`);
  }
  for (const g of groups.filter((x) => !x.timed)) explanation.push(`${g.code}: untimed, 1 unit.`);
  return { input, options, blocks, groups, overlaps, allocation, explanation };
}

function codedBlock(entry: LedgerEntry, code: string, rationale: string, text: string, explanation: string[]): CodedBlock {
  const timed = catalogueEntry(code).timed;
  const regions = entry.bodyRegions.map((r) => regionRef(r, entry.side));
  if (!timed) return { entry, id: entry.id, code, timed, text, regions, minutes: null, clock: null, rationale };
  const t = blockTime(entry);
  if (t.note) explanation.push(`Block ${entry.id} (${code}): ${t.note}.`);
  if (t.minutes === null) explanation.push(`Block ${entry.id} (${code}): no minutes documented; it earns no unit until its time is documented.`);
  return { entry, id: entry.id, code, timed, text, regions, minutes: t.minutes, clock: t.clock, rationale };
}

/**
 * CMT: count the distinct spinal regions over every CMT block (98940 1-2, 98941 3-4,
 * 98942 5); extraspinal regions add 98943. Source: DOMAIN.md 2.13 [outside seeds].
 */
function cmtBlocks(entries: readonly LedgerEntry[], explanation: string[]): CodedBlock[] {
  if (entries.length === 0) return [];
  const spinal = new Set<string>();
  const extraspinal = new Set<string>();
  for (const e of entries) {
    for (const r of e.bodyRegions) {
      const s = spinalGroup(r);
      if (s) spinal.add(s);
      else extraspinal.add(regionGroup(r));
    }
  }
  const out: CodedBlock[] = [];
  const regions = SPINAL_GROUPS.filter((s) => spinal.has(s));
  if (regions.length > 0) {
    const n = regions.length;
    const code = n <= 2 ? '98940' : n <= 4 ? '98941' : '98942';
    const rationale = `${n} spinal region${n === 1 ? '' : 's'} manipulated (${listWords(regions)}): ${code} covers ${code === '98940' ? '1-2' : code === '98941' ? '3-4' : '5'} regions.`;
    for (const e of entries.filter((x) => x.bodyRegions.some((r) => spinalGroup(r)))) {
      out.push(cmtBlock(e, code, rationale));
    }
  }
  if (extraspinal.size > 0) {
    const rationale = `Extraspinal manipulation (${listWords([...extraspinal].sort())}): 98943.`;
    for (const e of entries.filter((x) => x.bodyRegions.some((r) => !spinalGroup(r)))) {
      out.push(cmtBlock(e, '98943', rationale));
    }
  }
  if (out.length === 0) explanation.push('Chiropractic manipulation documented without regions; name the regions manipulated to select 98940-98943.');
  return out;
}

function cmtBlock(entry: LedgerEntry, code: string, rationale: string): CodedBlock {
  const regions = entry.bodyRegions.map((r) => regionRef(r, entry.side));
  return { entry, id: entry.id, code, timed: false, text: normalise(entry.intervention), regions, minutes: null, clock: null, rationale };
}

function groupBlocks(blocks: readonly CodedBlock[]): CodeGroup[] {
  const byCode = new Map<string, CodedBlock[]>();
  for (const b of blocks) byCode.set(b.code, [...(byCode.get(b.code) ?? []), b]);
  return [...byCode.entries()].map(([code, list]) => {
    const timed = catalogueEntry(code).timed;
    const documented = list.filter((b) => b.minutes !== null);
    return {
      code,
      timed,
      minutes: timed ? documented.reduce((s, b) => s + (b.minutes ?? 0), 0) : null,
      blocks: list,
      regions: list.flatMap((b) => b.regions),
      rationale: [...new Set(list.map((b) => b.rationale))],
      evidence: mergeEvidence(...list.map((b) => b.entry.evidence)),
      units: timed ? 0 : 1,
    };
  });
}

const FAMILY_ORDER = { evaluation: 0, cmt: 1, slp_treatment: 3, procedure: 2, modality: 4, group: 5 } as const;

function compareGroups(a: CodeGroup, b: CodeGroup): number {
  const fa = FAMILY_ORDER[catalogueEntry(a.code).family];
  const fb = FAMILY_ORDER[catalogueEntry(b.code).family];
  if (fa !== fb) return fa - fb;
  if (a.timed !== b.timed) return a.timed ? -1 : 1;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function span(b: CodedBlock): string {
  return b.clock ? `${formatClock(b.clock.start)}-${formatClock(b.clock.stop)}` : 'no clock times';
}
