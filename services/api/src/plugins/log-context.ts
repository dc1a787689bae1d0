import type { FastifyBaseLogger, FastifyInstance, FastifyServerOptions } from 'fastify';

/** Which record a path names: the UUID after `/v1/sessions/`, `/v1/ops/sessions/` or `/v1/notes/`. */
const RESOURCE: [RegExp, string][] = [
  [/^\/v1\/(?:ops\/)?sessions\/([0-9a-f-]{36})(?:[/?]|$)/i, 'sessionId'],
  [/^\/v1\/notes\/([0-9a-f-]{36})(?:[/?]|$)/i, 'noteId'],
];

type Bindings = Record<string, unknown>;
/** What a pino log method takes: an object or a message first, then format arguments. */
type LogArgs = [obj: unknown, msg?: string, ...args: unknown[]];

/**
 * A request's logger (`req.log`). Its lines carry the request's bindings (see
 * `childLoggerFactory`) like a pino child's, but the child is only made when a route or hook
 * first logs through it: most requests log nothing but their access line, which `accessLine`
 * writes on the parent with the same fields. Making a pino child for every request was a twentieth
 * of a note read's CPU (`scripts/bench api`).
 */
export class RequestLogger implements FastifyBaseLogger {
  #child: FastifyBaseLogger | undefined;

  constructor(private readonly parent: FastifyBaseLogger, private readonly bindings: Bindings, private readonly opts: object) {}

  #log(): FastifyBaseLogger {
    return (this.#child ??= this.parent.child(this.bindings, this.opts));
  }

  get level() {
    return this.#child?.level ?? this.parent.level;
  }
  set level(level: string) {
    this.#log().level = level;
  }

  /**
   * An info line with the request's bindings, written on the parent when there is no child yet
   * and the route sets no options of its own (`logLevel`, e.g. 'warn' on `/metrics`, or
   * serializers: only a child applies them).
   */
  accessLine(obj: Bindings, msg: string): void {
    if (this.#child || Object.keys(this.opts).length > 0) this.#log().info(obj, msg);
    else this.parent.info({ ...this.bindings, ...obj }, msg);
  }

  // Methods, not arrow-function fields: nothing is made per request until a line is logged.
  fatal(...a: LogArgs) { this.#log().fatal(...a); }
  error(...a: LogArgs) { this.#log().error(...a); }
  warn(...a: LogArgs) { this.#log().warn(...a); }
  info(...a: LogArgs) { this.#log().info(...a); }
  debug(...a: LogArgs) { this.#log().debug(...a); }
  trace(...a: LogArgs) { this.#log().trace(...a); }
  silent(...a: LogArgs) { this.#log().silent(...a); }
  child(bindings: Bindings, options?: object): FastifyBaseLogger {
    return this.#log().child(bindings, options);
  }
}

/**
 * Every log line of a request carries its request id (fastify's `reqId`) and, on paths about
 * one session or note, that record's id, so an operator can follow a session from the API
 * through the worker by id. Ids only, and only UUID-shaped ones: the request serializer drops
 * bodies and query strings.
 *
 * Both are bindings of the one logger fastify keeps per request. A child of that child (what
 * `req.log.child(...)` in a hook would make) put a fresh object into every log call's prototype
 * chain, which V8 handles slowly: 8 µs a line instead of 1.5 µs (`scripts/bench api`).
 */
export const childLoggerFactory: NonNullable<FastifyServerOptions['childLoggerFactory']> = function (logger, bindings, opts, rawReq) {
  const path = rawReq.url ?? '';
  for (const [re, field] of RESOURCE) {
    const id = re.exec(path)?.[1];
    if (id) return new RequestLogger(logger, { ...bindings, [field]: id }, opts);
  }
  return new RequestLogger(logger, bindings, opts);
};

/**
 * Each request is logged once, when answered (`request completed`: method, route template,
 * status, milliseconds), instead of fastify's two lines (incoming, completed): logging was the
 * largest cost of a note read (`scripts/bench api`). A route with `logLevel: 'warn'` (e.g.
 * `/metrics`) is not logged.
 */
export function registerAccessLog(app: FastifyInstance): void {
  app.addHook('onResponse', (req, reply, done) => {
    const line = { req, res: reply, responseTime: reply.elapsedTime };
    if (req.log instanceof RequestLogger) req.log.accessLine(line, 'request completed');
    else req.log.info(line, 'request completed');
    done();
  });
}
