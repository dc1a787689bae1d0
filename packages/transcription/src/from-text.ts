import type { Transcript } from '@scribe/domain';
import { buildTranscript } from './build-transcript.ts';

const WORDS_PER_SECOND = 2.5; // ~150 words a minute: times are estimates, for ordering and citing only

/**
 * A transcript from text already recognised on the device (a text dictation): one
 * clinician utterance per sentence, with estimated times. Markers such as [inaudible]
 * are dropped like every engine's; text with no words gives an empty transcript.
 */
export function transcriptFromText(text: string): Transcript {
  const sentences = text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+(?=["'(]?[A-Z0-9])/)
    .map((s) => s.trim())
    .filter(Boolean);
  let t = 0;
  const segments = sentences.map((s) => {
    const dur = Math.max(0.5, s.split(' ').length / WORDS_PER_SECOND);
    const seg = { speaker: 'clinician' as const, start: t, end: t + dur, text: s };
    t += dur + 0.3;
    return seg;
  });
  return buildTranscript({ engine: 'device-text', model: 'recognised-on-device', mode: 'dictation', segments });
}
