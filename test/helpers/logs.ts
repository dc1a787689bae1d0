/**
 * Loggers for tests. Every line also goes to test-results/logs/, which scripts/test scans
 * after the run for PHI and keys (see scripts/check-logs.ts). Tests can read back what
 * they logged with `lines()`.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { createLogger, type Logger } from '@scribe/observability';
import { ROOT } from './db.ts';

export const LOG_DIR = resolve(ROOT, 'test-results/logs');

export function testLogger(name: string, file = 'test'): { logger: Logger; lines: () => string[] } {
  mkdirSync(LOG_DIR, { recursive: true });
  const out = createWriteStream(resolve(LOG_DIR, `${basename(file).replace(/\W+/g, '_')}.ndjson`), { flags: 'a' });
  const captured: string[] = [];
  const tee = new PassThrough();
  tee.on('data', (chunk: Buffer) => {
    out.write(chunk);
    captured.push(...chunk.toString('utf8').split('\n').filter(Boolean));
  });
  return { logger: createLogger({ name, level: 'debug', destination: tee }), lines: () => captured };
}
