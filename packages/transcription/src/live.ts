import type { AudioEncoding, Mode, Speaker, Word } from '@scribe/domain';
import type { TranscriptionError } from './transcriber.ts';

/**
 * One live result. The gateway relays final ones to the client as API.md `transcript`
 * messages (`{"type":"transcript","final":true,"speaker",...}`) and may store them; interim
 * ones (`final: false`) are a preview that a later result replaces.
 */
export interface LiveResult {
  final: boolean;
  speaker: Speaker;
  text: string;
  /** Seconds from the start of the stream. */
  start: number;
  end: number;
  words?: Word[];
}

export interface LiveOpenOptions {
  /** The session's audio encoding (API.md `audio.encoding`). */
  encoding: AudioEncoding;
  /** Required for `pcm_s16le`; containers (wav, webm, ogg) carry their own. */
  sampleRate?: number;
  channels?: number;
  mode: Mode;
  language?: string;
  onResult: (result: LiveResult) => void;
  /** Called at most once; the stream is over afterwards (audio sent later is dropped). */
  onError: (error: TranscriptionError) => void;
  /** Aborting closes the stream. */
  signal?: AbortSignal;
}

/** An open live stream. */
export interface LiveStream {
  /** Send audio bytes in the session's encoding. Dropped once the stream has failed or closed. */
  send(audio: Uint8Array): void;
  /** Ask the engine to flush what it holds as final results (e.g. at a pause or before `end`). */
  finalize(): void;
  /** Flush, wait briefly for the last final results, and close. Idempotent. */
  close(): Promise<void>;
}

/** A streaming speech-to-text engine the gateway opens while audio arrives. */
export interface LiveTranscriber {
  readonly engine: string;
  readonly model: string;
  /** Connect; rejects with a TranscriptionError when the engine refuses or cannot be reached. */
  open(options: LiveOpenOptions): Promise<LiveStream>;
}
