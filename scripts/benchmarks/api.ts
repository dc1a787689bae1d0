/**
 * `scripts/bench api [--connections 32] [--seconds 10] [--rounds 2] [--warmup 3] [--notes 16]`
 *
 * Read throughput and latency of `GET /v1/notes/{id}` on the real api service (its own
 * process, started from services/api/src/main.ts with production wiring and logging, on real
 * Postgres and Redis) with auth, tenancy and audit on, side by side in the same run with a bare
 * fastify route serving the identical JSON from memory (api-baseline-server.ts). The notes are
 * real drafts: dictations run through the real worker first; connection i reads note i mod
 * `--notes`. A closed loop of N keep-alive connections (api-load.ts) drives each server for a
 * fixed time; the servers alternate (baseline, api, baseline, api, ...) so machine noise hits
 * both. Reports requests/s, p50/p99, the api/baseline throughput ratio, the CPU of each server
 * process, of Postgres and of the load generator, and checks that every 200 left exactly one
 * audit row. Everything runs on loopback and stops by itself; the databases, Redis keys and
 * temporary files it made are removed at the end.
 *
 * Knobs for investigation: BENCH_NODE_FLAGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`, for
 * both servers), BENCH_API_LOG_LEVEL (default `info`, as in production).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startStack } from '../../test/helpers/stack.ts';
import { bearer } from '../../test/helpers/api.ts';
import { REDIS_URL } from '../../test/helpers/redis.ts';
import { createSession, DICTATION, settled, waitFor } from '../../test/helpers/pipeline.ts';
import { runHttpLoad, type HttpLoadResult } from './api-load.ts';
import { cpuSeconds, loadAverage, percentile, rssMiB } from './proc-stats.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : dflt;
};
const CONNECTIONS = Number(arg('connections', '32'));
const SECONDS = Number(arg('seconds', '10'));
const ROUNDS = Number(arg('rounds', '2'));
const WARMUP = Number(arg('warmup', '3'));
const NOTES = Number(arg('notes', '16'));
const API_LOG_LEVEL = process.env.BENCH_API_LOG_LEVEL ?? 'info';

interface Server {
  name: string;
  child: ChildProcess;
  port: number;
  headers: Record<string, string>;
  /** Every 200 this server sent, warm-up included. */
  ok: number;
}

interface Round {
  load: HttpLoadResult;
  serverCpuSec: number;
  pgCpuSec: number;
  rssMiB: number;
}

/** node --import tsx runs the TypeScript directly, so the pid is the server itself (no wrapper). */
function spawnTs(file: string, env: Record<string, string>, stdio: ('ignore' | 'inherit' | 'ipc' | number)[]): ChildProcess {
  const flags = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  return spawn(process.execPath, [...flags, '--import', 'tsx', file], { cwd: ROOT, env: { ...process.env, ...env }, stdio });
}

async function freePort(): Promise<number> {
  return new Promise((res) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => res(port));
    });
  });
}

/**
 * CPU seconds of every postgres process by pid. Deltas are taken per pid: a sum over names
 * would go down whenever a backend (another run's, say) exits during the window.
 */
function postgresCpu(): Map<number, number> {
  const out = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') out.set(Number(entry), cpuSeconds(Number(entry)));
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

function cpuSince(before: Map<number, number>): number {
  let total = 0;
  for (const [pid, sec] of postgresCpu()) total += sec - (before.get(pid) ?? 0);
  return total;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** The notes read, set once drafted. */
const noteIds: string[] = [];

async function drive(s: Server, seconds: number): Promise<Round> {
  const pid = s.child.pid!;
  const cpu0 = cpuSeconds(pid);
  const pg0 = postgresCpu();
  const load = await runHttpLoad({ port: s.port, path: (i) => `/v1/notes/${noteIds[i % noteIds.length]}`, headers: s.headers, connections: CONNECTIONS, seconds });
  s.ok += load.statuses[200] ?? 0;
  return { load, serverCpuSec: cpuSeconds(pid) - cpu0, pgCpuSec: cpuSince(pg0), rssMiB: rssMiB(pid) };
}

function summarise(rounds: Round[]) {
  const lat = rounds.flatMap((r) => r.load.latenciesMs).sort((a, b) => a - b);
  const sec = rounds.reduce((n, r) => n + r.load.elapsedSec, 0);
  const count = (f: (r: Round) => number) => rounds.reduce((n, r) => n + f(r), 0);
  const statuses: Record<string, number> = {};
  for (const r of rounds) for (const [k, v] of Object.entries(r.load.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  return {
    rps: lat.length / sec, p50: percentile(lat, 50), p99: percentile(lat, 99), ok: statuses['200'] ?? 0, statuses,
    serverCpuPct: (100 * count((r) => r.serverCpuSec)) / sec, pgCpuPct: (100 * count((r) => r.pgCpuSec)) / sec,
    clientCpuPct: (100 * count((r) => r.load.clientCpuSec)) / sec, rssMiB: Math.max(...rounds.map((r) => r.rssMiB)),
    mismatches: count((r) => r.load.sizeMismatches), errors: [...new Set(rounds.flatMap((r) => r.load.errors))],
  };
}

const load0 = loadAverage();
console.log(`api bench: GET /v1/notes/{id}, ${CONNECTIONS} keep-alive connections, ${ROUNDS} x ${SECONDS} s per server (alternating, after ${WARMUP} s warm-up each); ` +
  `${cpus().length} cores shared by the load generator, both servers and Postgres; load average before ${load0.join(' ')}`);

const stack = await startStack('bench-api', { config: { LOG_LEVEL: 'warn' } });
const dir = await mkdtemp(join(tmpdir(), 'scribe-bench-api-'));
const children: ChildProcess[] = [];
try {
  // Real drafts: dictations through the real worker, read back by a key that may only read notes.
  const writer = await stack.api.key('bench');
  const sessionIds = await Promise.all(Array.from({ length: NOTES }, async () => {
    const { session } = await createSession(stack.api, writer, { mode: 'dictation', consent: undefined });
    const up = await stack.api.app.inject({ method: 'POST', url: `/v1/sessions/${session.id}/dictation`, headers: bearer(writer), payload: { text: DICTATION } });
    if (up.statusCode !== 202) throw new Error(`dictation: ${up.statusCode}`);
    return session.id;
  }));
  for (const id of sessionIds) {
    const drafted = await waitFor(stack.api, writer, id, settled, 5 * 60_000);
    if (drafted.status !== 'drafted' || !drafted.noteId) throw new Error(`session ${drafted.status}`);
    noteIds.push(drafted.noteId);
  }
  await stack.worker.close();
  const reader = await stack.api.key('bench', ['notes:read']);

  const { config } = stack.api.deps;
  const apiPort = await freePort();
  const api = spawnTs('services/api/src/main.ts', {
    DATABASE_URL: stack.api.db.url, REDIS_URL, QUEUE_PREFIX: stack.api.queuePrefix, STORAGE_DIR: config.STORAGE_DIR,
    STREAM_TOKEN_SECRET: config.STREAM_TOKEN_SECRET, AUDIO_KEK: config.AUDIO_KEK, HOST: '127.0.0.1', API_PORT: String(apiPort),
    LOG_LEVEL: API_LOG_LEVEL,
  }, ['ignore', openSync(join(dir, 'api.log'), 'w'), 'inherit']);
  children.push(api);
  let ready = false;
  for (let i = 0; i < 150 && !ready; i++) {
    ready = await fetch(`http://127.0.0.1:${apiPort}/readyz`).then((r) => r.ok, () => false);
    if (!ready) await new Promise((r) => setTimeout(r, 200));
  }
  if (!ready) throw new Error('api did not become ready');

  const bodies: { note: { id: string } }[] = [];
  for (const id of noteIds) {
    const res = await fetch(`http://127.0.0.1:${apiPort}/v1/notes/${id}`, { headers: bearer(reader) });
    if (res.status !== 200) throw new Error(`GET note: ${res.status}`);
    bodies.push((await res.json()) as { note: { id: string } });
  }

  const base = spawnTs('scripts/benchmarks/api-baseline-server.ts', {}, ['ignore', 'ignore', 'inherit', 'ipc']);
  children.push(base);
  const basePort = await new Promise<number>((res, rej) => {
    base.once('message', (m) => res((m as { port: number }).port));
    base.once('exit', () => rej(new Error('baseline server exited')));
    base.send(bodies);
  });

  const servers: Server[] = [
    { name: 'baseline: bare fastify, note from memory', child: base, port: basePort, headers: {}, ok: 0 },
    { name: 'api: auth + tenancy + audit, Postgres', child: api, port: apiPort, headers: bearer(reader), ok: noteIds.length },
  ];
  const rounds = new Map<Server, Round[]>(servers.map((s) => [s, []]));
  for (const s of servers) await drive(s, WARMUP);
  for (let i = 0; i < ROUNDS; i++) {
    for (const s of servers) {
      const r = await drive(s, SECONDS);
      rounds.get(s)!.push(r);
      console.log(`  round ${i + 1} ${s.name}: ${(r.load.latenciesMs.length / r.load.elapsedSec).toFixed(0)} req/s`);
    }
  }

  const [b, a] = servers.map((s) => summarise(rounds.get(s)!)) as [ReturnType<typeof summarise>, ReturnType<typeof summarise>];
  const ms = (n: number) => n.toFixed(2);
  const sizes = bodies.map((b) => Buffer.byteLength(JSON.stringify(b)));
  console.log(`\n${noteIds.length} notes, response JSON ${Math.min(...sizes)}-${Math.max(...sizes)} bytes`);
  console.log('\n| server | req/s | p50 ms | p99 ms | server CPU | server CPU µs/request | postgres CPU | load-gen CPU | server RSS MiB |\n|---|---|---|---|---|---|---|---|---|');
  for (const [s, m] of [[servers[0]!, b], [servers[1]!, a]] as const) {
    console.log(`| ${s.name} | ${m.rps.toFixed(0)} | ${ms(m.p50)} | ${ms(m.p99)} | ${m.serverCpuPct.toFixed(0)}% | ${(1e4 * m.serverCpuPct / m.rps).toFixed(0)} | ${m.pgCpuPct.toFixed(0)}% | ${m.clientCpuPct.toFixed(0)}% | ${m.rssMiB.toFixed(0)} |`);
  }
  console.log(`\nratio api/baseline throughput: ${(a.rps / b.rps).toFixed(2)} (goal >= 0.50)`);
  console.log('CPU: % of one core over the measured time; 200% is the whole machine. Postgres is every backend on the machine.');

  // Every 200 the api sent (warm-up and the first read included) must have left one audit row.
  const { rows } = await stack.api.db.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_events WHERE action = 'note.read' AND resource_id = ANY($1::uuid[])`, [noteIds]);
  const audited = rows[0]!.n;
  console.log(`api responses in measured rounds: ${JSON.stringify(a.statuses)}; every 200 audited: ${audited === servers[1]!.ok ? 'yes' : 'NO'} (${audited} note.read rows for ${servers[1]!.ok} 200s, warm-up and first reads included)`);
  console.log(`baseline responses: ${JSON.stringify(b.statuses)}; body size mismatches: baseline ${b.mismatches}, api ${a.mismatches}; errors: ${[...b.errors, ...a.errors].join(', ') || 'none'}`);
  console.log(`load average after ${loadAverage().join(' ')}`);
  console.log(JSON.stringify({ connections: CONNECTIONS, seconds: SECONDS, rounds: ROUNDS, baseline: { rps: b.rps, p50: b.p50, p99: b.p99 }, api: { rps: a.rps, p50: a.p50, p99: a.p99 }, ratio: a.rps / b.rps }));
} finally {
  for (const c of children) await stop(c);
  await stack.close();
  await rm(dir, { recursive: true, force: true });
}
process.exit(0);
