import { describe, expect, it } from 'vitest';
import { hasSpeech, isNonSpeechToken, stripNonSpeech } from '../src/non-speech.ts';

describe('non-speech markers', () => {
  it.each([
    ['[inaudible]'],
    ['[noise]'],
    ['[silence]'],
    ['[BLANK_AUDIO]'],
    ['(upbeat music)'],
    ['(silence)'],
    ['<sil> </s>'],
    ['++NOISE++ [NOISE]'],
    ['*coughs*'],
    [' ... '],
  ])('%s is not speech', (text) => {
    expect(hasSpeech(text)).toBe(false);
  });

  it('removes markers from real text and keeps the words', () => {
    expect(stripNonSpeech('It hurts [inaudible] when I bend it (coughs) .')).toBe('It hurts when I bend it.');
  });

  it('keeps parentheses that are speech', () => {
    expect(stripNonSpeech('Leg press (three sets) today')).toBe('Leg press (three sets) today');
  });

  it('recognises single engine tokens', () => {
    expect(isNonSpeechToken('<s>')).toBe(true);
    expect(isNonSpeechToken('[NOISE]')).toBe(true);
    expect(isNonSpeechToken('++BREATH++')).toBe(true);
    expect(isNonSpeechToken('knee')).toBe(false);
  });
});
