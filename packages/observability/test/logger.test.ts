import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/index.ts';

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
