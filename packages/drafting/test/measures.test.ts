/**
 * Objective measures. Source: DOMAIN.md 2.3 outcome-measure table (MMT grade, goniometric
 * degrees, pounds force; Berg, SLS time, SEBT % LSI, JPS) and 2.4 ("the session's result
 * compared to baseline").
 */
import { describe, expect, it } from 'vitest';
import { extractMeasures } from '../src/extract/measures.ts';
import { buildUnits } from '../src/extract/units.ts';

const c = (id: string, text: string) => ({ id, speaker: 'clinician' as const, start: 0, end: 1, text });
const measures = (...texts: string[]) => extractMeasures(buildUnits(texts.map((t, i) => c(`u${i + 1}`, t)), 'ambient'))
  .map((m) => ({ kind: m.kind, name: m.name, value: m.value, baseline: m.baseline, side: m.side }));

describe('extractMeasures (DOMAIN.md 2.3, 2.4)', () => {
  it('reads MMT grades with plus/minus and the side said first', () => {
    expect(measures("I'd call the quad three plus out of five on the right, five out of five on the left.")).toEqual([
      { kind: 'strength', name: 'quad', value: '3+/5', baseline: null, side: 'right' },
      { kind: 'strength', name: 'quad', value: '5/5', baseline: null, side: 'left' },
    ]);
  });

  it('reads goniometry with a spoken baseline ("up from")', () => {
    expect(measures('Knee flexion: one hundred and eight degrees, up from ninety-five.')).toEqual([
      { kind: 'rom', name: 'knee flexion', value: '108°', baseline: '95', side: null },
    ]);
  });

  it('reads "from X to Y" as value Y with baseline X', () => {
    expect(measures('Fingertips to floor improved from thirty-eight to thirty centimeters.')[0]).toMatchObject({ value: '30 cm', baseline: '38' });
  });

  it('names outcome scales and neuromotor tests, with sides', () => {
    expect(measures('Oswestry today is forty-two percent.')[0]).toMatchObject({ kind: 'outcome_scale', value: '42%' });
    expect(measures('Single-leg stance on a firm surface, right seven seconds versus left twenty-six seconds.')).toEqual([
      { kind: 'neuromotor', name: 'single-leg stance', value: '7 s', baseline: null, side: 'right' },
      { kind: 'neuromotor', name: 'single-leg stance', value: '26 s', baseline: null, side: 'left' },
    ]);
  });

  it('links a repeat of the same measure to its first reading as baseline', () => {
    const m = measures('Star excursion: anterior reach seventy-one percent.', 'After the block, anterior reach was seventy-nine percent.');
    expect(m[1]).toMatchObject({ name: 'anterior reach', value: '79%', baseline: '71%', kind: 'neuromotor' });
  });

  it('takes a bare count right after a named test, with the prior value as baseline', () => {
    expect(measures("Let's re-test. Thirty-second chair stand, arms crossed, go.", "That's ten, and at your evaluation you did seven.")[0])
      .toMatchObject({ kind: 'functional', value: '10', baseline: '7' });
  });

  it('never reads exercise dosage or goals as measures', () => {
    expect(measures('Leg press, forty pounds, three sets of fifteen.')).toEqual([]);
    expect(measures('Goals are grip of thirty pounds and wrist extension to sixty degrees.')).toEqual([]);
  });
});
