import type { FastifyInstance, FastifyServerOptions } from 'fastify';

/** Which record a path names: the UUID after `/v1/sessions/`, `/v1/ops/sessions/` or `/v1/notes/`. */
const RESOURCE: [RegExp, string][] = [
  [/^\/v1\/(?:ops\/)?sessions\/([0-9a-f-]{36})(?:[/?]|$)/i, 'sessionId'],
  [/^\/v1\/notes\/([0-9a-f-]{36})(?:[/?]|$)/i, 'noteId'],
];

/**
 * Every log line of a request carries its request id (fastify's `reqId`) and, on paths about
 * one session or note, that record's id, so an operator can follow a session from the API
 * through the worker by id. Ids only, and only UUID-shaped ones: the request serializer drops
 * bodies and query strings.
 *
 * Both go into the one child logger fastify makes per request. A child of that child (what
 * `req.log.child(...)` in a hook would make) put a fresh object into every log call's prototype
 * chain, which V8 handles slowly: 8 µs a line instead of 1.5 µs (`scripts/bench api`).
 */
export const childLoggerFactory: NonNullable<FastifyServerOptions['childLoggerFactory']> = function (logger, bindings, opts, rawReq) {
  const path = rawReq.url ?? '';
  for (const [re, field] of RESOURCE) {
    const id = re.exec(path)?.[1];
    if (id) return logger.child({ ...bindings, [field]: id }, opts);
  }
  return logger.child(bindings, opts);
};

/**
 * Each request is logged once, when answered (`request completed`: method, route template,
 * status, milliseconds), instead of fastify's two lines (incoming, completed): logging was the
 * largest cost of a note read (`scripts/bench api`). A route with `logLevel: 'warn'` (e.g.
 * `/metrics`) is not logged.
 */
export function registerAccessLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (req, reply) => {
    req.log.info({ req, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  });
}
