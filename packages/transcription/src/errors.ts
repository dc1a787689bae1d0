import { TranscriptionError } from './transcriber.ts';

/**
 * Classify a provider's HTTP status (STYLE.md, queues): 429 is `rate_limited` (with the wait
 * from Retry-After when sent); 408 and 5xx are `transient`; every other 4xx (400, 401, 403,
 * 404, 413, 415, 422, ...) is `unrecoverable`, because resending the same audio with the same
 * key cannot succeed. The message names the provider, the status and the provider's own error
 * code when it is a plain identifier; never the response body, which may echo input.
 */
export function errorForStatus(
  provider: string,
  status: number,
  details: { retryAfter?: string | null; retryAfterMs?: string | null; providerCode?: unknown } = {},
): TranscriptionError {
  const code = safeCode(details.providerCode);
  const message = `${provider} answered HTTP ${status}${code ? ` (${code})` : ''}`;
  if (status === 429) {
    return new TranscriptionError('rate_limited', 'RATE_LIMITED', message, parseRetryAfterMs(details.retryAfter, details.retryAfterMs));
  }
  if (status < 400) return new TranscriptionError('unrecoverable', 'PROVIDER_BAD_RESPONSE', `${provider} sent an unreadable answer (HTTP ${status})`);
  if (status === 408) return new TranscriptionError('transient', 'TIMEOUT', message);
  if (status >= 500) return new TranscriptionError('transient', 'PROVIDER_UNAVAILABLE', message);
  const kind =
    status === 401 || status === 403
      ? 'PROVIDER_AUTH'
      : status === 413
        ? 'AUDIO_TOO_LARGE'
        : status === 415
          ? 'UNSUPPORTED_AUDIO'
          : status === 400 || status === 422
            ? 'PROVIDER_BAD_REQUEST'
            : 'PROVIDER_REJECTED';
  return new TranscriptionError('unrecoverable', kind, message);
}

/**
 * Milliseconds to wait from `Retry-After` (delta-seconds or an HTTP date) or OpenAI's
 * `retry-after-ms`; undefined when absent or unreadable.
 */
export function parseRetryAfterMs(retryAfter?: string | null, retryAfterMs?: string | null, now = Date.now()): number | undefined {
  if (retryAfterMs && /^\d+(\.\d+)?$/.test(retryAfterMs.trim())) return Math.ceil(Number(retryAfterMs));
  if (!retryAfter) return undefined;
  const v = retryAfter.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.ceil(Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** A provider error code fit for a message: a short identifier, nothing free-form. */
export function safeCode(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Za-z0-9_.-]{1,64}$/.test(value) ? value : undefined;
}

/**
 * A failure before any HTTP status (connection refused or reset, DNS, TLS): `transient`.
 * The message carries the system error code found on the cause chain (ECONNREFUSED, ...).
 */
export function networkError(provider: string, cause: unknown): TranscriptionError {
  const sys = systemCode(cause);
  return new TranscriptionError('transient', 'NETWORK', `could not reach ${provider}${sys ? ` (${sys})` : ''}`);
}

/** The first `code` like ECONNREFUSED on an error's cause chain. */
export function systemCode(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
  }
  return undefined;
}

/**
 * A deadline for one call: aborts when the caller's signal aborts or after `timeoutMs`, and
 * tells the two apart afterwards (a timeout is retried; the caller's abort is reported as
 * `ABORTED`, also transient, because the worker aborts only to stop or hand the job back).
 */
export class Deadline {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly onCallerAbort = () => this.controller.abort();
  private expired = false;

  constructor(timeoutMs: number, private readonly caller?: AbortSignal) {
    this.timer = setTimeout(() => {
      this.expired = true;
      this.controller.abort();
    }, timeoutMs);
    this.timer.unref();
    if (caller?.aborted) this.controller.abort();
    else caller?.addEventListener('abort', this.onCallerAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The error to throw when the signal fired, or undefined when it did not. */
  abortError(provider: string): TranscriptionError | undefined {
    if (this.caller?.aborted) return new TranscriptionError('transient', 'ABORTED', `${provider} call aborted by the caller`);
    if (this.expired) return new TranscriptionError('transient', 'TIMEOUT', `${provider} did not answer in time`);
    return undefined;
  }

  /** Stop the timer and detach from the caller's signal. */
  dispose(): void {
    clearTimeout(this.timer);
    this.caller?.removeEventListener('abort', this.onCallerAbort);
  }
}

/**
 * The time one call may take: the configured base plus (by default) one second per second of audio, so a
 * four-hour visit is not held to the same limit as a one-minute dictation (pocketsphinx runs
 * at about a quarter of real time; uploads grow with the file).
 */
export function callTimeoutMs(baseMs: number, audioSec: number, perAudioSecMs = 1000): number {
  return Math.round(baseMs + audioSec * perAudioSecMs);
}

/** Throw ABORTED at once when the caller has already given up. */
export function throwIfAborted(provider: string, signal?: AbortSignal): void {
  if (signal?.aborted) throw new TranscriptionError('transient', 'ABORTED', `${provider} call aborted by the caller`);
}
