/**
 * Scan the test run's logs (test-results/logs/*.ndjson) for things that must never be
 * logged: patient refs (tests mark them PHI-PATIENT-…, the demo uses demo-patient-…), PHI-bearing text (tests mark
 * transcript and note text with PHI-TEXT), and API keys. Exits 1 naming file and line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'test-results/logs';
const FORBIDDEN: [string, RegExp][] = [
  ['patient ref', /PHI-PATIENT-|demo-patient-/],
  ['PHI text', /PHI-TEXT/],
  ['API key', /sk_[a-f0-9]{16}_/],
  ['stream token in a URL', /[?&]token=[A-Za-z0-9_-]{20,}/],
];

let lines = 0;
const hits: string[] = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.ndjson'))) {
  readFileSync(join(dir, file), 'utf8').split('\n').forEach((line, i) => {
    if (!line) return;
    lines++;
    for (const [what, re] of FORBIDDEN) if (re.test(line)) hits.push(`${file}:${i + 1}: ${what}`);
  });
}
console.log(`scanned ${lines} log lines in ${dir}`);
if (lines === 0) {
  console.error('no log lines found: the services under test did not log to test-results/logs');
  process.exit(1);
}
if (hits.length) {
  console.error(hits.slice(0, 50).join('\n'));
  process.exit(1);
}
