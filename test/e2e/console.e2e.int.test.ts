/**
 * The review console in a real browser against the real stack (API on a loopback port,
 * gateway, worker): paste a key, create sessions, upload the bundled WAV, record from a
 * (fake) microphone over the gateway socket through a dropped connection, dictate, review
 * the AI draft with its evidence, edit (including a stale-version 412), add, sign.
 * Headless Debian Chromium via playwright-core; a screenshot of the signed note goes to
 * test-results/screenshots/console-signed.png.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startStack, type TestStack } from '../helpers/stack.ts';
import { bearer } from '../helpers/api.ts';
import { ROOT } from '../helpers/db.ts';
import { patientRef } from '../helpers/fixtures.ts';
import { DICTATION } from '../helpers/pipeline.ts';
import { launchBrowser, type Browser } from './browser.ts';

const SAMPLE_WAV = resolve(ROOT, 'test/fixtures/sample-visit/sample-visit.wav');
const SHOTS = resolve(ROOT, 'test-results/screenshots');
/** Artifacts for a person to look at (the signed note is the one the brief asks for). */
const shot = async (name: string) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: resolve(SHOTS, name), fullPage: true });
};
const CLINICIAN = 'emr-clin-7';

let stack: TestStack;
let browser: Browser;
let page: Page;
let key: string;
let micFile: string;
const urls: string[] = [];
const ids: { wav?: string; mic?: string; dictation?: string } = {};

/** The first `seconds` of the sample visit as its own WAV: Chromium plays it as the microphone. */
function sampleClip(seconds: number): string {
  const wav = readFileSync(SAMPLE_WAV);
  const dataAt = wav.indexOf('data') + 8; // 16 kHz mono s16 (the fixture's format)
  const pcm = wav.subarray(dataAt, dataAt + seconds * 32_000);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0); header.writeUInt32LE(36 + pcm.length, 4); header.write('WAVE', 8);
  header.write('fmt ', 12); header.writeUInt32LE(16, 16); header.writeUInt16LE(1, 20); header.writeUInt16LE(1, 22);
  header.writeUInt32LE(16_000, 24); header.writeUInt32LE(32_000, 28); header.writeUInt16LE(2, 32); header.writeUInt16LE(16, 34);
  header.write('data', 36); header.writeUInt32LE(pcm.length, 40);
  const file = join(tmpdir(), `scribe-mic-${process.pid}.wav`);
  writeFileSync(file, Buffer.concat([header, pcm]));
  return file;
}

const api = (method: 'GET' | 'PATCH', url: string, payload?: object, headers: Record<string, string> = {}) =>
  stack.api.app.inject({ method, url, headers: bearer(key, headers), payload });

/** Wait until the page shows one of `statuses` (or failed) for the open session; returns the one shown. */
async function statusShown(statuses: string[], timeout: number): Promise<string> {
  const steps = page.locator('#status-steps');
  const end = Date.now() + timeout;
  for (;;) {
    const s = await steps.getAttribute('data-status');
    if (s && (statuses.includes(s) || s === 'failed')) return s;
    if (Date.now() > end) throw new Error(`the page still shows ${s} after ${timeout} ms (wanted ${statuses.join(' or ')})`);
    await page.waitForTimeout(200);
  }
}

async function createSession(mode: 'ambient' | 'dictation'): Promise<string> {
  await page.locator('#new-session > summary').click();
  await page.getByLabel('Mode').selectOption(mode);
  await page.getByLabel('Patient ref (EMR id)').fill(patientRef());
  await page.getByLabel('Encounter ref').fill(`enc-${mode}`);
  if (mode === 'ambient') await page.getByLabel('Everyone present agreed to this visit being recorded').check();
  await page.getByRole('button', { name: 'Create session' }).click();
  await expect.poll(() => page.locator('#status-steps').getAttribute('data-status')).toBe('created');
  const meta = await page.locator('#session-meta').textContent();
  return /id ([0-9a-f-]{36})/.exec(meta ?? '')![1]!;
}

beforeAll(async () => {
  stack = await startStack(import.meta.filename, { listenApi: true });
  key = await stack.api.key('clinic-console');
  micFile = sampleClip(6);
  browser = await launchBrowser({ fakeMicrophone: micFile });
  page = browser.page;
  page.on('request', (r) => urls.push(r.url()));
  page.on('websocket', (ws) => urls.push(ws.url()));
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
  if (micFile) rmSync(micFile, { force: true });
});

describe('review console (browser)', () => {
  it('serves the page, connects with a pasted key, refuses ambient without consent, uploads the bundled WAV', async () => {
    const res = await page.goto(`${stack.apiUrl}/console`);
    expect(res?.status()).toBe(200);
    expect(page.url()).toBe(`${stack.apiUrl}/console/`);
    await expect.poll(() => page.locator('#sessions').isHidden()).toBe(true);

    await page.getByLabel('API key').fill('sk_not_a_real_key');
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => page.locator('#alert').textContent()).toContain('refused (401)');

    await page.getByLabel('API key').fill(key);
    await page.getByLabel('Clinician id').fill(CLINICIAN);
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.locator('#sessions').waitFor({ state: 'visible' });
    expect(await page.locator('#creds-status').textContent()).toContain(`clinician ${CLINICIAN}`);
    expect(await page.locator('#alert').isHidden()).toBe(true); // the 401 message is gone

    // Ambient without the consent box: the page says so and creates nothing.
    await page.locator('#new-session > summary').click();
    await page.getByLabel('Patient ref (EMR id)').fill(patientRef());
    await page.getByLabel('Encounter ref').fill('enc-no-consent');
    await page.getByRole('button', { name: 'Create session' }).click();
    await expect.poll(() => page.locator('#create-error').textContent()).toContain('needs consent');
    expect((await api('GET', '/v1/sessions')).json().sessions).toHaveLength(0);
    await page.locator('#new-session > summary').click(); // close it again

    ids.wav = await createSession('ambient');
    await shot('console-capture.png');
    await page.setInputFiles('#upload-file', SAMPLE_WAV);
    await page.getByRole('button', { name: 'Upload' }).click();
    // The pipeline moves on its own; the page follows (offline ASR of 60 s takes a while: checked at the end).
    expect(await statusShown(['recorded', 'transcribing', 'transcribed', 'drafting', 'drafted'], 15_000)).not.toBe('failed');
    const session = (await api('GET', `/v1/sessions/${ids.wav}`)).json().session;
    expect(session.audio.bytes).toBe(readFileSync(SAMPLE_WAV).length);
  }, 60_000);

  it('records from the microphone over the gateway socket, resumes after a dropped connection, and verifies the stored audio', async () => {
    ids.mic = await createSession('ambient');
    await page.getByRole('button', { name: 'Start recording' }).click();
    await expect.poll(() => page.locator('#record-progress').textContent(), { timeout: 10_000 }).toMatch(/stored [1-9]/);
    expect(await statusShown(['recording'], 5_000)).toBe('recording');
    await shot('console-recording.png');

    // Cut every audio socket, as a network drop would: the page reconnects with a fresh token and resumes.
    const sockets = [...stack.gateway.websocketServer.clients];
    expect(sockets.length).toBe(1);
    for (const s of sockets) s.terminate();
    await expect.poll(() => page.locator('#record-progress').textContent(), { timeout: 10_000 }).toContain('reconnected 1×');
    await expect.poll(() => page.locator('#record-progress').textContent(), { timeout: 10_000 }).toContain('streaming');

    await page.waitForTimeout(1_500); // a little more audio on the second socket
    await page.getByRole('button', { name: 'Stop and send' }).click();
    await page.locator('#audio-verified').waitFor({ timeout: 20_000 });
    const session = (await api('GET', `/v1/sessions/${ids.mic}`)).json().session;
    expect(['recorded', 'transcribing', 'transcribed', 'drafting', 'drafted', 'failed']).toContain(session.status);
    expect(session.audio.bytes).toBeGreaterThan(1_000);
    expect(session.audio.sha256).toMatch(/^[0-9a-f]{64}$/);
  }, 60_000);

  it('dictation -> AI draft with evidence; edit (stale version shows 412), add, sign -> read-only, ai_edited, signed', async () => {
    ids.dictation = await createSession('dictation');
    await page.getByLabel('Dictation text').fill(DICTATION);
    await page.getByRole('button', { name: 'Submit dictation' }).click();
    expect(await statusShown(['drafted'], 45_000)).toBe('drafted');
    await page.locator('.ai-banner').waitFor();
    expect(await page.locator('.ai-banner').textContent()).toContain('AI-generated draft');
    expect(await page.locator('#transcript li').count()).toBe(6);

    // Hovering a statement highlights the utterances it cites.
    const first = page.locator('li.statement').first();
    const evidence: string[] = (await api('GET', `/v1/sessions/${ids.dictation}/note`)).json().note.sections.subjective[0].evidence;
    expect(evidence.length).toBeGreaterThan(0);
    await first.hover();
    const highlighted = async () => Promise.all((await page.locator('#transcript li.evidence').all()).map((l) => l.getAttribute('data-utterance')));
    await expect.poll(async () => (await highlighted()).sort()).toEqual([...evidence].sort());

    // Someone else edits first: the page's edit is based on version 1 and gets a clear 412.
    const note = (await api('GET', `/v1/sessions/${ids.dictation}/note`)).json().note;
    const target = note.sections.subjective[0];
    const other = await api('PATCH', `/v1/notes/${note.id}`, { statements: [{ section: 'plan', text: 'Home exercise program reviewed.' }] }, { 'if-match': '1', 'x-clinician-id': 'emr-clin-9' });
    expect(other.statusCode).toBe(200);
    const edited = `${target.text} Edited in the console.`;
    const editOnce = async () => {
      const item = page.locator(`li.statement[data-statement="${target.id}"]`);
      await item.getByRole('button', { name: /^Edit statement/ }).click();
      await item.getByLabel('Statement text').fill(edited);
      await item.getByRole('button', { name: 'Save' }).click();
    };
    await editOnce();
    await expect.poll(() => page.locator('#note-problem').textContent()).toContain('Someone else edited this note');
    await shot('console-conflict.png');
    await page.getByRole('button', { name: 'Reload note' }).click();
    await expect.poll(() => page.locator('.statement').filter({ hasText: 'Home exercise program reviewed.' }).count()).toBe(1);
    await editOnce();
    const item = page.locator(`li.statement[data-statement="${target.id}"]`);
    await expect.poll(() => item.locator('[data-origin]').getAttribute('data-origin')).toBe('ai_edited');
    expect(await item.locator('.st-text').textContent()).toBe(edited);

    // Add a clinician statement to the plan.
    await page.getByText('Add a statement to Plan').click();
    await page.getByLabel('New Plan statement').fill('Progress to step-ups next visit.');
    await page.getByRole('button', { name: 'Add to Plan' }).click();
    await expect.poll(() => page.locator('.statement.origin-clinician').filter({ hasText: 'Progress to step-ups next visit.' }).count()).toBe(1);
    expect(await page.locator('#coding tbody tr').count()).toBeGreaterThan(0);

    await page.getByRole('button', { name: `Sign as ${CLINICIAN}` }).click();
    await expect.poll(() => page.locator('#note-status').textContent()).toBe('signed');
    expect(await page.locator('#signature').textContent()).toContain(`by ${CLINICIAN}`);
    expect(await page.getByRole('button', { name: /^Edit statement/ }).count()).toBe(0); // read-only
    expect(await item.locator('[data-origin]').getAttribute('data-origin')).toBe('ai_edited');
    expect(await page.locator('.ai-banner').textContent()).toContain('AI-generated');

    await page.evaluate('window.scrollTo(0, 0)');
    await shot('console-signed.png');

    const signed = (await api('GET', `/v1/notes/${note.id}`)).json().note;
    expect(signed).toMatchObject({ status: 'signed', aiGenerated: true, signature: { clinicianRef: CLINICIAN } });
    const after = signed.sections.subjective.find((s: { id: string }) => s.id === target.id);
    expect(after).toMatchObject({ text: edited, origin: 'ai_edited' });
    expect(signed.sections.plan.map((s: { origin: string; text: string }) => [s.origin, s.text]))
      .toEqual(expect.arrayContaining([['clinician', 'Progress to step-ups next visit.'], ['clinician', 'Home exercise program reviewed.']]));
  }, 90_000);

  it('the uploaded WAV reaches a draft with a transcript; the key never appeared in a URL; no CSP or script errors', async () => {
    await page.locator('#session-list button').filter({ hasText: 'Open' }).last().click(); // oldest first is the WAV session
    await expect.poll(() => page.locator('#session-meta').textContent()).toContain(ids.wav!);
    expect(await statusShown(['drafted'], 90_000)).toBe('drafted');
    await page.locator('.ai-banner').waitFor();
    expect(await page.locator('#transcript li').count()).toBeGreaterThan(0);

    expect(urls.length).toBeGreaterThan(20);
    expect(urls.filter((u) => u.includes(key))).toEqual([]);
    expect(urls.some((u) => u.startsWith('ws://') && u.includes('token='))).toBe(true);
    // 401/412 answers are logged by Chromium as failed loads; anything else is a defect (CSP, Trusted Types, script errors).
    expect(browser.errors.filter((e) => !/Failed to load resource: the server responded with a status of (401|412)/.test(e))).toEqual([]);
  }, 120_000);
});
