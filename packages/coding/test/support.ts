/** Builders for test visits: every field has a neutral default, tests set what they exercise. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LedgerEntry, VisitInput } from '../src/index.ts';
import type { CodingResult } from '../src/output.ts';

let counter = 0;

/** A ledger entry: a documented, goal-linked, measured block unless the test says otherwise. */
export function entry(over: Partial<LedgerEntry> = {}): LedgerEntry {
  counter += 1;
  return {
    id: `b${counter}`,
    intervention: 'seated leg press',
    kindHint: 'therapeutic_exercise',
    bodyRegions: ['knee'],
    side: 'right',
    parameters: ['3 x 15', '40 lb'],
    minutes: 15,
    startTime: null,
    stopTime: null,
    skilledCues: ['cue'],
    purpose: 'quadriceps strength',
    deficit: null,
    outcome: 'knee flexion 95 to 105 degrees',
    linkedGoal: 'advances the stair goal',
    evidence: [`u${counter}`],
    ...over,
  };
}

/** A visit: PT daily note, Medicare, valid diagnosis, one goal, speech present. */
export function visit(over: Partial<VisitInput> = {}): VisitInput {
  return {
    discipline: 'pt',
    noteType: 'daily',
    payer: { type: 'medicare' },
    diagnoses: [{ icd10: 'M17.11' }],
    goals: [{ id: 'g1', text: 'Independent stairs' }],
    referral: null,
    evaluationComplexity: null,
    ledger: [],
    measures: [],
    bodyParts: [],
    speechUtteranceCount: 20,
    ...over,
  };
}

/** "97110x2" strings of the billed lines, in output order. */
export function codes(result: CodingResult): string[] {
  return result.lines.map((l) => `${l.code}x${l.units}`);
}

/** Distinct check ids, sorted. */
export function checkIds(result: CodingResult): string[] {
  return [...new Set(result.checks.map((c) => c.id))].sort();
}

/** The line of a code, or undefined. */
export function lineOf(result: CodingResult, code: string) {
  return result.lines.find((l) => l.code === code);
}

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURE_DIR = join(here, 'fixtures', 'dev-cases');

/** The hand-written VisitInput fixtures, by case id. */
export function devFixtures(): { id: string; input: VisitInput }[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.visit.json'))
    .sort()
    .map((f) => ({ id: f.replace(/\.visit\.json$/, ''), input: JSON.parse(readFileSync(join(FIXTURE_DIR, f), 'utf8')) as VisitInput }));
}
