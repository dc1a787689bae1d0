import { configSchema, loadConfig, type Config } from '@scribe/config';

/** A valid config for tests: fixed test secrets (never used outside tests), overridable. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig(configSchema, {
    LOG_LEVEL: 'info',
    STREAM_TOKEN_SECRET: 'test-stream-token-secret-0123456789abcdef',
    AUDIO_KEK: Buffer.alloc(32, 7).toString('base64'),
    ...overrides,
  });
}
