/**
 * The offline drafter on every evaluation case in shared/eval/cases (the team's development
 * set), test/cases (held-out cases written for this package) and test/fixtures/heldout-a
 * (held-out set A, written blind): the safety properties of
 * FORMAT.md hold on every case. Recall and compression are measured by scripts/eval, not
 * asserted here; latency is a benchmark, never a test assertion.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { caseContext, loadCases } from '../src/eval/case-file.ts';
import { evidenceCounts, forbiddenHits, voiceLeakCount } from '../src/eval/metrics.ts';
import { OfflineTherapyDrafter } from '../src/index.ts';

const here = dirname(fileURLToPath(import.meta.url));
// the development set, this package's held-out cases, and held-out set A written blind by someone else
const folders = [join(here, '../../../../shared/eval/cases'), join(here, 'cases'), join(here, '../../../test/fixtures/heldout-a')].filter(existsSync);
const cases = folders.flatMap((f) => loadCases(f));

describe('offline drafter on the evaluation cases (FORMAT.md)', () => {
  it('finds the held-out cases at least', () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s: no forbidden hit, no voice leak, every statement supported', async (_id, c) => {
    const draft = await new OfflineTherapyDrafter().draft({ utterances: c.transcript, context: caseContext(c) });
    expect(forbiddenHits(c, draft.sections).what).toEqual([]);
    expect(voiceLeakCount(draft.sections)).toBe(0);
    const ev = evidenceCounts(c, draft.sections);
    expect(ev.supported).toBe(ev.statements);
    if (c.expected.checks.includes('silent_or_empty_audio')) expect(ev.statements).toBe(0);
  });
});
