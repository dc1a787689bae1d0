/**
 * The command-line client against the real stack: the streaming client resumes after
 * dropped connections without losing or doubling a byte, and every `scripts/scribe`
 * command works, explains itself with --help, and fails with a helpful message.
 */
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../helpers/stack.ts';
import { ROOT } from '../helpers/db.ts';
import { createSession, DICTATION, settled, waitFor } from '../helpers/pipeline.ts';
import { streamAudio } from '../../scripts/cli/stream-client.ts';

const run = promisify(execFile);
const WAV = readFileSync(resolve(ROOT, 'test/fixtures/sample-visit/sample-visit.wav'));
let stack: TestStack;
let key: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  stack = await startStack(import.meta.filename, { listenApi: true });
  key = await stack.api.key('clinic-cli');
  env = { ...process.env, SCRIBE_API_URL: stack.apiUrl!, SCRIBE_API_KEY: key, DATABASE_URL: stack.api.db.url };
}, 60_000);
afterAll(() => stack?.close());

const scribe = (...args: string[]) => run(resolve(ROOT, 'scripts/scribe'), args, { cwd: ROOT, env, timeout: 300_000 });
const fails = (...args: string[]) => scribe(...args).then(() => { throw new Error('expected a failure'); }, (e: { code: number; stderr: string }) => e);

describe('the streaming client', () => {
  it('resumes after three dropped connections; the stored audio is exactly the source', async () => {
    const { session, stream } = await createSession(stack.api, key, { audio: { encoding: 'wav', sampleRate: 16000, channels: 1 } });
    let sockets = 0;
    const result = await streamAudio({
      url: stream.url,
      token: async () => stream.token,
      audio: WAV, encoding: 'wav', sampleRate: 16000, channels: 1, frameBytes: 3200, bytesPerSecond: 0, speed: 1, maxInFlight: 20,
      onSocket: (ws) => {
        // Cut the first three connections part-way through, at different points: after their
        // 2nd, 3rd and 4th ack (a few dozen of the recording's ~800 frames, so every cut lands
        // before the end; a random cut could miss the end of a short-lived socket).
        const socket = ++sockets;
        let acks = 0;
        if (socket <= 3) ws.on('message', function cut(this: typeof ws, data, isBinary) {
          if (!isBinary && /"ack"/.test(String(data)) && ++acks === socket + 1) this.terminate();
        });
      },
    });
    expect(result.reconnects).toBe(3);
    expect(result.bytes).toBe(WAV.length);
    const s = await waitFor(stack.api, key, session.id, (x) => x.status !== 'recording' && x.status !== 'created');
    expect(s.audio.sha256).toBe(createHash('sha256').update(WAV).digest('hex'));
  }, 120_000);
});

describe('scripts/scribe', () => {
  it('dictate --text --wait prints the draft; sessions lists it; note shows it; sign signs it', async () => {
    const out = await scribe('dictate', '--text', DICTATION, '--wait', '--patient', 'PHI-PATIENT-cli');
    const sessionId = out.stdout.split('\n')[0]!.trim();
    expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(out.stdout).toMatch(/\[draft, AI-generated, v1\]/);
    expect(out.stdout).toMatch(/S {2}Subjective/);
    expect(out.stdout).toMatch(/GP {2}x1/);

    const list = await scribe('sessions', '--limit', '5');
    expect(list.stdout).toContain(sessionId);
    expect(list.stdout).toMatch(/drafted/);

    const note = await scribe('note', sessionId, '--json');
    const parsed = JSON.parse(note.stdout);
    expect(parsed.status).toBe('draft');

    const noClinician = await fails('sign', parsed.id);
    expect(noClinician.code).toBe(2);
    expect(noClinician.stderr).toMatch(/--clinician/);
    const signed = await scribe('sign', parsed.id, '--clinician', 'emr-clin-cli');
    expect(signed.stdout).toMatch(/Signed by emr-clin-cli/);
  }, 120_000);

  it('stream FILE sends a recording and prints the session id', async () => {
    const out = await scribe('stream', resolve(ROOT, 'test/fixtures/sample-visit/sample-visit.wav'), '--speed', '50');
    const sessionId = out.stdout.trim();
    expect(out.stderr).toMatch(/100% acked/);
    expect(out.stderr).toMatch(/stored 2593960 bytes/);
    const s = await waitFor(stack.api, key, sessionId, settled, 120_000);
    expect(s.audio.bytes).toBe(WAV.length);
  }, 180_000);

  it('has --help on every command and helpful errors', async () => {
    for (const cmd of ['stream', 'dictate', 'sessions', 'note', 'sign', 'keys']) {
      const { stdout } = await scribe(cmd, '--help');
      expect(stdout).toContain(`scribe ${cmd}`);
    }
    const unknown = await fails('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
    const noKey = await run(resolve(ROOT, 'scripts/scribe'), ['sessions'], { cwd: ROOT, env: { ...env, SCRIBE_API_KEY: '' } }).catch((e) => e);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toMatch(/an API key is needed/);
    const badKey = await run(resolve(ROOT, 'scripts/scribe'), ['sessions'], { cwd: ROOT, env: { ...env, SCRIBE_API_KEY: 'sk_bad' } }).catch((e) => e);
    expect(badKey.code).toBe(1);
    expect(badKey.stderr).toMatch(/401 UNAUTHORIZED/);
    const noFile = await fails('stream');
    expect(noFile.code).toBe(2);
  }, 120_000);
});
