/**
 * The queue board as an operator opens it: a one-time link from `POST /v1/ops/board-sessions`
 * pasted into a real (headless Chromium) browser lands on the board, which lists the queues
 * and loads its data with the cookie alone; the same link a second time is refused.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { enqueueStage } from '@scribe/queue';
import { createTestApi, bearer, type TestApi } from '../../../test/helpers/api.ts';
import { ROOT } from '../../../test/helpers/db.ts';
import { sessionBody } from '../../../test/helpers/fixtures.ts';
import { launchBrowser, type Browser } from '../../../test/e2e/browser.ts';

let t: TestApi;
let base: string;
let browser: Browser;

beforeAll(async () => {
  t = await createTestApi(import.meta.filename);
  base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

it('a one-time link opens the read-only board in a browser, once', async () => {
  const key = await t.key('clinic-board-browser', ['ops:read', 'sessions:write']);
  const created = await t.app.inject({ method: 'POST', url: '/v1/sessions', headers: bearer(key), payload: sessionBody({ mode: 'dictation', consent: undefined }) });
  const sessionId = created.json().session.id as string;
  await enqueueStage(t.deps.queues, 'transcribe', { sessionId, run: 0 });

  const res = await fetch(`${base}/v1/ops/board-sessions`, { method: 'POST', headers: bearer(key) });
  expect(res.status).toBe(201);
  const { url } = (await res.json()) as { url: string };
  expect(url.startsWith(`${base}/admin/queues/login?ticket=`)).toBe(true);

  const { page } = browser;
  const apiCalls: number[] = [];
  page.on('response', (r) => { if (r.url().includes('/admin/queues/api/')) apiCalls.push(r.status()); });
  await page.goto(url);
  expect(new URL(page.url()).pathname).toBe('/admin/queues/');
  await page.getByText('transcribe', { exact: false }).first().waitFor({ timeout: 15_000 });
  expect(await page.getByText('webhooks', { exact: false }).count()).toBeGreaterThan(0);
  // The waiting job shows by its id; its data is the session id and run, nothing else.
  await page.getByText('transcribe', { exact: true }).first().click();
  await page.getByText(/^waiting/i).first().click();
  await page.getByText(`transcribe-${sessionId}-r0`).waitFor({ timeout: 15_000 });
  // The board's only failed load is its web font from the internet (no network here).
  expect(browser.errors.filter((e) => !/ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  expect(apiCalls.length).toBeGreaterThan(0);
  expect(apiCalls.every((s) => s === 200)).toBe(true);
  mkdirSync(resolve(ROOT, 'test-results'), { recursive: true });
  await page.screenshot({ path: resolve(ROOT, 'test-results/queue-board.png') });

  // The link is spent: opening it again (another browser, a leaked history entry) is refused.
  const again = await fetch(url, { redirect: 'manual' });
  expect(again.status).toBe(401);
}, 60_000);
