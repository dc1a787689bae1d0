/**
 * The real worker binary (`services/worker/src/main.ts`) as a child process wired to a test
 * stack's database, audio store and queues, logging into test-results/logs (scanned for PHI).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestApi } from './api.ts';
import { ROOT } from './db.ts';
import { LOG_DIR } from './logs.ts';

export function spawnWorker(api: TestApi, name: string, env: Record<string, string> = {}): ChildProcess {
  const c = api.deps.config;
  mkdirSync(LOG_DIR, { recursive: true });
  const log = createWriteStream(resolve(LOG_DIR, `${name}.ndjson`), { flags: 'a' });
  const child = spawn(process.execPath, ['--import', 'tsx', 'services/worker/src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: c.DATABASE_URL,
      REDIS_URL: c.REDIS_URL,
      QUEUE_PREFIX: c.QUEUE_PREFIX,
      STORAGE_DIR: c.STORAGE_DIR,
      AUDIO_KEK: c.AUDIO_KEK,
      STREAM_TOKEN_SECRET: c.STREAM_TOKEN_SECRET,
      WORKER_METRICS_PORT: '0',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  return child;
}

export const exited = (child: ChildProcess) =>
  new Promise<number | null>((r) => (child.exitCode !== null || child.signalCode ? r(child.exitCode) : child.once('exit', (code) => r(code))));
