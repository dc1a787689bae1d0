import type { Job } from 'bullmq';
import { getSessionById, markStageActive, markStageDone } from '@scribe/db';
import type { StageJob } from '@scribe/queue';
import type { JobContext, WorkerDeps } from '../deps.ts';
import { runStage } from '../stage-runner.ts';
import { emitEvent } from '@scribe/queue';

/** Stage 3: announce the draft (`note.drafted`) to the organisation's webhooks. */
export async function processDeliver(job: Job<StageJob>, deps: WorkerDeps, _signal?: AbortSignal, ctx: JobContext = {}) {
  const { sessionId, run } = job.data;
  return runStage('deliver', job, deps, ctx, async () => {
    const s = await getSessionById(deps.pool, sessionId);
    if (!s || run !== s.pipelineRun || s.status !== 'drafted' || !s.noteId) return { skipped: 'not drafted' };
    await markStageActive(deps.pool, sessionId, 'deliver', run);
    const deliveries = await emitEvent(deps, s.orgId, 'note.drafted', s.noteId, { sessionId, noteId: s.noteId });
    await markStageDone(deps.pool, sessionId, 'deliver', run, 'completed');
    return { deliveries };
  });
}
