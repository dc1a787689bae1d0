/**
 * The offline therapy drafter: the default engine, no network. A rule-based extraction
 * pipeline (sentence units -> measures, ledger, body parts -> SOAP statements in clinical
 * prose), then the verifier. A transcript with no usable speech gets no statements at all.
 */
import { composeStatements, toSections } from '../compose/statements.ts';
import { extractBodyParts } from '../extract/body-parts.ts';
import { diagnosisSides } from '../extract/diagnosis-sides.ts';
import { statedComplexity } from '../extract/complexity.ts';
import { findBlocks } from '../extract/ledger.ts';
import { toLedger } from '../extract/entries.ts';
import { extractMeasures } from '../extract/measures.ts';
import { buildUnits, speechUtterances } from '../extract/units.ts';
import { makeProvenance } from '../provenance.ts';
import type { Drafter, DraftInput, DraftResult, Extraction } from '../types.ts';
import { verifySections } from '../verify/verifier.ts';

export const OFFLINE_ENGINE = 'offline-therapy-drafter';
export const OFFLINE_VERSION = 'rules-v1';

/** Extraction and statements without the verifier (exported for tests of the pipeline). */
export function extractVisit(input: DraftInput) {
  const { utterances, context } = input;
  const units = buildUnits(utterances, context.mode);
  const measures = extractMeasures(units, context.discipline);
  const blocks = findBlocks(units, context.discipline);
  const complexity = statedComplexity(units);
  const dxSides = diagnosisSides(context.diagnoses.map((d) => d.description ?? ''));
  const extraction: Extraction = {
    ledger: toLedger(blocks, units, measures, context.discipline, dxSides, context.goals.map((g) => g.text)),
    measures: measures.map(({ unitIdx: _i, ...m }) => m),
    bodyParts: extractBodyParts(units, dxSides),
    evaluationComplexity: complexity?.complexity ?? null,
    speechUtteranceCount: speechUtterances(utterances).length,
  };
  const spokenWords = speechUtterances(utterances).reduce((n, u) => n + u.text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length, 0);
  const statements = units.length ? composeStatements(units, blocks, context.mode, context.discipline, spokenWords, context.noteType, measures) : [];
  return { extraction, sections: toSections(statements) };
}

/** Offline drafter: deterministic, fast, and verified like any other engine. */
export class OfflineTherapyDrafter implements Drafter {
  readonly engine = OFFLINE_ENGINE;

  async draft(input: DraftInput): Promise<DraftResult> {
    const started = performance.now();
    const { extraction, sections } = extractVisit(input);
    const verified = verifySections(sections, input.utterances);
    return {
      sections: verified.sections,
      extraction,
      dropped: verified.dropped,
      provenance: makeProvenance(this.engine, OFFLINE_VERSION, OFFLINE_VERSION, input.utterances, started),
    };
  }
}
