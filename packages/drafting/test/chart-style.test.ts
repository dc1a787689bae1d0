/**
 * Chart style and what the length budget keeps, from drafts of earlier held-out sets read after
 * their measurement. Sources: DOMAIN.md 2.13 (CMT 98940-98942 chosen by the spinal regions
 * manipulated), 2.4 (exercise parameters incl. frequency; the functional goal connection
 * sentence), 5.B item 5 (the patient's words kept verbatim), FORMAT.md compression.
 */
import { describe, expect, it } from 'vitest';
import { fitBudget, priority } from '../src/compose/budget.ts';
import { finish } from '../src/compose/prose.ts';
import { describeBlock, describeUnit } from '../src/extract/describe.ts';
import { findBlocks } from '../src/extract/ledger.ts';
import { buildUnits } from '../src/extract/units.ts';
import { normalizeClinical, OfflineTherapyDrafter } from '../src/index.ts';
import { say } from './spoken.ts';

const d = (section: 'subjective' | 'objective' | 'assessment' | 'plan', text: string) => ({ section, text, evidence: ['u1'] });

describe('the spinal regions a manipulation names in plain words (DOMAIN.md 2.13)', () => {
  it('"Neck, mid back and low back all adjusted" is kept like "3 regions"; one region adjusted is not', () => {
    expect(priority(d('objective', 'Neck, mid back and low back all adjusted.'))).toBeGreaterThanOrEqual(9.5);
    expect(priority(d('objective', 'Diversified CMT to cervical, thoracic, lumbar, sacral and pelvic.'))).toBeGreaterThanOrEqual(9.5);
    expect(priority(d('objective', 'Adjusting neck first.'))).toBeLessThan(9.5);
    expect(priority(d('objective', 'Neck and low back stiff this morning.'))).toBeLessThan(9.5);
  });
});

describe('a frequency is part of the dose (DOMAIN.md 2.4 "record every parameter")', () => {
  it('"daily" survives the cut of asides when the draft is over budget', () => {
    const items = [
      d('plan', 'Tyler twist, 3x15, daily, which he likes.'),
      d('objective', 'Patient chatting about weekend plans with family and the game on Sunday afternoon.'),
    ];
    expect(fitBudget(items, 10, 0.5).map((x) => x.text)).toContain('Tyler twist, 3x15, daily.');
  });
});

describe('markers and lead-ins carry nothing in a chart', () => {
  it('"about seven minutes" goes with the minutes; "Treatment after the re-eval," and a leading "was" go', () => {
    const units = buildUnits(say(['Then nine twenty-five to nine thirty-two, about seven minutes, Swedish massage, effleurage and petrissage to the neck.']), 'dictation');
    expect(describeUnit(units[0]!)).toBe('Swedish massage, effleurage and petrissage to the neck');
    const reeval = buildUnits(say(['Treatment after the re-eval, floor transfers, about twenty minutes, four trials.']), 'dictation');
    expect(describeUnit(reeval[0]!)).toBe('Floor transfers, 4 trials');
    const was = buildUnits(say(['Treatment was therapeutic massage for about thirty-five minutes: effleurage and petrissage to the right upper trapezius.']), 'dictation');
    expect(describeUnit(was[0]!)).toBe('therapeutic massage: effleurage and petrissage to the right upper trapezius');
  });

  it('"quote, \'...,\' end quote" keeps the words once quoted; "End of dictation." is no statement', async () => {
    expect(normalizeClinical("Quote, 'the mornings are the worst, it takes me an hour to loosen up,' end quote.")).toBe('"the mornings are the worst, it takes me an hour to loosen up".');
    const utterances = ['Plan. Continue two times a week for four more weeks.', 'Home program: Tyler twist, three by fifteen, daily. End of dictation.']
      .map((text, i) => ({ id: `u${i + 1}`, speaker: 'clinician' as const, start: i, end: i + 1, text }));
    const draft = await new OfflineTherapyDrafter().draft({ utterances, context: {
      discipline: 'ot', noteType: 'daily', mode: 'dictation', payer: { type: 'commercial' }, diagnoses: [], goals: [], referral: { onFile: true } } });
    expect(draft.sections.plan.map((x) => x.text)).toEqual(['Continue 2x/week for 4 more weeks.', 'Tyler twist, 3x15, daily.']);
  });

  it('"The VISA-A 82" -> "VISA-A 82"; "is on modified duty" -> "On modified duty"', () => {
    expect(finish('The VISA-A 82.')).toBe('VISA-A 82.');
    expect(finish('The QuickDASH score 59.')).toBe('QuickDASH score 59.');
    expect(finish('The Voice Handicap Index came out at 22.')).toBe('The Voice Handicap Index came out at 22.');
    expect(finish('He is on modified duty, no hammering over 30 min.')).toBe('On modified duty, no hammering over 30 min.');
  });
});

describe('the service said back with what it is for is its goal link (DOMAIN.md 2.4)', () => {
  it('"This massage keeps the calf loose so you can keep running" is not an item of the block', () => {
    const units = buildUnits(say([
      "Face down. It's two o'clock. Effleurage first, then deep petrissage and compression through the gastroc and soleus.",
      'This massage keeps the calf loose so you can keep running pain-free.',
      'Okay, two thirty.',
    ]), 'ambient');
    const [block] = findBlocks(units, 'massage');
    expect(block).toBeDefined();
    expect(describeBlock(block!, 'massage').parts.join('; ')).not.toMatch(/keeps/);
  });
});
