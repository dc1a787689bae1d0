import { z } from 'zod';

export const StatementOrigin = z.enum(['ai', 'ai_edited', 'clinician']);
export const SectionName = z.enum(['subjective', 'objective', 'assessment', 'plan']);

export const Statement = z.object({
  id: z.string(),
  text: z.string(),
  origin: StatementOrigin,
  evidence: z.array(z.string()),
});

export const Sections = z.object({
  subjective: z.array(Statement),
  objective: z.array(Statement),
  assessment: z.array(Statement),
  plan: z.array(Statement),
});

export const Provenance = z.object({
  engine: z.string(),
  model: z.string(),
  promptVersion: z.string(),
  transcriptSha256: z.string(),
  generatedAt: z.string(),
  latencyMs: z.number(),
});

export const CodingLine = z.object({
  code: z.string(),
  description: z.string(),
  minutes: z.number().nullable().optional(),
  units: z.number().int().nonnegative(),
  modifiers: z.array(z.string()),
  rationale: z.string(),
  evidence: z.array(z.string()),
});

export const CheckSeverity = z.enum(['info', 'warning', 'error']);
export const Check = z.object({
  id: z.string(),
  severity: CheckSeverity,
  codes: z.array(z.string()),
  message: z.string(),
  evidence: z.array(z.string()),
});

export const Coding = z.object({
  unitMethod: z.enum(['cms_total_time', 'per_code']),
  totalTimedMinutes: z.number(),
  lines: z.array(CodingLine),
  checks: z.array(Check),
});

export const NoteStatus = z.enum(['draft', 'signed']);

export type StatementOrigin = z.infer<typeof StatementOrigin>;
export type SectionName = z.infer<typeof SectionName>;
export type Statement = z.infer<typeof Statement>;
export type Sections = z.infer<typeof Sections>;
export type Provenance = z.infer<typeof Provenance>;
export type CodingLine = z.infer<typeof CodingLine>;
export type Check = z.infer<typeof Check>;
export type Coding = z.infer<typeof Coding>;
export type NoteStatus = z.infer<typeof NoteStatus>;

export const Signature = z.object({ clinicianRef: z.string(), signedAt: z.string() });

export const Note = z.object({
  id: z.uuid(),
  sessionId: z.uuid(),
  /** The session's clinician (the EMR's id); the signer is in `signature`. */
  clinicianRef: z.string(),
  status: NoteStatus,
  version: z.number().int().positive(),
  aiGenerated: z.boolean(),
  provenance: Provenance,
  sections: Sections,
  coding: Coding,
  signature: Signature.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type Signature = z.infer<typeof Signature>;
export type Note = z.infer<typeof Note>;

// ---- Review: edits, revisions, telemetry (additive to API.md "Notes") ----

const statementId = z.string().trim().min(1).max(64);
const statementText = z.string().trim().min(1).max(4000);

/** Change the text of an existing statement. */
export const EditStatementOp = z.strictObject({ section: SectionName, id: statementId, text: statementText });
/** Append a clinician-written statement to a section. */
export const AddStatementOp = z.strictObject({ section: SectionName, text: statementText });
/** Remove a statement. */
export const DeleteStatementOp = z.strictObject({ section: SectionName, id: statementId, delete: z.literal(true) });
export const StatementOp = z.union([EditStatementOp, AddStatementOp, DeleteStatementOp]);

/** A coding line as a clinician sends it in a `codingLines` replacement. */
export const CodingLineInput = z.strictObject({
  code: z.string().regex(/^[0-9A-Z]\d{3}[0-9A-Z]$/, 'code must be a 5-character CPT or HCPCS code'),
  description: z.string().trim().max(300).default(''),
  minutes: z.number().int().min(0).max(600).nullable().optional(),
  units: z.number().int().min(0).max(50),
  modifiers: z.array(z.string().regex(/^[A-Z0-9]{2}$/, 'a modifier is 2 characters')).max(4).default([]),
  rationale: z.string().max(2000).default(''),
  evidence: z.array(z.string().min(1).max(64)).max(100).default([]),
});

export const PatchNoteBody = z
  .strictObject({
    statements: z.array(StatementOp).max(200).default([]),
    /** Replaces every coding line when present (an empty array removes them all). */
    codingLines: z.array(CodingLineInput).max(30).optional(),
  })
  .refine((b) => b.statements.length > 0 || b.codingLines !== undefined, { message: 'Nothing to change: send statements or codingLines' });

const CodeRef = z.object({ code: z.string(), units: z.number(), modifiers: z.array(z.string()) });

/** One field-level change inside a revision. Version 1 holds the single `drafted` change. */
export const RevisionChange = z.discriminatedUnion('type', [
  z.object({ type: z.literal('drafted'), engine: z.string() }),
  z.object({ type: z.literal('statement_edited'), section: SectionName, id: z.string(), before: z.string(), after: z.string() }),
  z.object({ type: z.literal('statement_added'), section: SectionName, id: z.string(), after: z.string() }),
  z.object({ type: z.literal('statement_deleted'), section: SectionName, id: z.string(), before: z.string() }),
  z.object({ type: z.literal('coding_replaced'), before: z.array(CodeRef), after: z.array(CodeRef) }),
  z.object({ type: z.literal('signed'), clinicianRef: z.string() }),
]);

export const NoteRevision = z.object({
  version: z.number().int().positive(),
  /** `system:drafter` for the AI draft, `key:<api key id>` for an API call. */
  actor: z.string(),
  clinicianRef: z.string().optional(),
  at: z.string(),
  changes: z.array(RevisionChange),
});

const SectionEdits = z.object({ edited: z.number().int(), added: z.number().int(), deleted: z.number().int() });

/**
 * Review telemetry: the numbers that show a draft was reviewed, not rubber-stamped
 * (DOMAIN.md §5 C.14 "draft-vs-signed diff and review telemetry").
 */
export const NoteReview = z.object({
  draftedAt: z.string(),
  signedAt: z.string().nullable(),
  /** Seconds from the AI draft to the clinician's signature; null while a draft. */
  draftToSignSec: z.number().nullable(),
  /** Every version, the AI draft and the sign-off included (equals `version`). */
  revisionCount: z.number().int(),
  /** Revisions made by clinician edits (PATCH). */
  editCount: z.number().int(),
  /** Words the AI drafted. */
  aiWords: z.number().int(),
  /** Of those, words still in the note unchanged (word-level LCS per statement; deleted statements keep 0). */
  aiWordsKept: z.number().int(),
  /** aiWordsKept / aiWords; null when the AI drafted no words. */
  aiTextKeptShare: z.number().nullable(),
  editsBySection: z.object({ subjective: SectionEdits, objective: SectionEdits, assessment: SectionEdits, plan: SectionEdits }),
  codingReplacements: z.number().int(),
  /** Current statements by origin. */
  statements: z.object({ ai: z.number().int(), ai_edited: z.number().int(), clinician: z.number().int() }),
});

/** A note as the API returns it: the stored note plus its review telemetry. */
export const NoteView = Note.extend({ review: NoteReview });

export const ListNotesQuery = z.object({
  status: NoteStatus.optional(),
  clinicianRef: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(200).optional(),
});

export type StatementOp = z.infer<typeof StatementOp>;
export type CodingLineInput = z.infer<typeof CodingLineInput>;
export type PatchNoteBody = z.infer<typeof PatchNoteBody>;
export type RevisionChange = z.infer<typeof RevisionChange>;
export type NoteRevision = z.infer<typeof NoteRevision>;
export type NoteReview = z.infer<typeof NoteReview>;
export type NoteView = z.infer<typeof NoteView>;
export type ListNotesQuery = z.infer<typeof ListNotesQuery>;
