import { describe, expect, it } from 'vitest';
import { testConfig } from '../../../test/helpers/config.ts';
import { createLiveTranscriber, createTranscriber } from '../src/create-transcriber.ts';
import { DeepgramLiveTranscriber } from '../src/deepgram/deepgram-live.ts';
import { DeepgramTranscriber } from '../src/deepgram/deepgram-transcriber.ts';
import { PocketsphinxTranscriber } from '../src/offline/pocketsphinx-transcriber.ts';
import { OpenAITranscriber } from '../src/openai/openai-transcriber.ts';

describe('createTranscriber (TRANSCRIBER chooses the engine)', () => {
  it('defaults to the offline engine, which needs no key, and no live engine', () => {
    const config = testConfig();
    const t = createTranscriber(config);
    expect(t).toBeInstanceOf(PocketsphinxTranscriber);
    expect(t.engine).toBe('offline-pocketsphinx');
    expect(createLiveTranscriber(config)).toBeUndefined();
  });

  it('builds Deepgram prerecorded and live from the Deepgram settings', () => {
    const config = testConfig({ TRANSCRIBER: 'deepgram', DEEPGRAM_API_KEY: 'dg-key', DEEPGRAM_BASE_URL: 'http://127.0.0.1:9' });
    const t = createTranscriber(config);
    expect(t).toBeInstanceOf(DeepgramTranscriber);
    expect([t.engine, t.model]).toEqual(['deepgram', 'nova-3-medical']);
    expect(createLiveTranscriber(config)).toBeInstanceOf(DeepgramLiveTranscriber);
    expect(createLiveTranscriber(testConfig({ TRANSCRIBER: 'deepgram', DEEPGRAM_API_KEY: 'k', DEEPGRAM_LIVE: 'false' }))).toBeUndefined();
  });

  it('builds the OpenAI-compatible engine with its model', () => {
    const t = createTranscriber(testConfig({ TRANSCRIBER: 'openai', OPENAI_API_KEY: 'sk', OPENAI_TRANSCRIBE_MODEL: 'whisper-1' }));
    expect(t).toBeInstanceOf(OpenAITranscriber);
    expect([t.engine, t.model]).toEqual(['openai', 'whisper-1']);
  });

  it('the config schema refuses a cloud engine without its key', () => {
    expect(() => testConfig({ TRANSCRIBER: 'deepgram' })).toThrow(/DEEPGRAM_API_KEY/);
    expect(() => testConfig({ TRANSCRIBER: 'openai' })).toThrow(/OPENAI_API_KEY/);
  });
});
