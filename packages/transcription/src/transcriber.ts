import type { Mode, Transcript } from '@scribe/domain';

export interface TranscribeRequest {
  /** The whole recording as 16 kHz mono 16-bit PCM WAV (the worker converts with @scribe/audio). */
  wav: Buffer;
  /** Dictation is one clinician voice: every utterance is `clinician`. */
  mode: Mode;
  language?: string;
}

/** A prerecorded speech-to-text engine. Implementations: Deepgram, OpenAI-compatible, offline. */
export interface Transcriber {
  readonly engine: string;
  readonly model: string;
  transcribe(req: TranscribeRequest, signal?: AbortSignal): Promise<Transcript>;
}

/**
 * How the worker must treat a failure (STYLE.md, queues): `unrecoverable` (provider 4xx, bad
 * audio) fails the session; `rate_limited` (429) waits `retryAfterMs`; `transient` (5xx,
 * timeouts, lost connections) retries with backoff. Messages carry no transcript text.
 */
export class TranscriptionError extends Error {
  constructor(
    readonly kind: 'unrecoverable' | 'rate_limited' | 'transient',
    readonly code: string,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'TranscriptionError';
  }
}
