/**
 * Laterality: a side only where it was said, never swapped or invented. Source: DOMAIN.md
 * 1.6 (SOAP5 "Always verify laterality (left vs. right)"), 2.6 T6 (missing laterality, CO-4).
 */
import { describe, expect, it } from 'vitest';
import { sidesIn } from '../src/text/laterality.ts';
import { extractBodyParts } from '../src/extract/body-parts.ts';
import { buildUnits } from '../src/extract/units.ts';

const u = (id: string, speaker: 'clinician' | 'patient', text: string) => ({ id, speaker, start: 0, end: 1, text });

describe('sidesIn (DOMAIN.md 1.6 laterality)', () => {
  it('ignores "right" that is not a side', () => {
    expect(sidesIn('All right, that is right now, right there.')).toEqual([]);
  });

  it('reads "right in the average range", "right at the heel", "right between the blades" as "exactly", never a side', () => {
    expect(sidesIn('Auditory comprehension standard score 96, right in average range.')).toEqual([]);
    expect(sidesIn('Tender right at medial heel where fascia attaches.')).toEqual([]);
    expect(sidesIn('It sits right between the shoulder blades.')).toEqual([]);
    expect(sidesIn('Right upper trap tender, and the right in-toeing.').map((s) => s.side)).toEqual(['right', 'right']);
  });

  it('finds each side in order', () => {
    expect(sidesIn('right 7 seconds versus left 26 seconds').map((s) => s.side)).toEqual(['right', 'left']);
    expect(sidesIn('guarded on both sides').map((s) => s.side)).toEqual(['bilateral']);
  });
});

describe('extractBodyParts: side from what was said (DOMAIN.md 2.6 T6)', () => {
  it('takes a side said before or after the region', () => {
    const parts = extractBodyParts(buildUnits([
      u('u1', 'patient', 'My right knee is stiff.'),
      u('u2', 'clinician', 'The quadratus lumborum on the right is very tender.'),
    ], 'ambient'));
    expect(parts).toEqual(expect.arrayContaining([
      { region: 'knee', side: 'right', evidence: ['u1'] },
      { region: 'lumbar', side: 'right', evidence: ['u2'] },
    ]));
  });

  it('leaves the side null when none was said, and skips denied symptoms', () => {
    const parts = extractBodyParts(buildUnits([
      u('u1', 'clinician', 'Pain radiates down the back of the thigh to the knee.'),
      u('u2', 'patient', 'No calf pain.'),
    ], 'dictation'));
    expect(parts.find((p) => p.region === 'thigh')).toEqual({ region: 'thigh', side: null, evidence: ['u1'] });
    expect(parts.find((p) => p.region === 'calf')).toBeUndefined();
  });
});
