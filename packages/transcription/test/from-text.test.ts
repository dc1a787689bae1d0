import { describe, expect, it } from 'vitest';
import { transcriptFromText } from '../src/index.ts';

describe('transcriptFromText (text dictation)', () => {
  it('makes one clinician utterance per sentence, in order, with increasing times', () => {
    const t = transcriptFromText('Patient reports knee pain 3/10.  Quad 3+/5 on the right! Plan: 2x/week for 4 weeks.');
    expect(t.engine).toBe('device-text');
    expect(t.utterances.map((u) => [u.id, u.speaker, u.text])).toEqual([
      ['u1', 'clinician', 'Patient reports knee pain 3/10.'],
      ['u2', 'clinician', 'Quad 3+/5 on the right!'],
      ['u3', 'clinician', 'Plan: 2x/week for 4 weeks.'],
    ]);
    expect(t.utterances[1]!.start).toBeGreaterThan(t.utterances[0]!.end);
  });

  it('does not split inside numbers and abbreviations such as "3.5 lb"', () => {
    expect(transcriptFromText('Leg press at 3.5 lb today. Next visit Thursday.').utterances.map((u) => u.text)).toEqual([
      'Leg press at 3.5 lb today.', 'Next visit Thursday.',
    ]);
  });

  it('gives an empty transcript for text with no words or only markers', () => {
    expect(transcriptFromText('   ').utterances).toEqual([]);
    expect(transcriptFromText('[inaudible] [noise]').utterances).toEqual([]);
  });
});
