import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3BlobStore } from '../src/index.ts';
import { storageSuite } from './storage-suite.ts';

/** An S3-protocol server on a random loopback port, storing under a temp directory. */
async function startS3(): Promise<{ endpoint: string; dir: string; stop: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'scribe-s3rver-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir });
  const { port } = await server.run();
  return { endpoint: `http://127.0.0.1:${port}`, dir, stop: async () => { await server.close(); await rm(dir, { recursive: true, force: true }); } };
}

/** Every request's headers, captured as sent (s3rver ignores SSE, so we assert what the client sends; DEPENDENCIES.md §4d). */
function storeWithCapture(endpoint: string, bucket: string, sse: 'none' | 'AES256' | 'aws:kms', sseKmsKeyId?: string) {
  const sent: Array<{ method: string; path: string; headers: Record<string, string> }> = [];
  const store = new S3BlobStore({
    bucket, endpoint, region: 'us-east-1', forcePathStyle: true, sse, sseKmsKeyId, prefix: 'scribe/',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  store.client.middlewareStack.add((next) => async (args) => {
    const req = args.request as { method: string; path: string; headers: Record<string, string> };
    sent.push({ method: req.method, path: req.path, headers: { ...req.headers } });
    return next(args);
  }, { step: 'finalizeRequest', name: 'captureHeaders' });
  return { store, sent };
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) out.push(join(e.parentPath, e.name));
  return out;
}

storageSuite('an S3-protocol server (s3rver)', async () => {
  const s3 = await startS3();
  const { store } = storeWithCapture(s3.endpoint, 'audio', 'AES256');
  await store.client.send(new CreateBucketCommand({ Bucket: 'audio' }));
  return {
    blobs: store,
    // s3rver keeps object bodies as files under its directory: scan them as bytes at rest.
    rawObjects: async () => Promise.all((await filesUnder(s3.dir)).filter((f) => !f.endsWith('.json')).map((f) => readFile(f))),
    tamper: async (key) => {
      const res = await store.client.send(new GetObjectCommand({ Bucket: 'audio', Key: `scribe/${key}` }));
      const bytes = Buffer.from(await res.Body!.transformToByteArray());
      bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
      await store.client.send(new PutObjectCommand({ Bucket: 'audio', Key: `scribe/${key}`, Body: bytes }));
    },
    close: s3.stop,
  };
});

describe('S3 server-side encryption headers', () => {
  let s3: Awaited<ReturnType<typeof startS3>>;
  beforeAll(async () => {
    s3 = await startS3();
  });
  afterAll(async () => s3?.stop());

  it('sends x-amz-server-side-encryption (and the KMS key id) on every put when configured, and none when not', async () => {
    const aes = storeWithCapture(s3.endpoint, 'sse', 'AES256');
    await aes.store.client.send(new CreateBucketCommand({ Bucket: 'sse' }));
    await aes.store.put('a/1.bin', Buffer.from('x'));
    const kms = storeWithCapture(s3.endpoint, 'sse', 'aws:kms', 'arn:aws:kms:us-east-1:111122223333:key/test');
    await kms.store.put('a/2.bin', Buffer.from('y'));
    const none = storeWithCapture(s3.endpoint, 'sse', 'none');
    await none.store.put('a/3.bin', Buffer.from('z'));

    const put = (sent: typeof aes.sent) => sent.find((r) => r.method === 'PUT' && /\/a\/\d\.bin$/.test(r.path))!.headers;
    expect(put(aes.sent)['x-amz-server-side-encryption']).toBe('AES256');
    expect(put(kms.sent)['x-amz-server-side-encryption']).toBe('aws:kms');
    expect(put(kms.sent)['x-amz-server-side-encryption-aws-kms-key-id']).toBe('arn:aws:kms:us-east-1:111122223333:key/test');
    expect(put(none.sent)['x-amz-server-side-encryption']).toBeUndefined();
    // Buffer bodies go up as-is: no aws-chunked framing for the server to store verbatim.
    expect(put(aes.sent)['content-encoding']).toBeUndefined();
    expect((await none.store.get('a/1.bin')).toString()).toBe('x');
  });
});
