import { describe, expect, it } from 'vitest';
import { Transcript } from '@scribe/domain';
import { buildTranscript } from '../src/build-transcript.ts';

describe('buildTranscript', () => {
  it('orders by time, numbers u1.., maps roles, drops marker-only segments and validates as a domain Transcript', () => {
    const t = buildTranscript({
      engine: 'e',
      model: 'm',
      language: 'en',
      mode: 'ambient',
      segments: [
        { label: '1', start: 4, end: 5, text: 'About a three.' },
        { label: '0', start: 0, end: 3.5, text: 'How is the knee today?', words: [{ word: 'How', start: 0, end: 0.3 }, { word: '<sil>', start: 0.3, end: 0.4 }] },
        { label: '0', start: 6, end: 6.5, text: '[inaudible]' },
        { label: '0', start: 7, end: 9, text: 'Good. [noise] Leg press next.' },
      ],
    });
    expect(Transcript.parse(t)).toEqual(t);
    expect(t.utterances.map((u) => [u.id, u.speaker, u.start, u.text])).toEqual([
      ['u1', 'clinician', 0, 'How is the knee today?'],
      ['u2', 'patient', 4, 'About a three.'],
      ['u3', 'clinician', 7, 'Good. Leg press next.'],
    ]);
    expect(t.utterances[0]!.words).toEqual([{ word: 'How', start: 0, end: 0.3 }]);
  });

  it('returns no utterances when every segment is a marker (never invented text)', () => {
    const t = buildTranscript({ engine: 'e', model: 'm', mode: 'dictation', segments: [{ start: 0, end: 1, text: '[silence]' }, { start: 1, end: 2, text: ' ' }] });
    expect(t.utterances).toEqual([]);
  });

  it('clamps negative or reversed times', () => {
    const t = buildTranscript({ engine: 'e', model: 'm', mode: 'dictation', segments: [{ start: -1, end: -2, text: 'Hi' }] });
    expect(t.utterances[0]).toMatchObject({ start: 0, end: 0, speaker: 'clinician' });
  });
});
