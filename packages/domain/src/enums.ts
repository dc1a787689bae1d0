import { z } from 'zod';

export const Mode = z.enum(['ambient', 'dictation']);
export const Discipline = z.enum(['pt', 'ot', 'slp', 'chiro', 'massage']);
export const NoteType = z.enum(['evaluation', 'daily', 'progress', 'reevaluation', 'discharge']);
export const PayerType = z.enum(['medicare', 'medicaid', 'commercial', 'auto', 'workers_comp', 'self_pay']);
export const AudioEncoding = z.enum(['pcm_s16le', 'wav', 'webm_opus', 'ogg_opus']);
export const Speaker = z.enum(['clinician', 'patient', 'other']);

/** Session status; moves only forward (see SESSION_STATUS_ORDER), or to failed/cancelled. */
export const SessionStatus = z.enum([
  'created',
  'recording',
  'recorded',
  'transcribing',
  'transcribed',
  'drafting',
  'drafted',
  'failed',
  'cancelled',
]);

export const Scope = z.enum([
  'sessions:write',
  'notes:read',
  'notes:write',
  'notes:sign',
  'ops:read',
  'ops:write',
  'audit:read',
  'admin',
]);

export type Mode = z.infer<typeof Mode>;
export type Discipline = z.infer<typeof Discipline>;
export type NoteType = z.infer<typeof NoteType>;
export type PayerType = z.infer<typeof PayerType>;
export type AudioEncoding = z.infer<typeof AudioEncoding>;
export type Speaker = z.infer<typeof Speaker>;
export type SessionStatus = z.infer<typeof SessionStatus>;
export type Scope = z.infer<typeof Scope>;

/** Rank of each live status; a session may only move to a higher rank. */
export const SESSION_STATUS_ORDER: Record<Exclude<SessionStatus, 'failed' | 'cancelled'>, number> = {
  created: 0,
  recording: 1,
  recorded: 2,
  transcribing: 3,
  transcribed: 4,
  drafting: 5,
  drafted: 6,
};
