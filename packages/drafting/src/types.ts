/**
 * The drafting contract: what every Drafter takes and returns. A draft is advice for a
 * clinician to review, never a finished note; every statement cites transcript utterance ids.
 */
import type { Provenance, SectionName, Utterance } from '@scribe/domain';
import type {
  BodyPartMention,
  Complexity,
  Discipline,
  LedgerEntry,
  Measure,
  NoteType,
  PayerType,
} from '@scribe/coding';

export type Mode = 'ambient' | 'dictation';

/** What the EMR knows before the visit. Only the minimum: no patient name or reference. */
export interface DraftContext {
  discipline: Discipline;
  noteType: NoteType;
  mode: Mode;
  payer: { type: PayerType; name?: string };
  diagnoses: { icd10: string; description?: string }[];
  goals: { id?: string; text: string }[];
  visitNumber?: number;
  referral: { onFile: boolean; from?: string } | null;
}

export interface DraftInput {
  utterances: Utterance[];
  context: DraftContext;
}

/** A statement as drafted: origin is always "ai". */
export interface DraftStatement {
  id: string;
  text: string;
  origin: 'ai';
  evidence: string[];
}

export type DraftSections = Record<SectionName, DraftStatement[]>;

/** Why the verifier refused a statement. */
export type VerifyReason =
  | 'no_evidence'
  | 'unknown_utterance'
  | 'unsupported_number'
  | 'unsupported_side'
  | 'unsupported_test'
  | 'denied_symptom_asserted'
  | 'voice_leak';

/** A statement the verifier dropped; kept for the clinician's and the operator's review. */
export interface DroppedStatement {
  section: SectionName;
  text: string;
  evidence: string[];
  reasons: { reason: VerifyReason; detail: string }[];
}

/** The structured reading of the visit that the coding engine consumes (see VisitInput). */
export interface Extraction {
  ledger: LedgerEntry[];
  measures: Measure[];
  bodyParts: BodyPartMention[];
  evaluationComplexity: Complexity | null;
  speechUtteranceCount: number;
}

export interface DraftResult {
  sections: DraftSections;
  extraction: Extraction;
  provenance: Provenance;
  /** Statements removed by the verifier: never shown as fact. */
  dropped: DroppedStatement[];
}

/** Turns a transcript plus visit context into a verified SOAP draft. */
export interface Drafter {
  readonly engine: string;
  draft(input: DraftInput, signal?: AbortSignal): Promise<DraftResult>;
}

export const SECTION_NAMES: readonly SectionName[] = ['subjective', 'objective', 'assessment', 'plan'];
