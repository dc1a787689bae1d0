import type { Config } from '@scribe/config';
import type { Pool } from '@scribe/db';
import { AudioStore } from './audio-store.ts';
import type { BlobStore } from './blob-store.ts';
import { FsBlobStore } from './fs-blob-store.ts';
import { LocalKeyWrapper, type KeyWrapper } from './key-wrapper.ts';
import { S3BlobStore } from './s3-blob-store.ts';

type StorageConfig = Pick<Config,
  'STORAGE_DRIVER' | 'STORAGE_DIR' | 'S3_BUCKET' | 'S3_ENDPOINT' | 'S3_REGION' | 'S3_FORCE_PATH_STYLE' |
  'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY' | 'S3_SSE' | 'S3_SSE_KMS_KEY_ID' | 'AUDIO_KEK' | 'AUDIO_KEK_ID'>;

/** The blob store named by STORAGE_DRIVER: `fs` (default, STORAGE_DIR) or `s3`. */
export function createBlobStore(config: StorageConfig): BlobStore {
  if (config.STORAGE_DRIVER === 's3') {
    return new S3BlobStore({
      bucket: config.S3_BUCKET!,
      endpoint: config.S3_ENDPOINT,
      region: config.S3_REGION,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      credentials: config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY }
        : undefined,
      sse: config.S3_SSE,
      sseKmsKeyId: config.S3_SSE_KMS_KEY_ID,
    });
  }
  return new FsBlobStore(config.STORAGE_DIR);
}

/** The local KEK from AUDIO_KEK / AUDIO_KEK_ID. A KMS-backed KeyWrapper would be chosen here. */
export function createKeyWrapper(config: StorageConfig): KeyWrapper {
  return new LocalKeyWrapper({ [config.AUDIO_KEK_ID]: Buffer.from(config.AUDIO_KEK, 'base64') }, config.AUDIO_KEK_ID);
}

/** Everything a service needs to read and write session audio. */
export function createAudioStore(config: StorageConfig, pool: Pool, blobs: BlobStore = createBlobStore(config)): AudioStore {
  return new AudioStore({ pool, blobs, keys: createKeyWrapper(config) });
}
