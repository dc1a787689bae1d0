/**
 * `scripts/bench pipeline [--sessions 30] [--source text|audio] [--concurrency 4]`
 *
 * Time from the hand-off (`finish`/upload committed: the session is `recorded`) to `drafted`
 * for a batch of sessions on the real stack (api, gateway and worker in this process, real
 * Postgres and Redis), broken down by stage: queue wait and run time of transcribe, draft and
 * deliver, p50/p95. Side by side, in the same run: a baseline chain of three BullMQ queues
 * whose jobs do nothing but queue the next one, so the ratio shows what the pipeline's work
 * costs over bare queueing. `--source audio` uploads the bundled spoken sample and runs the
 * configured speech engine (offline pocketsphinx by default: slow, ~0.25x real time per core).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { createRedis } from '@scribe/queue';
import { startStack } from '../../test/helpers/stack.ts';
import { bearer } from '../../test/helpers/api.ts';
import { REDIS_URL, deletePrefix, uniquePrefix } from '../../test/helpers/redis.ts';
import { createSession, DICTATION, settled, waitFor } from '../../test/helpers/pipeline.ts';
import { loadAverage, percentile } from './proc-stats.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : dflt;
};
const SESSIONS = Number(arg('sessions', '30'));
const SOURCE = arg('source', 'text');
const CONCURRENCY = arg('concurrency', '4');

const ms = (n: number) => `${n.toFixed(0)} ms`;
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95) };
};

async function baseline(n: number): Promise<number[]> {
  const prefix = uniquePrefix('bench-base');
  const connection = createRedis(REDIS_URL);
  const names = ['b-transcribe', 'b-draft', 'b-deliver'];
  const queues = names.map((q) => new Queue(q, { connection, prefix }));
  const events = new QueueEvents('b-deliver', { connection: { url: REDIS_URL } as never, prefix });
  await events.waitUntilReady();
  const workers = names.map((q, i) => new Worker(q, async (job) => {
    if (i < 2) await queues[i + 1]!.add(names[i + 1]!, job.data, { jobId: `${names[i + 1]}-${job.data.n}` });
  }, { connection, prefix, concurrency: Number(CONCURRENCY) }));
  const started = new Map<number, number>();
  const took: number[] = [];
  const done = new Promise<void>((resolveDone) => {
    events.on('completed', ({ jobId }) => {
      const k = Number(jobId.split('-').pop());
      took.push(performance.now() - started.get(k)!);
      if (took.length === n) resolveDone();
    });
  });
  for (let k = 0; k < n; k++) {
    started.set(k, performance.now());
    await queues[0]!.add(names[0]!, { n: k }, { jobId: `${names[0]}-${k}` });
  }
  await done;
  await Promise.all(workers.map((w) => w.close()));
  await events.close();
  await Promise.all(queues.map((q) => q.close()));
  connection.disconnect();
  await deletePrefix(prefix);
  return took;
}

async function pipeline(n: number) {
  const stack = await startStack('bench-pipeline', { config: { WORKER_CONCURRENCY: CONCURRENCY, LOG_LEVEL: 'warn' } });
  try {
    const key = await stack.api.key('bench');
    const wav = SOURCE === 'audio' ? readFileSync(resolve(ROOT, 'test/fixtures/sample-visit/sample-visit.wav')) : null;
    const ids: string[] = [];
    for (let k = 0; k < n; k++) {
      const { session } = await createSession(stack.api, key, wav ? { audio: { encoding: 'wav', sampleRate: 16000, channels: 1 } } : { mode: 'dictation', consent: undefined });
      const res = wav
        ? await stack.api.app.inject({ method: 'POST', url: `/v1/sessions/${session.id}/recording`, headers: { ...bearer(key), 'content-type': 'audio/wav' }, payload: wav })
        : await stack.api.app.inject({ method: 'POST', url: `/v1/sessions/${session.id}/dictation`, headers: bearer(key), payload: { text: DICTATION } });
      if (res.statusCode !== 202) throw new Error(`upload: ${res.statusCode} ${res.body}`);
      ids.push(session.id);
    }
    for (const id of ids) {
      const s = await waitFor(stack.api, key, id, settled, 30 * 60_000);
      if (s.status !== 'drafted') throw new Error(`session ${id} ${s.status}: ${JSON.stringify(s.failure)}`);
    }
    const { rows } = await stack.api.db.pool.query<{ total: number; stage: string; wait: number; run: number }>(
      `SELECT extract(epoch FROM s.drafted_at - s.ended_at) * 1000 AS total, r.stage,
              -- the first transcribe is queued by the upload's commit (ended_at), not by a stage
              extract(epoch FROM r.started_at - CASE WHEN r.stage = 'transcribe' AND r.run = 0 THEN s.ended_at ELSE r.queued_at END) * 1000 AS wait, extract(epoch FROM r.finished_at - r.started_at) * 1000 AS run
       FROM sessions s JOIN stage_runs r ON r.session_id = s.id WHERE s.id = ANY($1::uuid[])`, [ids]);
    // finish -> drafted covers transcribe and draft; deliver runs after the draft is visible.
    const deliverDone = await stack.api.db.pool.query<{ d: number }>(
      `SELECT extract(epoch FROM r.finished_at - s.ended_at) * 1000 AS d FROM sessions s JOIN stage_runs r ON r.session_id = s.id AND r.stage = 'deliver'
       WHERE s.id = ANY($1::uuid[])`, [ids]);
    return { rows, delivered: deliverDone.rows.map((r) => Number(r.d)) };
  } finally {
    await stack.close();
  }
}

console.log(`pipeline bench: ${SESSIONS} ${SOURCE} sessions, worker concurrency ${CONCURRENCY}, load ${loadAverage().join(' ')}`);
const base = await baseline(SESSIONS);
const { rows, delivered } = await pipeline(SESSIONS);
const totals = [...new Map(rows.map((r) => [r.total, Number(r.total)])).values()];
const b = stats(base);
const t = stats(totals);
const d = stats(delivered);
console.log('\n| measure | p50 | p95 |\n|---|---|---|');
console.log(`| baseline: 3 empty BullMQ stages, add -> last completed | ${ms(b.p50)} | ${ms(b.p95)} |`);
console.log(`| pipeline: recorded -> drafted | ${ms(t.p50)} | ${ms(t.p95)} |`);
console.log(`| pipeline: recorded -> delivered | ${ms(d.p50)} | ${ms(d.p95)} |`);
for (const stage of ['transcribe', 'draft', 'deliver']) {
  const of = rows.filter((r) => r.stage === stage);
  const w = stats(of.map((r) => Number(r.wait)));
  const r = stats(of.map((x) => Number(x.run)));
  console.log(`| ${stage}: queue wait | ${ms(w.p50)} | ${ms(w.p95)} |`);
  console.log(`| ${stage}: run | ${ms(r.p50)} | ${ms(r.p95)} |`);
}
console.log(`\nratio recorded->drafted / baseline (p50): ${(t.p50 / b.p50).toFixed(1)}x; load after: ${loadAverage().join(' ')}`);
process.exit(0);
