import { describe, expect, it } from 'vitest';
import { Deadline, errorForStatus, networkError, parseRetryAfterMs } from '../src/errors.ts';

describe('errorForStatus (STYLE.md: provider 4xx unrecoverable, 429 rate limit, 5xx retry)', () => {
  it.each([
    [400, 'unrecoverable', 'PROVIDER_BAD_REQUEST'],
    [401, 'unrecoverable', 'PROVIDER_AUTH'],
    [403, 'unrecoverable', 'PROVIDER_AUTH'],
    [404, 'unrecoverable', 'PROVIDER_REJECTED'],
    [413, 'unrecoverable', 'AUDIO_TOO_LARGE'],
    [415, 'unrecoverable', 'UNSUPPORTED_AUDIO'],
    [422, 'unrecoverable', 'PROVIDER_BAD_REQUEST'],
    [408, 'transient', 'TIMEOUT'],
    [429, 'rate_limited', 'RATE_LIMITED'],
    [500, 'transient', 'PROVIDER_UNAVAILABLE'],
    [503, 'transient', 'PROVIDER_UNAVAILABLE'],
  ] as const)('HTTP %i -> %s %s', (status, kind, code) => {
    const e = errorForStatus('Deepgram', status);
    expect(e.kind).toBe(kind);
    expect(e.code).toBe(code);
    expect(e.message).toContain(String(status));
  });

  it('keeps a provider error code that is an identifier and drops free text', () => {
    expect(errorForStatus('Deepgram', 401, { providerCode: 'INVALID_AUTH' }).message).toBe('Deepgram answered HTTP 401 (INVALID_AUTH)');
    expect(errorForStatus('Deepgram', 400, { providerCode: 'patient said her knee hurts' }).message).toBe('Deepgram answered HTTP 400');
  });

  it('carries the Retry-After wait on 429', () => {
    expect(errorForStatus('OpenAI', 429, { retryAfter: '12' }).retryAfterMs).toBe(12_000);
    expect(errorForStatus('OpenAI', 429, { retryAfterMs: '1500', retryAfter: '2' }).retryAfterMs).toBe(1500);
    expect(errorForStatus('OpenAI', 429).retryAfterMs).toBeUndefined();
  });
});

describe('parseRetryAfterMs', () => {
  it('reads seconds, an HTTP date, and ignores garbage', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(parseRetryAfterMs('3', null, now)).toBe(3000);
    expect(parseRetryAfterMs('Mon, 23 Nov 2026 10:00:30 GMT', null, now)).toBe(30_000);
    expect(parseRetryAfterMs('soon', null, now)).toBeUndefined();
    expect(parseRetryAfterMs(undefined, undefined, now)).toBeUndefined();
  });
});

describe('networkError', () => {
  it('is transient and names the system code from the cause chain', () => {
    const e = networkError('OpenAI', Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }) }));
    expect(e.kind).toBe('transient');
    expect(e.code).toBe('NETWORK');
    expect(e.message).toBe('could not reach OpenAI (ECONNRESET)');
  });
});

describe('Deadline', () => {
  it('tells a timeout from a caller abort', async () => {
    const d1 = new Deadline(10);
    await new Promise((r) => setTimeout(r, 30));
    expect(d1.signal.aborted).toBe(true);
    expect(d1.abortError('X')?.code).toBe('TIMEOUT');
    d1.dispose();

    const caller = new AbortController();
    const d2 = new Deadline(10_000, caller.signal);
    expect(d2.abortError('X')).toBeUndefined();
    caller.abort();
    expect(d2.signal.aborted).toBe(true);
    expect(d2.abortError('X')?.code).toBe('ABORTED');
    d2.dispose();
  });
});
