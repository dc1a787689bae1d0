/**
 * Provenance of a draft (DESIGN.md "Drafts": engine, model, prompt version, transcript
 * hash, timings). The hash covers ids, speakers, times and text, so the same transcript
 * always gives the same hash and any edit changes it.
 */
import { transcriptSha256, type Provenance, type Utterance } from '@scribe/domain';

export { transcriptSha256 };

/** Build the provenance record for a finished draft. */
export function makeProvenance(engine: string, model: string, promptVersion: string, utterances: Utterance[], startedMs: number): Provenance {
  return {
    engine,
    model,
    promptVersion,
    transcriptSha256: transcriptSha256(utterances),
    generatedAt: new Date().toISOString(),
    latencyMs: Math.round(performance.now() - startedMs),
  };
}
