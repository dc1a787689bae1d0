import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createLogger, REDACTED_KEYS } from '../src/index.ts';

function capture() {
  const out: string[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => out.push(c.toString()));
  return { logger: createLogger({ name: 't', destination: stream }), text: () => out.join('') };
}

describe('logger redaction', () => {
  it('redacts auth headers, keys and PHI-bearing fields at the top level and one level down', () => {
    const { logger, text } = capture();
    logger.info(
      {
        req: { headers: { authorization: 'Bearer sk_secret' } },
        apiKey: 'sk_abc',
        patientRef: 'PHI-PATIENT-1',
        session: { id: 'ok-id', patientRef: 'PHI-PATIENT-2', context: { goals: ['x'] } },
        body: { text: 'PHI-TEXT dictated' },
        transcript: 'PHI-TEXT words',
        sessionId: 'keep-me',
        bytes: 42,
      },
      'event',
    );
    const out = text();
    for (const s of ['sk_secret', 'sk_abc', 'PHI-PATIENT-1', 'PHI-PATIENT-2', 'PHI-TEXT']) expect(out).not.toContain(s);
    expect(out).toContain('keep-me');
    expect(out).toContain('"bytes":42');
  });

  it('logs a request without its query string (stream tokens travel there)', () => {
    const { logger, text } = capture();
    logger.info({ req: { id: 'r1', method: 'GET', url: '/v1/sessions/1/audio?token=secret-token', headers: {} } }, 'incoming');
    expect(text()).not.toContain('secret-token');
    expect(text()).toContain('/v1/sessions/1/audio');
  });
});

describe('logger redaction, against pino\'s own path redaction', () => {
  // The reference: what pino's `redact` option censors for these keys at the top level and
  // under any top-level key (`*.key`), the rule createLogger implements in one pass.
  const reference = (stream: PassThrough) => pino({
    name: 't',
    redact: { paths: [...REDACTED_KEYS, ...REDACTED_KEYS.map((k) => `*.${k}`)], censor: '[REDACTED]' },
    serializers: { err: pino.stdSerializers.err },
  }, stream);
  const lines = (make: (s: PassThrough) => pino.Logger, write: (l: pino.Logger) => void) => {
    const out: string[] = [];
    const stream = new PassThrough();
    stream.on('data', (c: Buffer) => out.push(...c.toString().split('\n').filter(Boolean)));
    write(make(stream));
    return out.map((l) => {
      const { time: _time, ...rest } = JSON.parse(l) as Record<string, unknown>;
      return rest;
    });
  };
  const ours = (stream: PassThrough) => createLogger({ name: 't', destination: stream });

  it('censors exactly what pino\'s redaction censors, in log objects, errors and child bindings', () => {
    const err = Object.assign(new Error('boom'), { text: 'PHI-ERR-TEXT', code: 'E_X' });
    const corpus: Record<string, unknown>[] = [
      { sessionId: 's1', text: 'PHI-1', nested: { note: 'PHI-2', keep: 1, deeper: { text: 'two levels down is kept' } } },
      { list: [{ text: 'in an array: not one level down' }], goals: ['PHI-3'], count: 3 },
      { session: { id: 'ok', patientRef: 'PHI-4', context: { goals: ['x'] } }, body: { text: 'PHI-5' } },
      { err },
      { payload: null, statements: undefined, n: 0, audio: 'PHI-6' },
      {},
    ];
    for (const obj of corpus) {
      const write = (l: pino.Logger) => {
        l.info(obj, 'event');
        l.child({ patientRef: 'PHI-B1', job: { id: 'j1', text: 'PHI-B2' }, stage: 'draft' }).warn(obj, 'child');
      };
      expect(lines(ours, write)).toEqual(lines(reference, write));
    }
    const write = (l: pino.Logger) => l.error(err, 'failed');
    expect(lines(ours, write)).toEqual(lines(reference, write));
    expect(JSON.stringify(lines(ours, write))).not.toContain('PHI-ERR-TEXT');
  });

  it('never changes the caller\'s objects', () => {
    const session = { id: 'ok', patientRef: 'PHI-4' };
    const obj = { session, text: 'PHI-1' };
    lines(ours, (l) => l.info(obj, 'event'));
    expect(obj).toEqual({ session: { id: 'ok', patientRef: 'PHI-4' }, text: 'PHI-1' });
    expect(obj.session).toBe(session);
  });
});

describe('logger destination', () => {
  it('writes a line logged alone within the flush interval, without waiting for more lines or the exit', async () => {
    const { mkdtempSync, openSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = `${mkdtempSync(`${tmpdir()}/scribe-log-`)}/out.log`;
    const fd = openSync(path, 'w');
    const logger = createLogger({ name: 'quiet', fd });
    logger.info({ n: 1 }, 'alone');
    const t0 = Date.now();
    while (!readFileSync(path, 'utf8').includes('"alone"') && Date.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 20));
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ n: 1, msg: 'alone' });
    const dest = (logger as unknown as Record<symbol, NodeJS.WritableStream>)[pino.symbols.streamSym]!;
    await new Promise((r) => dest.once('close', r).end()); // closes fd and stops the flush timer
  });

  it('loses no line when the process exits right after a burst of logging', async () => {
    // The buffer still holds lines at process.exit; pino writes them synchronously then.
    const { execFileSync } = await import('node:child_process');
    const src = new URL('../src/index.ts', import.meta.url).pathname;
    const script = `import { createLogger } from ${JSON.stringify(src)};
      const logger = createLogger({ name: 'burst' });
      for (let i = 0; i < 20000; i++) logger.info({ i }, 'line');
      process.exit(0);`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { i: number });
    expect(lines.map((l) => l.i)).toEqual(Array.from({ length: 20000 }, (_, i) => i));
  });
});
