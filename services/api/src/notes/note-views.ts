import type { Note, NoteView } from '@scribe/domain';
import { getReviewHistories, type Queryable, type ReviewHistory } from '@scribe/db';
import { computeReview } from './review.ts';

/** A note as the API returns it, from a history already read (e.g. by `getNoteWithHistory`). */
export const noteView = (note: Note, history: ReviewHistory | undefined): NoteView => ({ ...note, review: computeReview(note, history) });

/** Notes as the API returns them: each with its review telemetry (one query for the whole page). */
export async function toNoteViews(q: Queryable, notes: Note[]): Promise<NoteView[]> {
  const histories = await getReviewHistories(q, notes.map((n) => n.id));
  return notes.map((n) => noteView(n, histories.get(n.id)));
}

export async function toNoteView(q: Queryable, note: Note): Promise<NoteView> {
  return (await toNoteViews(q, [note]))[0]!;
}
