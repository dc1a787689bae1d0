import type { Speaker, Word } from '@scribe/domain';
import type { LiveResult } from '../live.ts';
import { stripNonSpeech } from '../non-speech.ts';
import { arr, num, obj, str } from '../read-json.ts';
import type { LiveRoleMapper } from '../speakers.ts';
import { speakerLabel, word } from './deepgram-response.ts';

/**
 * Turn one live message into results. Only `Results` messages carry text; `Metadata`,
 * `SpeechStarted` and `UtteranceEnd` yield nothing. A final result holding several voices is
 * split into one result per run of the same role, so each relayed line has one speaker; an
 * interim result is one preview line labelled by its first word's speaker. Results with no
 * words once markers are removed yield nothing (the silence guard, live).
 */
export function resultsFromLiveMessage(message: unknown, roles: LiveRoleMapper): LiveResult[] {
  const m = obj(message);
  if (m?.type !== 'Results') return [];
  const alt = obj(arr(obj(m.channel)?.alternatives)?.[0]);
  const text = stripNonSpeech(str(alt?.transcript) ?? '');
  if (!/[\p{L}\p{N}]/u.test(text)) return [];
  const final = m.is_final === true;
  const rawWords = arr(alt?.words) ?? [];
  const labelled = rawWords
    .map((raw) => ({ w: word(raw), label: speakerLabel(obj(raw)?.speaker) }))
    .filter((x): x is { w: Word; label: string | undefined } => x.w !== undefined && /[\p{L}\p{N}]/u.test(x.w.word));

  if (labelled.length === 0) {
    const start = num(m.start) ?? 0;
    return [{ final, speaker: roles.roleOf(undefined), text, start, end: start + (num(m.duration) ?? 0) }];
  }
  if (!final) {
    const first = labelled[0]!;
    return [{ final, speaker: roles.roleOf(first.label), text, start: first.w.start, end: labelled[labelled.length - 1]!.w.end }];
  }
  // Runs of the same role (not label: in dictation two labels are both the clinician).
  const runs: { speaker: Speaker; words: Word[] }[] = [];
  for (const { w, label } of labelled) {
    const speaker = roles.roleOf(label);
    const last = runs[runs.length - 1];
    if (last && last.speaker === speaker) last.words.push(w);
    else runs.push({ speaker, words: [w] });
  }
  return runs.map((run) => ({
    final: true,
    speaker: run.speaker,
    text: run.words.map((w) => w.word).join(' '),
    start: run.words[0]!.start,
    end: run.words[run.words.length - 1]!.end,
    words: run.words,
  }));
}
