/** Test helpers: lines said by the clinician, and the treatment blocks the drafter finds in them. */
import { toLedger } from '../src/extract/entries.ts';
import { findBlocks } from '../src/extract/ledger.ts';
import { extractMeasures } from '../src/extract/measures.ts';
import { buildUnits } from '../src/extract/units.ts';
import { codeVisit } from '@scribe/coding';
import { buildVisitInput, normalizeClinical, OfflineTherapyDrafter } from '../src/index.ts';
import type { DraftContext } from '../src/index.ts';
import { symptomMentions } from '../src/text/negation.ts';

/** Each text as one clinician utterance, one second apart, normalised as the drafter sees it. */
export const say = (texts: string[]) => texts.map((t, i) => ({ id: `u${i + 1}`, speaker: 'clinician' as const, start: i, end: i + 1, text: normalizeClinical(t) }));

/** The ledger of those utterances as [kind, start, stop, minutes] rows. */
export function ledger(texts: string[], discipline = 'pt', mode: 'ambient' | 'dictation' = 'ambient') {
  const units = buildUnits(say(texts), mode);
  return toLedger(findBlocks(units, discipline), units, extractMeasures(units, discipline), discipline).map((e) => [e.kindHint, e.startTime, e.stopTime, e.minutes]);
}

/** The full ledger entries of those utterances (a dictation unless said otherwise). */
export function entries(texts: string[], discipline: string, mode: 'ambient' | 'dictation' = 'dictation') {
  const units = buildUnits(say(texts), mode);
  return toLedger(findBlocks(units, discipline), units, extractMeasures(units, discipline), discipline);
}

/** A line of a visit: who said it, and what. */
export type Line = [speaker: 'clinician' | 'patient' | 'other', text: string];

/** Small talk any visit has: it gives a short test visit the share of words a real one gives the word budget (FORMAT.md compression). */
export const SMALL_TALK: Line = ['patient', 'Do you know if it is supposed to rain on Saturday? My tomatoes really need it, the whole garden is dry.'];

const DEFAULT_CONTEXT: DraftContext = { discipline: 'pt', noteType: 'daily', mode: 'ambient', payer: { type: 'commercial' }, diagnoses: [], goals: [], referral: { onFile: true } };

/** The offline draft of lines said in turn, five seconds apart, in a daily ambient PT visit (commercial) unless the context says otherwise. */
export function draftOf(lines: Line[], context: Partial<DraftContext> = {}) {
  const utterances = lines.map(([speaker, text], i) => ({ id: `u${i + 1}`, speaker, start: i * 5, end: i * 5 + 4, text }));
  return new OfflineTherapyDrafter().draft({ utterances, context: { ...DEFAULT_CONTEXT, ...context } });
}

/** The draft of those lines and the coding the worker would make of it (same defaults as `draftOf`). */
export async function codedOf(lines: Line[], context: Partial<DraftContext> = {}) {
  const ctx = { ...DEFAULT_CONTEXT, ...context };
  const draft = await draftOf(lines, ctx);
  return { draft, coding: codeVisit(buildVisitInput(draft, ctx)) };
}

/** Lines dictated by the clinician. */
export const dictated = (texts: string[]): Line[] => texts.map((t) => ['clinician', t]);

/** Each symptom said, by its key, and whether it was denied (DOMAIN.md 1.6). */
export const negatedKeys = (text: string) => symptomMentions(text).map((m) => [m.key, m.negated]);
