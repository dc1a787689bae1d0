import { codeVisit } from '@scribe/coding';
import { buildVisitInput, type DraftContext, type Drafter } from '@scribe/drafting';
import type { InternalSession } from '@scribe/db';
import type { NoteDrafter } from './ports.ts';

/** The visit context a drafter may see: the minimum, never the patient or encounter refs. */
export function draftContext(s: InternalSession): DraftContext {
  return {
    discipline: s.discipline,
    noteType: s.noteType,
    mode: s.mode,
    payer: s.payer,
    diagnoses: s.context?.diagnoses ?? [],
    goals: s.context?.goals ?? [],
    ...(s.context?.visitNumber ? { visitNumber: s.context.visitNumber } : {}),
    referral: s.context?.referral ? { onFile: s.context.referral.onFile } : null,
  };
}

/**
 * Drafting then coding, exactly as `scripts/eval` runs them: the drafter's verified SOAP
 * statements and extraction, then the coding engine on the extraction. The provenance names
 * the stored transcript's hash.
 */
export function createNoteDrafter(drafter: Drafter): NoteDrafter {
  return {
    engine: drafter.engine,
    async draft({ session, transcript }, signal) {
      const context = draftContext(session);
      const result = await drafter.draft({ utterances: transcript.utterances, context }, signal);
      const coding = codeVisit({ ...buildVisitInput(result, context), dateOfService: session.dateOfService });
      return {
        sections: result.sections,
        coding: { unitMethod: coding.unitMethod, totalTimedMinutes: coding.totalTimedMinutes, lines: coding.lines, checks: coding.checks },
        provenance: result.provenance,
        detail: { extraction: result.extraction, dropped: result.dropped, codingExplanation: coding.explanation },
      };
    },
  };
}
