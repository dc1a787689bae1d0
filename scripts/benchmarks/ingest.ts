/**
 * `scripts/bench ingest [--streams 300] [--seconds 30] [--only baseline|gateway]`
 *
 * N concurrent real-time audio streams against (1) a bare WebSocket server that appends
 * frames to a file (the baseline) and (2) the real gateway (encryption, group commit to
 * Postgres, segments on the filesystem), in the same run. Reports p50/p99 ack latency and
 * each server's CPU (per stream) and peak memory, plus Postgres's CPU during the gateway
 * run and the machine's load. Everything runs on loopback and stops by itself.
 *
 * Knobs for investigation: `--timeline` (p99 per second), BENCH_SEGMENT_TARGET_BYTES,
 * BENCH_NODE_FLAGS (e.g. `--cpu-prof`, for both servers), BENCH_GATEWAY_LOG=<regex> (print
 * matching lines of the gateway's stdout after the run).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { openSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer } from 'node:net';
import pg from 'pg';
import { ensureDatabase, ensureOrganisation, insertSession, migrate, createPool } from '@scribe/db';
import { issueStreamToken, type CreateSessionBody } from '@scribe/domain';
import { synthPcm } from '../../packages/audio/src/index.ts';
import { runLoad, type LoadResult } from './ingest-load.ts';
import { cpuSeconds, cpuSecondsByName, loadAverage, percentile, rssMiB } from './proc-stats.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : dflt;
};
const STREAMS = Number(arg('streams', '300'));
const SECONDS = Number(arg('seconds', '30'));
const ONLY = arg('only', 'both');
const PG_SERVER = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const FRAME = synthPcm(0.1, { seed: 3 });

interface Measured {
  name: string;
  /** CPU seconds of this load-generating process in the window (it shares the 2 cores). */
  clientCpuSec: number;
  load: LoadResult;
  cpuSec: number;
  windowSec: number;
  peakRssMiB: number;
  pgCpuSec?: number;
}

/**
 * node --import tsx runs the TypeScript directly, so the pid is the server itself (no wrapper).
 * stdout goes to a file unless we read it: an unread pipe would fill and stall the server.
 */
function spawnTs(file: string, env: Record<string, string>, stdout: 'pipe' | number): ChildProcess {
  const flags = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  return spawn(process.execPath, [...flags, '--import', 'tsx', file], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', stdout, 'inherit'] });
}

async function freePort(): Promise<number> {
  return new Promise((res) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => res(port));
    });
  });
}

async function measure(name: string, pid: number, run: (window: { start: () => void; end: () => void }) => Promise<LoadResult>, withPg = false): Promise<Measured> {
  let cpu0 = 0, cpu1 = 0, pg0 = 0, pg1 = 0, t0 = 0, t1 = 0, peak = 0, c0 = 0, c1 = 0;
  const clientCpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
  const sampler = setInterval(() => { try { peak = Math.max(peak, rssMiB(pid)); } catch { /* exited */ } }, 500);
  const load = await run({
    start: () => { c0 = clientCpu(); cpu0 = cpuSeconds(pid); if (withPg) pg0 = cpuSecondsByName('postgres'); t0 = performance.now(); },
    end: () => { c1 = clientCpu(); cpu1 = cpuSeconds(pid); if (withPg) pg1 = cpuSecondsByName('postgres'); t1 = performance.now(); },
  });
  clearInterval(sampler);
  return { name, load, clientCpuSec: c1 - c0, cpuSec: cpu1 - cpu0, windowSec: (t1 - t0) / 1000, peakRssMiB: peak, ...(withPg ? { pgCpuSec: pg1 - pg0 } : {}) };
}

async function baseline(): Promise<Measured> {
  const child = spawnTs('scripts/benchmarks/ingest-baseline-server.ts', {}, 'pipe');
  try {
    const port = await new Promise<number>((res, rej) => {
      child.stdout!.once('data', (d: Buffer) => res(JSON.parse(d.toString()).port));
      child.once('exit', () => rej(new Error('baseline server exited')));
    });
    return await measure('baseline (ws + append to file)', child.pid!, (window) =>
      runLoad({ streams: STREAMS, seconds: SECONDS, url: () => `ws://127.0.0.1:${port}/`, handshake: false, frame: FRAME, window }));
  } finally {
    child.kill('SIGTERM');
  }
}

async function gateway(): Promise<{ m: Measured; recorded: number; bytesOk: number }> {
  const dbName = `scribe_bench_${randomBytes(4).toString('hex')}`;
  const url = `${PG_SERVER}/${dbName}`;
  const dir = await mkdtemp(join(tmpdir(), 'scribe-bench-audio-'));
  const prefix = `scribe_bench_${randomBytes(4).toString('hex')}`;
  const secret = randomBytes(32).toString('base64url');
  await ensureDatabase(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await migrate(client, join(ROOT, 'migrations'));
  await client.end();
  const pool = createPool({ connectionString: url, max: 4 });
  const orgId = await ensureOrganisation(pool, 'bench');
  const body = { mode: 'ambient', discipline: 'pt', noteType: 'daily', patientRef: 'bench', encounterRef: 'bench', clinicianRef: 'bench',
    dateOfService: '2026-11-23', payer: { type: 'medicare' }, consent: { obtained: true }, audio: { encoding: 'pcm_s16le', sampleRate: 16000, channels: 1 } } as CreateSessionBody;
  const ids: string[] = [];
  for (let i = 0; i < STREAMS; i++) ids.push((await insertSession(pool, orgId, body, null)).id);
  const exp = Math.floor(Date.now() / 1000) + 3600;
  const port = await freePort();
  const child = spawnTs('services/gateway/src/main.ts', {
    DATABASE_URL: url, STORAGE_DRIVER: 'fs', STORAGE_DIR: dir, QUEUE_PREFIX: prefix, GATEWAY_PORT: String(port), HOST: '127.0.0.1',
    AUDIO_KEK: randomBytes(32).toString('base64'), STREAM_TOKEN_SECRET: secret, LOG_LEVEL: 'warn', REDIS_URL, ...(process.env.BENCH_SEGMENT_TARGET_BYTES ? { SEGMENT_TARGET_BYTES: process.env.BENCH_SEGMENT_TARGET_BYTES } : {}),
  }, openSync(join(dir, 'gateway.log'), 'w'));
  try {
    for (let i = 0; i < 100; i++) {
      if (await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const m = await measure('gateway (encrypt + group commit + segments)', child.pid!, (window) => runLoad({
      streams: STREAMS, seconds: SECONDS, handshake: true, frame: FRAME, window,
      url: (i) => `ws://127.0.0.1:${port}/v1/sessions/${ids[i]}/audio?token=${issueStreamToken(secret, { sid: ids[i]!, org: orgId, exp })}`,
    }), true);
    const { rows } = await pool.query<{ recorded: number; ok: number }>(
      `SELECT count(*) FILTER (WHERE status = 'recorded')::int AS recorded, count(*) FILTER (WHERE audio_bytes = $1)::int AS ok FROM sessions`,
      [SECONDS * 10 * FRAME.length]);
    return { m, recorded: rows[0]!.recorded, bytesOk: rows[0]!.ok };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    if (process.env.BENCH_GATEWAY_LOG) console.log(readFileSync(join(dir, 'gateway.log'), 'utf8').split('\n').filter((l) => new RegExp(process.env.BENCH_GATEWAY_LOG!).test(l)).join('\n'));
    await pool.end();
    const admin = new pg.Client({ connectionString: `${PG_SERVER}/postgres` });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
    await rm(dir, { recursive: true, force: true });
    const { Redis } = await import('ioredis');
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }
}

function row(m: Measured): string {
  const l = m.load.latenciesMs;
  const cores = m.cpuSec / m.windowSec;
  return [m.name.padEnd(44), percentile(l, 50).toFixed(1).padStart(7), percentile(l, 99).toFixed(1).padStart(7), percentile(l, 100).toFixed(1).padStart(8),
    `${m.load.framesAcked}/${m.load.framesSent}`.padStart(14), (cores * 100).toFixed(1).padStart(7), ((cores * 1000) / STREAMS).toFixed(2).padStart(9),
    m.peakRssMiB.toFixed(0).padStart(8)].join(' ');
}

const load0 = loadAverage();
console.log(`ingest bench: ${STREAMS} streams x ${SECONDS} s, 16 kHz PCM, 100 ms frames; ${cpus().length} cores; load average before ${load0.join(' ')}`);
const results: Measured[] = [];
let gw: Awaited<ReturnType<typeof gateway>> | null = null;
if (ONLY !== 'gateway') results.push(await baseline());
if (ONLY !== 'baseline') {
  gw = await gateway();
  results.push(gw.m);
}
console.log(`\n${'server'.padEnd(44)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'max ms'.padStart(8)} ${'acked/sent'.padStart(14)} ${'CPU %'.padStart(7)} ${'mcore/str'.padStart(9)} ${'RSS MiB'.padStart(8)}`);
for (const m of results) console.log(row(m));
for (const m of results) console.log(`load generator CPU during "${m.name}": ${((100 * m.clientCpuSec) / m.windowSec).toFixed(1)}%`);
if (process.argv.includes('--timeline')) {
  for (const m of results) console.log(`${m.name} p99/max by second: ${m.load.timeline.map((t) => `${t.second}:${t.p99.toFixed(0)}/${t.max.toFixed(0)}`).join(' ')}`);
}
if (gw) {
  const pgCores = gw.m.pgCpuSec! / gw.m.windowSec;
  console.log(`postgres (all backends, machine-wide) during the gateway run: ${(pgCores * 100).toFixed(1)}% CPU (${((pgCores * 1000) / STREAMS).toFixed(2)} mcore/stream)`);
  console.log(`gateway sessions recorded: ${gw.recorded}/${STREAMS}, with every byte: ${gw.bytesOk}/${STREAMS}; ended: ${gw.m.load.ended}; errors: ${gw.m.load.errors.length ? [...new Set(gw.m.load.errors)].join(',') : 'none'}`);
}
if (results.length === 2) {
  const [b, g] = results as [Measured, Measured];
  console.log(`gateway/baseline CPU per stream: ${((g.cpuSec / g.windowSec) / (b.cpuSec / b.windowSec)).toFixed(2)}x (gateway + postgres: ${(((g.cpuSec + (g.pgCpuSec ?? 0)) / g.windowSec) / (b.cpuSec / b.windowSec)).toFixed(2)}x)`);
}
console.log(`load average after ${loadAverage().join(' ')}`);
console.log(JSON.stringify({ streams: STREAMS, seconds: SECONDS, results: results.map((m) => ({ name: m.name, p50: percentile(m.load.latenciesMs, 50), p99: percentile(m.load.latenciesMs, 99), cpuPct: (100 * m.cpuSec) / m.windowSec, rssMiB: m.peakRssMiB, pgCpuPct: m.pgCpuSec !== undefined ? (100 * m.pgCpuSec) / m.windowSec : undefined })) }));
process.exit(0);
