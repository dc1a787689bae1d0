/**
 * Treatment blocks as other clinicians say them (patterns from visits the drafter had not
 * seen). Sources: DOMAIN.md 2.2 (actual start and stop clock times), 2.4 (the activity named
 * with its parameters, the functional goal connection, an outcome against baseline), 3.1 V8
 * (seated leg press for quadriceps strength is 97110).
 */
import { codeVisit } from '@scribe/coding';
import { describe, expect, it } from 'vitest';
import { toLedger } from '../src/extract/entries.ts';
import { findBlocks } from '../src/extract/ledger.ts';
import { extractMeasures } from '../src/extract/measures.ts';
import { buildUnits } from '../src/extract/units.ts';
import { buildVisitInput, OfflineTherapyDrafter } from '../src/index.ts';
import type { DraftContext } from '../src/index.ts';

const c = (id: string, text: string, speaker: 'clinician' | 'patient' = 'clinician') => ({ id, speaker, start: 0, end: 1, text });

function ledger(texts: string[], discipline = 'pt', mode: 'ambient' | 'dictation' = 'ambient') {
  const units = buildUnits(texts.map((t, i) => c(`u${i + 1}`, t)), mode);
  return toLedger(findBlocks(units, discipline), units, extractMeasures(units, discipline), discipline);
}

describe('regression: a purpose clause is not the intervention (DOMAIN.md 3.1 V8, 2.4)', () => {
  const context: DraftContext = {
    discipline: 'pt', noteType: 'daily', mode: 'dictation', payer: { type: 'medicare' },
    diagnoses: [{ icd10: 'Z96.651', description: 'Right total knee arthroplasty' }], goals: [{ id: 'g1', text: 'Independent stairs' }],
    referral: { onFile: true },
  };
  const utterances = [c('u1', 'At 10:05 we started seated leg press, forty pounds, three sets of fifteen, for quad strength toward independent stair climbing. That was 10:23, eighteen minutes of exercise.')];

  it('drafts the activity, its purpose and goal link apart, and invents no outcome', async () => {
    const draft = await new OfflineTherapyDrafter().draft({ utterances, context });
    const [entry] = draft.extraction.ledger;
    expect(entry?.intervention).toMatch(/^seated leg press, 40 lb, 3x15$/i);
    expect(entry?.intervention).not.toMatch(/stair|10:05|toward/i);
    expect(entry).toMatchObject({ kindHint: 'therapeutic_exercise', startTime: '10:05', stopTime: '10:23', minutes: 18, outcome: null });
    expect(entry?.purpose).toMatch(/quad strength toward independent stair climbing/i);
    expect(entry?.linkedGoal).toMatch(/stair climbing/i);
    expect(draft.extraction.measures.filter((m) => m.name === 'assist level')).toEqual([]);
  });

  it('codes 97110, not 97530, and keeps the goal connection in the note', async () => {
    const draft = await new OfflineTherapyDrafter().draft({ utterances, context });
    const coded = codeVisit(buildVisitInput(draft, context));
    expect(coded.lines.map((l) => `${l.code}x${l.units}`)).toEqual(['97110x1']);
    expect(coded.checks.map((k) => k.id)).not.toContain('missing_goal_link');
    expect(draft.sections.assessment.map((s) => s.text).join(' ')).toMatch(/stair climbing/);
  });
});

describe('block boundaries from clock and duration statements (DOMAIN.md 2.2)', () => {
  it('a bare time after untimed work starts the next block ("It\'s 4:08. Now ..."; "4:20, so twelve minutes")', () => {
    const l = ledger([
      'Side-lying, adjusting the lumbar spine at L4-5 first.',
      "It's 4:08. Now instrument-assisted soft tissue work and myofascial release on the lumbar paraspinals, mostly the left side.",
      '4:20, so twelve minutes of soft tissue work. Bend forward again for me... forty-nine degrees.',
    ], 'chiro');
    expect(l.map((e) => [e.kindHint, e.startTime, e.stopTime, e.minutes])).toEqual([['cmt', null, null, null], ['manual_therapy', '16:08', '16:20', 12]]);
  });

  it('an activity announced, then a bare time: the time is its start', () => {
    const l = ledger(['Now the lifting practice.', "It's 2:40. Ten-pound box from the floor to the counter, three sets of five.", '2:52, twelve minutes of lifting practice.']);
    expect(l.map((e) => [e.startTime, e.stopTime, e.minutes])).toEqual([['14:40', '14:52', 12]]);
    expect(l[0]?.intervention).toMatch(/lifting practice: 10-lb box/i);
  });

  it('names the activity from the duration said at the stop ("fourteen minutes of dressing practice")', () => {
    const l = ledger(["Let's try the blouse now. It's 11:05. The weak arm goes in first.", "That first try is moderate assistance. Second try was minimal assistance.", '11:19, that was fourteen minutes of dressing practice.'], 'ot');
    expect(l[0]).toMatchObject({ intervention: 'dressing practice', kindHint: 'therapeutic_activity', minutes: 14 });
    expect(l[0]?.outcome).toMatch(/minimal assistance from moderate assistance/);
  });

  it('work the patient does on their own is marked independent and never opens the next block', () => {
    const l = ledger(["She can start on the bike to warm up, that's on her own, I won't bill it.", "It's 10:36. Heel slides with the strap, two sets of fifteen.", '10:50, fourteen minutes.']);
    expect(l.map((e) => [e.independent ?? false, e.startTime, e.stopTime])).toEqual([[true, null, null], [false, '10:36', '10:50']]);
  });
});

describe('outcomes measured within or right after the block (DOMAIN.md 2.4)', () => {
  it('links a re-measure after the block to that block, with its baseline', () => {
    const l = ledger([
      'Bend forward for me... forty-two degrees of lumbar flexion. Last week it was thirty-eight.',
      "It's 4:08, myofascial release to the lumbar paraspinals.",
      '4:20, twelve minutes. Bend forward again for me... forty-nine degrees.',
    ]);
    expect(l[0]?.outcome).toMatch(/lumbar flexion 49° from 42°/);
  });

  it('a hot pack laid on after a block does not cut the block off from its re-measure', () => {
    const l = ledger([
      'Turn left for me: forty-eight degrees.',
      'Myofascial release to the cervical paraspinals, fifteen minutes.',
      "That's the fifteen minutes. Let's get the moist heat on your neck.",
      'Turn left again: fifty-six degrees now.',
    ], 'massage');
    expect(l.find((e) => e.kindHint === 'manual_therapy')?.outcome).toMatch(/56° from 48°/);
  });
});

describe('goal connection vs purpose (DOMAIN.md 2.4 "functional goal connection sentence")', () => {
  it('a capacity purpose is kept as purpose but is not a goal link; a function is', () => {
    const l = ledger([
      'Therex 9:02 to 9:17. Seated heel raises three by fifteen. For DF range and push-off strength.',
      '9:29 to 9:42 stair practice, four-inch step, reciprocal with one rail. Toward reciprocal stairs at home.',
    ], 'pt', 'dictation');
    expect(l[0]).toMatchObject({ kindHint: 'therapeutic_exercise', linkedGoal: null });
    expect(l[0]?.purpose).toMatch(/DF range/);
    expect(l[1]?.linkedGoal).toMatch(/reciprocal stairs at home/);
  });
});
