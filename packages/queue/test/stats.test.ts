import { describe, expect, it } from 'vitest';
import { failureCode } from '../src/index.ts';

describe('failureCode: the code at the start of a failure reason, never its text', () => {
  it.each([
    ['PROVIDER_UNAVAILABLE: Provider error (503)', 'PROVIDER_UNAVAILABLE'],
    ['INTERNAL_ECONNRESET: Error in the pipeline; will retry', 'INTERNAL_ECONNRESET'],
    ['WEBHOOK_HTTP_500: webhook delivery failed (500)', 'WEBHOOK_HTTP_500'],
    ['AUDIO_MISSING', 'AUDIO_MISSING'],
    ['job stalled more than allowable limit', 'JOB_STALLED'],
    ['Patient PHI-TEXT said: knee pain', 'UNKNOWN'],
    ['lower_case: not a code', 'UNKNOWN'],
    ['', 'UNKNOWN'],
    [undefined, 'UNKNOWN'],
  ])('%s -> %s', (reason, code) => {
    expect(failureCode(reason)).toBe(code);
  });
});
