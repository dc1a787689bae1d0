import { DeepgramClient } from '@deepgram/sdk';
import type { Transcript } from '@scribe/domain';
import { buildTranscript, emptyTranscript } from '../build-transcript.ts';
import { callTimeoutMs, Deadline, throwIfAborted } from '../errors.ts';
import { guardSpeech } from '../speech-guard.ts';
import type { TranscribeRequest, Transcriber } from '../transcriber.ts';
import { TranscriptionError } from '../transcriber.ts';
import { DEEPGRAM, fromDeepgramError } from './deepgram-errors.ts';
import { segmentsFromDeepgram } from './deepgram-response.ts';

export interface DeepgramOptions {
  apiKey: string;
  /** Default https://api.deepgram.com; any server speaking the same API (used by the contract tests). */
  baseUrl?: string;
  model: string;
  /** Base time per call; the recording's duration is added (callTimeoutMs). */
  timeoutMs: number;
  /** Extra time per second of audio; default 1000 ms. */
  timeoutPerAudioSecMs?: number;
}

/**
 * Deepgram prerecorded transcription (`POST /v1/listen`) for finished sessions: the medical
 * model with diarization (ambient only; dictation is one voice), utterances, smart formatting
 * and punctuation. The SDK's own retries are off: the worker's queue owns retries, driven by
 * the error kind.
 */
export class DeepgramTranscriber implements Transcriber {
  readonly engine = 'deepgram';
  readonly model: string;
  private readonly client: DeepgramClient;

  constructor(private readonly options: DeepgramOptions) {
    this.model = options.model;
    this.client = new DeepgramClient({
      apiKey: options.apiKey,
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      maxRetries: 0,
    });
  }

  /** Transcribe a whole recording; see Transcriber. */
  async transcribe(req: TranscribeRequest, signal?: AbortSignal): Promise<Transcript> {
    throwIfAborted(DEEPGRAM, signal);
    const language = req.language ?? 'en';
    const guard = guardSpeech(req.wav);
    if (!guard.hasSpeech) return emptyTranscript(this.engine, this.model, language);

    const timeoutMs = callTimeoutMs(this.options.timeoutMs, guard.audio.durationSec, this.options.timeoutPerAudioSecMs);
    const deadline = new Deadline(timeoutMs, signal);
    let body: unknown;
    try {
      body = await this.client.listen.v1.media.transcribeFile(
        req.wav,
        {
          model: this.model,
          diarize: req.mode === 'ambient',
          utterances: true,
          smart_format: true,
          punctuate: true,
          language,
        },
        // The SDK's own timeout is only a backstop behind our Deadline.
        { abortSignal: deadline.signal, timeoutInSeconds: Math.ceil(timeoutMs / 1000) + 5 },
      );
    } catch (err) {
      throw fromDeepgramError(err, deadline);
    } finally {
      deadline.dispose();
    }
    if (!body || typeof body !== 'object' || !('results' in body)) {
      // A callback-mode acknowledgement or a foreign body: nothing to read, and retrying the
      // same request would get the same answer.
      throw new TranscriptionError('unrecoverable', 'PROVIDER_BAD_RESPONSE', `${DEEPGRAM} answered without results`);
    }
    const { segments, detectedLanguage } = segmentsFromDeepgram(body);
    return buildTranscript({ engine: this.engine, model: this.model, language: detectedLanguage ?? language, mode: req.mode, segments });
  }
}
