import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, createShutdown } from '../src/index.ts';

function setup(steps: { name: string; run: () => Promise<void> }[], timeoutMs = 1_000) {
  const out: string[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => out.push(...c.toString().split('\n').filter(Boolean)));
  const exits: number[] = [];
  let resolveExit!: (code: number) => void;
  const exited = new Promise<number>((r) => (resolveExit = r));
  const shutdown = createShutdown({
    logger: createLogger({ name: 't', destination: stream }),
    timeoutMs,
    steps,
    exit: (code) => { exits.push(code); resolveExit(code); },
    onTimeout: () => ({ handedBack: ['transcribe/job-1'] }),
  });
  return { shutdown, exits, exited, logs: () => out.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('createShutdown', () => {
  it('runs the steps in order once and exits 0', async () => {
    const order: string[] = [];
    const s = setup([
      { name: 'intake', run: async () => { order.push('intake'); } },
      { name: 'pools', run: async () => { order.push('pools'); } },
    ]);
    await s.shutdown('SIGTERM');
    await s.shutdown('SIGTERM');
    expect(order).toEqual(['intake', 'pools']);
    expect(s.exits).toEqual([0]);
    expect(s.logs().map((l) => l.msg)).toEqual(['shutting down', 'shutdown step done', 'shutdown step done', 'shutdown complete']);
  });

  it('still closes the pools after a step throws, then exits 1', async () => {
    const order: string[] = [];
    const s = setup([
      { name: 'workers', run: async () => { throw new Error('boom'); } },
      { name: 'pools', run: async () => { order.push('pools'); } },
    ]);
    await s.shutdown('SIGTERM');
    expect(order).toEqual(['pools']);
    expect(s.exits).toEqual([1]);
  });

  it('exits 1 at the hard timeout when a step hangs, naming what it hands back', async () => {
    const later: string[] = [];
    const s = setup([
      { name: 'workers', run: () => new Promise<void>(() => {}) },
      { name: 'pools', run: async () => { later.push('pools'); } },
    ], 50);
    void s.shutdown('SIGTERM');
    expect(await s.exited).toBe(1);
    expect(later).toEqual([]);
    expect(s.logs().at(-1)).toMatchObject({ msg: 'shutdown timed out; exiting', handedBack: ['transcribe/job-1'] });
  });
});
