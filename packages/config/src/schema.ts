import { z } from 'zod';

const port = (dflt: number) => z.coerce.number().int().min(0).max(65535).default(dflt);
const positiveInt = (dflt: number) => z.coerce.number().int().positive().default(dflt);
const bool = (dflt: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(dflt ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1');
/** A secret: no default, never echoed. */
const secret = (minLength: number) => z.string().min(minLength, `must be at least ${minLength} characters`);
const optionalSecret = () => z.string().min(1).optional();
/** 32 random bytes, base64-encoded (44 characters). */
const key256 = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded (openssl rand -base64 32)');

/**
 * Every environment variable the services read. Local defaults run out of the box
 * against PostgreSQL and Redis on localhost; secrets have no default (scripts/dev writes
 * fresh ones to .scribe/local.env on first run).
 */
const fields = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().default('127.0.0.1'),
  API_PORT: port(3000),
  GATEWAY_PORT: port(3001),
  WORKER_METRICS_PORT: port(3002),
  /** Base URL clients use to reach the gateway (returned in `stream.url`). */
  PUBLIC_GATEWAY_URL: z.string().url().default('ws://127.0.0.1:3001'),
  /** Base URL clients use to reach the API. */
  PUBLIC_API_URL: z.string().url().default('http://127.0.0.1:3000'),
  SHUTDOWN_TIMEOUT_MS: positiveInt(10_000),

  DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/scribe'),
  DB_POOL_MAX: positiveInt(10),
  DB_STATEMENT_TIMEOUT_MS: positiveInt(15_000),
  /**
   * How long the api trusts an API key it has verified before it reads the key's row again:
   * a revocation or scope change takes effect within this many seconds. 0 turns the cache off.
   */
  API_KEY_CACHE_TTL_SEC: z.coerce.number().int().min(0).max(300).default(10),
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  /** BullMQ key prefix; lets several deployments (or test runs) share one Redis. */
  QUEUE_PREFIX: z.string().min(1).default('scribe'),

  /** HMAC key for stream tokens (shared by api and gateway). */
  STREAM_TOKEN_SECRET: secret(32),
  STREAM_TOKEN_TTL_SEC: positiveInt(900),

  STORAGE_DRIVER: z.enum(['fs', 's3']).default('fs'),
  STORAGE_DIR: z.string().default('./var/audio'),
  S3_BUCKET: z.string().optional(),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_FORCE_PATH_STYLE: bool(true),
  S3_ACCESS_KEY_ID: optionalSecret(),
  S3_SECRET_ACCESS_KEY: optionalSecret(),
  /** Server-side encryption to request on every put: none, AES256 or aws:kms. */
  S3_SSE: z.enum(['none', 'AES256', 'aws:kms']).default('none'),
  S3_SSE_KMS_KEY_ID: z.string().optional(),
  /** Key-encryption key wrapping every session's data key (base64, 32 bytes). */
  AUDIO_KEK: key256,
  AUDIO_KEK_ID: z.string().default('local-1'),

  MAX_FRAME_BYTES: positiveInt(64 * 1024),
  MAX_SESSION_BYTES: positiveInt(512 * 1024 * 1024),
  MAX_SESSION_DURATION_SEC: positiveInt(4 * 60 * 60),
  MAX_UPLOAD_BYTES: positiveInt(256 * 1024 * 1024),
  STREAM_IDLE_TIMEOUT_SEC: positiveInt(120),
  SEGMENT_TARGET_BYTES: positiveInt(160_000),

  TRANSCRIBER: z.enum(['offline', 'deepgram', 'openai']).default('offline'),
  DEEPGRAM_API_KEY: optionalSecret(),
  DEEPGRAM_BASE_URL: z.string().url().optional(),
  DEEPGRAM_MODEL: z.string().default('nova-3-medical'),
  DEEPGRAM_LIVE: bool(true),
  OPENAI_API_KEY: optionalSecret(),
  OPENAI_BASE_URL: z.string().url().optional(),
  OPENAI_TRANSCRIBE_MODEL: z.string().default('gpt-4o-transcribe'),
  /** verbose_json (segment times), json (text only), diarized_json (speakers); auto picks by model. */
  OPENAI_TRANSCRIBE_FORMAT: z.enum(['auto', 'verbose_json', 'json', 'diarized_json']).default('auto'),
  /** Time allowed for one prerecorded transcription call (any engine), plus one second per second of audio. */
  TRANSCRIBE_TIMEOUT_MS: positiveInt(5 * 60_000),
  /** The offline engine (Debian packages pocketsphinx and pocketsphinx-en-us). */
  POCKETSPHINX_BIN: z.string().min(1).default('pocketsphinx_continuous'),
  POCKETSPHINX_MODEL_DIR: z.string().min(1).default('/usr/share/pocketsphinx/model/en-us'),
  DRAFTER: z.enum(['offline', 'openai']).default('offline'),
  OPENAI_DRAFT_MODEL: z.string().default('gpt-4o-2024-08-06'),

  WORKER_CONCURRENCY: positiveInt(4),
  /** Attempts per pipeline stage before the session fails and a dead letter is recorded. */
  PIPELINE_ATTEMPTS: positiveInt(5),
  /** First retry delay; doubles per attempt, with jitter. */
  PIPELINE_BACKOFF_MS: positiveInt(2_000),
  /** A job whose worker stops renewing its lock for this long is stalled and handed to another worker. */
  JOB_LOCK_MS: positiveInt(30_000),
  WEBHOOK_ATTEMPTS: positiveInt(12),
  /** How often the worker re-queues sessions whose hand-off to the queue was lost (e.g. a crash after commit). */
  RECONCILE_INTERVAL_SEC: positiveInt(60),
  WEBHOOK_TIMEOUT_MS: positiveInt(10_000),
});

/** Every variable name the services read (the README documents each; a test checks it). */
export const CONFIG_KEYS = Object.keys(fields.shape) as (keyof typeof fields.shape)[];

export const configSchema = fields.superRefine((c, ctx) => {
  const need = (when: boolean, key: string, why: string) => {
    if (when && !(c as Record<string, unknown>)[key]) ctx.addIssue({ code: 'custom', path: [key], message: `required when ${why}` });
  };
  need(c.STORAGE_DRIVER === 's3', 'S3_BUCKET', 'STORAGE_DRIVER=s3');
  need(c.S3_SSE === 'aws:kms', 'S3_SSE_KMS_KEY_ID', 'S3_SSE=aws:kms');
  need(c.TRANSCRIBER === 'deepgram', 'DEEPGRAM_API_KEY', 'TRANSCRIBER=deepgram');
  need(c.TRANSCRIBER === 'openai', 'OPENAI_API_KEY', 'TRANSCRIBER=openai');
  need(c.DRAFTER === 'openai', 'OPENAI_API_KEY', 'DRAFTER=openai');
});

export type Config = z.infer<typeof configSchema>;
