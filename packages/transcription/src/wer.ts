/** Word error rate of a hypothesis against a reference, with its edit counts. */
export interface WerResult {
  /** (substitutions + deletions + insertions) / reference words; 0 when both are empty. */
  wer: number;
  substitutions: number;
  deletions: number;
  insertions: number;
  referenceWords: number;
  hypothesisWords: number;
}

/**
 * Split text into comparable words: lowercase, punctuation removed (apostrophes inside words
 * and hyphenated compounds are kept whole, "let's" stays one word), whitespace-separated.
 * Numbers are compared as written: "three" and "3" differ, so a reference with spelled-out
 * numbers penalises an engine that formats them as digits.
 */
export function normalizeWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^\p{L}\p{N}'\s-]/gu, ' ')
    .replace(/(^|\s)['-]+|['-]+(?=\s|$)/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

/**
 * Word error rate by Levenshtein alignment over normalised words (see normalizeWords). Among
 * alignments of equal cost it prefers substitutions, then deletions, then insertions, so the
 * split between kinds is deterministic.
 */
export function wordErrorRate(reference: string, hypothesis: string): WerResult {
  const ref = normalizeWords(reference);
  const hyp = normalizeWords(hypothesis);
  const n = ref.length;
  const m = hyp.length;
  // cost[i][j]: edits turning ref[0..i) into hyp[0..j); one row kept with its predecessor.
  type Cell = { cost: number; s: number; d: number; i: number };
  let prev: Cell[] = Array.from({ length: m + 1 }, (_, j) => ({ cost: j, s: 0, d: 0, i: j }));
  for (let i = 1; i <= n; i++) {
    const row: Cell[] = [{ cost: i, s: 0, d: i, i: 0 }];
    for (let j = 1; j <= m; j++) {
      const diag = prev[j - 1]!;
      const up = prev[j]!;
      const left = row[j - 1]!;
      const same = ref[i - 1] === hyp[j - 1];
      const candidates: Cell[] = [
        { cost: diag.cost + (same ? 0 : 1), s: diag.s + (same ? 0 : 1), d: diag.d, i: diag.i },
        { cost: up.cost + 1, s: up.s, d: up.d + 1, i: up.i },
        { cost: left.cost + 1, s: left.s, d: left.d, i: left.i + 1 },
      ];
      row.push(candidates.reduce((best, c) => (c.cost < best.cost ? c : best)));
    }
    prev = row;
  }
  const last = prev[m]!;
  return {
    wer: n === 0 ? (m === 0 ? 0 : 1) : last.cost / n,
    substitutions: last.s,
    deletions: last.d,
    insertions: last.i,
    referenceWords: n,
    hypothesisWords: m,
  };
}
