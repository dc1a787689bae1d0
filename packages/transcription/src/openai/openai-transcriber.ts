import OpenAI, { toFile } from 'openai';
import type { Mode, Transcript } from '@scribe/domain';
import { buildTranscript, emptyTranscript, type RawSegment } from '../build-transcript.ts';
import { callTimeoutMs, Deadline, errorForStatus, networkError, throwIfAborted } from '../errors.ts';
import { assignRoles } from '../speakers.ts';
import { speechSeconds } from '../speech-activity.ts';
import { guardSpeech } from '../speech-guard.ts';
import type { TranscribeRequest, Transcriber } from '../transcriber.ts';
import { TranscriptionError } from '../transcriber.ts';
import { sliceWav } from '../wav.ts';
import { planChunks, regionsIn } from './chunks.ts';
import { segmentsFromOpenAI } from './openai-response.ts';

export type OpenAIResponseFormat = 'auto' | 'verbose_json' | 'json' | 'diarized_json';

export interface OpenAITranscriberOptions {
  apiKey: string;
  /** Default https://api.openai.com/v1; any OpenAI-compatible server (a local Whisper server, vLLM, ...). */
  baseUrl?: string;
  model: string;
  responseFormat: OpenAIResponseFormat;
  /** Base time per call; the recording's duration is added (callTimeoutMs). */
  timeoutMs: number;
  /** Extra time per second of audio; default 1000 ms. */
  timeoutPerAudioSecMs?: number;
  /** Longest piece uploaded at once; default 600 s (19 MB of WAV, under OpenAI's 25 MB limit). */
  maxChunkSec?: number;
}

const OPENAI = 'OpenAI-compatible server';

/**
 * Transcription through any OpenAI-compatible `POST /audio/transcriptions` endpoint. It asks
 * for the richest format the model supports (`auto`): `diarized_json` for *-diarize models
 * (speaker labels), `json` for the other gpt-4o models (text only), `verbose_json` with
 * segment and word times for Whisper models and servers; whatever shape comes back is read
 * (segmentsFromOpenAI). Recordings longer than `maxChunkSec` go up in pieces cut at pauses,
 * one after the other, with times shifted back onto the recording's clock; pieces without
 * speech are skipped. The SDK's retries are off: the worker's queue retries by error kind.
 */
export class OpenAITranscriber implements Transcriber {
  readonly engine = 'openai';
  readonly model: string;
  private readonly client: OpenAI;

  constructor(private readonly options: OpenAITranscriberOptions) {
    this.model = options.model;
    this.client = new OpenAI({
      apiKey: options.apiKey,
      // Explicit so the SDK never falls back to reading process.env.
      baseURL: options.baseUrl ?? 'https://api.openai.com/v1',
      organization: null,
      project: null,
      maxRetries: 0,
    });
  }

  /** Transcribe a whole recording; see Transcriber. */
  async transcribe(req: TranscribeRequest, signal?: AbortSignal): Promise<Transcript> {
    throwIfAborted(OPENAI, signal);
    const guard = guardSpeech(req.wav);
    if (!guard.hasSpeech) return emptyTranscript(this.engine, this.model, req.language);

    const chunks = planChunks(guard.regions, guard.audio.durationSec, this.options.maxChunkSec ?? 600);
    const timeoutMs = callTimeoutMs(this.options.timeoutMs, guard.audio.durationSec, this.options.timeoutPerAudioSecMs);
    const deadline = new Deadline(timeoutMs, signal);
    const segments: RawSegment[] = [];
    let language = req.language;
    try {
      for (const chunk of chunks) {
        const regions = regionsIn(guard.regions, chunk);
        if (chunks.length > 1 && speechSeconds(regions) < 0.3) continue;
        const wav = chunks.length === 1 ? req.wav : sliceWav(guard.audio, chunk.start, chunk.end);
        const body = await this.request(wav, req.language, deadline, timeoutMs);
        const read = segmentsFromOpenAI(body, regions);
        language ??= read.language;
        segments.push(...(chunks.length === 1 ? read.segments : onRecordingClock(read.segments, chunk.start, req.mode)));
      }
    } catch (err) {
      throw fromOpenAIError(err, deadline);
    } finally {
      deadline.dispose();
    }
    return buildTranscript({ engine: this.engine, model: this.model, language, mode: req.mode, segments });
  }

  private async request(wav: Buffer, language: string | undefined, deadline: Deadline, timeoutMs: number): Promise<unknown> {
    const format = this.format();
    return this.client.audio.transcriptions.create(
      {
        file: await toFile(wav, 'audio.wav', { type: 'audio/wav' }),
        model: this.model,
        response_format: format,
        ...(language ? { language } : {}),
        ...(format === 'verbose_json' ? { timestamp_granularities: ['segment', 'word'] as Array<'segment' | 'word'> } : {}),
        // Required by diarizing models for inputs over 30 s.
        ...(format === 'diarized_json' ? { chunking_strategy: 'auto' as const } : {}),
      },
      // The SDK's own timeout is only a backstop behind our Deadline.
      { signal: deadline.signal, timeout: timeoutMs + 5000 },
    );
  }

  private format(): Exclude<OpenAIResponseFormat, 'auto'> {
    if (this.options.responseFormat !== 'auto') return this.options.responseFormat;
    if (this.model.includes('diarize')) return 'diarized_json';
    if (this.model.startsWith('gpt-4o')) return 'json';
    return 'verbose_json';
  }
}

/**
 * Shift a piece's segments onto the recording's clock. Speaker labels are per upload (one
 * piece's "A" is not the next one's), so roles are decided within the piece.
 */
function onRecordingClock(segments: RawSegment[], offset: number, mode: Mode): RawSegment[] {
  const roleOf = assignRoles(segments, mode);
  return segments.map((s) => ({
    speaker: roleOf(s.label),
    start: s.start + offset,
    end: s.end + offset,
    text: s.text,
    ...(s.words ? { words: s.words.map((w) => ({ ...w, start: w.start + offset, end: w.end + offset })) } : {}),
  }));
}

/** Map what the OpenAI SDK throws to a TranscriptionError (see errorForStatus). */
function fromOpenAIError(err: unknown, deadline: Deadline): TranscriptionError {
  if (err instanceof TranscriptionError) return err;
  const aborted = deadline.abortError(OPENAI);
  if (aborted) return aborted;
  if (err instanceof OpenAI.APIConnectionTimeoutError) return new TranscriptionError('transient', 'TIMEOUT', `${OPENAI} did not answer in time`);
  if (err instanceof OpenAI.APIError && typeof err.status === 'number') {
    return errorForStatus(OPENAI, err.status, {
      retryAfter: err.headers?.get('retry-after'),
      retryAfterMs: err.headers?.get('retry-after-ms'),
      providerCode: err.code,
    });
  }
  return networkError(OPENAI, err);
}
