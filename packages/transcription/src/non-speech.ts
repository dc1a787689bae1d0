/**
 * Engines mark sounds that are not words in their text: `[inaudible]`, `[noise]`, `[silence]`,
 * `[BLANK_AUDIO]` (whisper.cpp), `(upbeat music)` (Whisper), `<sil>`, `</s>`, `++NOISE++`
 * (Sphinx). They are not speech, so they never reach a transcript: a recording whose text is
 * only markers has no utterances.
 */
const NON_SPEECH_WORDS =
  /\b(inaudible|unintelligible|indistinct|noise|silence|silent|blank[ _]audio|music|laugh\w*|cough\w*|sigh\w*|breath\w*|crosstalk|applause|static|background|sneez\w*|no speech)\b/i;

/** Square, angle or plus-sign markers are always non-speech; parentheses and asterisks only with a marker word. */
const MARKER = /\[[^\]]*\]|<[^>]*>|\+\+[^+]*\+\+|\(([^)]*)\)|\*([^*]*)\*/g;

/** Remove non-speech markers from engine text and tidy the whitespace they leave. */
export function stripNonSpeech(text: string): string {
  return text
    .replace(MARKER, (whole: string, paren?: string, star?: string) => {
      const inner = paren ?? star;
      return inner === undefined || NON_SPEECH_WORDS.test(inner) ? ' ' : whole;
    })
    .replace(/\s+([,.;:?!])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when the text holds at least one word once markers and punctuation are gone. */
export function hasSpeech(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(stripNonSpeech(text));
}

/** True for a single engine token that is a marker rather than a word (`<sil>`, `[NOISE]`, `++UM++`). */
export function isNonSpeechToken(token: string): boolean {
  return stripNonSpeech(token) === '' || !/[\p{L}\p{N}]/u.test(token);
}
