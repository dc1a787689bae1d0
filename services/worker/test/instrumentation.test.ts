import { UnrecoverableError, RateLimitError, type Job } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { createMetrics } from '@scribe/observability';
import { TranscriptionError, type Transcriber } from '@scribe/transcription';
import { instrumentNoteDrafter, instrumentTranscriber, measureStage, observeQueueWait } from '../src/instrumentation.ts';
import type { NoteDrafter } from '../src/ports.ts';
import { sample } from './helpers/prom-text.ts';

const text = async (m: ReturnType<typeof createMetrics>) => m.registry.metrics();

function fakeTranscriber(fail?: Error): Transcriber {
  return {
    engine: 'fake-asr',
    model: 'm1',
    async transcribe() {
      if (fail) throw fail;
      return { engine: 'fake-asr', model: 'm1', utterances: [] } as unknown as Awaited<ReturnType<Transcriber['transcribe']>>;
    },
  };
}

describe('provider metrics', () => {
  it('times every transcription call and counts failures by the failure policy kind, passing the error through', async () => {
    const m = createMetrics('worker');
    await instrumentTranscriber(fakeTranscriber(), m).transcribe({ wav: Buffer.alloc(0), mode: 'dictation' });
    const limited = new TranscriptionError('rate_limited', 'PROVIDER_RATE_LIMITED', 'rate limited', 1_000);
    await expect(instrumentTranscriber(fakeTranscriber(limited), m).transcribe({ wav: Buffer.alloc(0), mode: 'dictation' })).rejects.toBe(limited);
    await expect(instrumentTranscriber(fakeTranscriber(Object.assign(new Error('x'), { status: 400 })), m).transcribe({ wav: Buffer.alloc(0), mode: 'dictation' })).rejects.toThrow('x');
    const t = await text(m);
    expect(sample(t, 'scribe_provider_request_duration_seconds_count', { provider: 'fake-asr', operation: 'transcribe' })).toBe(3);
    expect(sample(t, 'scribe_provider_errors_total', { provider: 'fake-asr', kind: 'rate_limited' })).toBe(1);
    expect(sample(t, 'scribe_provider_errors_total', { provider: 'fake-asr', kind: 'unrecoverable' })).toBe(1);
  });

  it('counts an aborted drafting call as aborted', async () => {
    const m = createMetrics('worker');
    const ac = new AbortController();
    const drafter: NoteDrafter = {
      engine: 'fake-llm',
      draft: async () => { ac.abort(); throw Object.assign(new Error('aborted'), { name: 'AbortError' }); },
    };
    await expect(instrumentNoteDrafter(drafter, m).draft({} as never, ac.signal)).rejects.toThrow('aborted');
    const t = await text(m);
    expect(sample(t, 'scribe_provider_errors_total', { provider: 'fake-llm', kind: 'aborted' })).toBe(1);
    expect(sample(t, 'scribe_provider_request_duration_seconds_count', { provider: 'fake-llm', operation: 'draft' })).toBe(1);
  });
});

describe('stage outcomes', () => {
  it.each([
    ['completed', async () => ({ noteId: 'n1' })],
    ['skipped', async () => ({ skipped: 'already drafted' })],
    ['failed', async () => { throw new UnrecoverableError('PROVIDER_REJECTED: Provider refused the request (400)'); }],
    ['retry', async () => { throw new RateLimitError(); }],
    ['retry', async () => { throw new Error('PROVIDER_UNAVAILABLE: Provider error (503)'); }],
  ] as const)('%s', async (outcome, run) => {
    const m = createMetrics('worker');
    await measureStage<unknown>(m, 'draft', run).catch(() => {});
    const t = await text(m);
    expect(sample(t, 'scribe_stage_outcomes_total', { stage: 'draft', outcome })).toBe(1);
    expect(sample(t, 'scribe_stage_duration_seconds_count', { stage: 'draft', outcome })).toBe(1);
    expect(sample(t, 'scribe_stage_outcomes_total', { stage: 'draft' })).toBe(1);
  });
});

describe('queue wait', () => {
  const job = (over: Partial<Job>) => ({ attemptsMade: 0, stalledCounter: 0, timestamp: 1_000, processedOn: 3_500, opts: {}, ...over }) as unknown as Job;

  it('observes a first run from queued to taken', async () => {
    const m = createMetrics('worker');
    observeQueueWait(m, 'transcribe', job({}));
    const t = await text(m);
    expect(sample(t, 'scribe_queue_wait_seconds_count', { queue: 'transcribe' })).toBe(1);
    expect(sample(t, 'scribe_queue_wait_seconds_sum', { queue: 'transcribe' })).toBe(2.5);
  });

  it('skips retries and stalled re-runs (their wait is not known)', async () => {
    const m = createMetrics('worker');
    observeQueueWait(m, 'transcribe', job({ attemptsMade: 1 }));
    observeQueueWait(m, 'transcribe', job({ stalledCounter: 1 }));
    expect(sample(await text(m), 'scribe_queue_wait_seconds_count', { queue: 'transcribe' })).toBeNaN();
  });
});
