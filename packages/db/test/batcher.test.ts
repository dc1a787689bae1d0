import { describe, expect, it } from 'vitest';
import { createBatcher } from '../src/batcher.ts';

/** A `run` that records each batch and answers after `release()` (or at once when `auto`). */
function recorder(auto = true) {
  const batches: number[][] = [];
  let releases: (() => void)[] = [];
  const run = async (items: number[]) => {
    batches.push(items);
    if (!auto) await new Promise<void>((r) => releases.push(r));
    if (items.includes(13)) throw Object.assign(new Error('unlucky'), { code: '23503' }); // a foreign key violation
    if (items.includes(99)) throw Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' });
    return items.map((n) => n * 10);
  };
  const release = () => {
    const r = releases;
    releases = [];
    r.forEach((f) => f());
  };
  return { batches, run, release };
}

const turn = () => new Promise((r) => setImmediate(r));

describe('createBatcher', () => {
  it('sends the calls of one event-loop turn as one batch and answers each caller with its own result', async () => {
    const { batches, run } = recorder();
    const call = createBatcher(run);
    expect(await Promise.all([call(1), call(2), call(3)])).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('collects calls made while a batch is in flight into the next batch, never into the one already sent', async () => {
    const { batches, run, release } = recorder(false);
    const call = createBatcher(run);
    const first = call(1);
    await turn();
    expect(batches).toEqual([[1]]);
    const later = [call(2), call(3)];
    await turn();
    expect(batches).toEqual([[1]]); // still in flight: 2 and 3 wait
    release();
    expect(await first).toBe(10);
    await turn();
    expect(batches).toEqual([[1], [2, 3]]);
    release();
    expect(await Promise.all(later)).toEqual([20, 30]);
  });

  it('retries a batch that failed on bad data one item at a time, so only the bad item fails', async () => {
    const { batches, run } = recorder();
    const call = createBatcher(run);
    const results = await Promise.allSettled([call(1), call(13), call(2)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason.message).toBe('unlucky');
    expect(batches).toEqual([[1, 13, 2], [1], [13], [2]]);
  });

  it('fails the whole batch at once, without retrying each item, on an error that is not an item\'s fault', async () => {
    const { batches, run } = recorder();
    const call = createBatcher(run);
    const results = await Promise.allSettled([call(1), call(99), call(2)]);
    expect(results.every((r) => r.status === 'rejected' && /statement timeout/.test(String(r.reason)))).toBe(true);
    expect(batches).toEqual([[1, 99, 2]]);
    const down = createBatcher(async () => { throw new Error('connect ECONNREFUSED'); });
    expect((await Promise.allSettled([down(1), down(2)])).map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  it('splits a backlog into batches of at most maxBatch, and keeps working after going idle', async () => {
    const { batches, run } = recorder();
    const call = createBatcher(run, { maxBatch: 2 });
    expect(await Promise.all([1, 2, 3, 4, 5].map(call))).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
    expect(await call(6)).toBe(60);
    expect(batches.at(-1)).toEqual([6]);
  });
});
