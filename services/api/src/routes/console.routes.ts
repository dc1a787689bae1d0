import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Config } from '@scribe/config';

/** The console's files: plain HTML, ES modules and CSS, served as they are (no build step). */
export const CONSOLE_ROOT = fileURLToPath(new URL('../../public/console/', import.meta.url));

/**
 * The Content-Security-Policy of the console. Everything comes from this origin; the one
 * exception is the audio WebSocket, which lives on the gateway (another port or host). The
 * session's `stream.url` is built from the same `PUBLIC_GATEWAY_URL`, so allowing that origin
 * here allows exactly the sockets the API hands out and nothing else. Trusted Types are
 * required with no policy allowed: an HTML-string sink (`innerHTML` and friends) throws, so
 * API text (PHI) can only ever reach the page as text.
 */
export function consoleCsp(config: Pick<Config, 'PUBLIC_GATEWAY_URL'>): string {
  const gateway = new URL(config.PUBLIC_GATEWAY_URL);
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    `connect-src 'self' ${gateway.protocol}//${gateway.host}`,
    "base-uri 'none'",
    // The forms are handled in script; a native submit (script failed) must not put field values in a URL.
    "form-action 'none'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ].join('; ');
}

/**
 * `/console`: the static review console. No auth here (the files hold no data); every data
 * call the page makes goes to `/v1` with the API key the user pastes.
 */
export function consoleRoutes(deps: { config: Pick<Config, 'PUBLIC_GATEWAY_URL'> }) {
  const csp = consoleCsp(deps.config);
  return async (app: FastifyInstance) => {
    app.addHook('onRequest', async (_req, reply) => {
      reply.header('content-security-policy', csp);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'no-referrer');
      reply.header('cross-origin-opener-policy', 'same-origin');
      // The microphone only for this origin; nothing else a page could ask for.
      reply.header('permissions-policy', 'microphone=(self), camera=(), geolocation=(), payment=()');
    });
    await app.register(fastifyStatic, {
      root: CONSOLE_ROOT,
      prefix: '/console',
      redirect: true,
      decorateReply: false,
      index: ['index.html'],
      // Small files: revalidate every time (ETag) so a deploy is picked up at once.
      cacheControl: true,
      maxAge: 0,
      dotfiles: 'deny',
    });
  };
}
