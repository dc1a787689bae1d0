import type { Mode, Speaker, Transcript, Utterance, Word } from '@scribe/domain';
import { isNonSpeechToken, stripNonSpeech } from './non-speech.ts';
import { assignRoles } from './speakers.ts';

/** One stretch of recognised speech as an adapter reads it from its engine. */
export interface RawSegment {
  /** The engine's speaker label, when it diarizes. */
  label?: string;
  /** A role already decided by the adapter (e.g. per uploaded piece); overrides `label`. */
  speaker?: Speaker;
  start: number;
  end: number;
  text: string;
  words?: Word[];
}

export interface BuildTranscriptInput {
  engine: string;
  model: string;
  language?: string;
  mode: Mode;
  segments: RawSegment[];
}

/**
 * Turn an engine's segments into the domain transcript every adapter returns: non-speech
 * markers removed and segments with no words left dropped (never replaced by anything),
 * times made non-negative and ordered, speakers mapped to roles (see assignRoles), ids
 * `u1`, `u2`, ... in time order, times rounded to milliseconds.
 */
export function buildTranscript(input: BuildTranscriptInput): Transcript {
  const kept = input.segments
    .map((s) => {
      const start = finite(s.start);
      const end = Math.max(start, finite(s.end));
      const words = s.words
        ?.filter((w) => !isNonSpeechToken(w.word))
        .map((w) => {
          const ws = finite(w.start);
          const word: Word = { word: w.word, start: ms(ws), end: ms(Math.max(ws, finite(w.end))) };
          if (w.confidence !== undefined && Number.isFinite(w.confidence)) word.confidence = w.confidence;
          return word;
        });
      return { label: s.label, speaker: s.speaker, start, end, text: stripNonSpeech(s.text), words };
    })
    .filter((s) => /[\p{L}\p{N}]/u.test(s.text))
    .sort((a, b) => a.start - b.start || a.end - b.end);

  const roleOf = assignRoles(kept.filter((s) => s.speaker === undefined), input.mode);
  const utterances: Utterance[] = kept.map((s, i) => {
    const u: Utterance = { id: `u${i + 1}`, speaker: s.speaker ?? roleOf(s.label), start: ms(s.start), end: ms(s.end), text: s.text };
    if (s.words && s.words.length > 0) u.words = s.words;
    return u;
  });
  const transcript: Transcript = { engine: input.engine, model: input.model, utterances };
  if (input.language) transcript.language = input.language;
  return transcript;
}

/** An empty transcript: the answer for a recording without usable speech. */
export function emptyTranscript(engine: string, model: string, language?: string): Transcript {
  return language ? { engine, model, language, utterances: [] } : { engine, model, utterances: [] };
}

function finite(x: number): number {
  return Number.isFinite(x) && x > 0 ? x : 0;
}

function ms(x: number): number {
  return Math.round(x * 1000) / 1000;
}
