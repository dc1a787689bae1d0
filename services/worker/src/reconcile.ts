import type { Queue } from 'bullmq';
import type { Pool } from '@scribe/db';
import { enqueueStage, enqueueWebhook, type Stage, type StageQueues, type WebhookJob } from '@scribe/queue';

/** Which stage a session waiting in each status needs. */
const NEXT: Record<string, Stage> = { recorded: 'transcribe', transcribing: 'transcribe', transcribed: 'draft', drafting: 'draft' };

/**
 * Re-queue sessions that wait for a stage but may have no job: the hand-off after a commit
 * can be lost (a crash between commit and enqueue, or Redis lost its data). Job ids are
 * deterministic, so a session that still has its job is not queued twice.
 */
export async function reconcile(pool: Pool, queues: StageQueues, webhooks: Queue<WebhookJob>, olderThanSec: number): Promise<number> {
  const { rows } = await pool.query<{ id: string; status: string; pipeline_run: number }>(
    `SELECT id, status, pipeline_run FROM sessions
     WHERE status = ANY($1::text[]) AND updated_at < now() - make_interval(secs => $2)
     ORDER BY updated_at LIMIT 500`,
    [Object.keys(NEXT), olderThanSec],
  );
  for (const r of rows) await enqueueStage(queues, NEXT[r.status]!, { sessionId: r.id, run: r.pipeline_run });
  // Deliveries committed (e.g. by a sign-off) whose job was never queued or was lost with Redis.
  const pending = await pool.query<{ id: string }>(
    `SELECT id FROM webhook_deliveries WHERE status = 'pending' AND created_at < now() - make_interval(secs => $1)
     ORDER BY created_at LIMIT 500`,
    [olderThanSec],
  );
  for (const d of pending.rows) await enqueueWebhook(webhooks, d.id);
  return rows.length + pending.rows.length;
}
