/**
 * The evaluation command (see scripts/eval). The logic lives in @scribe/drafting's eval
 * modules so it is unit-tested with the package; this file only hands over argv.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../packages/drafting/src/eval/cli.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
main(process.argv.slice(2), root).then(
  (code) => { process.exitCode = code; },
  (e: Error) => { console.error(`eval: ${e.message}`); process.exitCode = 1; },
);
