import { DeepgramLiveTranscriber } from './deepgram/deepgram-live.ts';
import { DeepgramTranscriber } from './deepgram/deepgram-transcriber.ts';
import type { LiveTranscriber } from './live.ts';
import { PocketsphinxTranscriber } from './offline/pocketsphinx-transcriber.ts';
import { OpenAITranscriber } from './openai/openai-transcriber.ts';
import type { Transcriber } from './transcriber.ts';
import type { TranscriberConfig } from './transcriber-config.ts';

/**
 * The prerecorded engine `TRANSCRIBER` names: `offline` (pocketsphinx, the default, no key),
 * `deepgram` (needs DEEPGRAM_API_KEY) or `openai` (needs OPENAI_API_KEY; OPENAI_BASE_URL points
 * it at any compatible server). The config schema already refuses a missing key; this check
 * repeats it for callers that build the config by hand.
 */
export function createTranscriber(config: TranscriberConfig): Transcriber {
  switch (config.TRANSCRIBER) {
    case 'deepgram':
      return new DeepgramTranscriber({
        apiKey: required(config.DEEPGRAM_API_KEY, 'DEEPGRAM_API_KEY'),
        ...(config.DEEPGRAM_BASE_URL ? { baseUrl: config.DEEPGRAM_BASE_URL } : {}),
        model: config.DEEPGRAM_MODEL,
        timeoutMs: config.TRANSCRIBE_TIMEOUT_MS,
      });
    case 'openai':
      return new OpenAITranscriber({
        apiKey: required(config.OPENAI_API_KEY, 'OPENAI_API_KEY'),
        ...(config.OPENAI_BASE_URL ? { baseUrl: config.OPENAI_BASE_URL } : {}),
        model: config.OPENAI_TRANSCRIBE_MODEL,
        responseFormat: config.OPENAI_TRANSCRIBE_FORMAT,
        timeoutMs: config.TRANSCRIBE_TIMEOUT_MS,
      });
    case 'offline':
      return new PocketsphinxTranscriber({
        bin: config.POCKETSPHINX_BIN,
        modelDir: config.POCKETSPHINX_MODEL_DIR,
        timeoutMs: config.TRANSCRIBE_TIMEOUT_MS,
      });
  }
}

/**
 * The live engine for the gateway, or undefined when none streams: only Deepgram does, and
 * only with TRANSCRIBER=deepgram and DEEPGRAM_LIVE=true (the default). The offline and
 * OpenAI-compatible engines transcribe the finished recording only.
 */
export function createLiveTranscriber(config: TranscriberConfig): LiveTranscriber | undefined {
  if (config.TRANSCRIBER !== 'deepgram' || !config.DEEPGRAM_LIVE) return undefined;
  return new DeepgramLiveTranscriber({
    apiKey: required(config.DEEPGRAM_API_KEY, 'DEEPGRAM_API_KEY'),
    ...(config.DEEPGRAM_BASE_URL ? { baseUrl: config.DEEPGRAM_BASE_URL } : {}),
    model: config.DEEPGRAM_MODEL,
  });
}

function required(value: string | undefined, name: string): string {
  if (!value) throw new Error(`${name} is required for this TRANSCRIBER`);
  return value;
}
