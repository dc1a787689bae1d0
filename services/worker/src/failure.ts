import { TranscriptionError } from '@scribe/transcription';

/** A failure the pipeline raises itself (missing audio, undecodable input): never retried. */
export class PipelineError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'PipelineError';
  }
}

export interface Failure {
  kind: 'unrecoverable' | 'rate_limited' | 'transient';
  code: string;
  /** Readable by an operator; never holds transcript or note text. */
  message: string;
  retryAfterMs?: number;
}

/**
 * The failure policy (STYLE.md, queues): provider 4xx and bad input are unrecoverable;
 * 429 waits; 5xx, timeouts and lost connections are retried with backoff. Anything
 * unknown is treated as transient: a swallowed error would be a lost retry.
 */
export function classifyFailure(err: unknown): Failure {
  if (err instanceof PipelineError) return { kind: 'unrecoverable', code: err.code, message: err.message };
  if (err instanceof TranscriptionError) return { kind: err.kind, code: err.code, message: err.message, retryAfterMs: err.retryAfterMs };
  const e = err as { name?: string; code?: string; status?: number; kind?: string; message?: string } | undefined;
  if (e && (e.kind === 'unrecoverable' || e.kind === 'rate_limited' || e.kind === 'transient') && typeof e.code === 'string') {
    return { kind: e.kind, code: e.code, message: String(e.message ?? e.code) };
  }
  if (typeof e?.status === 'number') {
    if (e.status === 429) return { kind: 'rate_limited', code: 'PROVIDER_RATE_LIMITED', message: 'Provider rate limit (429)' };
    if (e.status >= 400 && e.status < 500) return { kind: 'unrecoverable', code: 'PROVIDER_REJECTED', message: `Provider refused the request (${e.status})` };
    return { kind: 'transient', code: 'PROVIDER_UNAVAILABLE', message: `Provider error (${e.status})` };
  }
  // Postgres, Redis and network errors: the code is safe to show, the message may quote data.
  return { kind: 'transient', code: e?.code ? `INTERNAL_${String(e.code).replace(/\W/g, '_').toUpperCase()}` : 'INTERNAL', message: `${e?.name ?? 'Error'} in the pipeline; will retry` };
}
