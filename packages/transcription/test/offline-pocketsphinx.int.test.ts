/**
 * The offline engine end to end: the real pocketsphinx_continuous (Debian package) on the real
 * bundled spoken sample (scripts/make-sample-audio), plus silent and noise-only recordings.
 * Pocketsphinx is slow (about 0.25x real time, ~20 s for the 81 s sample on this machine's
 * CPU), so the sample is transcribed once per file.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { Transcript, type Transcript as TranscriptT } from '@scribe/domain';
import { PocketsphinxTranscriber } from '../src/offline/pocketsphinx-transcriber.ts';
import { TranscriptionError } from '../src/transcriber.ts';
import { normalizeWords, wordErrorRate } from '../src/wer.ts';
import { mix, hum, silence, syllables, wavFromSamples, whiteNoise } from './helpers/audio.ts';

const FIXTURE = fileURLToPath(new URL('../../../test/fixtures/sample-visit/', import.meta.url));
const sampleWav = readFileSync(`${FIXTURE}sample-visit.wav`);
const expected = JSON.parse(readFileSync(`${FIXTURE}expected.json`, 'utf8')) as { utterances: { text: string; end: number }[] };
const reference = expected.utterances.map((u) => u.text).join(' ');

const engine = (over: Partial<{ bin: string; modelDir: string; timeoutMs: number; timeoutPerAudioSecMs: number }> = {}) =>
  new PocketsphinxTranscriber({ bin: 'pocketsphinx_continuous', modelDir: '/usr/share/pocketsphinx/model/en-us', timeoutMs: 170_000, ...over });

let ambient: TranscriptT;
let ms: number;

beforeAll(async () => {
  const t0 = Date.now();
  ambient = await engine().transcribe({ wav: sampleWav, mode: 'ambient' });
  ms = Date.now() - t0;
}, 180_000);

describe('offline pocketsphinx on the bundled spoken sample', () => {
  it('produces a valid transcript of utterances with sane times', () => {
    expect(Transcript.parse(ambient)).toEqual(ambient);
    expect(ambient.engine).toBe('offline-pocketsphinx');
    expect(ambient.model).toMatch(/LOW ACCURACY/);
    expect(ambient.utterances.length).toBeGreaterThanOrEqual(8);
    const duration = expected.utterances[expected.utterances.length - 1]!.end + 0.5;
    let prevStart = 0;
    ambient.utterances.forEach((u, i) => {
      expect(u.id).toBe(`u${i + 1}`);
      expect(u.start).toBeGreaterThanOrEqual(prevStart);
      expect(u.end).toBeGreaterThan(u.start);
      expect(u.end).toBeLessThanOrEqual(duration);
      expect(u.words!.length).toBeGreaterThan(0);
      expect(u.words![0]!.start).toBe(u.start);
      prevStart = u.start;
    });
  });

  it('labels everything other: it does not diarize (README heuristic)', () => {
    expect(new Set(ambient.utterances.map((u) => u.speaker))).toEqual(new Set(['other']));
  });

  it('recognises some of the words spoken, and reports its word error rate', () => {
    const said = new Set(normalizeWords(reference));
    const heard = ambient.utterances.flatMap((u) => normalizeWords(u.text));
    const content = heard.filter((w) => said.has(w) && w.length >= 4);
    // Words such as "stairs", "twice", "friday", "heavy" come through even at this accuracy.
    expect(new Set(content).size).toBeGreaterThanOrEqual(5);
    const r = wordErrorRate(reference, ambient.utterances.map((u) => u.text).join(' '));
    console.log(
      `offline pocketsphinx on sample-visit.wav: WER ${(r.wer * 100).toFixed(1)}% ` +
        `(S ${r.substitutions} / D ${r.deletions} / I ${r.insertions} of ${r.referenceWords} words), ${ms} ms`,
    );
    expect(r.wer).toBeLessThan(1);
  });
});

describe('offline pocketsphinx: the silence guard', () => {
  it.each([
    ['digital silence', silence(6)],
    ['white noise', whiteNoise(6, 6000)],
    ['hum and hiss', mix(hum(6, 4000), whiteNoise(6, 1000, 9))],
  ])('%s -> zero utterances', async (_name, samples) => {
    const t = await engine().transcribe({ wav: wavFromSamples(samples), mode: 'ambient' });
    expect(t.utterances).toEqual([]);
  });

  it('dictation labels every utterance clinician', async () => {
    const clip = sampleWav.subarray(0, 44 + 16000 * 2 * 6); // the first 6 s, header kept
    const t = await engine().transcribe({ wav: clip, mode: 'dictation' });
    expect(t.utterances.length).toBeGreaterThan(0);
    expect(new Set(t.utterances.map((u) => u.speaker))).toEqual(new Set(['clinician']));
  });
});

describe('offline pocketsphinx: failures', () => {
  const speech = wavFromSamples(syllables(3));

  async function failure(p: Promise<unknown>): Promise<TranscriptionError> {
    const err = await p.then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(TranscriptionError);
    return err as TranscriptionError;
  }

  it('a missing binary -> unrecoverable ENGINE_UNAVAILABLE', async () => {
    const e = await failure(engine({ bin: '/nonexistent/pocketsphinx' }).transcribe({ wav: speech, mode: 'ambient' }));
    expect([e.kind, e.code]).toEqual(['unrecoverable', 'ENGINE_UNAVAILABLE']);
  });

  it('a missing model -> unrecoverable ENGINE_UNAVAILABLE', async () => {
    const e = await failure(engine({ modelDir: '/nonexistent' }).transcribe({ wav: speech, mode: 'ambient' }));
    expect([e.kind, e.code]).toEqual(['unrecoverable', 'ENGINE_UNAVAILABLE']);
  });

  it('audio that is not 16 kHz mono -> unrecoverable BAD_AUDIO', async () => {
    const e = await failure(engine().transcribe({ wav: wavFromSamples(syllables(3), 8000), mode: 'ambient' }));
    expect([e.kind, e.code]).toEqual(['unrecoverable', 'BAD_AUDIO']);
  });

  it('a language other than English -> unrecoverable UNSUPPORTED_LANGUAGE', async () => {
    const e = await failure(engine().transcribe({ wav: speech, mode: 'ambient', language: 'de' }));
    expect([e.kind, e.code]).toEqual(['unrecoverable', 'UNSUPPORTED_LANGUAGE']);
  });

  it('honours the timeout and the caller AbortSignal, killing the recogniser', async () => {
    const slow = await failure(engine({ timeoutMs: 200, timeoutPerAudioSecMs: 0 }).transcribe({ wav: sampleWav, mode: 'ambient' }));
    expect([slow.kind, slow.code]).toEqual(['transient', 'TIMEOUT']);
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 200);
    const aborted = await failure(engine().transcribe({ wav: sampleWav, mode: 'ambient' }, ac.signal));
    expect([aborted.kind, aborted.code]).toEqual(['transient', 'ABORTED']);
  });
});
