import type { Job } from 'bullmq';
import {
  advanceSession, getSessionById, getTranscript, insertDraftNote, markStageActive, markStageDone, markStageQueued,
  recordAudit, withTransaction,
} from '@scribe/db';
import { enqueueStage, type StageJob } from '@scribe/queue';
import type { JobContext, WorkerDeps } from '../deps.ts';
import { runStage } from '../stage-runner.ts';
import { PipelineError } from '../failure.ts';

/**
 * Stage 2: transcript -> one AI draft note (SOAP statements with evidence, coding). The note
 * is stored as `aiGenerated` and `draft`; nothing here signs or finalises anything.
 */
export async function processDraft(job: Job<StageJob>, deps: WorkerDeps, signal?: AbortSignal, ctx: JobContext = {}) {
  const { sessionId, run } = job.data;
  return runStage('draft', job, deps, ctx, async (log) => {
    const s = await getSessionById(deps.pool, sessionId);
    if (!s || run !== s.pipelineRun || s.status === 'cancelled' || s.status === 'failed') return { skipped: 'obsolete' };
    if (s.status === 'drafted') {
      await enqueueStage(deps.queues, 'deliver', { sessionId, run });
      return { skipped: 'already drafted' };
    }
    if (s.status !== 'transcribed' && s.status !== 'drafting') return { skipped: `not ready (${s.status})` };

    await advanceSession(deps.pool, sessionId, ['transcribed'], 'drafting');
    await markStageActive(deps.pool, sessionId, 'draft', run);
    const transcript = await getTranscript(deps.pool, s.orgId, sessionId);
    if (!transcript) throw new PipelineError('TRANSCRIPT_MISSING', 'The session has no transcript to draft from');
    const started = performance.now();
    const drafted = await deps.drafter.draft({ session: s, transcript }, signal);
    const draftSec = (performance.now() - started) / 1000;
    const stored = await withTransaction(deps.pool, async (tx) => {
      const note = await insertDraftNote(tx, {
        orgId: s.orgId, sessionId, clinicianRef: s.clinicianRef,
        provenance: drafted.provenance, sections: drafted.sections, coding: drafted.coding, detail: drafted.detail,
      });
      await advanceSession(tx, sessionId, ['drafting'], 'drafted', { noteId: note.id });
      if (note.created) {
        await recordAudit(tx, { orgId: s.orgId, actorKeyId: null, actor: 'system:worker', action: 'note.draft', resourceType: 'note', resourceId: note.id });
      }
      await markStageDone(tx, sessionId, 'draft', run, 'completed');
      await markStageQueued(tx, sessionId, 'deliver', run);
      return note;
    });
    await enqueueStage(deps.queues, 'deliver', { sessionId, run });
    // Counted once per note stored (a re-run that finds the note already there drafts nothing new).
    if (stored.created) {
      deps.metrics?.drafts.inc({ engine: drafted.provenance.engine });
      deps.metrics?.draftLatency.observe({ engine: drafted.provenance.engine }, draftSec);
    }
    log.info({ noteId: stored.id, engine: drafted.provenance.engine, latencyMs: drafted.provenance.latencyMs }, 'drafted');
    return { noteId: stored.id };
  });
}
