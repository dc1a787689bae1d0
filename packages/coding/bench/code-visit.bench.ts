/**
 * Benchmark: codes the 12 dev fixtures many times and prints per-visit mean and p99 in
 * microseconds, next to a baseline run the same way (a JSON round trip of the same input), so
 * the number reads as a ratio on whatever machine runs it. A plain script, not a test:
 *   pnpm exec tsx packages/coding/bench/code-visit.bench.ts [rounds]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeVisit, type VisitInput } from '../src/index.ts';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../test/fixtures/dev-cases');
const visits: VisitInput[] = readdirSync(dir)
  .filter((f) => f.endsWith('.visit.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as VisitInput);

const rounds = Number(process.argv[2] ?? 2000);

interface Stats { meanUs: number; p50Us: number; p99Us: number; samples: number }

/** Time each call separately; rounds x visits samples. */
function measure(fn: (v: VisitInput) => unknown): Stats {
  const samples = new Float64Array(rounds * visits.length);
  let k = 0;
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    for (const v of visits) {
      const t0 = process.hrtime.bigint();
      const out = fn(v);
      const t1 = process.hrtime.bigint();
      samples[k++] = Number(t1 - t0) / 1000;
      if (out) sink++;
    }
  }
  if (sink < 0) console.log(sink);
  const sorted = Array.from(samples).sort((a, b) => a - b);
  const mean = sorted.reduce((s, x) => s + x, 0) / sorted.length;
  return { meanUs: mean, p50Us: sorted[Math.floor(sorted.length * 0.5)]!, p99Us: sorted[Math.floor(sorted.length * 0.99)]!, samples: sorted.length };
}

const baseline = (v: VisitInput) => JSON.parse(JSON.stringify(v)) as unknown;
const coding = (v: VisitInput) => codeVisit(v);

// Warm up both paths so the JIT has compiled them before measuring.
for (let i = 0; i < 300; i++) for (const v of visits) { baseline(v); coding(v); }

const base = measure(baseline);
const code = measure(coding);
const fmt = (s: Stats) => `mean ${s.meanUs.toFixed(1)} us, p50 ${s.p50Us.toFixed(1)} us, p99 ${s.p99Us.toFixed(1)} us`;
console.log(`visits: ${visits.length} dev fixtures x ${rounds} rounds = ${code.samples} calls each`);
console.log(`baseline (JSON round trip of the input): ${fmt(base)}`);
console.log(`codeVisit:                               ${fmt(code)}`);
console.log(`ratio codeVisit / baseline: mean ${(code.meanUs / base.meanUs).toFixed(1)}x, p99 ${(code.p99Us / base.p99Us).toFixed(1)}x`);
console.log(`budget: p99 ${code.p99Us < 1000 ? 'under' : 'OVER'} 1 ms per visit`);
