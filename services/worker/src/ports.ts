import type { Coding, Provenance, Sections } from '@scribe/domain';
import type { InternalSession, StoredTranscript } from '@scribe/db';

/** What the transcribe stage reads for a session: recorded audio as 16 kHz mono WAV, or dictated text. */
export type SessionSource = { kind: 'audio'; wav: Buffer } | { kind: 'text'; text: string };

export interface SessionAudioSource {
  load(session: InternalSession, signal?: AbortSignal): Promise<SessionSource>;
}

export interface DraftedNote {
  sections: Sections;
  coding: Coding;
  provenance: Provenance;
  /** Ledger, measures and anything the verifier dropped: stored for review, never returned raw. */
  detail: unknown;
}

/** Drafting plus coding, as the draft stage needs it. */
export interface NoteDrafter {
  /** The drafting engine's name (the `provider`/`engine` label of the drafting metrics). */
  readonly engine: string;
  draft(input: { session: InternalSession; transcript: StoredTranscript }, signal?: AbortSignal): Promise<DraftedNote>;
}
