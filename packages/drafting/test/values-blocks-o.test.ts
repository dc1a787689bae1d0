/**
 * Services, times and measures as said in visits the drafter had not seen (held-out set O), each
 * on a small transcript written for this file. Sources: DOMAIN.md 2.3 (97530 functional tasks;
 * 97010 hot/cold packs), 2.13 (98943 extraspinal CMT), 2.2 (start and stop clock times), 2.4 (an
 * outcome compared with its own baseline, never another measure's).
 */
import { describe, expect, it } from 'vitest';
import { clockRange, statedMinutes } from '../src/extract/clock.ts';
import { PLAN_CUE } from '../src/extract/cues.ts';
import { isItem } from '../src/extract/describe.ts';
import { normalizeClinical } from '../src/index.ts';
import { finish } from '../src/compose/prose.ts';
import { extractMeasures } from '../src/extract/measures.ts';
import { buildUnits } from '../src/extract/units.ts';
import { kindsIn } from '../src/lexicon/interventions.ts';
import { draftOf, entries, ledger, say } from './spoken.ts';

const kinds = (text: string, discipline: string) => kindsIn(text, discipline).map((k) => k.kind);

describe('services named in plain words (DOMAIN.md 2.3, 2.13)', () => {
  it('an errand run planned and walked through is a functional activity (97530)', () => {
    expect(kinds('Last thing is the errand run.', 'ot')).toEqual(['therapeutic_activity']);
    expect(ledger([
      "Last thing is the errand run. It's one fifteen. Plan the route on your phone, then we'll walk it through here.",
      "One thirty-eight, we're done. One error today, and no cues from me.",
    ], 'ot')).toEqual([['therapeutic_activity', '13:15', '13:38', 23]]);
  });

  it('"long-axis distraction on the right hip" by a chiropractor is extraspinal manipulation; "ice on the right SI for ten minutes" is a cold pack', () => {
    expect(kinds('Now the hip: long-axis distraction on the right hip, a few gentle tugs.', 'chiro')).toEqual(['cmt']);
    expect(kinds('Last thing, ice on the right SI for ten minutes while you rest.', 'chiro')).toEqual(['hot_cold_pack']);
    expect(kinds('At home, ice fifteen minutes twice a day.', 'chiro')).toEqual([]);
  });
});

describe('a block named first, then timed (DOMAIN.md 2.2)', () => {
  it('"I started at ten past four and finished at four twenty-one" is a clock range', () => {
    expect(clockRange('I started at 4:10 and finished at 4:21.')).toEqual(['16:10', '16:21']);
  });

  it('"Then soft tissue. I started at ... and finished at ..." times the soft tissue block, not the adjustment before it', () => {
    const out = entries([
      'Adjustments: diversified, supine rotary to C1-C2 on the right. So two regions, cervical and thoracic.',
      'Then soft tissue. I started at ten past four and finished at four twenty-one. Suboccipital release and trigger point pressure to the right levator.',
    ], 'chiro');
    expect(out.map((e) => [e.kindHint, e.startTime, e.stopTime, e.minutes])).toEqual([['cmt', null, null, null], ['manual_therapy', '16:10', '16:21', 11]]);
  });
});

describe('readings and their baselines (DOMAIN.md 2.4)', () => {
  const measures = () => extractMeasures(buildUnits(say([
    'Objective. Cervical rotation right sixty-two degrees, left seventy-four. Flexion-rotation test right thirty degrees, left forty-two. It was twenty-four on the right at intake.',
    'Post treatment, right rotation was seventy degrees.',
  ]), 'dictation'), 'chiro').map((m) => [m.name, m.value, m.baseline]);

  it('the flexion-rotation test is its own measure; its intake value is its baseline only', () => {
    const found = measures();
    expect(found).toContainEqual(['flexion-rotation test', '30°', '24']);
    expect(found).toContainEqual(['cervical rotation', '62°', null]);
  });

  it('"right rotation 70°" after treatment repeats "cervical rotation right 62°"', () => {
    expect(measures()).toContainEqual(['cervical rotation', '70°', '62°']);
  });
});

describe('a re-evaluation through play, and its plan (DOMAIN.md 2.3 97530; 1.8 plan)', () => {
  it('an obstacle course on stepping stones is a functional activity; "Let\'s watch him walk down the hall" is an observation, not gait training', () => {
    expect(kinds('Stomp on the stepping stones with your heels, big dinosaur stomps.', 'pt')).toEqual(['therapeutic_activity']);
    expect(ledger([
      "Let's watch him walk down the hall and back. I'm counting. Out of twenty steps, nine were toe strikes.",
      "Alright Mateo, dinosaur course. It's five past four, let's go. Stomp on the stepping stones with your heels.",
      'Last lap. Four twenty-one, done with the course. He did five laps, heel-first on the stepping stones for four of the five laps.',
    ])).toEqual([['therapeutic_activity', '16:05', '16:21', 16]]);
  });

  it('"I\'d like him fitted for night splints" is the plan', () => {
    expect(PLAN_CUE.test("I'd like him fitted for night splints, ankle-foot orthoses he wears while he sleeps.")).toBe(true);
  });
});

describe('an evaluation that ends in treatment (DOMAIN.md 2.2, 2.3 97112)', () => {
  it('"That took about three minutes to settle" and "down from about three minutes" are no treatment minutes; "gaze stability" is 97112', () => {
    expect(statedMinutes('That took about 3 min to settle.')).toBeNull();
    expect(statedMinutes('40 s to settle that time, down from about 3 min on the first set.')).toBeNull();
    expect(statedMinutes('Treadmill walking, 3 min.')).toBe(3);
    expect(kinds("Let's start some gaze stability now.", 'pt')).toEqual(['neuromuscular_reeducation']);
  });

  it('"heart rate one forty-two" is 142; "What I\'m seeing is ... the VOR" names no item', () => {
    expect(normalizeClinical('We stopped at minute nine, heart rate one forty-two.')).toBe('We stopped at minute 9, heart rate 142.');
    const units = buildUnits(say(["What I'm seeing is that your inner ear and your eyes aren't coordinating well, the VOR is the big one."]), 'ambient');
    expect(isItem(units[0]!, 'pt')).toBe(false);
  });
});

describe('a dictation with one block timed and one not (DOMAIN.md 2.2 clock times; 2.4 parameters; 2.7 vague)', () => {
  const dictated = [
    'Manual therapy, started at two oh five, finished at two seventeen. Scar massage and scar mobilization along the incision.',
    'Then therapeutic exercise, about fourteen minutes, um, hand strengthening and some putty. I didn\'t write the times down on that part.',
    'The exercise is for the grip goal, getting him to fifty pounds so he can use his woodworking tools.',
  ];

  it('"started at 2:05, finished at 2:17" times the manual therapy; the exercise after it is its own block of 14 minutes', () => {
    expect(ledger(dictated, 'ot', 'dictation')).toEqual([['manual_therapy', '14:05', '14:17', 12], ['therapeutic_exercise', null, null, 14]]);
  });

  it('the goal\'s target ("getting him to fifty pounds") is no parameter of the exercise', () => {
    const exercise = entries(dictated, 'ot').find((e) => e.kindHint === 'therapeutic_exercise');
    expect(exercise?.parameters).toEqual([]);
  });
});

describe('where a block\'s hands were (DOMAIN.md 2.5: 97124 and 97140 on distinct regions)', () => {
  it('"No redness or drainage from the incision" names no drainage done; a re-measure after the massage ("After, knee flexion was 118") adds no knee to it', () => {
    expect(kinds('No redness or drainage from the incision.', 'massage')).toEqual([]);
    expect(kinds("I'll start the drainage at the neck.", 'ot')).toEqual(['manual_therapy']);
    const out = entries([
      'Then massage, 97124, three twenty-one to three forty-five, different region, the left calf. Effleurage and petrissage to the gastroc and soleus.',
      'After, knee flexion was a hundred and eighteen degrees, and dorsiflexion with the knee straight went to ten degrees.',
    ], 'massage');
    expect(out[0]?.bodyRegions).toEqual(['calf']);
  });
});

describe('a child\'s two-word combinations (DOMAIN.md 2.3: 92507 language treatment, not 92526 swallowing)', () => {
  it('"daddy cracker" said by the child is a word combination; "Now a cracker, small bite" is a swallow trial', () => {
    expect(kinds('2-word combinations, 6 different ones: more cow, pig in, open bubble, daddy cracker.', 'slp')).not.toContain('swallowing_treatment');
    expect(kinds('Now a cracker, small bite.', 'slp')).toEqual(['swallowing_treatment']);
  });
});

describe('a dysphagia session (DOMAIN.md 2.3: 92526; 1.5 O: trials scored)', () => {
  it('"Five for five." scores trials as 5/5; pill practice in purée is a swallow trial', () => {
    expect(normalizeClinical('Five for five. No cough.')).toBe('5/5. No cough.');
    expect(normalizeClinical('Waiting for two weeks.')).toBe('Waiting for 2 weeks.');
    expect(kinds('Now pill practice with purée.', 'slp')).toEqual(['swallowing_treatment']);
  });

  it('"within an hour or so of his levodopa" keeps its end: "or so" joins no clause', () => {
    expect(finish('Try to have meals within an hour or so of his levodopa, when he is at his best.')).toMatch(/or so of levodopa/);
  });
});

describe('a second rating said on the scale of the first (DOMAIN.md 2.4 "pain ... 0-10 scale")', () => {
  it('"about a three out of ten at rest and it goes up to a five after she walks" is 3/10 and 5/10; "up to a five-minute walk" is no rating', () => {
    expect(normalizeClinical('Pain is about a three out of ten at rest and it goes up to a five after she walks out to the mailbox.')).toMatch(/3\/10 at rest and it goes up to a 5\/10 after/);
    expect(normalizeClinical('Pain 3/10 and she is up to a five minute walk.')).not.toMatch(/5\/10/);
  });
});

describe('a baseline never moves to another measure (DOMAIN.md 2.4; the verifier: no number without its source)', () => {
  it('"Semmes-Weinstein ... 3.61 now, ... they were 4.31 at the eval" gives wrist extension no baseline of 4.31', () => {
    const found = extractMeasures(buildUnits(say([
      'Wrist extension active was fifty degrees before treatment today.',
      'Semmes-Weinstein at the index and thumb tips is three point six one now, so still diminished light touch, but they were four point three one at the eval.',
    ]), 'dictation'), 'ot');
    expect(found.find((m) => m.name.includes('extension'))?.baseline ?? null).toBeNull();
  });
});

describe('a near-fall and gait on a surface (DOMAIN.md 1.5 S: falls history; 2.3 97116)', () => {
  it('"a close call on the bathroom rug ... caught myself" is history the budget keeps with "No falls"', async () => {
    const s = (await draftOf([
      ['clinician', 'Before we start, any falls since Tuesday?'],
      ['patient', 'No falls. I had a close call on the bathroom rug Sunday night, but I grabbed the sink and caught myself.'],
      ['clinician', 'Good call. Tandem stance, heel to toe, eyes open... four seconds.'],
      // small talk, as any visit has: the draft's share of words (FORMAT.md compression)
      ['patient', 'My daughter is driving me on Thursdays now that my car is in the shop, and she drives faster than I do.'],
      ['clinician', 'Ha, the parking lot was packed this morning too, the whole place is busy with the holiday coming up.'],
    ], { payer: { type: 'medicare' } })).sections.subjective.map((x) => x.text).join(' ');
    expect(s).toMatch(/close call on bathroom rug/);
  });

  it('"Down the hallway and onto the gravel mat, cane in the right hand" is gait training', () => {
    expect(kinds('Down the hallway and onto the gravel mat, cane in the right hand.', 'pt')).toEqual(['gait_training']);
  });
});

describe('a parent\'s report and the next target (DOMAIN.md 1.5 S: caregiver report; 1.8 plan)', () => {
  it('"Daycare noticed too. They said she\'s asking for things now instead of grabbing." is a report in S', async () => {
    const s = (await draftOf([
      ['clinician', "Eighty-five, wow. That's past our fifty-word goal."],
      ['other', 'Daycare noticed too. They said she\'s asking for things now instead of grabbing.'],
      ['clinician', 'Nice. The parking lot was packed this morning, did you two find a spot close to the door all right?'],
      ['other', 'We did, right by the entrance, and then we stopped for a coffee on the way in because the traffic was terrible again.'],
      ['clinician', 'That bridge has been under construction for months now, I take the back way past the library most mornings.'],
    ], { discipline: 'slp', noteType: 'progress' })).sections.subjective.map((x) => x.text).join(' ');
    expect(s).toMatch(/asking for things now instead of grabbing/);
  });

  it('"Next target is ten different two-word combinations" is the plan', () => {
    expect(PLAN_CUE.test('Next target is 10 different 2-word combinations, and starting some 3-word phrases.')).toBe(true);
  });
});
