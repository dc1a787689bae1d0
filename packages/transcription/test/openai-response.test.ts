import { describe, expect, it } from 'vitest';
import { estimateSentences, segmentsFromOpenAI } from '../src/openai/openai-response.ts';

const speech = [{ start: 1, end: 5 }, { start: 7, end: 11 }];

describe('segmentsFromOpenAI', () => {
  it('reads verbose_json segments and attaches words by time', () => {
    const body = {
      language: 'english',
      text: 'Hold the rail. Good.',
      segments: [
        { id: 0, start: 1, end: 3, text: ' Hold the rail.', no_speech_prob: 0.01, avg_logprob: -0.2 },
        { id: 1, start: 7, end: 8, text: ' Good.', no_speech_prob: 0.02, avg_logprob: -0.3 },
      ],
      words: [
        { word: 'Hold', start: 1, end: 1.4 },
        { word: 'the', start: 1.4, end: 1.6 },
        { word: 'rail', start: 1.6, end: 2.2 },
        { word: 'Good', start: 7.1, end: 7.6 },
      ],
    };
    const { segments, language } = segmentsFromOpenAI(body, speech);
    expect(language).toBe('english');
    expect(segments).toHaveLength(2);
    expect(segments[0]).toMatchObject({ start: 1, end: 3, text: 'Hold the rail.' });
    expect(segments[0]!.words!.map((w) => w.word)).toEqual(['Hold', 'the', 'rail']);
    expect(segments[1]!.words!.map((w) => w.word)).toEqual(['Good']);
  });

  it("drops segments Whisper marks as no speech (no_speech_prob > 0.6 with avg_logprob < -1, openai/whisper's rule)", () => {
    const body = { text: 'Thank you for watching.', segments: [{ start: 0, end: 2, text: 'Thank you for watching.', no_speech_prob: 0.9, avg_logprob: -1.4 }] };
    expect(segmentsFromOpenAI(body, speech).segments).toEqual([]);
  });

  it('reads diarized_json speaker labels', () => {
    const body = { text: 'a b', segments: [{ id: 'seg_0', type: 'transcript.text.segment', start: 0.5, end: 2, text: 'How is it?', speaker: 'A' }] };
    expect(segmentsFromOpenAI(body, speech).segments[0]).toMatchObject({ label: 'A', text: 'How is it?' });
  });

  it('estimates sentence times for a text-only answer', () => {
    const { segments } = segmentsFromOpenAI({ text: 'Good morning. How is the knee today?' }, speech);
    expect(segments.map((s) => s.text)).toEqual(['Good morning.', 'How is the knee today?']);
    expect(segments[0]!.start).toBe(1);
    expect(segments[1]!.end).toBe(11);
    expect(segments[0]!.end).toBeCloseTo(segments[1]!.start);
  });

  it('accepts a plain string body', () => {
    expect(segmentsFromOpenAI('Okay.', speech).segments.map((s) => s.text)).toEqual(['Okay.']);
  });
});

describe('estimateSentences', () => {
  it('spreads sentences over speech time, skipping the pause between regions', () => {
    // 8 s of speech; the first sentence is half the characters, so it ends 4 s into speech: at 5.
    const out = estimateSentences('aaaa bbbb. cccc dddd.', speech);
    expect(out[0]!.end).toBeCloseTo(5, 1);
    expect(out[1]!.start).toBeCloseTo(5, 1);
  });
  it('returns nothing without text or without speech', () => {
    expect(estimateSentences('', speech)).toEqual([]);
    expect(estimateSentences('Hello.', [])).toEqual([]);
  });
});
