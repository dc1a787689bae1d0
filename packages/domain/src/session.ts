import { z } from 'zod';
import { AudioEncoding, Discipline, Mode, NoteType, PayerType, SessionStatus } from './enums.ts';

const ref = z.string().trim().min(1).max(200);
const isoDate = z.iso.date();

export const Diagnosis = z.object({
  icd10: z.string().trim().min(1).max(16),
  description: z.string().max(500).optional(),
});
export const Goal = z.object({ id: z.string().trim().min(1).max(100), text: z.string().trim().min(1).max(1000) });
export const Referral = z.object({
  onFile: z.boolean(),
  from: z.string().max(200).optional(),
  date: isoDate.optional(),
  diagnosis: z.string().max(16).optional(),
  visitsAuthorized: z.number().int().nonnegative().optional(),
});

export const SessionContext = z.object({
  diagnoses: z.array(Diagnosis).max(20).optional(),
  goals: z.array(Goal).max(50).optional(),
  visitNumber: z.number().int().positive().max(1000).optional(),
  referral: Referral.optional(),
});

export const Consent = z.object({
  obtained: z.boolean(),
  method: z.enum(['verbal', 'written', 'electronic']).optional(),
  obtainedAt: z.iso.datetime({ offset: true }).optional(),
  allParty: z.boolean().optional(),
});

export const AudioFormat = z.object({
  encoding: AudioEncoding,
  sampleRate: z.number().int().min(8000).max(192000).optional(),
  channels: z.number().int().min(1).max(8).optional(),
});

export const Payer = z.object({ type: PayerType, name: z.string().max(200).optional() });

export const CreateSessionBody = z.object({
  mode: Mode,
  discipline: Discipline,
  noteType: NoteType,
  patientRef: ref,
  encounterRef: ref,
  caseRef: ref.optional(),
  clinicianRef: ref,
  dateOfService: isoDate,
  payer: Payer,
  context: SessionContext.optional(),
  consent: Consent.optional(),
  audio: AudioFormat.optional(),
});

export const SessionFailure = z.object({ stage: z.string(), code: z.string(), message: z.string() });

export const Session = z.object({
  id: z.uuid(),
  mode: Mode,
  discipline: Discipline,
  noteType: NoteType,
  patientRef: z.string(),
  encounterRef: z.string(),
  caseRef: z.string().optional(),
  clinicianRef: z.string(),
  dateOfService: z.string(),
  payer: Payer,
  context: SessionContext.optional(),
  consent: Consent.optional(),
  audioFormat: AudioFormat.optional(),
  status: SessionStatus,
  failure: SessionFailure.optional(),
  audio: z.object({ bytes: z.number().int(), durationSec: z.number(), sha256: z.string().nullable() }),
  noteId: z.uuid().optional(),
  timings: z.object({
    createdAt: z.string(),
    recordingStartedAt: z.string().optional(),
    endedAt: z.string().optional(),
    transcribedAt: z.string().optional(),
    draftedAt: z.string().optional(),
  }),
});

export const StreamGrant = z.object({ url: z.string(), token: z.string(), expiresAt: z.string() });

export const ListSessionsQuery = z.object({
  status: SessionStatus.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(200).optional(),
});

export type Diagnosis = z.infer<typeof Diagnosis>;
export type Goal = z.infer<typeof Goal>;
export type SessionContext = z.infer<typeof SessionContext>;
export type Consent = z.infer<typeof Consent>;
export type AudioFormat = z.infer<typeof AudioFormat>;
export type Payer = z.infer<typeof Payer>;
export type CreateSessionBody = z.infer<typeof CreateSessionBody>;
export type Session = z.infer<typeof Session>;
export type SessionFailure = z.infer<typeof SessionFailure>;
export type ListSessionsQuery = z.infer<typeof ListSessionsQuery>;
