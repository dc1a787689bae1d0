import type { Word } from '@scribe/domain';
import type { RawSegment } from '../build-transcript.ts';
import { isNonSpeechToken } from '../non-speech.ts';

/** A word line of `pocketsphinx_continuous -time yes`: `word start end posterior`. */
const WORD_LINE = /^(\S+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)$/;

/**
 * Parse `pocketsphinx_continuous -time yes` output. For each utterance its VAD found, it
 * prints the hypothesis on one line and then one line per token with start and end seconds
 * (from the start of the input) and posterior probability. An utterance starts at its `<s>`
 * token (or at a hypothesis line, for output without one). Fillers and markers (`<s>`,
 * `</s>`, `<sil>`, `[NOISE]`, `++BREATH++`) are dropped, alternate-pronunciation suffixes
 * (`the(2)`) removed. Each utterance's text is rebuilt from its words, so text and word
 * timings agree.
 */
export function parsePocketsphinxOutput(stdout: string): RawSegment[] {
  const utterances: Word[][] = [];
  let current: Word[] | undefined;
  for (const line of stdout.split('\n').map((l) => l.trim())) {
    const m = WORD_LINE.exec(line);
    if (!m) {
      // A hypothesis line (possibly empty) precedes an utterance's word lines.
      current = undefined;
      continue;
    }
    const token = m[1]!;
    if (token === '<s>' || !current) {
      current = [];
      utterances.push(current);
    }
    if (isNonSpeechToken(token)) continue;
    current.push({ word: token.replace(/\(\d+\)$/, ''), start: Number(m[2]), end: Number(m[3]), confidence: Number(m[4]) });
  }
  return utterances
    .filter((words) => words.length > 0)
    .map((words) => ({ start: words[0]!.start, end: words[words.length - 1]!.end, text: words.map((w) => w.word).join(' '), words }));
}
