/**
 * Body regions as clinicians name them in treatment talk. Sources: DOMAIN.md 2.13 (CMT is
 * coded by spinal regions: 98940 1-2, 98941 3-4, 98942 5; the sacral and pelvic regions
 * count), 2.6 T6 (laterality for unilateral conditions and interventions only).
 */
import { describe, expect, it } from 'vitest';
import { toLedger } from '../src/extract/entries.ts';
import { findBlocks } from '../src/extract/ledger.ts';
import { extractMeasures } from '../src/extract/measures.ts';
import { extractBodyParts } from '../src/extract/body-parts.ts';
import { buildUnits } from '../src/extract/units.ts';

const c = (id: string, text: string, speaker: 'clinician' | 'patient' = 'clinician') => ({ id, speaker, start: 0, end: 1, text });

function ledger(texts: string[], discipline: string) {
  const units = buildUnits(texts.map((t, i) => c(`u${i + 1}`, t)), 'ambient');
  return toLedger(findBlocks(units, discipline), units, extractMeasures(units, discipline), discipline);
}

describe('CMT regions said one after another (DOMAIN.md 2.13)', () => {
  it('keeps sacrum and pelvis sentences in the adjustment block', () => {
    const [cmt] = ledger([
      'Okay, adjusting. The neck goes first... then the upper back.',
      'Side-lying for the lumbar spine now.',
      'The sacrum next... and finally the pelvis, the left ilium.',
    ], 'chiro');
    expect(cmt?.kindHint).toBe('cmt');
    expect(cmt?.bodyRegions).toEqual(['cervical', 'thoracic', 'lumbar', 'sacral', 'pelvic']);
  });

  it('reads the ilium as the pelvic region', () => {
    const [cmt] = ledger(['Adjusting the right ilium in side-lying.'], 'chiro');
    expect(cmt?.bodyRegions).toEqual(['pelvic']);
  });
});

describe('a driving "shoulder check" is not the shoulder joint (DOMAIN.md 2.6 T6)', () => {
  it('names no shoulder region for a neck block aimed at shoulder checks', () => {
    const [block] = ledger([
      "It's 3:10. Myofascial release to the cervical paraspinals.",
      'The point is turning far enough for shoulder checks in the car.',
      "It's 3:22, twelve minutes.",
    ], 'pt');
    expect(block?.bodyRegions).toEqual(['cervical']);
  });
});

describe('sides come from the condition, not from body mechanics or screening questions (DOMAIN.md 2.6 T6)', () => {
  const parts = (texts: [string, 'clinician' | 'patient'][]) =>
    extractBodyParts(buildUnits(texts.map(([t, who], i) => c(`u${i + 1}`, t, who)), 'ambient'));

  it('a two-handed grip or "lift with your legs" documents no bilateral condition', () => {
    const found = parts([
      ['The ache sits at the base of the thumb.', 'patient'],
      ['Put both hands under the box, and lift with your legs.', 'clinician'],
    ]);
    expect(found).toEqual([{ region: 'thumb', side: null, evidence: ['u1'] }]);
  });

  it('a plural limb in a screening question is not a bilateral finding', () => {
    const found = parts([
      ['Any pins and needles in the fingers?', 'clinician'],
      ['Nope, none of that.', 'patient'],
    ]);
    expect(found).toEqual([]);
  });

  it('still reads a stated plural complaint as bilateral', () => {
    const found = parts([['Both my hands go numb at night.', 'patient']]);
    expect(found.map((p) => [p.region, p.side])).toEqual([['hand', 'bilateral']]);
  });

  it('leaves a block on the wrist unsided when only the grip was "both hands"', () => {
    const [block] = ledger([
      "It's 1:00. Wrist curls with a 2 lb weight, 3x10.",
      'Both hands under the tray for the carry.',
      "It's 1:10, ten minutes.",
    ], 'ot');
    expect(block?.side).toBeNull();
  });
});
