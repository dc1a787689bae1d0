/**
 * How other clinicians and patients say things (patterns from visits the drafter had not
 * seen): measures named after the value or said once for a list, priors said apart, patient
 * quotes, interpreters, raw ASR without punctuation, advice for home. Sources: DOMAIN.md 1.5
 * (goniometry, scale scores, SLP measures), 1.6 (laterality, negations), 5.B item 5 (verbatim
 * patient quotes), FORMAT.md (voice leaks, facts in their section).
 */
import { describe, expect, it } from 'vitest';
import { extractBodyParts } from '../src/extract/body-parts.ts';
import { extractMeasures } from '../src/extract/measures.ts';
import { buildUnits } from '../src/extract/units.ts';
import { OfflineTherapyDrafter, voiceLeaks } from '../src/index.ts';
import type { DraftContext, DraftResult } from '../src/index.ts';

type Speaker = 'clinician' | 'patient' | 'other';
const say = (rows: [Speaker, string][]) => rows.map(([speaker, text], i) => ({ id: `u${i + 1}`, speaker, start: i, end: i + 1, text }));
const measures = (...texts: string[]) => extractMeasures(buildUnits(say(texts.map((t) => ['clinician', t])), 'ambient'))
  .map((m) => `${m.name}|${m.value}|${m.baseline ?? ''}|${m.side ?? ''}`);
const context: DraftContext = {
  discipline: 'pt', noteType: 'daily', mode: 'ambient', payer: { type: 'commercial' }, diagnoses: [], goals: [], referral: null,
};
async function draft(rows: [Speaker, string][], ctx: Partial<DraftContext> = {}): Promise<DraftResult> {
  return new OfflineTherapyDrafter().draft({ utterances: say(rows), context: { ...context, ...ctx } });
}
const all = (d: DraftResult) => Object.values(d.sections).flat().map((s) => s.text);

describe('measures as spoken (DOMAIN.md 1.5, 2.3)', () => {
  it('reads the name after the value and the unit said once for a list', () => {
    expect(measures('Lift the arm... one hundred and twenty-two degrees of flexion.')).toEqual(['flexion|122°||']);
    expect(measures('Grip: left six pounds, right fifty-two.')).toEqual(['grip|6 lb||left', 'grip|52 lb||right']);
    expect(measures('After the myofascial release, cervical rotation right sixty-eight, left sixty-two.')).toEqual(['cervical rotation|68°||right', 'cervical rotation|62°||left']);
  });

  it('takes a prior said in its own sentence as the baseline, never as a reading of today', () => {
    expect(measures('Flexion is one-twenty-two today.', 'Flexion was one-fifteen last week.')).toEqual(['flexion|122°|115°|']);
    expect(measures('Ring finger tip-to-palm was two centimeters when we started, and now it\'s one centimeter.')).toEqual(['tip-to-palm|1 cm|2 cm|']);
    expect(measures('Two weeks ago flexion was one-ten, so that\'s fifteen degrees better.')).toEqual([]);
  });

  it('reads scale scores said without a unit, and counts "N of M"', () => {
    expect(measures('Your Voice Handicap Index-10 came out at twenty-two.')).toEqual(['voice handicap index|22||']);
    expect(measures('Box and Block: right hand forty-eight blocks in a minute, left hand nine.')).toEqual(['box and block|48||right', 'box and block|9||left']);
    expect(measures('Two-step commands: eighteen of twenty correct.')[0]).toMatch(/^.*\|18 of 20\|\|$/);
  });

  it('names assist levels by task and reads "up from" as their baseline', () => {
    expect(measures('Socks with the sock aid: minimal assist. That\'s up from maximal assist.')).toEqual(['socks with the sock aid assist level|minimal assist|maximal assist|']);
    expect(measures('This is for quad strength toward independent stair climbing.')).toEqual([]);
  });
});

describe('body-part mentions: locations of the condition, not words in passing (DOMAIN.md 2.6 T6)', () => {
  const parts = (rows: [Speaker, string][], dx: Map<string, 'left' | 'right'> = new Map()) =>
    extractBodyParts(buildUnits(say(rows), 'ambient'), dx).map((p) => `${p.region}|${p.side ?? ''}`);

  it('skips positioning, exercise names, denied locations and a child asking to hold the legs', () => {
    expect(parts([['clinician', 'Elbow at your side, rotate out: forty degrees of external rotation.']])).toEqual([]);
    expect(parts([['clinician', 'Seated leg press, forty pounds, for quad strength.']])).toEqual([]);
    expect(parts([['patient', 'No back pain. Nothing below the knee.']])).toEqual([]);
    expect(parts([['patient', 'Wheelbarrow! Mom, you have to hold my legs.']])).toEqual([]);
  });

  it('reads plural limbs as both sides and takes a side the diagnosis is certain of', () => {
    expect(parts([['patient', 'My hands go numb at night.']])).toEqual(['hand|bilateral']);
    expect(parts([['patient', 'The knee is stiff in the morning.']], new Map([['knee', 'left']]))).toEqual(['knee|left']);
  });
});

describe('statements from unseen speech (FORMAT.md sections and voice)', () => {
  it('keeps quoted and figurative patient words verbatim, in quotation marks', async () => {
    const d = await draft([
      ['patient', 'My left hand just doesn\'t listen to me anymore.'],
      ['clinician', 'He has been on modified duty. In his words, \'I can\'t get down under a bus, and that\'s the whole job.\''],
    ], { mode: 'ambient' });
    const s = d.sections.subjective.map((x) => x.text).join(' ') + all(d).join(' ');
    expect(s).toMatch(/"My left hand just doesn't listen to me anymore\."/);
    expect(s).toMatch(/"I can't get down under a bus, and that's the whole job\."/);
    expect(all(d).every((t) => voiceLeaks(t).length === 0)).toBe(true);
  });

  it('never asserts a symptom from an unpunctuated ASR question, and charts the denial', async () => {
    const d = await draft([['clinician', 'nice any numbness or tingling in the hands'], ['patient', 'no nothing like that just stiff in the morning']]);
    expect(all(d).join(' ')).not.toMatch(/^(?!.*(?:denies|no)\b).*numbness/i);
    expect(d.sections.subjective.map((x) => x.text).join(' ')).toMatch(/^Denies numbness (?:and|or) tingling in (?:the )?hands\b/);
  });

  it('drafts the interpreter\'s English, not the Spanish, as the patient\'s report', async () => {
    const d = await draft([
      ['other', '¿Cómo ha estado la rodilla desde el martes?'],
      ['patient', 'Mejor, pero en la noche me duele.'],
      ['other', 'She says it\'s better, but at night it hurts.'],
    ]);
    expect(all(d).join(' ')).not.toMatch(/rodilla|duele/);
    expect(d.sections.subjective.map((x) => x.text).join(' ')).toMatch(/at night it hurts/);
  });

  it('charts advice for home as plan, and "And ..." after a plan sentence too', async () => {
    const d = await draft([
      ['other', 'Should I get him one of those pencil grips for home?'],
      ['clinician', 'Yes, the crossover grip. Use it for homework on the raised-line paper.'],
      ['clinician', 'And before writing, wheelbarrow walks down the hallway for one minute.'],
    ], { discipline: 'ot' });
    expect(d.sections.plan.map((x) => x.text).join(' ')).toMatch(/crossover grip[\s\S]*wheelbarrow/i);
    expect(d.extraction.ledger).toEqual([]);
  });

  it('keeps a dictated report with a frequency in S, with its denials ("catches twice a week, denies locking")', async () => {
    const d = await draft([['clinician', 'He reports the knee catches about twice a week, but he denies locking and denies giving way.']], { mode: 'dictation' });
    expect(d.sections.subjective.map((x) => x.text).join(' ')).toMatch(/denies locking/i);
    expect(d.sections.plan).toEqual([]);
  });
});
