/**
 * Headless Debian Chromium driven by playwright-core (Playwright's own browser download
 * cannot run here). `scripts/test` installs it (`ensure_browser`).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Flags: headless without a sandbox (root in CI), and no background networking: this
 * machine's closed network refuses Chromium's own connections, and each start would try.
 */
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Console errors and failed page scripts (CSP and Trusted Types violations land here). */
  errors: string[];
  close(): Promise<void>;
}

/**
 * Start Chromium with a fresh profile. `fakeMicrophone`: a WAV file Chromium plays as the
 * microphone, with the permission prompt auto-accepted.
 */
export async function launchBrowser(opts: { fakeMicrophone?: string } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/test (ensure_browser) or apt-get install -y chromium`);
  const profile = mkdtempSync(join(tmpdir(), 'scribe-chromium-'));
  const media = opts.fakeMicrophone
    ? ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${opts.fakeMicrophone}%noloop`]
    : [];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...FLAGS, ...media],
    viewport: { width: 1360, height: 900 },
    timeout: 30_000,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`${e.name}: ${e.message}`));
  return {
    context, page, errors,
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
