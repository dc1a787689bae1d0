/** A real gateway on a loopback port, with its own database, storage directory and queue prefix. */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import WebSocket from 'ws';
import { ensureOrganisation, insertSession } from '@scribe/db';
import { issueStreamToken, type CreateSessionBody } from '@scribe/domain';
import { closeStageQueues, createRedis, createStageQueues, type StageQueues } from '@scribe/queue';
import { createAudioStore, TailWriter, type AudioStore } from '@scribe/storage';
import type { Config } from '@scribe/config';
import { createLiveTranscriber } from '@scribe/transcription';
import type { ReadinessCheck } from '@scribe/observability';
import { buildGateway } from '../src/app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { testConfig } from '../../../test/helpers/config.ts';
import { testLogger } from '../../../test/helpers/logs.ts';
import { REDIS_URL, deletePrefix, uniquePrefix } from '../../../test/helpers/redis.ts';
import { sessionBody } from '../../../test/helpers/fixtures.ts';

export interface TestGateway {
  app: FastifyInstance;
  url: string;
  /** The same port over HTTP. */
  http: string;
  db: TestDatabase;
  dir: string;
  store: AudioStore;
  queues: StageQueues;
  config: Config;
  logLines: () => string[];
  /** A session row and a stream token for it. */
  session(overrides?: Record<string, unknown>, org?: string): Promise<{ id: string; orgId: string; token: string }>;
  /** Bytes of every file under the storage directory. */
  storedFiles(): Promise<Buffer[]>;
  /** Build a second gateway instance on the same database and storage (a restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startGateway(
  file: string,
  overrides: Record<string, string> = {},
  opts: { readiness?: ReadinessCheck[] } = {},
): Promise<TestGateway> {
  const db = await createTestDatabase();
  const dir = await mkdtemp(join(tmpdir(), 'scribe-gw-'));
  const prefix = uniquePrefix('gw');
  const config = testConfig({ DATABASE_URL: db.url, STORAGE_DIR: dir, QUEUE_PREFIX: prefix, ...overrides });
  const { logger, lines } = testLogger('gateway', file);
  const redis = createRedis(REDIS_URL);
  const queues = createStageQueues(redis, prefix);
  const store = createAudioStore(config, db.pool);

  const build = async () => {
    const app = await buildGateway({
      config, logger, store, tail: new TailWriter(db.pool), queues, readiness: opts.readiness ?? [{ name: 'postgres', check: async () => true }],
      // As main.ts wires it: a live engine only with TRANSCRIBER=deepgram (a local stub's DEEPGRAM_BASE_URL in tests).
      live: createLiveTranscriber(config),
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    return app;
  };
  const t: TestGateway = {
    app: await build(),
    url: '',
    http: '',
    db, dir, store, queues, config,
    logLines: lines,
    async session(o = {}, org = 'clinic-a') {
      const orgId = await ensureOrganisation(db.pool, org);
      const s = await insertSession(db.pool, orgId, sessionBody(o) as CreateSessionBody, null);
      return { id: s.id, orgId, token: issueStreamToken(config.STREAM_TOKEN_SECRET, { sid: s.id, org: orgId, exp: Math.floor(Date.now() / 1000) + 600 }) };
    },
    async storedFiles() {
      const out: Buffer[] = [];
      for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) out.push(await readFile(join(e.parentPath, e.name)));
      return out;
    },
    async restart() {
      await t.app.close();
      t.app = await build();
      t.url = `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
      t.http = t.url.replace('ws://', 'http://');
    },
    async close() {
      await t.app.close();
      await closeStageQueues(queues);
      redis.disconnect();
      await deletePrefix(prefix);
      await db.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  t.url = `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  t.http = t.url.replace('ws://', 'http://');
  return t;
}

type Msg = { type: string; [k: string]: unknown };

/** A real WebSocket client that records every server message, the highest ack and the close code. */
export class TestClient {
  readonly messages: Msg[] = [];
  lastAck = 0;
  readonly closed: Promise<{ code: number }>;
  private waiters: Array<{ pred: (m: Msg) => boolean; resolve: (m: Msg) => void }> = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const m = JSON.parse(data.toString('utf8')) as Msg;
      if (m.type === 'ack') this.lastAck = Math.max(this.lastAck, m.seq as number);
      this.messages.push(m);
      this.waiters = this.waiters.filter((w) => (w.pred(m) ? (w.resolve(m), false) : true));
    });
    ws.on('error', () => {});
    this.closed = new Promise((resolve) => ws.on('close', (code) => resolve({ code })));
  }

  /** Open a socket; rejects with the HTTP status when the upgrade is refused. */
  static connect(baseUrl: string, sessionId: string, token: string | null): Promise<TestClient> {
    const q = token === null ? '' : `?token=${encodeURIComponent(token)}`;
    const ws = new WebSocket(`${baseUrl}/v1/sessions/${sessionId}/audio${q}`);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new TestClient(ws)));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  /** The first message (already received or coming) that matches. */
  next(pred: (m: Msg) => boolean, timeoutMs = 15_000): Promise<Msg> {
    const have = this.messages.find(pred);
    if (have) return Promise.resolve(have);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting; got ${JSON.stringify(this.messages.slice(-3))}`)), timeoutMs);
      this.waiters.push({ pred, resolve: (m) => { clearTimeout(timer); resolve(m); } });
    });
  }

  type(type: string, timeoutMs?: number): Promise<Msg> {
    return this.next((m) => m.type === type, timeoutMs);
  }

  json(obj: unknown): void {
    this.ws.send(JSON.stringify(obj));
  }

  frame(seq: number, payload: Buffer): void {
    const b = Buffer.allocUnsafe(4 + payload.length);
    b.writeUInt32BE(seq, 0);
    payload.copy(b, 4);
    this.ws.send(b);
  }

  /** Send start and wait for ready; returns lastSeq. */
  async start(fields: Record<string, unknown> = {}): Promise<number> {
    this.json({ type: 'start', ...fields });
    return (await this.type('ready')).lastSeq as number;
  }

  async waitAck(seq: number, timeoutMs = 15_000): Promise<void> {
    if (this.lastAck >= seq) return;
    await this.next((m) => m.type === 'ack' && (m.seq as number) >= seq, timeoutMs);
  }

  async error(): Promise<{ code: string; close: number }> {
    const e = await this.type('error');
    return { code: e.code as string, close: (await this.closed).code };
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
