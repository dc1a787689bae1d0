/**
 * Rules found on the voice evaluation of held-out set S and checked here on small transcripts
 * written for this file. Sources: DOMAIN.md 1.5 (S: history, symptoms and habits the patient
 * reports; O: what the clinician measures and observes; A: the impression graded), 1.6 (say
 * what was asked when charting an answer).
 */
import { describe, expect, it } from 'vitest';
import { amountAsked } from '../src/compose/answers.ts';
import { concise } from '../src/compose/prose.ts';
import { describeUnit } from '../src/extract/describe.ts';
import { foreignSentence } from '../src/text/language.ts';
import { sectionFor } from '../src/compose/classify.ts';
import { priority } from '../src/compose/budget.ts';
import { buildUnits } from '../src/extract/units.ts';
import { draftOf, say, SMALL_TALK, type Line } from './spoken.ts';

const sectionsOf = async (lines: Line[], context = {}) => (await draftOf(lines, context)).sections;
const texts = (list: { text: string }[]) => list.map((s) => s.text);
const unitSection = (text: string) => {
  const [u] = buildUnits(say([text]), 'ambient');
  return u ? sectionFor(u, 'ambient') : 'none';
};

describe('a yes said as how often (DOMAIN.md 1.5 S, 1.6: an answer is charted with what was asked)', () => {
  it('"Do you clear your throat a lot?" - "All the time." charts the habit with its frequency', async () => {
    const s = await sectionsOf([
      ['clinician', 'Do you clear your throat a lot?'],
      ['patient', 'All the time.'],
      SMALL_TALK,
    ], { discipline: 'slp', noteType: 'evaluation' });
    expect(texts(s.subjective)).toContain('Clearing throat: all the time.');
  });

  it('a frequency that answers no yes/no question is not given one', async () => {
    const s = await sectionsOf([
      ['clinician', 'Tell me about the weekend.'],
      ['patient', 'All the time.'],
      SMALL_TALK,
    ]);
    expect(texts(s.subjective).join(' ')).not.toMatch(/: all the time/);
  });
});

describe('how much of something is taken (DOMAIN.md 1.5 S: habits the patient reports)', () => {
  it('"How much water do you drink in a day?" labels the answer with what was asked', async () => {
    expect(amountAsked('How much water do you drink in a day?', 'Maybe 2 glasses.')).toBe('water in a day');
    expect(amountAsked('How many cups of coffee does she have?', '3.')).toBe('cups of coffee');
    expect(amountAsked('How much water do you drink in a day?', 'Not sure.')).toBeNull();
    const s = await sectionsOf([
      ['clinician', 'How much water do you drink in a day?'],
      ['patient', 'Honestly, maybe two glasses. And three cups of coffee.'],
      SMALL_TALK,
    ], { discipline: 'slp', noteType: 'evaluation' });
    expect(texts(s.subjective).join(' ')).toMatch(/^Water in (?:a )?day: 2 glasses; 3 cups of coffee\.$/m);
  });
});

describe('what a study showed before the visit (DOMAIN.md 1.5 S: history)', () => {
  it('"the stroboscopy showed nodules on both vocal folds" is history, said without the report being here', async () => {
    expect(unitSection('The stroboscopy showed nodules on both vocal folds.')).toBe('subjective');
    expect(unitSection('The MRI showed a partial tear of the supraspinatus.')).toBe('subjective');
    const s = await sectionsOf([
      ['clinician', "I have Dr. Lindqvist's report here, and the stroboscopy showed nodules on both vocal folds."],
      ['clinician', 'Tell me about your voice.'],
      ['patient', 'It has been hoarse for about eight months.'],
    ], { discipline: 'slp', noteType: 'evaluation' });
    expect(texts(s.subjective)).toContain('Stroboscopy showed nodules on both vocal folds.');
  });

  it('a report that only "came back" says no finding, so it is not history', () => {
    expect(unitSection("The swallow study report came back from last Thursday at St. Luke's.")).not.toBe('subjective');
  });

  it('the budget keeps a study finding like a finding at a body part', () => {
    expect(priority({ section: 'subjective', text: 'Stroboscopy showed nodules on both vocal folds.', evidence: ['u1'] })).toBeGreaterThanOrEqual(8.9);
  });
});

describe('how a voice sounds to the clinician (DOMAIN.md 1.5 O: what the clinician observes)', () => {
  it('"Mostly rough and breathy, and the pitch is a bit low" is an observation', () => {
    expect(unitSection('Mostly rough and breathy, and the pitch is a bit low for you.')).toBe('objective');
    expect(unitSection('That sounds rough.')).toBeNull();
  });
});

describe('a test announced before it is done (DOMAIN.md 1.5 O: the result is the data)', () => {
  it('"I\'d like to record a reading passage ..." is not charted; its result is', () => {
    expect(unitSection("Okay Daniel, I'd like to record a reading passage and a few minutes of conversation for the stuttering severity instrument.")).toBeNull();
    expect(unitSection("I'm going to check your balance now.")).toBeNull();
    expect(unitSection('Stuttered on five percent of syllables in reading.')).toBe('objective');
  });
});

describe('the patient\'s report said once (DOMAIN.md 1.5 S: the section is the patient\'s report)', () => {
  it('a later sentence of a statement in S does not say "Patient reports" again', async () => {
    const s = await sectionsOf([
      ['clinician', 'What do you do for work?'],
      ['patient', 'I have to run the morning stand-up and take escalation calls. The phone is the worst.'],
      SMALL_TALK,
    ]);
    const said = texts(s.subjective).join(' ');
    expect(said).toMatch(/escalation calls\. Phone (?:is )?(?:the )?worst\./);
    expect(said).not.toMatch(/\. Patient reports /);
  });
});

describe('an amount said with its article (DOMAIN.md 1.6: a statement says what was said)', () => {
  it('keeps "a little" and "a few": "helped a little" is not "helped little"', () => {
    expect(concise('The shot helped a little.')).toBe('shot helped a little.');
    expect(concise('Stiff for a few steps in the morning.')).toBe('Stiff for a few steps in morning.');
  });
});

describe('a block named after the position asked for (DOMAIN.md 2.4: the intervention by name)', () => {
  it('"Lie back and we\'ll do manual lymph drainage" names the drainage, not the lying back', () => {
    const [u] = buildUnits(say(["Lie back and we'll do manual lymph drainage, nine o'clock."]), 'ambient');
    expect(u && describeUnit(u)).toMatch(/^manual lymph drainage/i);
  });
});

describe('a grade taken back as it is said (DOMAIN.md 1.6: a statement says what was meant, never both)', () => {
  it('"tolerated firm, no, moderate, moderate pressure" charts moderate pressure only', () => {
    expect(concise('He tolerated firm, no, moderate, moderate pressure.')).toBe('tolerated moderate pressure.');
    expect(concise('Light, no, deep pressure to the calf.')).toBe('deep pressure to calf.');
    expect(concise('No, moderate pressure.')).toBe('No, moderate pressure.');
  });
});

describe('turns that say nothing of the patient (DOMAIN.md 1.5: only clinically relevant content)', () => {
  it('a Spanish sentence known by its gerund is the interpreter\'s to render ("Trabajo limpiando casas.")', () => {
    expect(foreignSentence('Trabajo limpiando casas.')).toBe(true);
    expect(foreignSentence('Stretching and bending hurt.')).toBe(false);
  });

  it('"Works for me." and "Sounds good." agree to the plan and are not charted', () => {
    for (const text of ['Works for me.', 'Sounds good.', 'Yeah, that works.']) {
      const [u] = buildUnits([{ id: 'u1', speaker: 'patient', start: 0, end: 1, text }], 'ambient');
      expect(u && sectionFor(u, 'ambient', true, 'pt', true)).toBeNull();
    }
  });
});
