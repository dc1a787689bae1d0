/**
 * Evaluation case files (shared/eval/FORMAT.md), validated on load: an invalid file is an
 * error naming the file, never a silent skip.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { DraftContext } from '../types.ts';

const Pattern = z.string().refine((s) => { try { new RegExp(s, 'i'); return true; } catch { return false; } }, 'not a valid regular expression');

export const EvalCase = z.object({
  id: z.string().min(1),
  title: z.string().optional(),
  discipline: z.enum(['pt', 'ot', 'slp', 'chiro', 'massage']),
  noteType: z.enum(['evaluation', 'daily', 'progress', 'reevaluation', 'discharge']),
  mode: z.enum(['ambient', 'dictation']),
  payer: z.enum(['medicare', 'medicaid', 'commercial', 'auto', 'workers_comp', 'self_pay']),
  context: z.object({
    diagnosis: z.string().optional(),
    icd10: z.array(z.string()).optional(),
    goals: z.array(z.string()).optional(),
    visitNumber: z.number().int().positive().optional(),
    referral: z.object({ onFile: z.boolean().optional(), from: z.string().optional() }).passthrough().optional(),
  }).optional(),
  transcript: z.array(z.object({
    id: z.string().min(1), speaker: z.enum(['clinician', 'patient', 'other']), start: z.number(), end: z.number(), text: z.string(),
  })),
  expected: z.object({
    facts: z.array(z.object({ section: z.enum(['subjective', 'objective', 'assessment', 'plan', 'any']), any: z.array(Pattern).min(1), what: z.string() })),
    forbidden: z.array(z.object({ any: z.array(Pattern).min(1), what: z.string() })),
    codes: z.array(z.object({ code: z.string(), units: z.number().int().nonnegative(), minutes: z.number().optional() })),
    checks: z.array(z.string()),
  }),
});
export type EvalCase = z.infer<typeof EvalCase>;

/** Read and validate every *.json case in a folder, sorted by file name. */
export function loadCases(dir: string): EvalCase[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  return files.map((f) => {
    const path = join(dir, f);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new Error(`invalid case file ${path}: ${(e as Error).message}`, { cause: e });
    }
    const parsed = EvalCase.safeParse(raw);
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
      throw new Error(`invalid case file ${path}: ${issues}`);
    }
    return parsed.data;
  });
}

/** The EMR context a case describes, in the drafter's terms. A referral given without
 *  onFile is taken as on file (it names who referred and when). */
export function caseContext(c: EvalCase): DraftContext {
  const ctx = c.context ?? {};
  return {
    discipline: c.discipline,
    noteType: c.noteType,
    mode: c.mode,
    payer: { type: c.payer },
    diagnoses: (ctx.icd10 ?? []).map((icd10, i) => (i === 0 && ctx.diagnosis ? { icd10, description: ctx.diagnosis } : { icd10 })),
    goals: (ctx.goals ?? []).map((text, i) => ({ id: `g${i + 1}`, text })),
    ...(ctx.visitNumber !== undefined ? { visitNumber: ctx.visitNumber } : {}),
    referral: ctx.referral ? { onFile: ctx.referral.onFile ?? true, ...(ctx.referral.from ? { from: ctx.referral.from } : {}) } : null,
  };
}
