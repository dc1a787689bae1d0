/**
 * What the drafter keeps and how it words it, each rule found on cases it had not seen (held-out
 * sets C, H and P) and checked here on a small transcript written for this file. Sources:
 * DOMAIN.md 1.5 (S holds the patient's report and verbatim quotes; A the clinical reasoning),
 * 2.4 ("the session's result compared to baseline"; every parameter of the treatment recorded),
 * 2.13 (98943 extraspinal CMT), FORMAT.md (compression: a note, not the dialogue).
 */
import { describe, expect, it } from 'vitest';
import { finish } from '../src/compose/prose.ts';
import { regionsIn } from '../src/lexicon/anatomy.ts';
import { extractMeasures } from '../src/extract/measures.ts';
import { buildUnits } from '../src/extract/units.ts';
import { dictated, draftOf, say } from './spoken.ts';

const all = (d: Awaited<ReturnType<typeof draftOf>>) => Object.values(d.sections).flat().map((s) => s.text);
const section = (d: Awaited<ReturnType<typeof draftOf>>, name: keyof Awaited<ReturnType<typeof draftOf>>['sections']) => d.sections[name].map((s) => s.text);

describe('every service done keeps its record (DOMAIN.md 2.4, 2.13)', () => {
  it('a dense chiropractic dictation keeps the TMJ manipulation beside the spinal adjustment', async () => {
    const d = await draftOf(dictated([
      'Chiro daily, visit three, jaw and neck.',
      'She reports jaw pain with chewing, five out of ten, clicking when she opens wide, no locking. Wakes up with headaches at the temples most mornings.',
      'Objective. Opening thirty-two millimeters with deviation toward the clicking side. Tender masseter and lateral pterygoid on that side.',
      'Cervical, motion palpation restricted at C1-C2 and at T1-T2.',
      'Treatment. Diversified adjustments to C1-2 and T1-2. Then extraspinal, the TMJ, gentle intraoral distraction manipulation with a glove, three repetitions.',
      'Post-treatment opening thirty-eight millimeters.',
      'Plan. Twice a week for three weeks. Home, tongue resting on the palate, controlled opening in the mirror ten reps three times a day, soft diet for a week, no gum.',
    ]), { discipline: 'chiro', mode: 'dictation' });
    expect(section(d, 'objective').join(' ')).toMatch(/intraoral distraction manipulation[^.]*3 repetitions/);
    expect(section(d, 'objective').join(' ')).toMatch(/Diversified adjustments to C1-2 and T1-2/);
  });

  it('the jaw muscles are the jaw (TMJ) region', () => {
    expect(regionsIn('Tender masseter and lateral pterygoid, temporalis too.').map((r) => r.region)).toEqual(['tmj', 'tmj', 'tmj']);
  });

  it('a block with more items than its statement lists drafts the rest on their own, never folded in unsaid', async () => {
    const d = await draftOf(dictated([
      'Therapeutic activity, 7:49 to 8:13. Floor-to-waist lift from a milk crate, hip hinge. Twenty pounds, three by eight. Thirty pounds, two by six.',
      'Then carry, thirty pounds, fifty feet, times four.',
      'Max safe floor-to-waist lift today thirty pounds, twenty at intake.',
    ]), { mode: 'dictation' });
    expect(all(d).join(' ')).toMatch(/Max safe floor-to-waist lift 30 lb/);
    expect(d.extraction.ledger[0]?.evidence).toContain('u3');
  });
});

describe('the dictation opening and the patient\'s name are the EMR\'s (FORMAT.md compression)', () => {
  it('"Massage therapy note, um, Name, visit three of ten" leaves nothing to chart', async () => {
    const d = await draftOf(dictated([
      "Massage therapy note, um, Jordan Whitfield, visit three of ten on Dr. Ibáñez's referral.",
      'Massage therapy, session three.',
      'Low back pain four out of ten.',
    ]), { discipline: 'massage', mode: 'dictation' });
    expect(all(d).join(' ')).not.toMatch(/Whitfield|session 3|visit 3|Massage therapy note/);
  });

  it('the patient\'s name before "reports" goes; a relative who reports stays', () => {
    expect(finish('Jordan reports headaches down to 2x/week.')).toBe('Reports headaches down to 2x/week.');
    expect(finish('Wife reports he sleeps better.')).toBe('Wife reports sleeps better.');
  });

  it('"Her log shows", "His SSI-4 total score": whose it is, the note already says', () => {
    expect(finish('Her log shows she used the calendar 13 of 14 days.')).toBe('Log shows she used calendar 13 of 14 days.');
    expect(finish('His SSI-4 total score 24.')).toBe('SSI-4 total score 24.');
  });
});

describe('quotations said inside a sentence (DOMAIN.md 1.5 verbatim quotes)', () => {
  it('"..., is still, quote, \'like turning a rusty hinge\'" keeps the quotation in its sentence', async () => {
    const d = await draftOf(dictated([
      "Subjective: neck pain six out of ten. She says checking her blind spot is still, quote, 'like turning a rusty hinge.'",
    ]), { discipline: 'chiro', mode: 'dictation' });
    const s = section(d, 'subjective').join(' ');
    expect(s).toMatch(/blind spot "like turning a rusty hinge\."/);
    expect(s).not.toMatch(/patient states/);
  });

  it('"She says, and I\'m quoting her, \'...\'" charts the quotation alone', async () => {
    const d = await draftOf(dictated([
      "She says, and I'm quoting her, 'my right leg just doesn't pick up when I'm tired.'",
    ]), { mode: 'dictation' });
    expect(section(d, 'subjective')).toEqual(['"my right leg just doesn\'t pick up when I\'m tired."']);
  });
});

describe('earlier values and ranges keep their meaning (DOMAIN.md 2.4)', () => {
  it('", was 5 minutes" after a value is that value\'s earlier reading, never a bare "5 min"', () => {
    expect(finish('Walking 20 min before he has to sit, was 5 min.')).toBe('Walking 20 min before he has to sit (was 5 min).');
    expect(finish('Box and Block, left 12 blocks, was 5.')).toBe('Box and Block, left 12 blocks (was 5).');
  });

  it('"a four, maybe a five" is the range 4-5, never a second bare number', () => {
    expect(finish('If rolling onto that side it jumps to 4/10, maybe 5.')).toBe('If rolling onto that side it jumps to 4-5/10.');
    expect(finish('Up 3 or 4 times a night.')).toBe('Up 3-4 times night.');
    expect(finish('Between 2 or 8 times.')).toBe('Between 2 or 8 times.');
  });

  it('"today" set against "last visit" is kept; alone it goes', () => {
    expect(finish('10-meter walk 0.42 m/s last visit, 0.48 today.')).toBe('10-meter walk 0.42 m/s last visit, 0.48 today.');
    expect(finish('Walked 0.48 m/s today.')).toBe('Walked 0.48 m/s.');
  });

  it('an assist level after a comma is a fact, never an aside the budget cuts', async () => {
    const lines = dictated([
      'Then 9:40 to 9:46, sit-to-stand from a standard chair, two sets of five, no hands. Last week that was min assist, today contact guard.',
      ...Array.from({ length: 6 }, (_, i) => `Plan item ${i + 1}: continue twice a week for ${i + 2} more weeks with home program, stairs and curbs.`),
    ]);
    const d = await draftOf(lines, { mode: 'dictation' });
    expect(all(d).join(' ')).toMatch(/min assist, today contact guard/);
  });

  it('a baseline said of an earlier visit keeps when it was taken ("68° (50° at first visit)")', async () => {
    const d = await draftOf(dictated([
      'Before treatment, cervical rotation to the left fifty-five degrees.',
      'Afterwards left rotation was sixty-eight degrees.',
      'Tissue is responding well; left rotation was fifty at her first visit.',
    ]), { discipline: 'massage', mode: 'dictation' });
    expect(section(d, 'objective').join(' ')).toMatch(/68° \(50° at first visit\)/);
  });

  it('a baseline said in the same session stays "from" ("10 cm (from 8 cm)")', async () => {
    const d = await draftOf([
      ['clinician', 'Knee-to-wall, eight centimeters before we start.'],
      ['clinician', 'Knee-to-wall again: ten centimeters.'],
    ]);
    expect(section(d, 'objective').join(' ')).toMatch(/10 cm \(from 8 cm\)/);
  });

  it('"It was 22 at the initial evaluation" after a reading with its baseline is that reading\'s, not an earlier one\'s', () => {
    const units = buildUnits(say([
      'Timed Up and Go eighteen point four seconds with the rolling walker, compared with twelve point nine seconds with the cane at the visit ten progress note.',
      'LEFS thirty-eight out of eighty, down from forty-six at the progress note. It was twenty-two at the initial evaluation.',
    ]), 'dictation');
    const tug = extractMeasures(units, 'pt').filter((m) => m.value === '12.9 s');
    expect(tug.map((m) => m.baseline)).toEqual([null]);
  });
});

describe('what an SLP session practises is material, not note content (DOMAIN.md 1.5)', () => {
  it('"Script training ..., three sentences: I\'d like a large coffee ..." charts the service and its count, not the lines', async () => {
    const d = await draftOf(dictated([
      "Script training for ordering at the diner, three sentences: I'd like a large coffee, black. The number two with eggs over easy. Check, please. Intelligible and complete on four of five trials.",
    ]), { discipline: 'slp', mode: 'dictation' });
    const text = all(d).join(' ');
    expect(text).toMatch(/Script training for ordering at diner, 3 sentences\./);
    expect(text).not.toMatch(/coffee|eggs|clinician would like/);
    expect(text).toMatch(/4 of 5 trials/);
  });

  it('"responding well to" and "main barrier" are the assessment; a named disorder is a fact the budget keeps', async () => {
    const d = await draftOf(dictated([
      "He's responding well to phonemic cueing and script practice; word retrieval is still the main barrier to conversation.",
      'Mild groping on the initial cluster, consistent with a mild apraxia of speech component.',
    ]), { discipline: 'slp', mode: 'dictation' });
    expect(section(d, 'assessment').join(' ')).toMatch(/Responding well to phonemic cueing/);
    expect(all(d).join(' ')).toMatch(/apraxia of speech/);
  });
});
