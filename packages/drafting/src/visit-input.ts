/**
 * Assemble the coding engine's VisitInput from a draft and the visit context. Nothing is
 * filled in by default: a complexity nobody stated stays null, a referral the EMR did not
 * send stays null.
 */
import type { VisitInput } from '@scribe/coding';
import type { DraftContext, DraftResult } from './types.ts';

/** The structured visit the coding engine consumes. */
export function buildVisitInput(draft: Pick<DraftResult, 'extraction'>, context: DraftContext): VisitInput {
  const x = draft.extraction;
  return {
    discipline: context.discipline,
    noteType: context.noteType,
    payer: context.payer.name ? { type: context.payer.type, name: context.payer.name } : { type: context.payer.type },
    diagnoses: context.diagnoses.map((d) => (d.description ? { icd10: d.icd10, description: d.description } : { icd10: d.icd10 })),
    goals: context.goals.map((g) => (g.id ? { id: g.id, text: g.text } : { text: g.text })),
    referral: context.referral ? { onFile: context.referral.onFile } : null,
    evaluationComplexity: x.evaluationComplexity,
    ledger: x.ledger,
    measures: x.measures,
    bodyParts: x.bodyParts,
    speechUtteranceCount: x.speechUtteranceCount,
  };
}
