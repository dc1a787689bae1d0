import { spawn } from 'node:child_process';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { Transcript, Word } from '@scribe/domain';
import { buildTranscript, emptyTranscript, type RawSegment } from '../build-transcript.ts';
import { callTimeoutMs, Deadline, throwIfAborted } from '../errors.ts';
import { overlapsSpeech, type SpeechRegion } from '../speech-activity.ts';
import { guardSpeech } from '../speech-guard.ts';
import type { TranscribeRequest, Transcriber } from '../transcriber.ts';
import { TranscriptionError } from '../transcriber.ts';
import { parsePocketsphinxOutput } from './pocketsphinx-output.ts';

export interface PocketsphinxOptions {
  /** `pocketsphinx_continuous` (Debian package `pocketsphinx`). */
  bin: string;
  /** Holds `en-us/` (acoustic model), `en-us.lm.bin` and `cmudict-en-us.dict` (package `pocketsphinx-en-us`). */
  modelDir: string;
  /** Base time per call; the recording's duration is added (callTimeoutMs). */
  timeoutMs: number;
  /** Extra time per second of audio; default 1000 ms. */
  timeoutPerAudioSecMs?: number;
}

const ENGINE = 'offline-pocketsphinx';
/** Said in every transcript it makes: this engine is a plumbing check, not a scribe. */
export const POCKETSPHINX_MODEL = 'pocketsphinx-0.8 en-us generic (LOW ACCURACY: 82% word error rate measured on the bundled spoken sample; for trying the pipeline, not for notes)';
const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

/**
 * The default engine: CMU PocketSphinx from Debian, run locally with no key and no network.
 * Its accuracy on conversational speech is poor (see the README's measured WER), so it exists
 * to let anyone run the whole pipeline, and says so in `model`. It does not diarize: every
 * utterance is `clinician` in dictation and `other` in an ambient visit (assignRoles).
 * The audio goes to the recogniser through a pipe as raw PCM, so no copy of it touches the disk.
 * Words outside the detected speech regions are dropped, because the recogniser will name
 * noise as words.
 */
export class PocketsphinxTranscriber implements Transcriber {
  readonly engine = ENGINE;
  readonly model = POCKETSPHINX_MODEL;

  constructor(private readonly options: PocketsphinxOptions) {}

  /** Transcribe a whole recording; see Transcriber. */
  async transcribe(req: TranscribeRequest, signal?: AbortSignal): Promise<Transcript> {
    throwIfAborted(ENGINE, signal);
    if (req.language && !/^en\b/i.test(req.language)) {
      throw new TranscriptionError('unrecoverable', 'UNSUPPORTED_LANGUAGE', `${ENGINE} has an English model only`);
    }
    const guard = guardSpeech(req.wav);
    if (guard.audio.sampleRate !== 16000 || guard.audio.channels !== 1) {
      throw new TranscriptionError('unrecoverable', 'BAD_AUDIO', `${ENGINE} needs 16 kHz mono audio`);
    }
    if (!guard.hasSpeech) return emptyTranscript(this.engine, this.model, 'en');
    await this.checkInstalled();

    const timeoutMs = callTimeoutMs(this.options.timeoutMs, guard.audio.durationSec, this.options.timeoutPerAudioSecMs);
    const stdout = await this.run(guard.audio.data, timeoutMs, signal);
    const segments = keepSpeech(parsePocketsphinxOutput(stdout), guard.regions);
    return buildTranscript({ engine: this.engine, model: this.model, language: 'en', mode: req.mode, segments });
  }

  private args(): string[] {
    const dir = this.options.modelDir;
    return [
      '-infile', '/dev/stdin',
      '-hmm', join(dir, 'en-us'),
      '-lm', join(dir, 'en-us.lm.bin'),
      '-dict', join(dir, 'cmudict-en-us.dict'),
      '-samprate', '16000',
      '-time', 'yes',
      // Its log repeats every hypothesis; it must not reach any log.
      '-logfn', '/dev/null',
    ];
  }

  /** A missing model is a setup problem no retry fixes; say which package provides it. */
  private async checkInstalled(): Promise<void> {
    const dir = this.options.modelDir;
    try {
      await Promise.all([join(dir, 'en-us'), join(dir, 'en-us.lm.bin'), join(dir, 'cmudict-en-us.dict')].map((p) => access(p)));
    } catch {
      throw new TranscriptionError('unrecoverable', 'ENGINE_UNAVAILABLE', `${ENGINE} model not found in POCKETSPHINX_MODEL_DIR (apt-get install pocketsphinx-en-us)`);
    }
  }

  /**
   * Run the recogniser with the PCM on its standard input. It reads `-infile /dev/stdin` with
   * fopen, which fails on the socket Node gives a child as stdin, so `cat` relays the audio
   * through a real pipe. The shell gets its own process group so a timeout or abort can kill
   * the whole pipeline.
   */
  private async run(pcm: Buffer, timeoutMs: number, signal?: AbortSignal): Promise<string> {
    const deadline = new Deadline(timeoutMs, signal);
    try {
      return await new Promise<string>((resolve, reject) => {
        const child = spawn('/bin/sh', ['-c', 'cat | "$0" "$@"', this.options.bin, ...this.args()], {
          stdio: ['pipe', 'pipe', 'ignore'],
          detached: true,
        });
        const killGroup = () => {
          try {
            if (child.pid) process.kill(-child.pid, 'SIGKILL');
          } catch {
            // Already gone.
          }
        };
        deadline.signal.addEventListener('abort', killGroup, { once: true });
        if (deadline.signal.aborted) killGroup();
        const chunks: Buffer[] = [];
        let bytes = 0;
        child.stdout.on('data', (c: Buffer) => {
          bytes += c.length;
          if (bytes <= MAX_OUTPUT_BYTES) chunks.push(c);
          else killGroup();
        });
        // The pipeline may exit before reading everything (a crash); its exit status says why.
        child.stdin.on('error', () => undefined);
        child.on('error', (err: NodeJS.ErrnoException) => {
          killGroup();
          reject(new TranscriptionError('transient', 'ENGINE_FAILED', `${ENGINE} could not start (${err.code ?? 'error'})`));
        });
        child.on('close', (code, killedBy) => {
          deadline.signal.removeEventListener('abort', killGroup);
          const aborted = deadline.abortError(ENGINE);
          if (aborted) return reject(aborted);
          if (bytes > MAX_OUTPUT_BYTES) return reject(new TranscriptionError('transient', 'ENGINE_FAILED', `${ENGINE} output exceeded ${MAX_OUTPUT_BYTES} bytes`));
          // The shell's 126/127: the binary is not executable or not found.
          if (code === 126 || code === 127) {
            return reject(new TranscriptionError('unrecoverable', 'ENGINE_UNAVAILABLE', `${ENGINE}: cannot run POCKETSPHINX_BIN (apt-get install pocketsphinx)`));
          }
          if (code !== 0) return reject(new TranscriptionError('transient', 'ENGINE_FAILED', `${ENGINE} exited with ${killedBy ?? `code ${code}`}`));
          resolve(Buffer.concat(chunks).toString('utf8'));
        });
        child.stdin.end(pcm);
      });
    } finally {
      deadline.dispose();
    }
  }
}

/** A pause this long inside a recogniser utterance starts a new utterance (turns are short). */
const SPLIT_PAUSE_SEC = 0.6;

/**
 * Keep only words that overlap detected speech, and split the recogniser's utterances (its VAD
 * joins several turns) at pauses, so each utterance is about one turn and evidence can point
 * at it. An utterance left without words is dropped.
 */
export function keepSpeech(segments: RawSegment[], regions: SpeechRegion[]): RawSegment[] {
  const out: RawSegment[] = [];
  for (const s of segments) {
    let run: Word[] = [];
    const flush = () => {
      if (run.length > 0) out.push({ start: run[0]!.start, end: run[run.length - 1]!.end, text: run.map((w) => w.word).join(' '), words: run });
      run = [];
    };
    for (const w of s.words ?? []) {
      if (!overlapsSpeech(regions, w.start, w.end)) continue;
      const prev = run[run.length - 1];
      if (prev && w.start - prev.end >= SPLIT_PAUSE_SEC) flush();
      run.push(w);
    }
    flush();
  }
  return out;
}
