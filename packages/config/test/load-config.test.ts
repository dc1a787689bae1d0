import { describe, expect, it } from 'vitest';
import { configSchema, loadConfig, ConfigError } from '../src/index.ts';

const secrets = { STREAM_TOKEN_SECRET: 's'.repeat(40), AUDIO_KEK: Buffer.alloc(32, 1).toString('base64') };

describe('loadConfig', () => {
  it('runs locally with only the secrets set, and returns a frozen object', () => {
    const c = loadConfig(configSchema, secrets);
    expect(c.API_PORT).toBe(3000);
    expect(c.GATEWAY_PORT).toBe(3001);
    expect(c.WORKER_METRICS_PORT).toBe(3002);
    expect(c.TRANSCRIBER).toBe('offline');
    expect(c.DRAFTER).toBe('offline');
    expect(c.STORAGE_DRIVER).toBe('fs');
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('has no default for secrets, and lists every problem at once without echoing values', () => {
    let err: ConfigError | undefined;
    try {
      loadConfig(configSchema, { API_PORT: 'abc', AUDIO_KEK: 'c2hvcnQ=' });
    } catch (e) {
      err = e as ConfigError;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const keys = err!.problems.map((p) => p.split(':')[0]);
    expect(keys).toEqual(expect.arrayContaining(['API_PORT', 'STREAM_TOKEN_SECRET', 'AUDIO_KEK']));
    expect(err!.message).not.toContain('c2hvcnQ=');
  });

  it('requires vendor keys only when their engine is chosen', () => {
    expect(() => loadConfig(configSchema, { ...secrets, TRANSCRIBER: 'deepgram' })).toThrow(/DEEPGRAM_API_KEY: required when TRANSCRIBER=deepgram/);
    expect(() => loadConfig(configSchema, { ...secrets, DRAFTER: 'openai' })).toThrow(/OPENAI_API_KEY/);
    expect(() => loadConfig(configSchema, { ...secrets, STORAGE_DRIVER: 's3' })).toThrow(/S3_BUCKET/);
    expect(loadConfig(configSchema, { ...secrets, TRANSCRIBER: 'deepgram', DEEPGRAM_API_KEY: 'dg' }).TRANSCRIBER).toBe('deepgram');
  });

  it('caches verified API keys for 10 s by default; 0 turns the cache off; more than 5 minutes is refused', () => {
    expect(loadConfig(configSchema, secrets).API_KEY_CACHE_TTL_SEC).toBe(10);
    expect(loadConfig(configSchema, { ...secrets, API_KEY_CACHE_TTL_SEC: '0' }).API_KEY_CACHE_TTL_SEC).toBe(0);
    expect(() => loadConfig(configSchema, { ...secrets, API_KEY_CACHE_TTL_SEC: '-1' })).toThrow(/API_KEY_CACHE_TTL_SEC/);
    expect(() => loadConfig(configSchema, { ...secrets, API_KEY_CACHE_TTL_SEC: '301' })).toThrow(/API_KEY_CACHE_TTL_SEC/);
  });

  it('does not read process.env by itself (pure)', () => {
    process.env.API_PORT = '4999';
    try {
      expect(loadConfig(configSchema, secrets).API_PORT).toBe(3000);
    } finally {
      delete process.env.API_PORT;
    }
  });
});
