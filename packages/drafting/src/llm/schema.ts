/**
 * The structured output asked of the model. Every field is required and nullable, never
 * optional: OpenAI strict JSON schema needs every property in `required`, and
 * zodResponseFormat throws on .optional() (DEPENDENCIES.md 4e).
 */
import { z } from 'zod';

const Statement = z.object({
  text: z.string().describe('One clinical statement in the third person; patient words verbatim only inside quotation marks.'),
  evidence: z.array(z.string()).describe('Ids of the transcript utterances this statement comes from, e.g. ["u3","u4"].'),
});

const Side = z.enum(['left', 'right', 'bilateral']).nullable();

const Ledger = z.object({
  intervention: z.string(),
  kindHint: z.enum([
    'therapeutic_exercise', 'therapeutic_activity', 'neuromuscular_reeducation', 'gait_training', 'manual_therapy', 'massage',
    'self_care', 'physical_performance_test', 'orthotic_prosthetic_training', 'hot_cold_pack', 'unattended_estim', 'attended_estim',
    'iontophoresis', 'ultrasound', 'group_therapy', 'cmt', 'speech_language_treatment', 'speech_language_group', 'swallowing_treatment',
    'aquatic_therapy', 'mechanical_traction', 'canalith_repositioning', 'wheelchair_management', 'unknown',
  ]),
  bodyRegions: z.array(z.string()),
  side: Side,
  parameters: z.array(z.string()),
  minutes: z.number().nullable(),
  startTime: z.string().nullable().describe('24-hour HH:MM as said, or null'),
  stopTime: z.string().nullable(),
  skilledCues: z.array(z.string()),
  purpose: z.string().nullable(),
  deficit: z.string().nullable(),
  outcome: z.string().nullable(),
  linkedGoal: z.string().nullable(),
  independent: z.boolean().describe('true when done without direct one-on-one contact'),
  evidence: z.array(z.string()),
});

const MeasureSchema = z.object({
  kind: z.enum(['pain', 'strength', 'rom', 'neuromotor', 'functional', 'outcome_scale', 'speech_swallow', 'edema', 'other']),
  name: z.string(),
  value: z.string(),
  baseline: z.string().nullable(),
  side: Side,
  evidence: z.array(z.string()),
});

export const LlmDraft = z.object({
  subjective: z.array(Statement),
  objective: z.array(Statement),
  assessment: z.array(Statement),
  plan: z.array(Statement),
  ledger: z.array(Ledger),
  measures: z.array(MeasureSchema),
  bodyParts: z.array(z.object({ region: z.string(), side: Side, evidence: z.array(z.string()) })),
  evaluationComplexity: z.enum(['low', 'moderate', 'high']).nullable(),
});
export type LlmDraft = z.infer<typeof LlmDraft>;
