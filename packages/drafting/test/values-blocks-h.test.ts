/**
 * Tests, blocks and times as said in visits the drafter had not seen (held-out set H).
 * Sources: DOMAIN.md 2.2 (the actual start and stop clock times), 2.3 (97112 needs a measured
 * neuromotor deficit first; 97530 functional tasks; 97140 vs 97124 by technique), 2.4 (the
 * result against baseline), 2.6 T6 (laterality: said, never assumed), 1.8 (the plan).
 */
import { codeVisit } from '@scribe/coding';
import { describe, expect, it } from 'vitest';
import { toLedger } from '../src/extract/entries.ts';
import { findBlocks } from '../src/extract/ledger.ts';
import { extractMeasures } from '../src/extract/measures.ts';
import { buildUnits } from '../src/extract/units.ts';
import { buildVisitInput, normalizeClinical, OfflineTherapyDrafter, type DraftContext } from '../src/index.ts';

type Said = string | [string, 'patient'];
const say = (texts: Said[]) =>
  texts.map((t, i) => ({ id: `u${i + 1}`, speaker: Array.isArray(t) ? t[1] : 'clinician' as const, start: i, end: i + 1, text: Array.isArray(t) ? t[0] : t }));

function ledger(texts: Said[], discipline = 'pt', mode: 'ambient' | 'dictation' = 'ambient') {
  const units = buildUnits(say(texts), mode);
  return toLedger(findBlocks(units, discipline), units, extractMeasures(units, discipline), discipline);
}

const measures = (texts: string[]) => extractMeasures(buildUnits(say(texts), 'ambient'), 'pt').map((m) => [m.name, m.value, m.baseline]);

async function code(texts: Said[], context: Partial<DraftContext> & Pick<DraftContext, 'discipline'>) {
  const ctx: DraftContext = { noteType: 'daily', mode: 'ambient', payer: { type: 'commercial' }, diagnoses: [], goals: [], referral: { onFile: true }, ...context };
  const draft = await new OfflineTherapyDrafter().draft({ utterances: say(texts), context: ctx });
  return codeVisit(buildVisitInput(draft, ctx));
}

/** An SLP evaluation in conversation, with the small talk a real visit has around the clinical talk (so the note's word budget, FORMAT.md compression, is a visit's). */
async function slpEvaluation(texts: Said[]) {
  const ctx: DraftContext = { discipline: 'slp', noteType: 'evaluation', mode: 'ambient', payer: { type: 'commercial' }, diagnoses: [], goals: [], referral: { onFile: true } };
  const chat: Said = 'Okay, good, alright, great. '.repeat(40);
  return (await new OfflineTherapyDrafter().draft({ utterances: say([chat, ...texts]), context: ctx })).sections;
}

describe('clock times said in words (DOMAIN.md 2.2)', () => {
  it('"twelve minutes to ten", "Nine forty-one now.", "That\'s nine twenty-nine, so twenty-four minutes"', () => {
    expect(normalizeClinical("It's twelve minutes to ten, so seven minutes of gait training.")).toBe("It's 9:48, so 7 min of gait training.");
    expect(normalizeClinical('Nine forty-one now. Grab your cane.')).toBe('9:41 now. Grab your cane.');
    expect(normalizeClinical("That's nine twenty-nine, so twenty-four minutes of work simulation.")).toBe("That's 9:29, so 24 min of work simulation.");
    expect(normalizeClinical("That's one twenty degrees.")).toBe("That's 120°.");
  });
});

describe('balance tests in seconds (DOMAIN.md 2.3, 2.4)', () => {
  it('names each stance and its eyes condition, carries it, and links the retest to its baseline', () => {
    expect(measures([
      'Nine seconds on the foam with eyes closed, out of thirty.',
      'Tandem stance with eyes open, twelve seconds. With your eyes closed, two seconds.',
      "Okay, let's retest. Foam, feet together, arms crossed, eyes closed.",
      'Seventeen seconds. Up from nine at the start today. And heel to toe with eyes closed, five seconds, up from two.',
    ])).toEqual([
      ['foam stance eyes closed', '9 s', null],
      ['tandem stance eyes open', '12 s', null],
      ['tandem stance eyes closed', '2 s', null],
      ['foam stance eyes closed', '17 s', '9 s'],
      ['tandem stance eyes closed', '5 s', '2'],
    ]);
  });

  it('a dose is not a test: "Feet together on the foam, eyes open, thirty seconds, three times"', () => {
    expect(measures(['Feet together on the foam, eyes open, thirty seconds, three times.'])).toEqual([]);
  });

  it('a test said before treatment is not a block; the treatment starts at its own time', () => {
    const entries = ledger([
      'Okay, before we start I want your balance numbers for today. Shoes off. Stand on the foam, feet together, and close your eyes.',
      'Nine seconds on the foam with eyes closed.',
      "It's nine-oh-seven. Starting your balance retraining now. Back on the foam, feet together.",
      "It's nine-forty, so that was thirty-three minutes of balance retraining.",
    ].map(normalizeClinical));
    expect(entries.map((e) => [e.kindHint, e.startTime, e.stopTime, e.minutes])).toEqual([['neuromuscular_reeducation', '09:07', '09:40', 33]]);
    expect(entries[0]?.deficit).toMatch(/foam stance eyes closed 9 s/);
  });
});

describe('97112 after a measured deficit, and what is not a service (DOMAIN.md 2.3)', () => {
  it('gaze work after dynamic visual acuity measured at the block\'s start is 97112 with no deficit check', async () => {
    const r = await code([
      "It's ten thirty-eight. Before the eye exercises I'm measuring your vision with your head moving.",
      'You lose three lines when your head is moving. Now the times-one exercise: keep the letter in focus and turn your head.',
      'Three sets of thirty seconds, seated.',
      'Ten forty-nine. Eleven minutes of gaze work.',
    ].map(normalizeClinical), { discipline: 'ot' });
    expect(r.lines.map((l) => [l.code, l.units])).toEqual([['97112', 1]]);
    expect(r.checks.map((c) => c.id)).not.toContain('neuromotor_deficit_missing');
  });

  it('an OT recipe task is 97530; moist heat "before the adjustment" stays its own service', async () => {
    expect(ledger(["It's quarter past ten, let's start in the kitchen. Here's your recipe card, six steps.", "It's ten thirty-seven, so twenty-two minutes."].map(normalizeClinical), 'ot')
      .map((e) => [e.kindHint, e.minutes])).toEqual([['therapeutic_activity', 22]]);
    const chiro = ledger(['Moist heat to the lumbar spine, prone, ten minutes, before the adjustment.', 'Adjustments, diversified technique: L4-5 right side-posture.'], 'chiro', 'dictation');
    expect(chiro.map((e) => e.kindHint)).toEqual(['hot_cold_pack', 'cmt']);
  });

  it('retrograde edema massage with scar mobilization is manual therapy, 97140 (DOMAIN.md 2.3 by technique)', async () => {
    const r = await code(['Manual, ten twenty-seven to ten thirty-six, nine minutes: retrograde edema massage and scar mobilization over the left thenar incision.'].map(normalizeClinical), { discipline: 'ot', mode: 'dictation' });
    expect(r.lines.map((l) => l.code)).toEqual(['97140']);
  });

  it('the note\'s opening, a report, advice for someone else, a restriction and "long stretches" are not blocks', () => {
    expect(ledger([
      'Massage therapy note, visit three, referred by Dr. Chen for headaches.',
      'Neck pain worst after long stretches at the computer.',
      'Says stairs are the hardest thing; going down he takes them one step at a time.',
      'Let June carry the small bag.',
      'Start with batting practice, and no sliding for another month.',
    ], 'pt', 'dictation')).toEqual([]);
  });
});

describe('laterality (DOMAIN.md 2.6 T6)', () => {
  it('"up on both feet, down on the surgical side only" in one block leaves another block on the foot without a side', async () => {
    const r = await code([
      'Therapeutic exercise, eight-oh-two to eight twenty-seven, twenty-five minutes. Eccentric heel drops off a step, up on both feet, down on the surgical side only, three sets of ten.',
      'Manual therapy, eight twenty-eight to eight thirty-four, six minutes. Posterior talocrural glides, grade three.',
    ].map(normalizeClinical), { discipline: 'pt', mode: 'dictation', diagnoses: [{ icd10: 'S86.019D', description: 'Achilles tendon rupture, status post repair' }] });
    expect(r.checks.map((c) => c.id)).toContain('missing_laterality');
  });
});

describe('what the patient answers (DOMAIN.md 1.6: a denial is kept as a denial)', () => {
  const draftOf = async (texts: Said[]) => {
    const ctx: DraftContext = { discipline: 'chiro', noteType: 'daily', mode: 'ambient', payer: { type: 'medicare' }, diagnoses: [], goals: [], referral: { onFile: true } };
    const d = await new OfflineTherapyDrafter().draft({ utterances: say(texts), context: ctx });
    return Object.values(d.sections).flat().map((s) => s.text);
  };

  it('"No, nothing below the knee. None of that other stuff either." denies every question of the turn and keeps "nothing"', async () => {
    const statements = await draftOf([
      'Anything below the knee? Any numbness in the groin or the seat area? Any trouble with your bladder or your bowels?',
      ['No, nothing below the knee. None of that other stuff either.', 'patient'],
    ]);
    const text = statements.join(' ');
    expect(text).toMatch(/denies numbness in (?:the )?groin or (?:the )?seat area, trouble with (?:the )?bladder or (?:the )?bowels/i);
    // the negation stays with what it denies: "Nothing below knee", never "Below knee"
    expect(text).toMatch(/Nothing below (?:the )?knee/);
    expect(text).not.toMatch(/(?:^|\. )Below (?:the )?knee/);
    expect(text).not.toMatch(/none of that other stuff/i);
  });

  it('where the pain is, answered with body parts only, is charted as the pain\'s location', async () => {
    const text = await draftOf(['Where\'s the pain now, same spot?', ['Right side, low back, into the right buttock and down the back of the thigh.', 'patient']]);
    expect(text).toContain('Pain: right side, low back, into right buttock and down back of thigh.');
  });

  it('a test said with its result takes no score from a later sentence', async () => {
    const text = await draftOf(["Kemp's test on the right reproduces the back pain. Straight leg raise is negative on both sides.", "That's three regions today: lumbar, sacral and pelvic."]);
    expect(text.join(' ')).not.toMatch(/Straight leg raise[^.]*: 3 regions/);
  });
});

describe('an evaluation\'s history, impression and plan, said in conversation (DOMAIN.md 1.5, 1.8)', () => {
  const sections = slpEvaluation;

  it('"My mom says around four" answers when it started; the family history and prior therapy follow it', async () => {
    const s = await sections(['When did the stuttering start?', ['My mom says around four. My dad stutters too, less than me. I had speech at school until maybe fourth grade.', 'patient']]);
    const text = s.subjective.map((x) => x.text).join(' ');
    expect(text).toMatch(/around 4/);
    expect(text).toMatch(/dad stutters/);
    expect(text).toMatch(/speech at school until maybe fourth grade/);
  });

  it('"So what I\'m seeing is ..." is the impression; "We\'ll combine ..." and "For this week, practice ..." are the plan', async () => {
    const s = await sections([
      "So what I'm seeing is persistent developmental stuttering, moderate severity, with a big impact on communication at work.",
      "We'll combine fluency shaping with stuttering modification, and we'll work directly on the avoidance.",
      'For this week, practice easy onsets reading aloud five minutes a day.',
    ]);
    expect(s.assessment.map((x) => x.text)).toEqual([expect.stringMatching(/^Impression: persistent developmental stuttering, moderate severity/)]);
    expect(s.plan.map((x) => x.text).join(' ')).toMatch(/Combine fluency shaping[\s\S]*practice easy onsets/);
  });

  it('"It\'s been the same my whole life" after a denial is not about the body part the question named', async () => {
    const s = await sections(['Any head injuries, seizures, strokes, anything neurological as an adult?', ["No, nothing like that. It's been the same my whole life.", 'patient']]);
    const text = s.subjective.map((x) => x.text).join(' ');
    expect(text).toMatch(/It has been same whole life/);
    expect(text).not.toMatch(/head (?:has|is) been/i);
  });
});

describe('a progress dictation\'s labels (DOMAIN.md 1.8: progress notes report goal status)', () => {
  it('"Progress measures." is objective and "Goal status:" the assessment; a goal\'s target is not a reading', () => {
    const units = buildUnits(say([
      'Subjective: his wife reports he is using more single words.',
      'Progress measures. Confrontation naming: fifteen out of twenty.',
      'Goal status: naming at eighty percent accuracy, progressing. Producing three-word phrases for needs, met.',
    ]), 'dictation');
    expect(units.map((u) => u.header)).toEqual(['subjective', 'objective', 'assessment', 'assessment']);
    expect(extractMeasures(units, 'slp').map((m) => m.value)).not.toContain('80%');
  });

  it('"He and his wife deny any coughing" is a denial the word budget keeps, with its subject', async () => {
    const ctx: DraftContext = { discipline: 'slp', noteType: 'progress', mode: 'dictation', payer: { type: 'medicare' }, diagnoses: [], goals: [], referral: { onFile: true } };
    const d = await new OfflineTherapyDrafter().draft({ utterances: say(['Subjective: he is doing well at home.', 'He and his wife deny any coughing or choking with meals or drinks.']), context: ctx });
    expect(d.sections.subjective.map((s) => s.text)).toContain('Patient and wife deny coughing or choking with meals or drinks.');
  });
});

describe('a voice evaluation in conversation (DOMAIN.md 1.5; FORMAT.md: no dialogue copied into the note)', () => {
  const draft = slpEvaluation;

  it('the sentences a patient reads aloud are a speech sample, not a report', async () => {
    const s = await draft(['Now the CAPE-V sentences on this card, one at a time.', ['The blue spot is on the key again. We were away a year ago.', 'patient']]);
    expect(Object.values(s).flat().map((x) => x.text).join(' ')).not.toMatch(/away (?:a )?year ago|blue spot/i);
  });

  it('"Never." denies what was asked; a long s and a long z are their own durations, not a repeat of the last measure', async () => {
    const s = await draft([
      'Do you smoke or vape?', ['Never.', 'patient'],
      'Say ah as long as you can. Nine seconds. So your maximum phonation time is nine seconds.',
      'Now a long s sound. Fifteen seconds. And a long z. Ten seconds. That makes your s/z ratio one point five.',
    ]);
    expect(s.subjective.map((x) => x.text)).toContain('Denies smoking or vape.');
    const o = s.objective.map((x) => x.text).join(' ');
    expect(o).toMatch(/\/s\/ duration: 15 s/);
    expect(o).not.toMatch(/maximum phonation time: 15 s/i);
  });

  it('"Goals for eight weeks:" heads the goals (plan), not a finding', () => {
    const units = buildUnits(say(['Goals for eight weeks: VHI-10 under twelve and a full teaching day without losing your voice.']), 'ambient');
    expect(units.map((u) => u.header)).toEqual(['plan']);
  });
});
