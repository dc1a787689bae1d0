import {
  DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, ListObjectsV2Command, PutObjectCommand, S3Client,
  type PutObjectCommandInput, type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { StorageError } from './errors.ts';
import { assertObjectKey, type BlobStore } from './blob-store.ts';

export interface S3BlobStoreOptions {
  bucket: string;
  /** Any S3-compatible endpoint (MinIO, s3rver, Ceph); omit for AWS. */
  endpoint?: string;
  region: string;
  forcePathStyle: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Server-side encryption requested on every put (defence in depth on top of our own envelope encryption). */
  sse: 'none' | 'AES256' | 'aws:kms';
  sseKmsKeyId?: string;
  /** Key prefix inside the bucket (e.g. `scribe/`), ids only. */
  prefix?: string;
  /** Extra client settings (tests add middleware through `client`). */
  clientConfig?: Partial<S3ClientConfig>;
}

/**
 * Objects in an S3 bucket. Bodies are sent as Buffers with checksums only when required:
 * some S3-compatible servers store the `aws-chunked` framing of streamed bodies verbatim
 * (DEPENDENCIES.md §4d), which would corrupt our ciphertext.
 */
export class S3BlobStore implements BlobStore {
  readonly kind = 's3' as const;
  readonly client: S3Client;
  private readonly prefix: string;

  constructor(private readonly opts: S3BlobStoreOptions) {
    this.prefix = opts.prefix ?? '';
    this.client = new S3Client({
      region: opts.region,
      endpoint: opts.endpoint,
      forcePathStyle: opts.forcePathStyle,
      credentials: opts.credentials,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
      ...opts.clientConfig,
    });
  }

  private key(key: string): string {
    assertObjectKey(key);
    return this.prefix + key;
  }

  async put(key: string, data: Buffer): Promise<void> {
    const input: PutObjectCommandInput = {
      Bucket: this.opts.bucket,
      Key: this.key(key),
      Body: data,
      ContentLength: data.length,
      ContentType: 'application/octet-stream',
    };
    if (this.opts.sse !== 'none') {
      input.ServerSideEncryption = this.opts.sse;
      if (this.opts.sse === 'aws:kms' && this.opts.sseKmsKeyId) input.SSEKMSKeyId = this.opts.sseKmsKeyId;
    }
    await this.client.send(new PutObjectCommand(input));
  }

  async get(key: string): Promise<Buffer> {
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.opts.bucket, Key: this.key(key) }));
      if (!res.Body) throw new StorageError('BLOB_NOT_FOUND', 'object has no body');
      return Buffer.from(await res.Body.transformToByteArray());
    } catch (err) {
      const name = (err as { name?: string }).name;
      if (name === 'NoSuchKey' || name === 'NotFound') throw new StorageError('BLOB_NOT_FOUND', 'object not found');
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.opts.bucket, Key: this.key(key) }));
  }

  async list(prefix: string): Promise<string[]> {
    const out: string[] = [];
    let token: string | undefined;
    do {
      const res = await this.client.send(new ListObjectsV2Command({
        Bucket: this.opts.bucket, Prefix: this.prefix + prefix, ContinuationToken: token,
      }));
      for (const o of res.Contents ?? []) if (o.Key) out.push(o.Key.slice(this.prefix.length));
      token = res.IsTruncated ? res.NextContinuationToken : undefined;
    } while (token);
    return out.sort();
  }

  async ping(): Promise<boolean> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.opts.bucket }));
      return true;
    } catch {
      return false;
    }
  }
}
