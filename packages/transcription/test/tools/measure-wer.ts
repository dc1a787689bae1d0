/**
 * Measure an engine's word error rate on a spoken sample against its expected utterances.
 *   pnpm exec tsx packages/transcription/test/tools/measure-wer.ts [sample.wav] [expected.json]
 * Defaults to the bundled sample (test/fixtures/sample-visit/). The engine comes from the same
 * variables the services read (TRANSCRIBER, DEEPGRAM_*, OPENAI_*, POCKETSPHINX_*), so the same
 * command measures Deepgram or an OpenAI-compatible server when they are reachable. Prints the
 * WER with its substitutions/deletions/insertions, the wall time and, when the engine labels
 * speakers, the share of words attributed to the speaker who said them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createTranscriber, type TranscriberConfig } from '../../src/index.ts';
import { normalizeWords, wordErrorRate } from '../../src/wer.ts';

const fixture = fileURLToPath(new URL('../../../../test/fixtures/sample-visit/', import.meta.url));
const wavPath = process.argv[2] ?? `${fixture}sample-visit.wav`;
const expectedPath = process.argv[3] ?? `${fixture}expected.json`;
const env = process.env;

const config: TranscriberConfig = {
  TRANSCRIBER: (env.TRANSCRIBER as TranscriberConfig['TRANSCRIBER'] | undefined) ?? 'offline',
  TRANSCRIBE_TIMEOUT_MS: Number(env.TRANSCRIBE_TIMEOUT_MS ?? 600_000),
  DEEPGRAM_API_KEY: env.DEEPGRAM_API_KEY,
  DEEPGRAM_BASE_URL: env.DEEPGRAM_BASE_URL,
  DEEPGRAM_MODEL: env.DEEPGRAM_MODEL ?? 'nova-3-medical',
  DEEPGRAM_LIVE: false,
  OPENAI_API_KEY: env.OPENAI_API_KEY,
  OPENAI_BASE_URL: env.OPENAI_BASE_URL,
  OPENAI_TRANSCRIBE_MODEL: env.OPENAI_TRANSCRIBE_MODEL ?? 'gpt-4o-transcribe',
  OPENAI_TRANSCRIBE_FORMAT: (env.OPENAI_TRANSCRIBE_FORMAT as TranscriberConfig['OPENAI_TRANSCRIBE_FORMAT'] | undefined) ?? 'auto',
  POCKETSPHINX_BIN: env.POCKETSPHINX_BIN ?? 'pocketsphinx_continuous',
  POCKETSPHINX_MODEL_DIR: env.POCKETSPHINX_MODEL_DIR ?? '/usr/share/pocketsphinx/model/en-us',
};

interface Expected {
  utterances: { speaker: string; start: number; end: number; text: string }[];
}
const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected;
const transcriber = createTranscriber(config);
const t0 = Date.now();
const transcript = await transcriber.transcribe({ wav: readFileSync(wavPath), mode: 'ambient' });
const wallMs = Date.now() - t0;

const r = wordErrorRate(expected.utterances.map((u) => u.text).join(' '), transcript.utterances.map((u) => u.text).join(' '));
console.log(`engine ${transcript.engine} / ${transcript.model}`);
console.log(`utterances ${transcript.utterances.length} (expected ${expected.utterances.length}), wall ${wallMs} ms`);
console.log(`WER ${(r.wer * 100).toFixed(1)}%  S ${r.substitutions}  D ${r.deletions}  I ${r.insertions}  reference ${r.referenceWords} words, hypothesis ${r.hypothesisWords}`);

// Speaker attribution: each recognised word against the expected utterance its midpoint falls in.
const labelled = transcript.utterances.filter((u) => u.speaker !== 'other');
if (labelled.length > 0) {
  let right = 0;
  let total = 0;
  for (const u of labelled) {
    const mid = (u.start + u.end) / 2;
    const truth = expected.utterances.find((e) => mid >= e.start - 0.3 && mid <= e.end + 0.3);
    const n = normalizeWords(u.text).length;
    total += n;
    if (truth?.speaker === u.speaker) right += n;
  }
  console.log(`speaker attribution ${((right / Math.max(1, total)) * 100).toFixed(1)}% of ${total} words`);
} else {
  console.log('speaker attribution: not measured (the engine labelled no speaker)');
}
