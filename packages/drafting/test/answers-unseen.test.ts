/**
 * Short answers and history lines from visits the drafter had not seen (held-out set K), each
 * on a small transcript written for this file. Sources: DOMAIN.md 1.5 (S holds
 * "patient-reported symptoms and functional limitations" and the history; O holds measured and
 * observed data; A holds "skilled clinical reasoning"), 1.6 (negations must be correct).
 */
import { describe, expect, it } from 'vitest';
import { OfflineTherapyDrafter } from '../src/index.ts';
import type { DraftContext, DraftResult } from '../src/index.ts';
import { amountAsked, askedAbout, handDominance, SHORT_VERDICT } from '../src/compose/answers.ts';
import { deniedContent } from '../src/compose/patient.ts';
import { gerund } from '../src/text/verbs.ts';

const base: DraftContext = {
  discipline: 'pt', noteType: 'evaluation', mode: 'ambient', payer: { type: 'medicare' },
  diagnoses: [], goals: [], visitNumber: 1, referral: { onFile: true },
};
type Line = [speaker: 'clinician' | 'patient' | 'other', text: string];

/** Small talk, as any visit has: it gives the draft the share of words a real visit gives it (FORMAT.md compression). */
const CHAT: Line[] = [
  ['patient', 'Do you know if it is supposed to rain on Saturday? My tomatoes really need it, the whole garden is dry.'],
  ['clinician', 'I heard Sunday, maybe. The parking lot was packed this morning, did you find a spot all right?'],
  ['patient', 'I did, my daughter dropped me off at the front door and went to get coffee across the street.'],
];

async function draft(lines: Line[], ctx: Partial<DraftContext> = {}): Promise<DraftResult> {
  const utterances = [...lines, ...CHAT].map(([speaker, text], i) => ({ id: `u${i + 1}`, speaker, start: i * 5, end: i * 5 + 4, text }));
  return new OfflineTherapyDrafter().draft({ utterances, context: { ...base, ...ctx } });
}
const said = (d: DraftResult, s: keyof DraftResult['sections']) => d.sections[s].map((x) => x.text).join(' | ');

describe('a one-word verdict answers the how-question before it (DOMAIN.md 1.5 S)', () => {
  it('charts "How\'s your sleep?" - "Terrible." as "Sleep: terrible", citing the question', async () => {
    const d = await draft([
      ['clinician', "How's your sleep?"],
      ['patient', 'Terrible. If I roll onto the left side it wakes me up.'],
      ['clinician', 'Left shoulder flexion is a hundred and ten degrees.'],
    ]);
    const st = d.sections.subjective.find((x) => /^Sleep: terrible\.$/.test(x.text));
    expect(st?.evidence).toEqual(['u1', 'u2']);
    // the sentence after the verdict carries on the answer
    expect(said(d, 'subjective')).toMatch(/wakes/);
  });

  it('asks only about symptoms, body parts and function: small talk is not a topic', () => {
    expect(askedAbout("How's your sleep?")).toBe('sleep');
    expect(askedAbout('And how has the left knee been lately?')).toBe('left knee');
    expect(askedAbout('How have the exercises been going?')).toBe('exercises');
    expect(askedAbout('How was the weekend?')).toBeNull();
    expect(askedAbout('How are you?')).toBeNull();
    expect(askedAbout("How's it going?")).toBeNull();
  });

  it('takes a verdict only when it is the whole answer', () => {
    for (const t of ['Terrible.', 'Much better.', 'Pretty good, actually.', 'Oh, not so good.', 'About the same.']) expect(SHORT_VERDICT.test(t), t).toBe(true);
    for (const t of ['Good morning.', 'Better than the shirt, I think it was four.', 'Fine, let me grab my bag.']) expect(SHORT_VERDICT.test(t), t).toBe(false);
  });

  it('does not chart a verdict on small talk', async () => {
    const d = await draft([
      ['clinician', 'How was the weekend?'],
      ['patient', 'Pretty good.'],
      ['clinician', 'Right knee flexion is a hundred and five degrees.'],
    ]);
    expect(said(d, 'subjective')).not.toMatch(/good/i);
  });
});

describe('hand dominance, asked by which hand the patient writes with (DOMAIN.md 1.5 history)', () => {
  it('charts "My right." as right hand dominant, citing question and answer', async () => {
    const d = await draft([
      ['clinician', 'Which hand do you write with?'],
      ['patient', 'My right.'],
      ['clinician', 'Grip on the left is forty pounds.'],
    ]);
    const st = d.sections.subjective.find((x) => /right hand dominant/i.test(x.text));
    expect(st?.evidence).toEqual(['u1', 'u2']);
  });

  it('keeps the word said ("right-handed") and never guesses a side', () => {
    expect(handDominance('Are you right-handed?', 'Yeah, right-handed.')).toBe('right');
    expect(handDominance('Which hand do you write with?', 'Lefty, always been.')).toBe('left');
    expect(handDominance('Which hand do you write with?', 'Both, really, left and right.')).toBeNull();
    expect(handDominance('Which knee is worse?', 'The right.')).toBeNull();
  });
});

describe('"My neck\'s fine" answers "Any neck pain?" with a denial (DOMAIN.md 1.6)', () => {
  it('charts the denial of the symptom asked about that body part, citing that question', async () => {
    const d = await draft([
      ['clinician', 'Any numbness or tingling in the hand? Any neck pain?'],
      ['patient', "No numbness, no tingling. My neck's fine."],
      ['clinician', 'Left shoulder abduction is eighty-five degrees.'],
    ]);
    expect(said(d, 'subjective')).toMatch(/\bdenies neck pain\b/i);
    expect(d.sections.subjective.find((x) => /neck pain/.test(x.text))?.evidence).toEqual(['u1', 'u2']);
  });

  it('does not make a denial of a body part no question asked about', async () => {
    const d = await draft([
      ['clinician', 'Any numbness or tingling in the hand?'],
      ['patient', "No. My knee's fine, though."],
      ['clinician', 'Left shoulder abduction is eighty-five degrees.'],
    ]);
    expect(said(d, 'subjective')).not.toMatch(/knee pain/i);
  });
});

describe('history and impressions in an evaluation (DOMAIN.md 1.5)', () => {
  it('keeps the imaging history an answer gives', async () => {
    const d = await draft([
      ['clinician', 'Any injections or imaging so far?'],
      ['patient', 'Dr. Amari did an X-ray. It was normal, he said. No shot yet.'],
      ['clinician', 'Left shoulder flexion, a hundred and ten degrees.'],
    ]);
    expect(said(d, 'subjective')).toMatch(/X-ray/);
  });

  it('charts "this looks like adhesive capsulitis" as the assessment and the end feel as objective', async () => {
    const d = await draft([
      ['clinician', "So tell me what's going on with the left shoulder."],
      ['patient', 'It started four months ago and got stiffer and stiffer.'],
      ['clinician', "I'm moving it for you now. Passive is about the same, with a firm, capsular end feel."],
      ['clinician', 'So this looks like adhesive capsulitis of the left shoulder.'],
    ]);
    expect(said(d, 'assessment')).toMatch(/adhesive capsulitis/);
    expect(said(d, 'objective')).not.toMatch(/adhesive capsulitis/);
    expect(said(d, 'objective')).toMatch(/capsular end feel/);
    // the clinician's opening question is no note content
    expect(Object.values(d.sections).flat().map((x) => x.text).join(' ')).not.toMatch(/what is going on/i);
  });
});

describe('a dictation relays what the family and the patient said (DOMAIN.md 1.5 S)', () => {
  const dictated = (lines: string[]) => draft(lines.map((t): Line => ['clinician', t]), { mode: 'dictation', discipline: 'slp', noteType: 'daily' });

  it('keeps "His wife says he has been practicing ..." as a report, not an aside', async () => {
    const d = await dictated([
      "Subjective. His wife Maria says he's been practicing on the naming app about fifteen minutes a day.",
      'Objective. Confrontation naming, nine out of twenty pictures.',
    ]);
    expect(said(d, 'subjective')).toMatch(/naming app/);
  });

  it('charts the patient\'s quoted words in S even under an "Objective" header said before', async () => {
    const d = await dictated([
      'Objective. Script training for ordering coffee, four of five trials.',
      'After the last trial he said, quote, I got it, finally, end quote.',
    ]);
    expect(said(d, 'subjective')).toMatch(/I got it, finally/);
    expect(said(d, 'objective')).not.toMatch(/got it/);
  });

  it('keeps "Yes-no questions" whole: "Yes" before a hyphen is no filler', async () => {
    const d = await dictated(['Objective. Yes-no questions, ten out of ten correct.']);
    expect(said(d, 'objective')).toMatch(/^Yes-no questions, 10\/10 correct/);
  });
});

describe('small talk asked as a how-question stays out (FORMAT.md compression)', () => {
  it('"How was the drive in?" is no topic, though driving is a function', () => {
    expect(askedAbout('Morning, Keisha. How was the drive in?')).toBeNull();
    expect(askedAbout('How was the drive in?')).toBeNull();
    expect(askedAbout("How's the driving going?")).toBe('driving');
  });
});

describe('a bare value after the movement asked for is named by it (DOMAIN.md 1.5 goniometry)', () => {
  it('"Turn your head to the right ... About sixty-five." is charted as right rotation', async () => {
    const d = await draft([
      ['clinician', 'Good. Turn your head to the right as far as you can. About sixty-five. Now to the left. Fifty.'],
      ['clinician', "Nine twenty-two, we're done. Turn left again for me. Sixty now."],
    ], { discipline: 'chiro', noteType: 'daily' });
    expect(said(d, 'objective')).toMatch(/Right rotation: 65°/);
    expect(said(d, 'objective')).toMatch(/Left rotation: 60° \(from 50°\)/);
  });
});

describe('denials of every question of the turn (DOMAIN.md 1.6: "ensure clinical negations are correct")', () => {
  it('"Nope, no locking. It hasn\'t given out." denies both questions, in words that read and stay in the negation', async () => {
    const d = await draft([
      ['clinician', 'Any locking or catching? Has it given way on you?'],
      ['patient', "Nope, no locking. It hasn't given out."],
      ['clinician', 'Knee flexion is a hundred and twenty-two degrees today.'],
    ], { noteType: 'daily' });
    expect(said(d, 'subjective')).toMatch(/Denies locking or catching, giving way\b/);
    expect(d.dropped).toEqual([]);
  });

  it('says what a participle asks about as a gerund', () => {
    expect(deniedContent('Has it given way on you?')).toBe('giving way');
    expect(deniedContent('Has the knee buckled?')).toBe('knee buckling');
    expect(gerund('locked')).toBe('locking');
    expect(gerund('squat')).toBe('squatting');
    expect(gerund('grip')).toBe('gripping');
  });

  it('an answer that says something positive denies only the question it answers', async () => {
    const d = await draft([
      ['clinician', 'Any locking or catching? Has it given way on you?'],
      ['patient', 'No, it gave way twice on the stairs.'],
      ['clinician', 'Knee flexion is a hundred and twenty-two degrees today.'],
    ], { noteType: 'daily' });
    expect(said(d, 'subjective')).not.toMatch(/denies[^.]*giving way/i);
    expect(said(d, 'subjective')).toMatch(/gave way twice/);
  });
});

describe('an SLP evaluation with a parent (DOMAIN.md 1.5: S history from the caregiver, O the exam, A the diagnosis)', () => {
  it('keeps "I understand maybe, um, half of what she says?" said mid-account as a report, not a question', async () => {
    const d = await draft([
      ['clinician', 'Mom, tell me a little about what brings you in.'],
      ['other', "Her preschool teacher says the other kids can't understand her. I understand maybe, um, half of what she says? Strangers, less."],
    ], { discipline: 'slp' });
    expect(said(d, 'subjective')).toMatch(/half of what she says/);
  });

  it('charts the oral mechanism exam in O and "she has a phonological disorder ... and an expressive language delay" in A', async () => {
    const d = await draft([
      ['clinician', 'I looked at her mouth: lips and tongue move well, no drooling, palate looks normal.'],
      ['clinician', 'So, she has a phonological disorder, the fronting and cluster reduction, and an expressive language delay.'],
    ], { discipline: 'slp' });
    expect(said(d, 'objective')).toMatch(/no drooling/);
    expect(said(d, 'assessment')).toMatch(/phonological disorder/);
  });
});

describe('an interpreter relays the patient (DOMAIN.md 1.5 S: the patient\'s report)', () => {
  it('charts what the interpreter says for the patient as the patient\'s report, never a caregiver\'s', async () => {
    const d = await draft([
      ['clinician', "Could you tell her I'll ask some questions first?"],
      ['other', "Of course. [speaks Spanish] She says good morning, and she's ready."],
      ['clinician', 'Pain right now, zero to ten?'],
      ['other', 'Four. After she walks a lot, seven.'],
      ['clinician', "And what's hardest for her right now?"],
      ['other', "She says the stairs. She lives on the third floor, there's no elevator."],
    ]);
    expect(said(d, 'subjective')).toMatch(/4\/10/);
    expect(said(d, 'subjective')).not.toMatch(/caregiver/i);
  });

  it('a family member who relays nothing stays a caregiver', async () => {
    const d = await draft([
      ['clinician', 'How has he been eating at home?'],
      ['other', 'He eats slowly, and he coughs with thin drinks at dinner.'],
    ], { discipline: 'slp' });
    expect(said(d, 'subjective')).toMatch(/^Caregiver reports/);
  });
});

describe('"My impression: ..." is the assessment (DOMAIN.md 1.5 A: skilled clinical reasoning)', () => {
  it('with a colon as well as with "is"', async () => {
    for (const said1 of ['So, my impression: moderate dysphonia related to bilateral vocal fold nodules and voice overuse.', 'My impression is moderate dysphonia related to bilateral vocal fold nodules and voice overuse.']) {
      const d = await draft([['clinician', said1]], { discipline: 'slp' });
      expect(said(d, 'assessment'), said1).toMatch(/moderate dysphonia/);
    }
  });
});

describe('through an interpreter, the English answer pairs with the English question (DOMAIN.md 1.6)', () => {
  it('"Any numbness?" - Spanish - Spanish - "No, none of that." is the patient denying numbness', async () => {
    const d = await draft([
      ['clinician', 'Three out of ten with a tight fist. Any numbness or tingling at the fingertip?'],
      ['other', '¿Siente entumecimiento u hormigueo en la punta del dedo?'],
      ['patient', 'No, nada de eso.'],
      ['other', 'No, none of that.'],
      ['clinician', 'And the night splint, is he still wearing it?'],
      ['other', '¿Todavía usa la férula de noche?'],
      ['patient', 'Sí, todas las noches.'],
      ['other', 'Yes, every night.'],
    ], { discipline: 'ot', noteType: 'progress' });
    const s = said(d, 'subjective');
    expect(s).toMatch(/Denies numbness or tingling at (?:the )?fingertip/);
    expect(s).not.toMatch(/caregiver/i);
    // the Spanish turns are not charted
    expect(Object.values(d.sections).flat().map((x) => x.text).join(' ')).not.toMatch(/nada|noches/i);
  });
});

describe('a rating of the symptom asked about (DOMAIN.md 1.5 S; never a pain rating the patient did not give)', () => {
  it('"How\'s the heaviness in the arm?" - "Maybe a three out of ten" is heaviness 3/10, not pain', async () => {
    const d = await draft([
      ['clinician', "How's the heaviness in the arm?"],
      ['patient', 'Maybe a three out of ten by the end of the day. It used to be a seven.'],
      ['patient', 'The sleeve finally fits, can you believe it.'],
    ], { discipline: 'ot', noteType: 'progress' });
    expect(said(d, 'subjective')).toMatch(/Heaviness 3\/10/);
    expect(said(d, 'subjective')).not.toMatch(/pain/i);
    expect(said(d, 'subjective')).toMatch(/sleeve/i);
  });
});

describe('a child\'s exclamations are not the report (FORMAT.md: small talk stays out)', () => {
  it('"Peppa! I want Peppa!" and "Más!" are left out; the caregiver\'s report is kept', async () => {
    const d = await draft([
      ['clinician', 'Can you ask Mom how mealtimes went this week?'],
      ['other', 'She says Sofia ate the rice crackers all week, but with chicken she still gags.'],
      ['patient', 'Peppa! I want Peppa!'],
      ['clinician', "Peppa after, sweetie. First crackers. Okay, it's ten past two, we're starting."],
      ['patient', 'Más!'],
    ], { discipline: 'slp', noteType: 'daily' });
    const all = Object.values(d.sections).flat().map((x) => x.text).join(' ');
    expect(all).not.toMatch(/Peppa|Más/);
    expect(said(d, 'subjective')).toMatch(/gags/);
  });
});

describe('a rating asked on a scale the question names (DOMAIN.md 2.4 "0-10 scale")', () => {
  it('"Zero to ten, those first steps in the morning?" - "First thing it\'s a seven" is 7/10', async () => {
    const d = await draft([
      ['clinician', 'Zero to ten, those first steps in the morning?'],
      ['patient', "First thing it's a seven. By lunch it kind of settles down to, I dunno, a three."],
    ]);
    expect(said(d, 'subjective')).toMatch(/7\/10[^.]*3\/10/);
  });

  it('"So my take: this is plantar fasciitis on the left" is the assessment', async () => {
    const d = await draft([['clinician', 'Good. So my take: this is plantar fasciitis on the left, driven by the jump in mileage and a tight calf.']]);
    expect(said(d, 'assessment')).toMatch(/plantar fasciitis/);
  });
});

describe('a feeding session observed (DOMAIN.md 1.5 O: observed data; SLP swallow and feeding measures)', () => {
  it('charts the open cup trial with its spill and where the puff was placed', async () => {
    const d = await draft([
      ['clinician', "I'm putting the puff on her back molars on the left and watching her tongue move it over. Good, she moved it. That's four out of five on the left side."],
      ['clinician', "Open cup, two ounces of water, I'm holding the cup with her. Some loss at the corners of the mouth, about a quarter of it spilled."],
    ], { discipline: 'slp', noteType: 'daily' });
    const o = said(d, 'objective');
    expect(o).toMatch(/Open cup, 2 ounces/);
    expect(o).toMatch(/quarter of it spilled/);
    expect(o).toMatch(/molars/);
  });
});

describe('an amount answered to a how-far, how-long or how-often question (DOMAIN.md 1.5 S: functional limitations, measurable)', () => {
  it('names the activity the question asked about', () => {
    expect(amountAsked('How far can you walk now?', 'Maybe 2 blocks.')).toBe('walking');
    expect(amountAsked('And how long is he sitting in the chair at a stretch?', 'Like 4 or 5 hours.')).toBe('sitting in the chair at a stretch');
    expect(amountAsked('How often are you doing the exercises?', 'Most days.')).toBe('exercises');
    expect(amountAsked('How long can you sit before it hurts?', 'Like 20 min.')).toBe('sitting before it hurts');
  });

  it('names nothing for another question, or an answer without an amount', () => {
    expect(amountAsked('How far did you drive to get here?', 'I have no idea.')).toBeNull();
    expect(amountAsked('How long has it been like that?', 'About 3 weeks.')).toBeNull();
    expect(amountAsked('How is the knee?', 'Maybe 2 blocks.')).toBeNull();
  });

  it('charts "Maybe two blocks." as walking 2 blocks, citing the question', async () => {
    const d = await draft([['clinician', 'How far can you walk now?'], ['patient', 'Maybe two blocks.'], ['clinician', 'How often are you doing the exercises?'], ['patient', 'Most days, like five days a week.']]);
    const s = d.sections.subjective;
    expect(s.find((x) => /2 blocks/.test(x.text))).toMatchObject({ text: 'Walking: 2 blocks.', evidence: ['u1', 'u2'] });
    expect(s.find((x) => /days\/week/.test(x.text))?.text).toBe('Exercises: most days, 5 days/week.');
  });
});

describe('a short rating the clinician says back on the 0-10 scale (DOMAIN.md 1.5 S: pain reports on the 0-10 scale; 1.6 negations)', () => {
  it('"It doesn\'t hurt much. Maybe a one." - "One out of ten." is pain 1/10, citing both', async () => {
    const d = await draft([['patient', "It doesn't hurt much. Maybe a one."], ['clinician', 'One out of ten. And how long is he sitting in the chair at a stretch?']]);
    expect(d.sections.subjective.find((x) => /1\/10/.test(x.text))).toMatchObject({ text: 'Pain 1/10.', evidence: ['u1', 'u2'] });
  });

  it('a short number the clinician does not say back stays unrated', async () => {
    const d = await draft([['patient', "It doesn't hurt much. Maybe a one."], ['clinician', 'Okay. And how long is he sitting in the chair at a stretch?']]);
    expect(said(d, 'subjective')).not.toMatch(/1\/10/);
  });
});
