/**
 * Word-level text comparison for review telemetry. A "word" is a run of letters or digits,
 * joined across inner apostrophes, dots, slashes and hyphens ("don't", "3/10", "4.5",
 * "sit-to-stand"); case is ignored, punctuation around words is not a word.
 */
const WORD = /[\p{L}\p{N}]+(?:['’./-][\p{L}\p{N}]+)*/gu;

/** The words of a text, lower-cased, in order. */
export function words(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []);
}

/**
 * Length of the longest common subsequence of two word lists: how many words of `a`
 * survive, in order, in `b`. O(|a|·|b|) time, O(|b|) memory; statements are short
 * (the API caps a statement at 4,000 characters).
 */
export function commonWords(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}
