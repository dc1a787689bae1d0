import type { Word } from '@scribe/domain';
import type { RawSegment } from '../build-transcript.ts';
import { arr, num, obj, str } from '../read-json.ts';

/**
 * The parts of a Deepgram prerecorded response (`POST /v1/listen` with `utterances=true`) that
 * become segments. Every field is optional in the SDK's types and the body is outside input,
 * so each value is checked before use.
 */
interface DgWord {
  word?: unknown;
  punctuated_word?: unknown;
  start?: unknown;
  end?: unknown;
  confidence?: unknown;
  speaker?: unknown;
}

/** Read segments from a Deepgram response: its `utterances` when present, else channel 0's words. */
export function segmentsFromDeepgram(body: unknown): { segments: RawSegment[]; detectedLanguage?: string } {
  const results = obj(obj(body)?.results);
  const channel = obj(arr(results?.channels)?.[0]);
  const detectedLanguage = str(channel?.detected_language);
  const utterances = arr(results?.utterances);
  if (utterances) {
    const segments = utterances.flatMap((raw): RawSegment[] => {
      const u = obj(raw);
      const text = str(u?.transcript);
      const start = num(u?.start);
      const end = num(u?.end);
      if (!u || text === undefined || start === undefined || end === undefined) return [];
      return [{ label: speakerLabel(u.speaker), start, end, text, words: words(arr(u.words)) }];
    });
    return { segments, detectedLanguage };
  }
  // No utterances (an older server or utterances=false): split the word list at speaker changes.
  const alt = obj(arr(channel?.alternatives)?.[0]);
  const list = arr(alt?.words) ?? [];
  const segments: RawSegment[] = [];
  for (const raw of list) {
    const w = word(raw);
    if (!w) continue;
    const label = speakerLabel(obj(raw)?.speaker);
    const last = segments[segments.length - 1];
    if (last && last.label === label && w.start - last.end < 1.5) {
      last.words!.push(w);
      last.end = w.end;
      last.text += ` ${w.word}`;
    } else {
      segments.push({ label, start: w.start, end: w.end, text: w.word, words: [w] });
    }
  }
  return { segments, detectedLanguage };
}

function words(list: unknown[] | undefined): Word[] | undefined {
  if (!list) return undefined;
  return list.map(word).filter((w): w is Word => w !== undefined);
}

/** A word with its timing; the punctuated form is kept so utterance text and words agree. */
export function word(raw: unknown): Word | undefined {
  const w = obj(raw) as DgWord | undefined;
  const text = str(w?.punctuated_word) ?? str(w?.word);
  const start = num(w?.start);
  const end = num(w?.end);
  if (text === undefined || start === undefined || end === undefined) return undefined;
  const out: Word = { word: text, start, end };
  const confidence = num(w?.confidence);
  if (confidence !== undefined) out.confidence = confidence;
  return out;
}

/** Deepgram numbers speakers 0, 1, ...; the label is its string form. */
export function speakerLabel(value: unknown): string | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? String(value) : undefined;
}
