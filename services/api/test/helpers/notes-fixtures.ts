/**
 * Draft notes for the notes API tests, stored the way the worker's draft stage stores them
 * (insertDraftNote in a transaction, session moved to drafted). Statement texts carry the
 * PHI-TEXT marker and patient refs PHI-PATIENT-, so the log scan proves none were logged.
 */
import { advanceSession, ensureOrganisation, insertDraftNote, insertTranscript, withTransaction } from '@scribe/db';
import { transcriptSha256, type Coding, type Sections, type Session, type Utterance } from '@scribe/domain';
import type { TestApi } from '../../../../test/helpers/api.ts';
import { bearer } from '../../../../test/helpers/api.ts';
import { sessionBody } from '../../../../test/helpers/fixtures.ts';

export const PHI_TEXT = 'PHI-TEXT';

/** 29 AI-drafted words in all (words as review telemetry counts them: "3/10" and "PHI-TEXT" are one word each). */
export const draftSections = (): Sections => ({
  subjective: [
    { id: 's1', text: `Patient reports right knee pain 3/10 ${PHI_TEXT}`, origin: 'ai', evidence: ['u1'] }, // 7 words
    { id: 's2', text: 'Patient denies numbness', origin: 'ai', evidence: ['u2'] }, // 3
  ],
  objective: [{ id: 'o1', text: `Right knee flexion 95 degrees ${PHI_TEXT}`, origin: 'ai', evidence: ['u3'] }], // 6
  assessment: [{ id: 'a1', text: `Tolerated session well ${PHI_TEXT}`, origin: 'ai', evidence: ['u3'] }], // 4
  plan: [
    { id: 'p1', text: `Continue plan of care ${PHI_TEXT}`, origin: 'ai', evidence: ['u4'] }, // 5
    { id: 'p2', text: 'Progress step-ups next visit', origin: 'ai', evidence: ['u4'] }, // 4
  ],
});

export const draftCoding = (): Coding => ({
  unitMethod: 'cms_total_time',
  totalTimedMinutes: 33,
  lines: [
    { code: '97110', description: 'Therapeutic exercise', minutes: 18, units: 1, modifiers: ['GP'], rationale: 'Strengthening', evidence: ['u3'] },
    { code: '97530', description: 'Therapeutic activities', minutes: 15, units: 1, modifiers: ['GP'], rationale: 'Stairs', evidence: ['u4'] },
  ],
  checks: [{ id: 'modifier_59_consideration', severity: 'warning', codes: ['97110', '97530'], message: 'Commonly bundled pair', evidence: [] }],
});

const utterances = (): Utterance[] => [
  { id: 'u1', speaker: 'patient', start: 0, end: 3, text: `${PHI_TEXT} my right knee hurts about a three` },
  { id: 'u2', speaker: 'patient', start: 3, end: 5, text: `${PHI_TEXT} no numbness` },
  { id: 'u3', speaker: 'clinician', start: 5, end: 9, text: `${PHI_TEXT} flexion is ninety five` },
  { id: 'u4', speaker: 'clinician', start: 9, end: 12, text: `${PHI_TEXT} next time step ups` },
];

export interface SeededNote {
  orgId: string;
  session: Session;
  noteId: string;
}

/** A session of `org` (created through the API with `key`), transcribed and drafted. */
export async function seedDraft(t: TestApi, org: string, key: string, overrides: Record<string, unknown> = {}): Promise<SeededNote> {
  const orgId = await ensureOrganisation(t.db.pool, org);
  const res = await t.app.inject({ method: 'POST', url: '/v1/sessions', headers: bearer(key), payload: sessionBody(overrides) });
  if (res.statusCode !== 201) throw new Error(`session create failed: ${res.statusCode}`);
  const session: Session = res.json().session;
  const u = utterances();
  const noteId = await withTransaction(t.db.pool, async (tx) => {
    await insertTranscript(tx, orgId, session.id, { engine: 'offline', model: 'offline-asr', language: 'en', utterances: u });
    const note = await insertDraftNote(tx, {
      orgId, sessionId: session.id, clinicianRef: session.clinicianRef,
      provenance: {
        engine: 'offline-therapy-drafter', model: 'offline-rules-1', promptVersion: 'pt-daily-v1',
        transcriptSha256: transcriptSha256(u), generatedAt: new Date().toISOString(), latencyMs: 12,
      },
      sections: draftSections(), coding: draftCoding(), detail: null,
    });
    await advanceSession(tx, session.id, ['created'], 'drafted', { noteId: note.id });
    return note.id;
  });
  return { orgId, session, noteId };
}
