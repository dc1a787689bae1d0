import type { Word } from '@scribe/domain';
import type { RawSegment } from '../build-transcript.ts';
import { arr, num, obj, str } from '../read-json.ts';
import type { SpeechRegion } from '../speech-activity.ts';

/**
 * Whisper's own rule for a segment that is not speech (openai/whisper `transcribe.py`:
 * no_speech_threshold 0.6 together with logprob_threshold -1.0).
 */
const NO_SPEECH_PROB = 0.6;
const MIN_AVG_LOGPROB = -1;

/**
 * Read segments from an `/audio/transcriptions` answer in any of the shapes servers send:
 * - `verbose_json` (whisper-1, faster-whisper and whisper.cpp servers): `segments` with times,
 *   optional top-level `words`, attached to the segment they fall in;
 * - `diarized_json` (gpt-4o-transcribe-diarize): `segments` with a `speaker` label;
 * - `json` or plain text (gpt-4o-transcribe, servers without segments): `{ text }` only. The
 *   text is split into sentences whose times are estimated by spreading them over the speech
 *   regions in proportion to their length, so evidence can still point at a sentence; these
 *   times are approximate (the README says so).
 * Segments Whisper itself marks as no speech are dropped.
 */
export function segmentsFromOpenAI(body: unknown, speech: SpeechRegion[]): { segments: RawSegment[]; language?: string } {
  const b = obj(body);
  const language = str(b?.language);
  const text = typeof body === 'string' ? body : (str(b?.text) ?? '');
  const words = (arr(b?.words) ?? []).map(readWord).filter((w): w is Word => w !== undefined);
  const rawSegments = arr(b?.segments);

  if (rawSegments && rawSegments.length > 0) {
    const segments = rawSegments.flatMap((raw): RawSegment[] => {
      const s = obj(raw);
      const segText = str(s?.text);
      const start = num(s?.start);
      const end = num(s?.end);
      if (!s || segText === undefined || start === undefined || end === undefined) return [];
      const noSpeech = num(s.no_speech_prob);
      const logprob = num(s.avg_logprob);
      if (noSpeech !== undefined && logprob !== undefined && noSpeech > NO_SPEECH_PROB && logprob < MIN_AVG_LOGPROB) return [];
      const label = str(s.speaker) ?? (typeof s.speaker === 'number' ? String(s.speaker) : undefined);
      const inside = words.filter((w) => (w.start + w.end) / 2 >= start && (w.start + w.end) / 2 < end);
      return [{ label, start, end, text: segText.trim(), ...(inside.length > 0 ? { words: inside } : {}) }];
    });
    return { segments, language };
  }
  if (words.length > 0) return { segments: groupWords(words), language };
  return { segments: estimateSentences(text, speech), language };
}

function readWord(raw: unknown): Word | undefined {
  const w = obj(raw);
  const word = str(w?.word)?.trim();
  const start = num(w?.start);
  const end = num(w?.end);
  return word && start !== undefined && end !== undefined ? { word, start, end } : undefined;
}

/** Words without segments: a new utterance after a pause of a second or more. */
function groupWords(words: Word[]): RawSegment[] {
  const out: RawSegment[] = [];
  for (const w of words) {
    const last = out[out.length - 1];
    if (last && w.start - last.end < 1) {
      last.words!.push(w);
      last.text += ` ${w.word}`;
      last.end = w.end;
    } else {
      out.push({ start: w.start, end: w.end, text: w.word, words: [w] });
    }
  }
  return out;
}

/** Sentences of a text-only answer, with times spread over the speech regions by length. */
export function estimateSentences(text: string, speech: SpeechRegion[]): RawSegment[] {
  const sentences = text.match(/[^.!?]+(?:[.!?]+|$)/g)?.map((s) => s.trim()).filter((s) => s.length > 0) ?? [];
  if (sentences.length === 0 || speech.length === 0) return [];
  const total = speech.reduce((sum, r) => sum + r.end - r.start, 0);
  const chars = sentences.reduce((sum, s) => sum + s.length, 0);
  // Map "seconds of speech so far" to a time on the recording's clock.
  const at = (speechSec: number): number => {
    let left = speechSec;
    for (const r of speech) {
      if (left <= r.end - r.start) return r.start + left;
      left -= r.end - r.start;
    }
    return speech[speech.length - 1]!.end;
  };
  let done = 0;
  return sentences.map((s) => {
    const start = at((done / chars) * total);
    done += s.length;
    return { start, end: at((done / chars) * total), text: s };
  });
}
