/**
 * Non-speech markers that ASR engines and transcribers leave in text: "[inaudible]",
 * "[noise]", "[laughs]", "(crosstalk)". FORMAT.md: a recording holding only markers has
 * no usable speech and gets no drafted content.
 */

const MARKER = /\[[^\]]*\]|\((?:inaudible|crosstalk|noise|silence|unintelligible|laughs?|coughs?)[^)]*\)|<[^>]*>/gi;

/** The text with markers removed and whitespace tidied. */
export function stripMarkers(text: string): string {
  return text.replace(MARKER, ' ').replace(/\s+/g, ' ').replace(/\s+([,.;:!?])/g, '$1').trim();
}

/** True when the text holds at least one spoken word once markers are removed. */
export function hasSpeech(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(stripMarkers(text));
}
