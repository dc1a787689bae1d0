/**
 * The console's static route without a database: what it serves, its security headers and
 * CSP (connect-src follows PUBLIC_GATEWAY_URL), no auth on the files, and a source guard that
 * no console script feeds HTML strings to the DOM (API text is PHI-bearing user content).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { CONSOLE_ROOT, consoleCsp, consoleRoutes } from '../../services/api/src/routes/console.routes.ts';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function build(gateway = 'ws://127.0.0.1:3001') {
  app = Fastify();
  await app.register(consoleRoutes({ config: { PUBLIC_GATEWAY_URL: gateway } }));
  await app.ready();
  return app;
}

const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));

describe('console static route', () => {
  it('redirects /console to /console/ and serves the page and its modules without auth', async () => {
    const a = await build();
    const redirect = await a.inject({ method: 'GET', url: '/console' });
    expect(redirect.statusCode).toBe(301);
    expect(redirect.headers.location).toBe('/console/');

    const page = await a.inject({ method: 'GET', url: '/console/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<script type="module" src="/console/app.js">');

    for (const file of readdirSync(CONSOLE_ROOT).filter((f) => f.endsWith('.js'))) {
      const res = await a.inject({ method: 'GET', url: `/console/${file}` });
      expect(res.statusCode, file).toBe(200);
      // Module scripts must come with a JavaScript MIME type, or the browser refuses them (nosniff).
      expect(res.headers['content-type'], file).toMatch(/^(text|application)\/javascript/);
    }
  });

  it('sends a self-only CSP whose connect-src is the configured gateway origin, plus hardening headers', async () => {
    const a = await build('wss://gateway.example.org:8443/base/');
    const res = await a.inject({ method: 'GET', url: '/console/' });
    const csp = directives(String(res.headers['content-security-policy']));
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'", 'wss://gateway.example.org:8443']);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('require-trusted-types-for')).toEqual(["'script'"]);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['permissions-policy']).toContain('microphone=(self)');
    // The same headers on a module, not only on the page.
    expect((await a.inject({ method: 'GET', url: '/console/app.js' })).headers['content-security-policy']).toBe(res.headers['content-security-policy']);
  });

  it('keeps the default local gateway port in connect-src', () => {
    expect(consoleCsp({ PUBLIC_GATEWAY_URL: 'ws://127.0.0.1:3001' })).toContain("connect-src 'self' ws://127.0.0.1:3001;");
  });

  it('serves nothing outside the console folder', async () => {
    const a = await build();
    for (const url of ['/console/../src/app.ts', '/console/%2e%2e/src/app.ts', '/console/..%2fpackage.json', '/console/missing.js']) {
      const res = await a.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.body, url).not.toContain('buildApp');
    }
  });

  it('no console script writes HTML strings into the page (text nodes and attributes only)', () => {
    const sinks = /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\s*\(|new Function\s*\(|createContextualFragment|DOMParser/;
    const files = readdirSync(CONSOLE_ROOT).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) expect(readFileSync(join(CONSOLE_ROOT, f), 'utf8'), f).not.toMatch(sinks);
  });
});
