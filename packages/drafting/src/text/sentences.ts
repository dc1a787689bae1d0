/**
 * Sentence splitting for transcript text: on . ! ? followed by a space, but never inside
 * a decimal ("1.2 cm") or after a title abbreviation ("Dr. Rao").
 */

const ABBREV = /\b(?:Dr|Mr|Mrs|Ms|St|vs|etc|approx|e\.g|i\.e)\.$/i;

/** Split text into trimmed sentences, keeping their end punctuation. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    const next = text[i + 1];
    if (next !== undefined && next !== ' ' && next !== '"' && next !== '\u201d') continue;
    if (ch === '.' && ABBREV.test(text.slice(start, i + 1))) continue;
    const s = text.slice(start, i + 1).trim();
    if (s) out.push(s);
    start = i + 1;
  }
  const tail = text.slice(start).trim();
  if (tail) out.push(tail);
  return out;
}

/** The sentence of `text` around `offset`. */
export function sentenceAt(text: string, offset: number): string {
  const start = Math.max(0, ...[...text.slice(0, offset).matchAll(/[.!?]\s+/g)].map((m) => (m.index ?? 0) + m[0].length));
  const end = /[.!?](?:\s|$)/.exec(text.slice(offset));
  return text.slice(start, end ? offset + end.index : text.length);
}
