import type { Worker } from 'bullmq';

/** How long a worker with no job left may take to close before it is given up on. */
export const CLOSE_GRACE_MS = 5_000;

/**
 * Close a BullMQ worker: stop taking jobs and let the running ones finish, however long they
 * take. `Worker.close()` then waits for its blocking Redis client to end, and a client left
 * reconnecting (Redis down, or back after an outage) may never end, so close() never resolves
 * (bullmq #2430, #4656). Once `busy()` says the worker runs no job, wait `graceMs` more and then
 * stop waiting: 'abandoned' means no job was cut short, only the connection teardown.
 */
export async function closeWorker(worker: Worker, busy: () => boolean, graceMs = CLOSE_GRACE_MS): Promise<'closed' | 'abandoned'> {
  const closed = worker.close().then(() => 'closed' as const);
  let timer: NodeJS.Timeout | undefined;
  const idleThenGrace = new Promise<'abandoned'>((resolve) => {
    let idleSince: number | null = null;
    const tick = () => {
      const now = Date.now();
      idleSince = busy() ? null : (idleSince ?? now);
      if (idleSince !== null && now - idleSince >= graceMs) return resolve('abandoned');
      timer = setTimeout(tick, Math.min(100, graceMs));
    };
    tick();
  });
  try {
    return await Promise.race([closed, idleThenGrace]);
  } finally {
    clearTimeout(timer);
  }
}
