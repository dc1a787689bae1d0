/**
 * Length budget. Source: FORMAT.md compression ("a note is a summary, not a transcript") and
 * DOMAIN.md 1.5/2.4 for what must survive: measures, denials, findings, treatment blocks,
 * goal status and the plan.
 */
import { describe, expect, it } from 'vitest';
import { fitBudget, priority } from '../src/compose/budget.ts';

const d = (section: 'subjective' | 'objective' | 'assessment' | 'plan', text: string, block = false) => ({ section, text, evidence: ['u1'], block });

describe('fitBudget (FORMAT.md compression)', () => {
  const items = [
    d('subjective', 'Patient reports pain 3/10.'),
    d('subjective', 'Patient reports her grandson visited on Sunday and they watched a film together at home.'),
    d('objective', 'Palpation: right quadratus lumborum very tender.'),
    d('subjective', 'No numbness or tingling.'),
    d('objective', 'Leg press 40 lb, 3x15 (10:05-10:23, 18 min).', true),
    d('plan', 'Continue 2x/week for 4 weeks.'),
    d('objective', 'This part is the fun part of the day for everyone here.'),
  ];

  it('keeps everything when within budget', () => {
    expect(fitBudget(items, 1000, 0.42)).toHaveLength(items.length);
  });

  it('leaves out small talk first and never measures, denials, findings, blocks or the plan', () => {
    const kept = fitBudget(items, 60, 0.42).map((x) => x.text);
    expect(kept).not.toContain('This part is the fun part of the day for everyone here.');
    expect(kept).not.toContain('Patient reports her grandson visited on Sunday and they watched a film together at home.');
    for (const must of [0, 2, 3, 4, 5]) expect(kept).toContain(items[must]?.text);
  });

  it('lets note type raise emphasis: history in an evaluation, reasoning in a progress note (DOMAIN.md 1.8)', () => {
    const history = d('subjective', 'Retired teacher, used to garden every weekend.');
    expect(priority(history, 'evaluation')).toBeGreaterThan(priority(history, 'daily'));
    const reasoning = d('assessment', 'Confidence with the home routine is growing.');
    expect(priority(reasoning, 'progress')).toBeGreaterThan(priority(reasoning, 'daily'));
  });
});

describe('clauses cut to fit leave no stub (FORMAT.md compression)', () => {
  it('drops "This is so patient can ..." whole when its clause is cut, never leaving "This is."', () => {
    const items = [
      d('objective', 'Myofascial release to the left suboccipitals and cervical paraspinals (11:10-11:22).', true),
      d('assessment', 'This is so patient can turn far enough to check the blind spot and back out of the driveway.'),
      d('plan', 'Continue 3x/week for 2 more weeks, then re-exam at visit 9.'),
    ];
    const kept = fitBudget(items, 40, 0.5).map((x) => x.text);
    expect(kept).not.toContain('This is.');
    expect(kept.some((t) => /^This is\b/.test(t))).toBe(false);
    expect(kept).toContain(items[0]?.text);
  });

  it('drops "This is so ..., without that pain spike" whole rather than leave "This is without that pain spike"', () => {
    const items = [
      d('objective', 'Log roll: knees bent, roll onto side like a log, push up with the arms (10:40-10:54).', true),
      d('assessment', 'This is so patient can get out of bed and up off the couch on own, without that pain spike.'),
      d('plan', 'PT 2x/week for 8 weeks.'),
    ];
    const kept = fitBudget(items, 40, 0.5).map((x) => x.text);
    expect(kept.some((t) => /^This is\b/.test(t))).toBe(false);
  });

  it('keeps the help a result needed ("and by the end verbal cues only") when cutting around it (DOMAIN.md 2.4: the session\'s result)', () => {
    const items = [
      d('objective', 'Log roll: knees bent, roll onto side like a log, push up with the arms (10:40-10:54).', true),
      d('objective', 'On the first ones she needed the clinician\'s hand at the shoulder to come up, and by the end verbal cues only, no hands-on help.'),
      d('plan', 'PT 2x/week for 8 weeks.'),
    ];
    const kept = fitBudget(items, 60, 0.5).map((x) => x.text);
    expect(kept).toContain(items[1]?.text);
  });
});

describe('the budget drops no more than it must (FORMAT.md compression; DOMAIN.md 1.5 S reports)', () => {
  it('a report dropped before a longer one comes back when the longer one alone makes room', () => {
    const items = [
      d('objective', 'Scissors in right hand, curvy line (20 min).', true),
      d('subjective', 'Caregiver reports he likes the blue ones better than red ones.'),
      d('subjective', 'Caregiver reports teacher said he cut out the pumpkin with his right hand by himself without help, the first time he did not give up halfway.'),
      d('plan', 'Putty 5 min a day at home.'),
    ];
    // 8 + 11 + 27 + 7 = 53 words against a limit of 26: the less dense short report goes first, then the long one must go too,
    // which leaves room for the short one again
    const kept = fitBudget(items, 67, 0.4).map((x) => x.text);
    expect(kept).not.toContain(items[2]?.text);
    expect(kept).toContain(items[1]?.text);
  });
});

describe('priority of a re-measure and of the prior level (DOMAIN.md 2.4: change since baseline, prior level of function)', () => {
  it('ranks a value re-measured after treatment and a value before the injury as measures, above a bare count', () => {
    const count = priority(d('objective', 'Walked past 3 rooms on the way in.'));
    for (const text of ['Remap on air cell: left ischial peak 92, right 88.', 'Recheck: 14 reps in 30 seconds.', 'Before hospital he was doing 150 feet with a cane.']) {
      expect(priority(d('objective', text))).toBeGreaterThanOrEqual(9);
      expect(priority(d('objective', text))).toBeGreaterThan(count);
    }
  });

  it('leaves a sentence without a value where it was', () => {
    expect(priority(d('objective', 'Recheck next visit.'))).toBeLessThan(9);
    expect(priority(d('objective', 'Before the hospital he lived alone.'))).toBeLessThan(9);
  });
});

describe('priority of a symptom counted (DOMAIN.md 1.5 S: how often a symptom comes is its measure)', () => {
  it('keeps "2 headaches this week" and "headaches 3 times this week" like a measure, above a bare count', () => {
    const count = priority(d('subjective', 'Drove 2 kids to school on the way in.'));
    for (const text of ['2 headaches this week, at base of skull.', 'Headaches at base of skull 3 times this week.', 'Caregiver reports 1 near-falls since last visit.']) {
      expect(priority(d('subjective', text))).toBeGreaterThanOrEqual(9);
    }
    expect(count).toBeLessThan(9);
  });
});

describe('priority of a limit of function (DOMAIN.md 1.5 S: functional limitations)', () => {
  it('keeps "has trouble turning head left to check blind spot" like a symptom at a body part, above other reports', () => {
    for (const text of ['Has trouble turning head left to check blind spot.', 'Patient reports difficulty with turning head fast.', 'Stairs are still the hardest part.', 'Patient reports turning left to check blind spot worst part.']) {
      expect(priority(d('subjective', text))).toBeGreaterThan(8.8);
    }
    expect(priority(d('subjective', 'Patient reports going to the lake with grandkids.'))).toBeLessThanOrEqual(8.8);
    // what the patient cannot do, and what they finally did again
    expect(priority(d('subjective', 'Cannot get right hand to back of head.'))).toBeGreaterThan(8.8);
    expect(priority(d('subjective', 'Patient finally ate whole bowl of cereal with right hand.'))).toBeGreaterThan(8.8);
  });
});
