/**
 * `scripts/eval [DIR] [--json] [--engine offline|llm]`: every case of FORMAT.md in DIR
 * through the drafting and coding code the worker uses; one line per case and a summary,
 * or with --json exactly FORMAT.md's machine-readable object on stdout.
 */
import { codeVisit } from '@scribe/coding';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { OfflineTherapyDrafter } from '../offline/offline-drafter.ts';
import type { DraftContext, DraftInput, Drafter } from '../types.ts';
import { buildVisitInput } from '../visit-input.ts';
import { loadCases } from './case-file.ts';
import { type CaseReport, runCase, summarize, type Summary } from './run.ts';

function fmt(v: number | null, digits = 3): string {
  return v === null ? 'n/a' : v.toFixed(digits);
}

function line(r: CaseReport, codingError: string | null): string {
  const codes = codingError ? 'codes unavailable' : `codeF1 ${fmt(r.codeF1)} units ${fmt(r.unitAccuracy)} checks R ${fmt(r.checkRecall)} P ${fmt(r.checkPrecision)}`;
  const extra = [
    r.missedFacts.length ? `missed facts: ${r.missedFacts.join('; ')}` : '',
    r.missedChecks.length ? `missed checks: ${r.missedChecks.join(', ')}` : '',
    r.unexpectedChecks.length ? `unexpected checks: ${r.unexpectedChecks.join(', ')}` : '',
  ].filter(Boolean).join(' | ');
  return `${r.id.padEnd(40)} facts ${fmt(r.factRecall)} forbidden ${r.forbiddenHits} ${codes} evidence ${fmt(r.evidenceCoverage)} compression ${fmt(r.compression)} leaks ${r.voiceLeaks} ${r.latencyMs.toFixed(1)} ms${extra ? `\n    ${extra}` : ''}`;
}

function summaryText(s: Summary, codingNote: string | null): string {
  return [
    `cases               ${s.cases}`,
    `fact recall         ${fmt(s.factRecall)}`,
    `forbidden hits      ${s.forbiddenHits}`,
    `code F1             ${codingNote ? `unavailable (${codingNote})` : fmt(s.codeF1)}`,
    `unit accuracy       ${codingNote ? 'unavailable' : fmt(s.unitAccuracy)}`,
    `check recall        ${codingNote ? 'unavailable' : fmt(s.checkRecall)}`,
    `check precision     ${codingNote ? 'unavailable' : fmt(s.checkPrecision)}`,
    `evidence coverage   ${fmt(s.evidenceCoverage)}`,
    `compression         ${fmt(s.compression)}`,
    `voice leaks         ${s.voiceLeaks}`,
    `latency p50 / max   ${s.latencyMsP50.toFixed(1)} ms / ${s.latencyMsMax.toFixed(1)} ms`,
  ].join('\n');
}

async function pickDrafter(engine: string): Promise<Drafter> {
  if (engine === 'offline') return new OfflineTherapyDrafter();
  if (engine === 'llm') {
    const { llmDrafterFromEnv } = await import('../llm/from-env.ts');
    return llmDrafterFromEnv(process.env);
  }
  throw new Error(`unknown engine "${engine}" (offline | llm)`);
}

/**
 * Two short visits written for the warm-up (an ambient PT visit and a chiropractic dictation), so
 * the rule set is compiled before the first timed case. Not taken from any evaluation set.
 */
const WARM_UP: { context: DraftContext; lines: [DraftInput['utterances'][number]['speaker'], string][] }[] = [
  {
    context: { discipline: 'pt', noteType: 'daily', mode: 'ambient', payer: { type: 'medicare' }, diagnoses: [], goals: [{ text: 'Walk 300 feet with a cane' }], referral: null },
    lines: [
      ['clinician', 'How is the right knee today, zero to ten?'],
      ['patient', 'About a three out of ten, no swelling, but stairs are still hard.'],
      ['clinician', 'Any numbness or tingling?'],
      ['patient', 'No, none.'],
      ['clinician', 'Knee flexion is a hundred and five degrees, up from ninety. Quad strength four minus out of five.'],
      ['clinician', "It's nine o'clock. Leg press forty pounds, three sets of ten, and step-ups on the left... no, the right, two sets of eight."],
      ['clinician', "It's nine-fifteen, fifteen minutes of exercise. That's for your goal of walking to the mailbox."],
      ['clinician', 'Now gait training with the cane, two hundred feet, cues for a longer step. Nine twenty-six, eleven minutes.'],
      ['patient', 'My daughter is visiting this weekend.'],
      ['clinician', 'At home, quad sets ten reps twice a day. Continue twice a week for four weeks.'],
    ],
  },
  {
    context: { discipline: 'chiro', noteType: 'daily', mode: 'dictation', payer: { type: 'commercial' }, diagnoses: [{ icd10: 'M54.2' }], goals: [], referral: null },
    lines: [
      ['clinician', 'Subjective. Neck pain five out of ten, worse turning left. Denies headaches.'],
      ['clinician', 'Objective. Cervical rotation left sixty degrees. Restriction at C five six, tender right upper trap.'],
      ['clinician', 'Diversified adjustments at C five six and T four. Two regions. Myofascial release to the right upper trap, ten-oh-two to ten-ten.'],
      ['clinician', 'Assessment. Improving. Plan. Twice a week for two weeks, chin tucks at home.'],
    ],
  },
];

async function warmUp(drafter: Drafter): Promise<void> {
  if (drafter.engine !== 'offline-therapy-drafter') return;
  for (const { context, lines } of WARM_UP) {
    const utterances = lines.map(([speaker, text], i) => ({ id: `w${i + 1}`, speaker, start: i * 5, end: i * 5 + 4, text }));
    const draft = await drafter.draft({ utterances, context });
    try { codeVisit(buildVisitInput(draft, context)); } catch { /* coding not available yet: reported per case */ }
  }
}

/** Entry point; returns the process exit code. */
export async function main(argv: string[], repoRoot: string): Promise<number> {
  const json = argv.includes('--json');
  const ei = argv.indexOf('--engine');
  const engine = ei >= 0 ? argv[ei + 1] ?? '' : 'offline';
  const positional = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--engine');
  // The design notes' development set beside the checkout, else the repository's copy of it.
  const shared = resolve(repoRoot, '../shared/eval/cases');
  const dir = positional[0] ? resolve(positional[0]) : existsSync(shared) ? shared : resolve(repoRoot, 'test/fixtures/eval-cases');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    console.error(`eval: no such folder: ${dir}`);
    return 2;
  }
  const cases = loadCases(dir);
  const drafter = await pickDrafter(engine);
  // One untimed warm-up draft so the first case is not charged for module loading and JIT
  // compilation of the rule set: latency is per visit, as a running worker sees it.
  await warmUp(drafter);
  const runs = [];
  for (const c of cases) runs.push(await runCase(c, drafter, codeVisit));
  const summary = summarize(runs);
  const codingNote = runs.find((r) => r.codingError)?.codingError ?? null;
  if (json) {
    process.stdout.write(`${JSON.stringify({ engine: drafter.engine, cases: runs.map((r) => r.report), summary }, null, 2)}\n`);
    return 0;
  }
  console.log(`engine ${drafter.engine}, ${cases.length} cases from ${dir}\n`);
  for (const r of runs) console.log(line(r.report, r.codingError));
  console.log(`\n${summaryText(summary, codingNote)}`);
  return 0;
}
