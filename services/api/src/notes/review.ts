import { SectionName, type Note, type NoteReview, type NoteRevision, type Sections, type Statement } from '@scribe/domain';
import { commonWords, words } from './words.ts';

const SECTIONS = SectionName.options;

export interface ReviewHistoryInput {
  /** The AI draft: the sections of version 1. */
  draft: Sections;
  /** Every revision, oldest first. */
  revisions: NoteRevision[];
}

/**
 * Review telemetry for a note, from its AI draft, its revisions and its current content.
 * The point is to tell a reviewed draft from a rubber-stamped one (DOMAIN.md §5 C.14):
 * how long review took, how much AI text survived, and where the clinician edited.
 *
 * AI words kept: for each statement the AI drafted, the words of its draft text still
 * present, in order, in the statement with the same id now (LCS over words); a deleted
 * statement keeps none. Share = kept / drafted.
 */
export function computeReview(note: Note, history: ReviewHistoryInput | undefined): NoteReview {
  const draft = history?.draft ?? note.sections;
  const revisions = history?.revisions ?? [];
  const current = new Map<string, Statement>();
  for (const s of SECTIONS) for (const st of note.sections[s]) current.set(st.id, st);

  let aiWords = 0;
  let aiWordsKept = 0;
  for (const s of SECTIONS) {
    for (const st of draft[s]) {
      if (st.origin !== 'ai') continue;
      const drafted = words(st.text);
      aiWords += drafted.length;
      const now = current.get(st.id);
      if (now) aiWordsKept += now.text === st.text ? drafted.length : commonWords(drafted, words(now.text));
    }
  }

  const editsBySection = Object.fromEntries(SECTIONS.map((s) => [s, { edited: 0, added: 0, deleted: 0 }])) as NoteReview['editsBySection'];
  let codingReplacements = 0;
  let editCount = 0;
  for (const rev of revisions) {
    let isEdit = false;
    for (const c of rev.changes) {
      if (c.type === 'statement_edited') editsBySection[c.section].edited++;
      else if (c.type === 'statement_added') editsBySection[c.section].added++;
      else if (c.type === 'statement_deleted') editsBySection[c.section].deleted++;
      else if (c.type === 'coding_replaced') codingReplacements++;
      else continue;
      isEdit = true;
    }
    if (isEdit) editCount++;
  }

  const statements = { ai: 0, ai_edited: 0, clinician: 0 };
  for (const st of current.values()) statements[st.origin]++;

  const draftedAt = revisions.find((r) => r.version === 1)?.at ?? note.createdAt;
  const signedAt = note.signature?.signedAt ?? null;
  return {
    draftedAt,
    signedAt,
    draftToSignSec: signedAt ? Math.max(0, Date.parse(signedAt) - Date.parse(draftedAt)) / 1000 : null,
    revisionCount: revisions.length > 0 ? revisions.length : note.version,
    editCount,
    aiWords,
    aiWordsKept,
    aiTextKeptShare: aiWords > 0 ? Math.round((aiWordsKept / aiWords) * 10_000) / 10_000 : null,
    editsBySection,
    codingReplacements,
    statements,
  };
}
