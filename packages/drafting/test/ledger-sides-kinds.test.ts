/**
 * Treatment blocks, their kinds, regions and sides, as said in visits the drafter had not seen
 * (held-out set F). Sources: DOMAIN.md 2.2 (actual start and stop clock times), 2.3 (the
 * activity decides the code, not its purpose), 2.6 T6 (laterality for every unilateral
 * condition: said, never assumed), 2.5 (CMT is coded by the spinal regions manipulated).
 */
import { codeVisit, type Side } from '@scribe/coding';
import { describe, expect, it } from 'vitest';
import { extractBodyParts } from '../src/extract/body-parts.ts';
import { toLedger } from '../src/extract/entries.ts';
import { findBlocks } from '../src/extract/ledger.ts';
import { extractMeasures } from '../src/extract/measures.ts';
import { buildUnits } from '../src/extract/units.ts';
import { buildVisitInput, OfflineTherapyDrafter, type DraftContext } from '../src/index.ts';

const say = (texts: (string | [string, 'patient'])[]) =>
  texts.map((t, i) => ({ id: `u${i + 1}`, speaker: Array.isArray(t) ? t[1] : 'clinician' as const, start: i, end: i + 1, text: Array.isArray(t) ? t[0] : t }));

function ledger(texts: (string | [string, 'patient'])[], discipline = 'pt', dxSides = new Map<string, Side>()) {
  const units = buildUnits(say(texts), 'ambient');
  return toLedger(findBlocks(units, discipline), units, extractMeasures(units, discipline), discipline, dxSides);
}

describe('what is a treatment block', () => {
  it('a charted service with its minutes is treatment even when it says "to avoid" (DOMAIN.md 2.2, 2.4)', () => {
    const entries = ledger(['Therapeutic activity, 13 minutes: overhead reach placing cans on a high shelf, three sets of ten, with cues to avoid shoulder hiking.']);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kindHint: 'therapeutic_activity', minutes: 13 });
  });

  it('"avoid" said as advice is still the plan, not a block', () => {
    expect(ledger(['Avoid lifting more than ten pounds for two weeks.'])).toEqual([]);
  });

  it('the kind of work named only in the purpose ("at the counter for balance work") gives the block its kind (DOMAIN.md 2.3)', () => {
    const [entry] = ledger(["It's ten forty-two. We're at the kitchen counter for balance work. Feet together, eyes closed, thirty seconds at a time.", "It's ten fifty-four, twelve minutes of balance retraining."]);
    expect(entry).toMatchObject({ kindHint: 'neuromuscular_reeducation', minutes: 12, startTime: '10:42', stopTime: '10:54' });
  });

  it('getting ready to examine and naming limitations are not treatment, so no task word there makes it 97530 (DOMAIN.md 2.3)', () => {
    const entries = ledger([
      "Okay, shoes and socks off, I want to measure the ankle.",
      "It's limiting three things: your work, carrying groceries, and opening jars.",
      "It's two thirty-eight. Calf raises off the step, three sets of twelve, body weight.",
      "It's two fifty-two, fourteen minutes of exercise.",
    ]);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.intervention).not.toMatch(/socks|groceries|jars/i);
    expect(entries[0]).toMatchObject({ kindHint: 'therapeutic_exercise', minutes: 14 });
  });

  it('a block begun as the last one stopped starts at that stop time (DOMAIN.md 2.2)', () => {
    const entries = ledger([
      "It's ten forty-two. Balance work now: feet together, eyes closed, thirty seconds, three rounds.",
      "It's ten fifty-four, so twelve minutes of balance retraining.",
      'Now sit-to-stand practice from this chair, stand up without your hands, two sets of five.',
      "It's eleven o'clock, so six minutes on that.",
    ]);
    expect(entries.map((e) => [e.startTime, e.stopTime, e.minutes])).toEqual([['10:42', '10:54', 12], ['10:54', '11:00', 6]]);
  });
});

describe('sides (DOMAIN.md 2.6 T6: said, never assumed)', () => {
  it('both sides said in a block: the side the diagnosis gives is the treated one', () => {
    const text = ["It's two thirty-eight. Forearm on the table, wrist off the edge. Use your left hand to lift the weight, lower it slowly with the right. One-pound dumbbell, three sets of fifteen.", "It's two fifty-two, fourteen minutes of exercise."];
    expect(ledger(text, 'ot', new Map<string, Side>([['elbow', 'right']]))[0]?.side).toBe('right');
    // without a sided diagnosis, the side said next to the region stands
    expect(ledger(text, 'ot')[0]?.side).toBe('left');
  });

  it('"up on both feet, then down on the sore foot only" treats one foot, side unsaid', () => {
    const [entry] = ledger(["It's ten fifteen. Eccentric heel drops off the step: up on both feet, then lower slowly on the sore foot only. Three sets of twelve.", "It's ten twenty-five, ten minutes of exercise."]);
    expect(entry?.side).toBeNull();
    const units = buildUnits(say(['Up on both feet, then lower slowly on the sore foot only, three sets of twelve.']), 'ambient');
    expect(extractBodyParts(units).filter((p) => p.side === 'bilateral')).toEqual([]);
  });

  it('toes or fingers, plural, are one foot or hand: no side from the plural', () => {
    const units = buildUnits(say([['My toes are cramping.', 'patient'], ['My fingers go numb at night.', 'patient']]), 'ambient');
    expect(extractBodyParts(units).map((p) => p.side)).toEqual(extractBodyParts(units).map(() => null));
    const hands = buildUnits(say([['My hands go numb at night.', 'patient']]), 'ambient');
    expect(extractBodyParts(hands).map((p) => p.side)).toEqual(['bilateral']);
  });
});

describe('CMT regions (DOMAIN.md 2.5)', () => {
  it('a region the patient declined is not counted', async () => {
    const context: DraftContext = {
      discipline: 'chiro', noteType: 'daily', mode: 'ambient', payer: { type: 'commercial' },
      diagnoses: [{ icd10: 'M99.02', description: 'Segmental dysfunction, thoracic' }], goals: [], referral: { onFile: true },
    };
    const utterances = say([
      "That's T seven, anterior thoracic adjustment.",
      'Now lie on your left side. Diversified side posture adjustment for L four and L five.',
      'Drop table for the right SI joint, and then the activator on the sacrum.',
      ["Are you doing the neck today?", 'patient'],
      "You mentioned last time you'd rather not have your neck adjusted.",
    ]);
    const draft = await new OfflineTherapyDrafter().draft({ utterances, context });
    const cmt = draft.extraction.ledger.find((e) => e.kindHint === 'cmt');
    expect(cmt?.bodyRegions).not.toContain('cervical');
    expect(codeVisit(buildVisitInput(draft, context)).lines.map((l) => l.code)).toContain('98941');
  });
});
