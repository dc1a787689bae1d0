/**
 * Versioned prompt files (packages/drafting/prompts/<version>/*.md): a shared system
 * prompt, one per discipline and one per note type. The version goes into provenance, so
 * a draft can always be traced to the words that produced it.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Utterance } from '@scribe/domain';
import type { DraftContext } from '../types.ts';

export const PROMPT_VERSION = 'v1';
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'prompts');

function read(version: string, name: string): string {
  return readFileSync(join(ROOT, version, `${name}.md`), 'utf8').trim();
}

/** The system prompt for a discipline and note type. */
export function systemPrompt(context: DraftContext, version = PROMPT_VERSION): string {
  return [read(version, 'system'), read(version, `discipline-${context.discipline}`), read(version, `note-${context.noteType}`)].join('\n\n');
}

/**
 * The user message: the minimum context (no patient name or reference) and the transcript
 * with utterance ids so the model can cite them.
 */
export function userPrompt(context: DraftContext, utterances: Utterance[]): string {
  const ctx = {
    discipline: context.discipline,
    noteType: context.noteType,
    mode: context.mode,
    payer: context.payer.type,
    diagnoses: context.diagnoses,
    goals: context.goals,
    visitNumber: context.visitNumber ?? null,
    referralOnFile: context.referral?.onFile ?? false,
  };
  const lines = utterances.map((u) => `${u.id} [${u.speaker} ${u.start.toFixed(1)}-${u.end.toFixed(1)}]: ${u.text}`);
  return `Visit context:\n${JSON.stringify(ctx)}\n\nTranscript:\n${lines.join('\n')}`;
}
