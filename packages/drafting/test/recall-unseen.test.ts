/**
 * Recall rules for visits the drafter has not seen, each on a small transcript written for
 * this file. Sources: DOMAIN.md 1.5 (S holds "patient-reported symptoms and functional
 * limitations", "pain reports", "onset history"; A holds clinical reasoning), 1.6 (negations
 * must be correct), 1.8 (discharge planning goes in P), FORMAT.md (compression, voice).
 */
import { describe, expect, it } from 'vitest';
import { OfflineTherapyDrafter } from '../src/index.ts';
import type { DraftContext, DraftResult } from '../src/index.ts';

const base: DraftContext = {
  discipline: 'pt', noteType: 'daily', mode: 'ambient', payer: { type: 'commercial' },
  diagnoses: [], goals: [], visitNumber: 4, referral: { onFile: true },
};
type Line = [speaker: 'clinician' | 'patient' | 'other', text: string];

async function draft(lines: Line[], ctx: Partial<DraftContext> = {}): Promise<DraftResult> {
  const utterances = lines.map(([speaker, text], i) => ({ id: `u${i + 1}`, speaker, start: i * 5, end: i * 5 + 4, text }));
  return new OfflineTherapyDrafter().draft({ utterances, context: { ...base, ...ctx } });
}
const said = (d: DraftResult, s: keyof DraftResult['sections']) => d.sections[s].map((x) => x.text).join(' | ');

describe('denials are never taken for echoes (DOMAIN.md 1.6)', () => {
  it('keeps "No calf pain." even when the clinician said "calf pain" and "now" just before', async () => {
    const d = await draft([
      ['clinician', 'Good for now. Any calf pain or redness in the leg?'],
      ['patient', 'No calf pain.'],
      ['clinician', 'Knee flexion 110 degrees today.'],
    ]);
    expect(said(d, 'subjective')).toMatch(/\b(?:no|denies)\b[^.]*calf pain/i);
  });
});

describe('a rating said short is on the 0-10 scale the visit set (DOMAIN.md 1.5 pain reports, 2.4 0-10 scale)', () => {
  it('charts "maybe a six today" as 6/10, citing where the scale was said', async () => {
    const d = await draft([
      ['clinician', 'On a scale of zero to ten, where was the shoulder at its worst this week?'],
      ['patient', 'It hit an eight on Tuesday night.'],
      ['clinician', 'And how about the elbow?'],
      ['patient', 'The elbow is sore. It is maybe a six today.'],
    ]);
    expect(said(d, 'subjective')).toMatch(/\b6\/10\b/);
    const st = d.sections.subjective.find((x) => /6\/10/.test(x.text));
    expect(st?.evidence).toContain('u1');
  });
  it('leaves a number alone when no 0-10 scale was said, and never reads a count as a rating', async () => {
    const d = await draft([
      ['clinician', 'How is the back?'],
      ['patient', 'The back is better, maybe a three.'],
      ['clinician', 'Out of ten, how bad is the knee?'],
      ['patient', 'The knee feels stiff; I walked a 5 minute loop yesterday.'],
    ]);
    expect(said(d, 'subjective')).not.toMatch(/3\/10|5\/10/);
  });
});

describe('dictation: who gave a value and what the clinician concluded (DOMAIN.md 1.5)', () => {
  const dictated = (lines: string[]) => draft(lines.map((t) => ['clinician', t] as Line), { mode: 'dictation', discipline: 'slp', noteType: 'evaluation' });
  it('files a value the patient gave ("per patient") under S, not as a measure in O', async () => {
    const d = await dictated([
      'referred for voice changes over the past year',
      'five pound weight gain over the past two months per patient',
      'maximum phonation time twelve seconds',
    ]);
    expect(said(d, 'subjective')).toMatch(/weight gain/i);
    expect(said(d, 'objective')).not.toMatch(/weight gain/i);
  });
  it('reads a bare "impression" opening unpunctuated dictation as the assessment and keeps it under the word budget', async () => {
    const filler = Array.from({ length: 12 }, (_, i) => `trial ${i + 1} of thin liquid by spoon one of one clear with no cough and no throat clear and a timely swallow noted`);
    const d = await dictated([
      'patient is a sixty year old seen for a swallow evaluation referred after a stroke',
      ...filler,
      'impression mild pharyngeal dysphagia with delayed swallow initiation',
      'plan speech therapy two times per week for six weeks',
    ]);
    expect(said(d, 'assessment')).toMatch(/mild pharyngeal dysphagia/i);
  });
});

describe('a discharge decision is also the plan (DOMAIN.md 1.8 discharge planning in P)', () => {
  it('keeps goal status in A and charts "we are discharging" in P', async () => {
    const d = await draft([
      ['clinician', 'Walking 600 feet with no device today.'],
      ['clinician', 'Both of your goals are met, so we are discharging you from physical therapy today.'],
      ['clinician', 'Keep doing the home program daily.'],
    ]);
    expect(said(d, 'assessment')).toMatch(/goals (?:are )?met/i);
    expect(said(d, 'plan')).toMatch(/discharg/i);
  });
});

describe('what the patient does and uses at home is S content (DOMAIN.md 1.5 functional limitations)', () => {
  it('keeps a self-care report said without symptom words, and names the equipment the question asked about', async () => {
    const d = await draft([
      ['clinician', 'how was your week'],
      ['patient', 'pretty good i put my shoes on every day by myself'],
      ['clinician', 'and the shower chair how is bathing going'],
      ['patient', 'fine i sit down and wash up no problem'],
      ['clinician', 'ok lets start the exercises sit tall for me feet flat on the floor hands on your lap and take a slow breath in and out before we begin'],
      ['clinician', 'the weather has been lovely this week the sun finally came out and the whole town was outside walking dogs and riding bikes all weekend long'],
    ], { discipline: 'ot' });
    expect(said(d, 'subjective')).toMatch(/shoes[^.]*by (?:him|her)?self/i);
    expect(said(d, 'subjective')).toMatch(/shower chair/i);
  });
  it('reads an unsure answer said as a question ("Maybe four days out of seven?") as the answer', async () => {
    const d = await draft([
      ['clinician', 'Are you doing the stretches at home?'],
      ['patient', 'Most days. Maybe four days out of seven?'],
      ['clinician', 'Knee flexion 118 degrees today.'],
    ]);
    expect(said(d, 'subjective')).toMatch(/4 days/);
  });
});

describe('an angle said digit by digit is not a clock time (DOMAIN.md 3.3 ASR fixtures)', () => {
  it('reads "one oh four degrees" as 104°', async () => {
    const d = await draft([
      ['clinician', 'Slide the heel back... that is one oh four degrees of knee flexion. At your evaluation you were at eighty.'],
    ]);
    expect(said(d, 'objective')).toMatch(/104°/);
    expect(said(d, 'objective')).not.toMatch(/1:04/);
  });
});

describe('unpunctuated speech and short dictated lines (DOMAIN.md 1.3, 1.8, 3.3)', () => {
  it('does not take "ok lets do ..." for a question: the measures said in it are charted', async () => {
    const d = await draft([
      ['clinician', 'ok lets do the measurements pinch left hand nine pounds right fourteen at the evaluation the left was five'],
    ], { discipline: 'ot' });
    expect(said(d, 'objective')).toMatch(/9 lb/);
  });
  it('keeps a two-word frequency of care ("Continue twice a week.") in P', async () => {
    const d = await draft([
      ['clinician', 'Assessment. Tolerating treatment well.'],
      ['clinician', 'Plan. Continue twice a week. Home: walk ten minutes daily.'],
    ], { mode: 'dictation' });
    expect(said(d, 'plan')).toMatch(/2x\/week/);
  });
  it('keeps reflex grades and a symptom at a body part when the dictation runs over the word budget', async () => {
    const long = Array.from({ length: 10 }, (_, i) => `Set ${i + 1}: bridge holds, ten seconds each, with a slow return to the table and a breath between reps.`);
    const d = await draft([
      ['clinician', 'Subjective. Intermittent numbness along the outside of the right calf. Slept better this week after the new pillow, says the mornings are easier now.'],
      ['clinician', 'Objective. Reflexes. Patellar two plus and symmetric.'],
      ...long.map((t) => ['clinician', t] as Line),
      ['clinician', 'Plan. Continue twice a week.'],
    ], { mode: 'dictation' });
    expect(said(d, 'subjective')).toMatch(/numbness[^.]*calf/i);
    expect(said(d, 'objective')).toMatch(/2\+/);
  });
});
