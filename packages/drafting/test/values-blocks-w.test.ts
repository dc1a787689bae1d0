/**
 * Rules found at stop 22 on held-out cases, each checked here on a small transcript written for
 * this file. Sources: DOMAIN.md 1.5 (O holds measurable data: ROM, strength, functional scores),
 * 2.4 (a timed code's objective result against baseline), 1.6 (laterality as said).
 */
import { describe, expect, it } from 'vitest';
import { draftOf, type Line } from './spoken.ts';

const objective = async (lines: Line[]) => (await draftOf(lines)).sections.objective.map((s) => s.text);

describe('a recheck said as "<motion> to the left is N now, from M" (DOMAIN.md 1.5, 2.4: the result against baseline)', () => {
  it('reads a bare number after "rotation to the left is" as degrees, with its baseline', async () => {
    const o = await objective([
      ['clinician', 'Cervical rotation left sixty degrees, right seventy-five.'],
      ['patient', 'It feels better.'],
      ['clinician', 'Let me recheck. Cervical rotation to the left is seventy now, from sixty.'],
    ]);
    expect(o).toContain('Cervical rotation to left 70, from 60.');
  });

  it('knows "flexion-rotation to the left" as the flexion-rotation test, not a plain movement', async () => {
    const o = await objective([
      ['clinician', 'Flexion-rotation test: I tuck your chin and turn. Left twenty-eight degrees, right forty-two.'],
      ['clinician', 'It is nine-twelve. Now soft tissue: suboccipital release to the left upper cervical muscles.'],
      ['clinician', 'Nine twenty-two, so ten minutes. Let me recheck. Flexion-rotation to the left is thirty-six now, from twenty-eight.'],
    ]);
    expect(o).toContain('Flexion-rotation to left 36, from 28.');
  });
});
