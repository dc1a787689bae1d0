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

export const redactPaths: string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.query',
  ...REDACTED_KEYS,
  ...REDACTED_KEYS.map((k) => `*.${k}`),
];

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
  /** Where to write; defaults to stdout. Tests pass a stream to inspect output. */
  destination?: NodeJS.WritableStream;
}

/** A pino logger with PHI and secret redaction. */
export function createLogger(opts: CreateLoggerOptions): Logger {
  const options: LoggerOptions = {
    name: opts.name,
    level: opts.level ?? 'info',
    redact: { paths: redactPaths, censor: '[REDACTED]' },
    serializers: { req: serializeRequest, err: pino.stdSerializers.err },
  };
  return opts.destination ? pino(options, opts.destination as pino.DestinationStream) : pino(options);
}

export type { Logger } from 'pino';
