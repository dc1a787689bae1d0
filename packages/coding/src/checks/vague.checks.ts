/**
 * vague_intervention: an intervention named only in generic words (the red-flag lexicon of
 * DOMAIN.md 2.7: "strengthening exercises", "functional activity training", "stair training
 * performed", "balance board training", ...), a dosed service without parameters (sets,
 * reps, load, trials, accuracy), or hands-on work without a named technique or region
 * (DOMAIN.md 2.4: "Document the specific regions treated under each code").
 */
import type { CodedBlock } from '../model.ts';
import { firstLabel } from '../text.ts';
import { MANUAL_TECHNIQUES, MASSAGE_TECHNIQUES } from '../vocabulary.ts';
import { isRegionWord } from '../regions.ts';
import { makeCheck, type CheckRule } from './context.ts';

/** Words that name no specific exercise, activity or technique. */
const GENERIC = new Set(
  ('strengthening strength strengthen exercise exercises ex therex ther functional function activity activities ' +
    'training train trained performed perform done applied given provided completed balance stretching stretch stretches ' +
    'massage manual therapy therapeutic treatment tx work worked some and a an the of for with to on in at game games play ' +
    'language speech practice practiced drill drills mobility modality modalities as tolerated general generalized various ' +
    'misc patient pt session step steps stair stairs reaching reach kitchen simulation foam pad standing board perturbation ' +
    'perturbations direct therapist contact assisted minutes minute min sets set reps rep x seconds sec upper lower ' +
    'extremity extremities body core program home hep re education reeducation right left bilateral side sides ' +
    'then more other misc etc routine usual same did do doing we rest remainder conversation conversational cognitive last bit ' +
    'play toy toys oral motor').split(' '),
);

/** Services that are dosed: their parameters are part of the documentation (DOMAIN.md 2.4). */
const DOSED = new Set(['97110', '97112', '97116', '97530', '92507', '92508', '92526', '97150']);
/**
 * Services whose specificity is the skilled direction given, not sets and reps: 97530 "the
 * skilled therapist direction throughout (cues, modifications, real-time decisions)", 97112
 * "skilled input (tactile facilitation, verbal cueing, manual perturbation)" (DOMAIN.md 2.4).
 */
const DIRECTED = new Set(['97530', '97535', '97112', '97116']);
/** Speech and swallowing treatment is dosed in trials and accuracy: a measured result shows it (DOMAIN.md 1.5). */
const TRIALED = new Set(['92507', '92508', '92526']);
const TECHNIQUE_BASED = new Set(['97140', '97124']);

/** True when every word of the (normalised) description is generic, a region word, or a number. */
export function isGenericDescription(normalisedText: string): boolean {
  const words = normalisedText.split(/[^a-z]+/).filter((w) => w.length > 0);
  if (words.length === 0) return true;
  return words.every((w) => GENERIC.has(w) || isRegionWord(w));
}

/** Words that name a kind of work without saying which: what makes a listed item vague. */
const GENERIC_ACTIVITY = /\b(?:exercises?|strengthening|stretch(?:es|ing)?|training|activit(?:y|ies)|massage|balance|mobility|therex|work|practice|play)\b/;

/**
 * One item of a block named only in general words: "Tyler twist 3x15, eccentrics 3x15, plus
 * some strengthening exercises for the shoulder" lists a vague intervention even though the
 * others are specific (DOMAIN.md 2.7 "strengthening exercises"; eval/FORMAT.md).
 */
function vagueItem(normalisedText: string): boolean {
  return normalisedText.split(/;|\bplus\b|\balso\b|\bas well as\b/).some((item) => {
    const words = item.split(/[^a-z]+/).filter(Boolean);
    return words.length > 0 && GENERIC_ACTIVITY.test(item) && isGenericDescription(item);
  });
}

function hasDose(block: CodedBlock): boolean {
  const e = block.entry;
  return e.parameters.some((p) => p.trim() !== '')
    || (DIRECTED.has(block.code) && e.skilledCues.some((c) => c.trim() !== ''))
    || (TRIALED.has(block.code) && /\d/.test(e.outcome ?? ''));
}

/**
 * Why a block is vague, or null. `sessionDosed` holds the per-session (trialed) codes that another
 * block already doses: one 92526 is billed for the session, so a block of talk under it (a study
 * reviewed, a diet explained) is not an undosed intervention.
 */
function vagueReason(block: CodedBlock, sessionDosed: ReadonlySet<string>): string | null {
  const e = block.entry;
  const dosed = DOSED.has(block.code);
  if (isGenericDescription(block.text)) return 'is described only in general words';
  if (vagueItem(block.text)) return 'lists an item only in general words';
  if (dosed && !hasDose(block) && !sessionDosed.has(block.code)) return 'has no parameters';
  if (TECHNIQUE_BASED.has(block.code)) {
    const technique = block.code === '97140' ? firstLabel(block.text, MANUAL_TECHNIQUES) : firstLabel(block.text, MASSAGE_TECHNIQUES);
    if (technique === null || technique === 'massage') return 'does not name the technique';
    if (e.bodyRegions.length === 0) return 'does not name the regions treated';
  }
  return null;
}

export const vagueIntervention: CheckRule = ({ model }) => {
  const byCode = new Map<string, { reasons: Set<string>; evidence: string[] }>();
  const sessionDosed = new Set(model.blocks.filter((b) => TRIALED.has(b.code) && hasDose(b)).map((b) => b.code));
  for (const b of model.blocks) {
    const reason = vagueReason(b, sessionDosed);
    if (!reason) continue;
    const slot = byCode.get(b.code) ?? { reasons: new Set<string>(), evidence: [] };
    slot.reasons.add(reason);
    slot.evidence.push(...b.entry.evidence);
    byCode.set(b.code, slot);
  }
  return [...byCode.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, slot]) =>
      makeCheck('vague_intervention', 'warning', [code],
        `An intervention under ${code} ${[...slot.reasons].sort().join(' and ')}; name it with clinical specificity and record what was done (sets, reps, load, trials, accuracy, cue level, technique, region).`,
        slot.evidence),
    );
};
