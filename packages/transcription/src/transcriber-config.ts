/**
 * The configuration the transcription adapters read: the same names as `@scribe/config`'s
 * schema, so the services pass their loaded Config unchanged (this package does not depend on
 * the config package; the shape is structural).
 */
export interface TranscriberConfig {
  TRANSCRIBER: 'offline' | 'deepgram' | 'openai';
  /** Base time allowed for one prerecorded transcription call, plus one second per second of audio. */
  TRANSCRIBE_TIMEOUT_MS: number;
  DEEPGRAM_API_KEY?: string | undefined;
  DEEPGRAM_BASE_URL?: string | undefined;
  DEEPGRAM_MODEL: string;
  /** Whether the gateway may open a live Deepgram stream while audio arrives. */
  DEEPGRAM_LIVE: boolean;
  OPENAI_API_KEY?: string | undefined;
  OPENAI_BASE_URL?: string | undefined;
  OPENAI_TRANSCRIBE_MODEL: string;
  /** `auto` picks by model: diarized_json for *-diarize, json for gpt-4o*, verbose_json otherwise. */
  OPENAI_TRANSCRIBE_FORMAT: 'auto' | 'verbose_json' | 'json' | 'diarized_json';
  POCKETSPHINX_BIN: string;
  /** Directory with the acoustic model (`en-us/`), `en-us.lm.bin` and `cmudict-en-us.dict`. */
  POCKETSPHINX_MODEL_DIR: string;
}
