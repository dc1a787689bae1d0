/**
 * closeWorker: a worker whose Redis client cannot end (Redis unreachable) is given up on once it
 * runs no job, instead of hanging shutdown for ever (bullmq #2430, #4656: Worker.close() awaits
 * an 'end' event a reconnecting client never emits); a running job is never cut short.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, expect, it } from 'vitest';
import { REDIS_URL } from '../../../test/helpers/redis.ts';
import { closeWorker } from '../src/close-worker.ts';

const opened: Redis[] = [];
afterAll(() => { for (const r of opened) r.disconnect(); });

function redis(url: string): Redis {
  const r = new Redis(url, { maxRetriesPerRequest: null });
  r.on('error', () => {});
  opened.push(r);
  return r;
}

/** A port nothing listens on. */
async function deadPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

it('gives up on a worker whose Redis is unreachable once it runs no job', async () => {
  const w = new Worker('close-probe', async () => {}, { connection: redis(`redis://127.0.0.1:${await deadPort()}`) });
  w.on('error', () => {});
  await new Promise((r) => setTimeout(r, 300));
  const t0 = Date.now();
  // Worker.close() alone never resolves here; the test would time out.
  expect(await closeWorker(w, () => false, 300)).toBe('abandoned');
  expect(Date.now() - t0).toBeLessThan(5_000);
});

it('lets a running job finish, however long past the grace, and then closes', async () => {
  const prefix = `close-worker-${randomUUID()}`;
  const connection = redis(REDIS_URL);
  const queue = new Queue('close-probe', { connection, prefix });
  let running = false;
  let finished = false;
  let started!: () => void;
  const jobStarted = new Promise<void>((r) => { started = r; });
  const w = new Worker('close-probe', async () => {
    running = true;
    started();
    await new Promise((r) => setTimeout(r, 1_500));
    finished = true;
    running = false;
  }, { connection, prefix });
  try {
    await queue.add('job', {});
    await jobStarted;
    expect(await closeWorker(w, () => running, 200)).toBe('closed');
    expect(finished).toBe(true);
  } finally {
    await queue.obliterate({ force: true });
    await queue.close();
  }
});
