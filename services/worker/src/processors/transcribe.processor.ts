import type { Job } from 'bullmq';
import {
  advanceSession, getSessionById, insertTranscript, markStageActive, markStageDone, markStageQueued, withTransaction,
} from '@scribe/db';
import { enqueueStage, type StageJob } from '@scribe/queue';
import type { JobContext, WorkerDeps } from '../deps.ts';
import { runStage } from '../stage-runner.ts';
import { transcriptFromText } from '@scribe/transcription';

const DONE = ['transcribed', 'drafting', 'drafted'];

/**
 * Stage 1: the session's audio (or dictated text) -> one stored transcript. Idempotent: it
 * re-reads the session first, skips work already committed, and queues the next stage only
 * after its own commit.
 */
export async function processTranscribe(job: Job<StageJob>, deps: WorkerDeps, signal?: AbortSignal, ctx: JobContext = {}) {
  const { sessionId, run } = job.data;
  return runStage('transcribe', job, deps, ctx, async (log) => {
    const s = await getSessionById(deps.pool, sessionId);
    if (!s || run !== s.pipelineRun || s.status === 'cancelled' || s.status === 'failed') return { skipped: 'obsolete' };
    if (DONE.includes(s.status)) {
      await enqueueStage(deps.queues, 'draft', { sessionId, run });
      return { skipped: 'already transcribed' };
    }
    if (s.status !== 'recorded' && s.status !== 'transcribing') return { skipped: `not ready (${s.status})` };

    await advanceSession(deps.pool, sessionId, ['recorded'], 'transcribing');
    await markStageActive(deps.pool, sessionId, 'transcribe', run);
    const source = await deps.audio.load(s, signal);
    const started = Date.now();
    const transcript = source.kind === 'text'
      ? transcriptFromText(source.text)
      : await deps.transcriber.transcribe({ wav: source.wav, mode: s.mode }, signal);
    await withTransaction(deps.pool, async (tx) => {
      await insertTranscript(tx, s.orgId, sessionId, transcript);
      await advanceSession(tx, sessionId, ['transcribing'], 'transcribed');
      await markStageDone(tx, sessionId, 'transcribe', run, 'completed');
      await markStageQueued(tx, sessionId, 'draft', run);
    });
    await enqueueStage(deps.queues, 'draft', { sessionId, run });
    log.info({ engine: transcript.engine, utteranceCount: transcript.utterances.length, ms: Date.now() - started }, 'transcribed');
    return { utterances: transcript.utterances.length };
  });
}
