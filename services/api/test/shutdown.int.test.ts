/**
 * SIGTERM on the real API process (`services/api/src/main.ts`): a request in flight (a slow
 * recording upload) is finished and answered before the process exits 0; one that outlasts
 * SHUTDOWN_TIMEOUT_MS is cut and the process exits 1 at the timeout.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, bearer, type TestApi } from '../../../test/helpers/api.ts';
import { ROOT } from '../../../test/helpers/db.ts';
import { LOG_DIR } from '../../../test/helpers/logs.ts';
import { sessionBody } from '../../../test/helpers/fixtures.ts';

const WAV = readFileSync(resolve(ROOT, 'test/fixtures/sample-visit/sample-visit.wav'));
let t: TestApi;
let key: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  t = await createTestApi(import.meta.filename);
  key = await t.key('clinic-api-sigterm');
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && !c.signalCode) c.kill('SIGKILL');
  await t.close();
});

/** The API binary on a free port, logging to test-results/logs/<name>.ndjson; resolves once it listens. */
async function spawnApi(name: string, env: Record<string, string>): Promise<{ child: ChildProcess; url: string; log: () => Record<string, unknown>[] }> {
  const c = t.deps.config;
  mkdirSync(LOG_DIR, { recursive: true });
  const file = resolve(LOG_DIR, `${name}.ndjson`);
  const out = createWriteStream(file, { flags: 'a' });
  const child = spawn(process.execPath, ['--import', 'tsx', 'services/api/src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH, DATABASE_URL: c.DATABASE_URL, REDIS_URL: c.REDIS_URL, QUEUE_PREFIX: c.QUEUE_PREFIX,
      STORAGE_DIR: c.STORAGE_DIR, AUDIO_KEK: c.AUDIO_KEK, STREAM_TOKEN_SECRET: c.STREAM_TOKEN_SECRET,
      API_PORT: '0', LOG_LEVEL: 'info', ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let text = '';
  child.stdout!.on('data', (d: Buffer) => { text += d.toString(); out.write(d); });
  child.stderr!.pipe(out);
  const log = () => text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  await expect.poll(() => log().some((l) => String(l.msg).startsWith('Server listening at')), { timeout: 60_000, interval: 100 }).toBe(true);
  const url = String(log().find((l) => String(l.msg).startsWith('Server listening at'))!.msg).replace('Server listening at ', '');
  return { child, url, log };
}

const exited = (child: ChildProcess) => new Promise<number | null>((r) => (child.exitCode !== null ? r(child.exitCode) : child.once('exit', (code) => r(code))));

/** Start uploading the recording: the first half now, the rest when `finish` is called. */
function slowUpload(url: string, sessionId: string) {
  const req = request(`${url}/v1/sessions/${sessionId}/recording`, {
    method: 'POST', headers: { ...bearer(key), 'content-type': 'audio/wav', 'content-length': String(WAV.length) },
  });
  const status = new Promise<number>((resolve, reject) => {
    req.on('response', (res) => { res.resume(); resolve(res.statusCode ?? 0); });
    req.on('error', reject);
  });
  req.write(WAV.subarray(0, WAV.length / 2));
  return { status: () => status, finish: () => req.end(WAV.subarray(WAV.length / 2)), abort: () => req.destroy() };
}

async function newSession() {
  const res = await t.app.inject({ method: 'POST', url: '/v1/sessions', headers: bearer(key), payload: sessionBody({ audio: { encoding: 'wav', sampleRate: 16000, channels: 1 } }) });
  return res.json().session.id as string;
}

describe('api SIGTERM', () => {
  it('answers the request in flight, then closes queues and pools and exits 0', async () => {
    const api = await spawnApi('api-sigterm-drain', { SHUTDOWN_TIMEOUT_MS: '15000' });
    const id = await newSession();
    const upload = slowUpload(api.url, id);
    await new Promise((r) => setTimeout(r, 300));
    api.child.kill('SIGTERM');
    await expect.poll(() => api.log().some((l) => l.msg === 'shutting down'), { timeout: 10_000 }).toBe(true);
    upload.finish();
    expect(await upload.status()).toBe(202);
    expect(await exited(api.child)).toBe(0);
    expect(api.log().map((l) => l.msg)).toEqual(expect.arrayContaining(['recording stored', 'shutdown complete']));
    // The upload committed and queued the pipeline before the process went away.
    const s = (await t.app.inject({ method: 'GET', url: `/v1/sessions/${id}`, headers: bearer(key) })).json().session;
    expect(s.status).toBe('recorded');
    expect(await t.deps.queues.transcribe.getJob(`transcribe-${id}-r0`)).toBeTruthy();
  }, 90_000);

  it('exits 1 at the hard timeout when a request never finishes', async () => {
    const api = await spawnApi('api-sigterm-timeout', { SHUTDOWN_TIMEOUT_MS: '1000' });
    const id = await newSession();
    const upload = slowUpload(api.url, id);
    upload.status().catch(() => {});
    await new Promise((r) => setTimeout(r, 300));
    const t0 = Date.now();
    api.child.kill('SIGTERM');
    expect(await exited(api.child)).toBe(1);
    expect(Date.now() - t0).toBeLessThan(1_000 + 3_000);
    expect(api.log().at(-1)).toMatchObject({ msg: 'shutdown timed out; exiting' });
    upload.abort();
  }, 90_000);
});
