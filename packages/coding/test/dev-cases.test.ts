/**
 * The development set (shared/eval/cases): for each case, the VisitInput an ideal drafter
 * would extract from its transcript (fixtures/dev-cases/<id>.visit.json, written by hand) must
 * code to exactly the case's expected codes, units, minutes and checks (recall and precision).
 * The case files are the repository's copy in test/fixtures/eval-cases, or SCRIBE_EVAL_CASES.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeVisit } from '../src/index.ts';
import { devFixtures, FIXTURE_DIR } from './support.ts';

const CASES_DIR = process.env.SCRIBE_EVAL_CASES ?? resolve(FIXTURE_DIR, '../../../../../test/fixtures/eval-cases');

interface EvalCase {
  id: string;
  discipline: string;
  noteType: string;
  payer: string;
  context: { icd10?: string[]; goals?: string[] };
  transcript: { id: string }[];
  expected: { codes: { code: string; units: number; minutes?: number }[]; checks: string[] };
}

function loadCase(id: string): EvalCase {
  const file = join(CASES_DIR, `${id}.json`);
  if (!existsSync(file)) throw new Error(`eval case ${id} not found in ${CASES_DIR} (set SCRIBE_EVAL_CASES)`);
  return JSON.parse(readFileSync(file, 'utf8')) as EvalCase;
}

const fixtures = devFixtures();

describe('dev-set fixtures code exactly as the eval cases expect', () => {
  it('there is one fixture for each of the 12 cases', () => {
    expect(fixtures).toHaveLength(12);
  });

  it.each(fixtures)('$id', ({ id, input }) => {
    const evalCase = loadCase(id);
    // The fixture belongs to its case: same discipline, note type, payer and diagnoses, and
    // every evidence id is an utterance of the transcript.
    expect(input.discipline).toBe(evalCase.discipline);
    expect(input.noteType).toBe(evalCase.noteType);
    expect(input.payer.type).toBe(evalCase.payer);
    expect(input.diagnoses.map((d) => d.icd10)).toEqual(evalCase.context.icd10 ?? []);
    const utterances = new Set(evalCase.transcript.map((u) => u.id));
    const cited = [
      ...input.ledger.flatMap((e) => e.evidence), ...input.measures.flatMap((m) => m.evidence),
      ...input.bodyParts.flatMap((b) => b.evidence), ...(input.evaluationEvidence ?? []),
    ];
    expect(cited.filter((u) => !utterances.has(u))).toEqual([]);

    const result = codeVisit(input);
    const got = result.lines.map((l) => ({ code: l.code, units: l.units, ...(l.minutes === null ? {} : { minutes: l.minutes }) }));
    const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : 1);
    expect(got.sort(byCode)).toEqual([...evalCase.expected.codes].sort(byCode));
    expect([...new Set(result.checks.map((c) => c.id))].sort()).toEqual([...evalCase.expected.checks].sort());
    expect(result.unitMethod).toBe(evalCase.payer === 'medicare' ? 'cms_total_time' : 'per_code');
    expect(result.explanation.length).toBeGreaterThan(0);
  });
});
