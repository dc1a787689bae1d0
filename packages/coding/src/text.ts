/** Small text and evidence helpers shared by the classifier and the checks. */

/** Lowercase, curly quotes and dashes folded, whitespace collapsed. */
export function normalise(text: string | null | undefined): string {
  if (!text) return '';
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when any pattern matches the text. */
export function matchesAny(text: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((p) => p.test(text));
}

/** The label of the first labelled pattern that matches, or null. */
export function firstLabel(text: string, patterns: readonly (readonly [RegExp, string])[]): string | null {
  for (const [pattern, label] of patterns) if (pattern.test(text)) return label;
  return null;
}

/** Numeric position of an utterance id ("u12" -> 12); null when it has no number. */
export function utteranceIndex(id: string): number | null {
  // Trailing digits, parsed by hand: called for every evidence id on every sort.
  let end = id.length;
  while (end > 0 && id.charCodeAt(end - 1) === 32) end--;
  let start = end;
  while (start > 0) {
    const c = id.charCodeAt(start - 1);
    if (c < 48 || c > 57) break;
    start--;
  }
  return start === end ? null : Number(id.slice(start, end));
}

/** Compare utterance ids in transcript order ("u2" before "u10"); ids without a number last. */
export function compareUtterances(a: string, b: string): number {
  const ia = utteranceIndex(a);
  const ib = utteranceIndex(b);
  if (ia !== null && ib !== null && ia !== ib) return ia - ib;
  if (ia === null && ib !== null) return 1;
  if (ib === null && ia !== null) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Deduplicated evidence in transcript order, whatever order the inputs came in. */
export function mergeEvidence(...lists: readonly (readonly string[] | undefined)[]): string[] {
  const all = new Set<string>();
  for (const list of lists) for (const id of list ?? []) all.add(id);
  return [...all].sort(compareUtterances);
}

/** The earliest utterance index in a list of evidence, or null when none has a number. */
export function firstIndex(evidence: readonly string[]): number | null {
  let best: number | null = null;
  for (const id of evidence) {
    const i = utteranceIndex(id);
    if (i !== null && (best === null || i < best)) best = i;
  }
  return best;
}

/** "a, b and c". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
