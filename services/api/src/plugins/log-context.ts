import type { FastifyInstance } from 'fastify';

/** Which record a route's `:id` names, from its template. */
const RESOURCE: [RegExp, string][] = [
  [/^\/v1\/(ops\/)?sessions\/:id(\/|$)/, 'sessionId'],
  [/^\/v1\/notes\/:id(\/|$)/, 'noteId'],
];

/**
 * Every log line of a request carries its request id (fastify's `reqId`) and, on routes about
 * one session or note, that record's id, so an operator can follow a session from the API
 * through the worker by id. Ids only: the request serializer already drops bodies and query
 * strings.
 *
 * Each request is logged once, when answered (`request completed`: method, route template,
 * status, milliseconds), instead of fastify's two lines (incoming, completed): logging was the
 * largest cost of a note read (`scripts/bench api`). A route with `logLevel: 'warn'` (e.g.
 * `/metrics`) is not logged.
 */
export function registerLogContext(app: FastifyInstance): void {
  app.addHook('onRequest', async (req, reply) => {
    const template = req.routeOptions?.url;
    const id = (req.params as Record<string, unknown> | undefined)?.id;
    if (!template || typeof id !== 'string') return;
    const field = RESOURCE.find(([re]) => re.test(template))?.[1];
    if (!field) return;
    // Only a UUID-shaped id becomes a binding: a malformed one (answered 400 later) could be anything.
    if (!/^[0-9a-f-]{36}$/i.test(id)) return;
    req.log = req.log.child({ [field]: id });
    reply.log = req.log;
  });
  app.addHook('onResponse', async (req, reply) => {
    req.log.info({ req, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  });
}
