/** Test helpers: lines said by the clinician, and the treatment blocks the drafter finds in them. */
import { toLedger } from '../src/extract/entries.ts';
import { findBlocks } from '../src/extract/ledger.ts';
import { extractMeasures } from '../src/extract/measures.ts';
import { buildUnits } from '../src/extract/units.ts';
import { normalizeClinical } from '../src/index.ts';

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
