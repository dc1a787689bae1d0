import { describe, expect, it } from 'vitest';
import { parsePocketsphinxOutput } from '../src/offline/pocketsphinx-output.ts';
import { keepSpeech } from '../src/offline/pocketsphinx-transcriber.ts';

// Shape of `pocketsphinx_continuous -time yes` output (captured from the Debian 0.8 build).
const OUTPUT = `oh lordy popular
<s> 0.000 0.510 0.998900
oh 0.520 0.600 0.099086
<sil> 0.610 0.760 0.340641
lordy 0.770 1.160 0.188738
[NOISE] 1.170 1.310 0.998002
popular 1.520 2.010 0.540332
</s> 5.720 5.990 1.000000

<s> 6.000 6.100 1.000000
</s> 6.110 6.500 1.000000
it is a lot
<s> 8.770 8.870 0.999400
it 8.880 8.990 0.515831
is 9.000 9.110 0.119559
a 9.120 9.180 0.266908
lot(2) 9.190 9.430 0.364431
`;

describe('parsePocketsphinxOutput', () => {
  it('reads utterances with word times, dropping fillers and pronunciation variants', () => {
    const segs = parsePocketsphinxOutput(OUTPUT);
    expect(segs).toHaveLength(2);
    expect(segs[0]).toMatchObject({ start: 0.52, end: 2.01, text: 'oh lordy popular' });
    expect(segs[0]!.words!.map((w) => w.word)).toEqual(['oh', 'lordy', 'popular']);
    expect(segs[0]!.words![1]).toEqual({ word: 'lordy', start: 0.77, end: 1.16, confidence: 0.188738 });
    // The last utterance has no </s> (output cut at end of input) and a variant marker.
    expect(segs[1]).toMatchObject({ start: 8.88, end: 9.43, text: 'it is a lot' });
  });

  it('returns nothing for output with no words (silence)', () => {
    expect(parsePocketsphinxOutput('\n<s> 0.000 0.460 1.000000\n</s> 0.470 0.840 1.000000\n')).toEqual([]);
    expect(parsePocketsphinxOutput('')).toEqual([]);
  });
});

describe('keepSpeech', () => {
  const words = [
    { word: 'hold', start: 1.0, end: 1.3 },
    { word: 'the', start: 1.3, end: 1.4 },
    { word: 'rail', start: 1.4, end: 1.8 },
    { word: 'ah', start: 3.0, end: 3.4 }, // inside no speech region: noise named as a word
    { word: 'step', start: 5.0, end: 5.3 },
    { word: 'up', start: 5.3, end: 5.5 },
  ];
  const regions = [{ start: 0.9, end: 1.9 }, { start: 4.9, end: 5.6 }];

  it('drops words outside speech and splits at pauses', () => {
    const out = keepSpeech([{ start: 1, end: 5.5, text: 'x', words }], regions);
    expect(out.map((s) => s.text)).toEqual(['hold the rail', 'step up']);
    expect(out[1]).toMatchObject({ start: 5, end: 5.5 });
  });

  it('drops an utterance made only of noise words', () => {
    expect(keepSpeech([{ start: 3, end: 3.4, text: 'ah', words: [words[3]!] }], regions)).toEqual([]);
  });
});
