import { pino, type Logger, type LoggerOptions } from 'pino';

/**
 * Keys whose values may hold PHI or secrets, wherever they appear (top level or one
 * level down, e.g. `session.patientRef`, `body.text`). Logs carry ids, counts and
 * durations; these paths are a safety net for a mistake, not permission to log objects.
 */
export const REDACTED_KEYS = [
  'authorization',
  'cookie',
  'apiKey',
  'key',
  'token',
  'secret',
  'password',
  'patientRef',
  'encounterRef',
  'caseRef',
  'text',
  'transcript',
  'utterances',
  'sections',
  'statements',
  'note',
  'context',
  'diagnoses',
  'goals',
  'audio',
  'body',
  'payload',
] as const;

const CENSOR = '[REDACTED]';
const REDACT = new Set<string>(REDACTED_KEYS);
/**
 * Top-level keys whose serializers emit a fixed set of safe fields (`req`: id, method, route;
 * `res`: status code), so what they hold is never walked: a request object's headers, query and
 * body are dropped by the serializer, not censored.
 */
const SERIALIZED = new Set(['req', 'res']);

/** `v` with its own keys named in REDACTED_KEYS censored: `v` itself when it has none, else a copy (an error stays an error). */
function censorChildren(v: object): object {
  let copy: Record<string, unknown> | undefined;
  for (const k of Object.keys(v)) {
    if (!REDACT.has(k) || (v as Record<string, unknown>)[k] === undefined) continue;
    copy ??= (v instanceof Error
      ? Object.assign(Object.create(Object.getPrototypeOf(v) as object) as object, v, { message: v.message, stack: v.stack })
      : { ...v }) as Record<string, unknown>;
    copy[k] = CENSOR;
  }
  return copy ?? v;
}

/**
 * Censors REDACTED_KEYS at the top level of a log object (or child bindings) and one level down,
 * without touching the caller's objects. One pass over the keys: pino's path-based redaction
 * with a wildcard per key walked every value once per path, and cost more than the rest of a
 * request's logging.
 */
export function redactLogObject(obj: Record<string, unknown>): Record<string, unknown> {
  let out = obj;
  for (const k of Object.keys(obj)) {
    const v = obj[k];
    if (v === undefined) continue; // pino leaves an undefined value out
    const censored = REDACT.has(k) ? CENSOR : v !== null && typeof v === 'object' && !SERIALIZED.has(k) ? censorChildren(v) : v;
    if (censored === v) continue;
    if (out === obj) out = { ...obj };
    out[k] = censored;
  }
  return out;
}

/** The only request fields we log: no query string (stream tokens travel there), no body. */
function serializeRequest(req: { id?: unknown; method?: string; url?: string; routeOptions?: { url?: string } }) {
  return {
    id: req.id,
    method: req.method,
    route: req.routeOptions?.url ?? (req.url ?? '').split('?')[0],
  };
}

export interface CreateLoggerOptions {
  level?: LoggerOptions['level'];
  name: string;
  /** Where to write; defaults to the buffered file descriptor `fd` (see below). Tests pass a stream to inspect output. */
  destination?: NodeJS.WritableStream;
  /** The file descriptor written to without `destination`; default 1 (stdout). */
  fd?: number;
}

/** Buffered log output: written once it holds this many bytes ... */
const LOG_BUFFER_BYTES = 4096;
/** ... or when it is this old, whichever comes first. */
const LOG_FLUSH_MS = 250;

/**
 * Log lines to `fd`, written in batches of about 4 KB or every `LOG_FLUSH_MS`, and synchronously
 * when the process exits (pino registers that for an asynchronous destination). A write per line
 * was a tenth of a note read's CPU in the api (`scripts/bench api`). What a process killed
 * without warning (SIGKILL) still held, at most `LOG_FLUSH_MS` of lines, is lost.
 */
function bufferedDestination(fd: number): pino.DestinationStream {
  const dest = pino.destination({ dest: fd, sync: false, minLength: LOG_BUFFER_BYTES });
  const timer = setInterval(() => {
    try {
      dest.flush();
    } catch {
      // destroyed: nothing more to write ('close' clears this timer)
    }
  }, LOG_FLUSH_MS);
  timer.unref();
  dest.once('close', () => clearInterval(timer));
  return dest;
}

/** A pino logger with PHI and secret redaction. */
export function createLogger(opts: CreateLoggerOptions): Logger {
  const options: LoggerOptions = {
    name: opts.name,
    level: opts.level ?? 'info',
    formatters: { log: redactLogObject, bindings: redactLogObject },
    serializers: { req: serializeRequest, err: pino.stdSerializers.err },
  };
  const logger = pino(options, (opts.destination as pino.DestinationStream | undefined) ?? bufferedDestination(opts.fd ?? 1));
  // pino applies `formatters.bindings` to the root's bindings only; a child's go through here.
  // Children inherit this property, so it holds at any depth (fastify's per-request children too).
  const child = logger.child;
  logger.child = function (this: Logger, bindings, childOptions) {
    return child.call(this, redactLogObject(bindings), childOptions);
  } as Logger['child'];
  return logger;
}

export type { Logger } from 'pino';
