/**
 * The per-request logger (log-context.ts): its lines carry the request's bindings (request id,
 * the session or note id of the path), but the pino child behind it is made only when a route
 * or hook logs, not for the access line every request writes.
 */
import { PassThrough } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { FastifyBaseLogger } from 'fastify';
import { createLogger } from '@scribe/observability';
import { childLoggerFactory, RequestLogger } from '../src/plugins/log-context.ts';

const NOTE = '00000000-0000-4000-8000-00000000abcd';

function setup(opts: object = {}) {
  const lines: Record<string, unknown>[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => lines.push(...c.toString().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)));
  const root = createLogger({ name: 't', destination: stream });
  let children = 0;
  const child = root.child.bind(root);
  root.child = ((b, o) => { children++; return child(b, o); }) as typeof root.child;
  const log = childLoggerFactory.call(null as never, root as FastifyBaseLogger, { reqId: 'req-1' }, opts, { url: `/v1/notes/${NOTE}` } as IncomingMessage) as RequestLogger;
  const flushed = () => new Promise<Record<string, unknown>[]>((r) => setImmediate(() => r(lines)));
  return { log, children: () => children, flushed };
}

describe('request logger', () => {
  it('writes the access line with the request bindings and makes no child for it', async () => {
    const s = setup();
    expect(s.log).toBeInstanceOf(RequestLogger);
    s.log.accessLine({ responseTime: 3 }, 'request completed');
    expect(s.children()).toBe(0);
    expect(await s.flushed()).toEqual([expect.objectContaining({ reqId: 'req-1', noteId: NOTE, responseTime: 3, msg: 'request completed' })]);
  });

  it('makes one child when a route logs; its lines and the access line carry the bindings', async () => {
    const s = setup();
    s.log.warn({ errType: 'X' }, 'first');
    s.log.info('second');
    s.log.accessLine({ responseTime: 1 }, 'request completed');
    expect(s.children()).toBe(1);
    const lines = await s.flushed();
    expect(lines.map((l) => l.msg)).toEqual(['first', 'second', 'request completed']);
    for (const l of lines) expect(l).toMatchObject({ reqId: 'req-1', noteId: NOTE });
  });

  it("keeps a route's own level: under logLevel 'warn' the access line is not written", async () => {
    const s = setup({ level: 'warn' });
    s.log.accessLine({ responseTime: 1 }, 'request completed');
    s.log.warn('kept');
    expect((await s.flushed()).map((l) => l.msg)).toEqual(['kept']);
  });
});
