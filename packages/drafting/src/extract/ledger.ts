/**
 * The intervention ledger: blocks of treatment with what was done, its kind, regions,
 * side, parameters, minutes and clock times, cues, purpose, goal link and outcome
 * (DOMAIN.md 2.4: exercise named with its parameters, start and stop time, the functional
 * goal connection sentence, an outcome against baseline; 97112 deficit first).
 *
 * A block opens at a spoken start time ("it's 10:05, let's start"), a range ("8:10 to
 * 8:18") or a new kind of intervention, and closes at a stop time, a stated duration
 * ("that was ten minutes on the shoulder") or the next block.
 */
import type { ServiceKind } from '@scribe/coding';
import { regionsIn } from '../lexicon/anatomy.ts';
import { kindsIn, UNTIMED_KINDS } from '../lexicon/interventions.ts';
import { testsIn } from '../lexicon/tests.ts';
import { clockRange, clockTimes, minutesBetween, statedMinutes } from './clock.ts';
import { ASSESSMENT_CUE, ASSIST_LEVEL, GOAL_LINK, PLAN_CUE, planByContext } from './cues.ts';
import { splitPurpose } from './describe.ts';
import { utteranceOf, type Unit } from './units.ts';

export interface Block {
  units: Unit[];
  kinds: { kind: ServiceKind; explicit: boolean; match: string }[];
  start: { time: string; said: string; uttId: string } | null;
  stop: { time: string; said: string; uttId: string } | null;
  minutes: number | null;
  minutesSaid: string | null;
  linkedGoal: { text: string; uttId: string } | null;
  /** Opened by a test announced as coming before treatment ("before we start I want your balance numbers"). */
  test?: boolean;
}

/**
 * Goal attainment said after the treatment ("both goals are met", "she reached all her goals"):
 * an assessment of status, not the goal connection of the block said last (DOMAIN.md 2.4).
 */
const GOAL_STATUS = /\b(?:goals? (?:is |are |was |were |has been |have been )?(?:now )?(?:all |both )?(?:partly |partially |fully )?(?:met|achieved|reached)|(?:met|achieved|reached) (?:both|all|each|his|her|their|your|the) (?:\w+ )?goals?)\b/i;

/** A sentence that moves on to the next piece of treatment. */
/** (also "Last thing, about six minutes: prone left hip extension": the last block announced with its length) */
const NEXT_BLOCK = /^(?:(?:okay|ok|alright|good)[,.]?\s+)?(?:(?:one more thing|last thing|lastly|finally)[,.]?\s+)?(?:now|next|then|moving|switching|let's (?:do|move|switch|go|start|walk|try)|over to|on to)\b|^(?:(?:okay|ok|alright|good)[,.]?\s+)?(?:one more thing|last thing|lastly|finally)[,.]?\s+(?:about |around )?\d+ min\b/i;
const STOP_CUE = /\b(?:that's|that is|that was|stop|done|finished|so \d+ min|\d+ min (?:of|on))\b/i;
const START_CUE = /\b(?:let's|let us|start|starting|begin|now|next|over to|go|going to|first|last thing|then)\b/i;
/** Parameters as written in a note: doses, loads, positions, surfaces. */
export const PARAM = /\b\d+ [a-z]+(?: [a-z]+)? each (?:side|way|direction|leg|arm)\b|\b\d+ (?:\w+ )?(?:trials|sips|bites)\b|\b\d+x\d+(?: s)?(?: each side| each)?|\beyes[- ](?:open|closed)|\b(?:firm|soft|uneven|compliant) surface|\b(?:anterior|posteromedial|posterolateral|medial|lateral) (?:and \w+ )?(?:reach|directions?)|\b\d+(?:\.\d+)?(?:-lb| lb)(?: \w+ weight)?|\b(?:green|red|yellow|blue|black|orange|purple) band|\b\d+ (?:rounds?|runs|tries|attempts|passes(?: each)?|lengths?|laps?|steps?|reps?|repetitions|trials|sips|cuts|of each|times|min)\b|\b\d+ (?:\w+ )?(?:beads|snakes|pegs|blocks|cones|cards|items|objects|sentences|phrases|words|feet|ft|meters|yards|reaches|roads|circles|shapes|letters|buttons|taps|messages|ahs)\b|\b\d+ each\b|\bgrade (?:[1-5]|I{1,3}V?|IV|V)\b|\b\d+ s\b|\beyes (?:open|closed)|\bon (?:the )?foam(?: pad)?|\b(?:light|medium|firm|deep) pressure|\bheel to toe|\bprone|\bsupine|\bside-lying|\bstanding|\bseated/gi;
const PARAM_TEST = /\b\d+ [a-z]+(?: [a-z]+)? each (?:side|way|direction|leg|arm)\b|\bgrade (?:[1-5]|I{1,3}V?|IV|V)\b|\d+x\d+|\b\d+ (?:\w+ )?(?:trials|sips|bites)\b|\d+(?:\.\d+)?(?:-lb| lb)\b(?![^.]*\bgrip)|\b\d+ (?:rounds?|runs|tries|attempts|passes|lengths|laps|reps|of each|sentences|phrases|words|beads|feet)\b/i;
const NOTE_OPENING = /^(?:[A-Za-z-]+ ){0,3}(?:daily |progress |treatment |session )?(?:note|evaluation|re-?evaluation|discharge summary)\b|^(?:[A-Za-z-]+ ){0,2}[A-Za-z-]+,?\s+(?:session|visit) (?:number )?\d+\b|^(?:occupational|physical|speech(?:-language)?|chiropractic|massage) therapy (?:for|to address|focused on|targeting)\b/i;
/** How the patient arrived ("Came in with his wife, walking with the quad cane"): a report, not a service given. */
/** "Injury seven weeks ago carrying a dresser down a flight of stairs": how it happened, not a service given. */
const MECHANISM = /\b(?:injur(?:y|ed)|hurt (?:it|his|her|my) \w+|onset|accident)\b[^.]*\b(?:ago|last (?:week|month|year))\b|\b\d+ (?:days?|weeks?|months?|years?) ago\b[^.]*\b(?:carrying|lifting|moving|playing|running|slipped|fell|tripped)\b/i;
const ARRIVAL = /^(?:(?:he|she|they|(?:the )?patient) )?(?:came in|comes in|arrived|arrives|walked in(?:to)?|presents?|presented)\b/i;
/** A goal sentence said for more than the block it follows: "Both of those are to ...", "All of this is for ...". */
const BOTH = /\b(?:both|all) of (?:those|these|this|them|that)\b|\bboth (?:blocks|of these)\b/i;
/** "She's discharged from skilled voice therapy": the episode's end, not part of the treatment said before it. */
const DISCHARGED = /\bdischarg\w*\b/i;
/** Talk about payment, paperwork or discharge ("discharged from skilled voice therapy") names a service without delivering it. */
const ADMIN = /\b(?:pay|paid|insurance|prescription|referral|referred (?:by|from)|claim|covered|coverage|bill(?:ed|ing)?|authoriz\w*|carrier|adjuster|(?:medical|massage|therapy|insurance|plan) benefits?|employer plan|discharged? from|discharging (?:\w+ )?from)\b/i;
/** "Tell her ...", "Can you explain to him ...": words for an interpreter or family member to pass on. */
const RELAY_TO = /^(?:(?:can|could) you |please )?(?:tell|ask|explain to|let) (?:her|him|them)\b(?! (?:hold|do|try|lift|carry|walk|stand|sit|rest|reach|push|pull))/i;
/** How many times it was done: "5 log rolls each side", "3x10", "10 reps" (not a reading in pounds or degrees). */
const REPS_DONE = /\b\d+ [a-z]+(?: [a-z]+)? each (?:side|way|direction|leg|arm)\b|\b\d+x\d+\b|\b\d+ (?:reps|repetitions|rounds?|times|laps|trials)\b/i;
/** Skilled input said during a block: cues, facilitation, progression. */
export const CUE = /\b(?:cue\w*|cuing|keep|shift|slow|squeeze|don't|tactile|manual contact|facilitat\w*|feedback|progress(?:ed)? (?:him|her|you|patient)|advance|use the|try|weight over|let the|guid(?:e|es|ed|ing)|tapping|pointing (?:to|where|at)|remind\w*|hand[- ]over[- ]hand|demonstrat\w*|model(?:ed|ing)|in first|first\b(?=,| then)|corrected|stabiliz\w*)\b/i;

function spokenTime(text: string, index: number): string {
  return /\d{1,2}:\d{2}/.exec(text.slice(index))?.[0] ?? '';
}

/**
 * The stop of the last closed block when `b` began in the same turn or the next one: "It's 10:54,
 * twelve minutes of balance. Now sit-to-stand ..."; "3:08. That's 28 minutes on the hip. Now onto
 * your stomach ... myofascial release". Such a block starts at that stop time.
 */
function stopBefore(b: Block, blocks: Block[], stoppedAt?: { time: string; minutes: number | null }): Block['stop'] {
  const last = blocks[blocks.length - 1];
  const stopUnit = last?.stop ? last.units.find((x) => x.uttId === last.stop?.uttId) : undefined;
  const gap = (b.units[0]?.uttIndex ?? -9) - (stopUnit?.uttIndex ?? -99);
  // ... or later, when the minutes said at this block's stop are the time since that one stopped
  // ("4:50, that was 10 min of mobs." ... "4:57, so 7 min on that": DOMAIN.md 2.2 start and stop times)
  const fits = !!last?.stop && !!stoppedAt && stoppedAt.minutes !== null && gap > 1 && gap <= 4 && minutesBetween(last.stop.time, stoppedAt.time) === stoppedAt.minutes;
  return stopUnit && (gap === 0 || gap === 1 || fits) ? last?.stop ?? null : null;
}

function newBlock(): Block {
  return { units: [], kinds: [], start: null, stop: null, minutes: null, minutesSaid: null, linkedGoal: null };
}

export const CMT_REGIONS: ReadonlySet<string> = new Set(['cervical', 'thoracic', 'lumbar', 'sacral', 'pelvic']);

/** A sentence naming a spinal CMT region (segment, region word, sacrum, pelvis): part of the adjustment. */
function isSpinalOnly(text: string): boolean {
  return regionsIn(text).some((r) => CMT_REGIONS.has(r.region));
}

/** Group clinician sentences into treatment blocks. */
/**
 * The service kinds an utterance names for what is being done. A purpose is not the activity
 * ("... for quad strength toward stairs"), except when the activity names no service and the
 * purpose names the kind of work: "We're at the kitchen counter for balance work".
 */
function blockKinds(text: string, discipline?: string) {
  // "Moist heat ..., before the adjustment": another service named as a point in time is not this one
  const { activity, purpose } = splitPurpose(text.replace(/\b(?:before|after|prior to|following) (?:the |your |his |her )?(?:adjust\w*|manipulation\w*|massage|exercises?|treatment)\b/gi, ''));
  const kinds = kindsIn(activity, discipline);
  if (kinds.length || !purpose) return kinds;
  const work = /\bfor (?:some |a bit of |more )?((?:\w+ ){0,2}(?:work|training|retraining|practice|drills?|exercises?))\b/i.exec(purpose);
  return work ? kindsIn(work[1]!, discipline) : kinds;
}

/** A measure taken again: "let's see that single-leg stance again", "let me recheck the reach". */
const RECHECK = /\bagain\b|\bre-?check\w*|\bre-?test\w*|\bre-?measure\w*/i;

/** "after the stretch", "following the massage": when a reading was taken, not a service given. */
const AFTER_TREATMENT = /\b(?:after|following|post)[- ](?:the |that |this |your |his |her )?[a-z-]+(?= (?:is|was|are|were|at|to|of|now)\b| -?\d)/gi;

export function findBlocks(units: Unit[], discipline?: string): Block[] {
  const blocks: Block[] = [];
  let open: Block | null = null;
  let pendingNew = false;
  // a test said before treatment, never timed, is a measurement, not a block
  const close = () => { if (open && (open.kinds.length || open.start) && !(open.test && !open.start && open.minutes === null)) blocks.push(open); open = null; };
  let testSaidAt = -9;
  let closedAt: { uttId: string; rechecking: boolean } | null = null;
  for (const u of units) {
    if (u.speaker !== 'clinician' || u.isQuestion) continue;
    const text = u.text;
    // "shoulder strengthening performed, about twelve minutes, ... per her goal" charts a service: not a link only
    // "Now some balance work for the new goal, walking safely at home": a service announced with its goal opens its block
    const announces = GOAL_LINK.test(text) && /^(?:(?:okay|ok|alright|so)[,]?\s+)?(?:now|next|then)\b/i.test(text) && blockKinds(text, discipline).length > 0;
    // ("That's building toward the 300 feet with a cane": a number inside the goal is the goal's, not a dose)
    const goalAt = GOAL_LINK.exec(text)?.index ?? -1;
    const linkOnly = goalAt >= 0 && !PARAM_TEST.test(text.slice(0, goalAt)) && !(goalAt > 0 && PARAM_TEST.test(text) && !/^(?:(?:so|and|okay),?\s+)?(?:that's|that is|this is|it's|that|this)\b/i.test(text))
      && !clockTimes(text).length && statedMinutes(text) === null && !announces
      // ("Frank, come watch, this part is home management training for both of you.": the service named, said with whom it is for)
      && !(kindsIn(text, discipline).some((k) => k.explicit) && !/\bgoals?\b/i.test(text));
    // a test's result, or a probe of stimulability, is a measure, not a treatment item
    // "Buttons: 2 of 3 with cues" after the block's stop time: its result, not a new block (untimed SLP items excepted)
    const resultOnly = discipline !== 'slp' && !open && !clockTimes(text).length
      // "He did five laps, heel-first on the stepping stones for four of the five": how it went, after the block closed
      // ("Gait training with the axillary crutches, partial weight bearing 50%": a service named with its load is an item)
      && ((/\b\d+ of \d+\b|\d+[+-]?\/\d+|\d+%/.test(text) && !PARAM_TEST.test(text) && !kindsIn(text, discipline).some((k) => k.explicit)) || /^(?:he|she|they|you|(?:the )?patient) (?:did|made|managed|completed)\b/i.test(text)
        // "So: ... propulsion down from 150 to 60 feet, and transfers from supervision to min assist": the change found, not a service
        || (/\b(?:up|down) from \S+ to \S+/i.test(text) && !/\d+x\d+/.test(text) && !kindsIn(text, discipline).some((k) => k.explicit))
        // "At the start he managed 40 feet ... By the end, 150 feet ..., and the 10 stairs with supervision": how the block went
        || (/^(?:at the start|by the end|at the end|afterwards?|after that)\b/i.test(text) && (/\d/.test(text) || ASSIST_LEVEL.test(text)))
        // "On the first ones she needed my hand at her shoulder ..., and by the end verbal cues only": how the help given changed
        || /\b(?:on the first (?:ones?|tries|reps?|rounds?)|at first|at the start)\b[^.]*\bby the end\b/i.test(text)
        // "Bed to chair transfer: he needed minimal assist today": the level found, before any treatment
        || (/\b(?:he|she|they|(?:the )?patient) (?:needed|required)\b[^.]*\b(?:assist\w*|supervision|contact guard)\b/i.test(text) && !PARAM_TEST.test(text)));
    // "Before we started, five buttons took her 5 min 20 s": a task timed outside treatment is a measure
    // (a test of function), not treatment time; within or after a block it is the block's outcome
    const timedTask = !open && !GOAL_LINK.test(text) && /\btook (?:(?:her|him|them|the patient) )?(?:about )?\d+(?:\.\d+)? (?:min|s)\b/i.test(text);
    const measureOnly = resultOnly || (testsIn(text).length > 0 && /\d/.test(text) && !PARAM_TEST.test(text) && !clockRange(text)) || /\bstimulab\w*/i.test(text) || timedTask;
    // "What I'm seeing is that ... the VOR is the big one": the clinician's impression names no service given
    // ("You've met all three goals: fifty pounds ..., five minutes of kneeling": the goals' status, with their numbers, neither)
    // ... nor goals being set ("For goals, I'm writing down: in 4 weeks, getting up from a regular chair ...", "New goals for 8 weeks: ...")
    const goalsMet = (/\b(?:have|has|'ve|'s) (?:now )?(?:met|achieved|reached)\b[^.!?]{0,20}\bgoals?\b/i.test(text)
      || /^(?:(?:so|okay|and),?\s+)?(?:for (?:the |your |his |her )?goals|(?:new |short-term |long-term |updated )?goals?(?: for (?:the next )?\d+ weeks)?:|(?:the |your |his |her )?(?:new )?goals? (?:are|will be)\b)/i.test(text)) && !clockTimes(text).length;
    // ("Extraspinal adjustment to the TMJ ..., well tolerated.": a service with how it was tolerated is still the service)
    // ("Five performance areas involved: dressing, bathing, meal prep, ...": the areas the evaluation found, not treatment)
    const deficitOnly = goalsMet || (/\bdeficits?\b|\b(?:is|are|it's) limiting\b|^(?:so,?\s+)?what (?:I'm|I am) seeing\b|\bperformance (?:areas?|deficits?)\b|\bareas? (?:involved|affected)\b/i.test(text)
      || ASSESSMENT_CUE.test(text.replace(/,\s*(?:and\s+)?(?:well |poorly )?tolerated(?: well)?\s*[.!]?$/i, ''))) && !PARAM_TEST.test(text) && !clockTimes(text).length;
    // "Massage therapy note, visit 3, referred by ...", "Occupational therapy for handwriting and fine motor ADLs": the note's opening names the service, it does not deliver it
    // "Says stairs are the hardest thing": a report of function names no service given
    // "Tell her the ankle is stiff ... that's why the stairs are hard": a message passed on (by an interpreter or family) names no service
    const admin = (ADMIN.test(text) || NOTE_OPENING.test(text) || ARRIVAL.test(text) || MECHANISM.test(text) || RELAY_TO.test(text) || /^(?:(?:she|he|they|(?:the )?patient) )?(?:says|said|reports|states|stated|denies|complains|told (?:me|us))\b/i.test(text)) && !PARAM_TEST.test(text) && !INDEPENDENT.test(text);
    // getting ready to examine ("Shoes and socks off, I want to measure the ankle") is not treatment
    const setup = /^(?:I|we) (?:have|'ve got|got)\b|^here(?:'s| is| are) (?:your|the) (?:home|handout|sheet|paper|program)|\b(?:shoes?|socks?|shirt|jacket|coat|brace|boot|sling)s? (?:and (?:\w+ )?\w+ )?off\b|\b(?:let me|let's|I want to|I'd like to|wants? to) (?:measure|check|test|re-?test|re-?measure|look at|examine|watch)\b|\bbefore (?:we|I) (?:start|begin)\b|^let (?!me\b|us\b|'s\b|the\b|your\b|it\b)[A-Z][a-z]+ (?:carry|do|help|take|handle|lift)\b/i.test(text) && !PARAM_TEST.test(text);
    if (setup && /\b(?:measure|check|test|numbers|baseline|before (?:we|I) (?:start|begin))\b/i.test(text)) testSaidAt = u.uttIndex;
    // "Flexion after the stretch is 126": a treatment named as the time of a reading is not done again
    const kinds = linkOnly || measureOnly || deficitOnly || admin || setup ? [] : blockKinds(text.replace(AFTER_TREATMENT, ''), discipline);
    const range = clockRange(text);
    const times = clockTimes(text);
    const stated = statedMinutes(text);
    // "Therapeutic activity, 13 minutes: ..." charts a service done today, whatever plan word it holds
    const charted = stated !== null && kinds.some((k) => k.explicit);
    // ("... is for his goal of getting in and out of the car, so he can get to church and his follow-up appointments":
    // a plan word inside the goal a service is for is the goal's, not a plan)
    const planWord = PLAN_CUE.exec(text);
    const goalFirst = (linkOnly && !!planWord && (GOAL_LINK.exec(text)?.index ?? Infinity) < planWord.index) || announces;
    const plan = (u.header === 'plan' && !(u.headerCarried && (times.length > 0 || stated !== null))) || (!!planWord && !goalFirst && !clockTimes(text).length && !charted) || planByContext(units, u);
    // a header said earlier in a dictation ("So assessment: ...") does not hold for treatment dictated after it
    // ... but under a carried "Subjective:", "He is doing jogging and passing drills with the team" is his report, not a service
    const reportedWork = u.header === 'subjective' && !PARAM_TEST.test(text) && !kinds.some((k) => k.explicit);
    const carriedOver = u.headerCarried && ((kinds.length > 0 && !reportedWork) || times.length > 0 || stated !== null || open !== null);
    if (u.header && !u.headerCarried && u.header !== 'objective') close();
    if (plan || ((u.header === 'assessment' || u.header === 'subjective') && !carriedOver)) continue;
    // "Individual session from 9:00 to 9:45.": the visit's own span, not a treatment block
    if (range && !kinds.length && /\b(?:session|visit|appointment)\b/i.test(text) && !PARAM_TEST.test(text)) continue;
    if (range) {
      // "Then soft tissue. I started at 4:10 and finished at 4:21.": the block just named, nothing done in it yet, is the one timed
      const named = open as Block | null;
      // ("Then soft tissue." - "Myofascial release ..., start 10:12, stop 10:25": the same kind of work, named again with its technique)
      if (named && !named.start && !named.stop && named.minutes === null && named.kinds.length && !named.test && kinds.every((k) => named.kinds.some((c) => c.kind === k.kind)) && !UNTIMED_KINDS.has(mainKind(named))
        && named.units.every((x) => !PARAM_TEST.test(x.text) && !clockTimes(x.text).length) && u.uttIndex - (named.units[named.units.length - 1]?.uttIndex ?? -9) <= 1) {
        const second = times[1];
        named.start = { time: range[0], said: spokenTime(text, 0), uttId: u.uttId };
        named.stop = { time: range[1], said: second ? spokenTime(text, second.index) : '', uttId: u.uttId };
        const span = minutesBetween(range[0], range[1]);
        named.minutes = stated !== null && fitsSpan(stated, span) ? stated : span;
        named.minutesSaid = stated !== null && fitsSpan(stated, span) ? u.uttId : null;
        named.units.push(u);
        named.kinds.push(...kinds);
        continue;
      }
      // "started neuromuscular re-education at 9:46 ... Then therapeutic activity from 9:53 to 10:24":
      // the block begun with only a start ends where the next, said to follow it, begins
      const prior = open as Block | null;
      if (prior?.start && !prior.stop && prior.minutes === null && /^(?:and )?(?:then|next|after that|followed by)\b/i.test(text)) {
        prior.stop = { time: range[0], said: spokenTime(text, 0), uttId: u.uttId };
        prior.minutes = minutesBetween(prior.start.time, range[0]);
      }
      close();
      const b: Block = newBlock();
      b.start = { time: range[0], said: spokenTime(text, 0), uttId: u.uttId };
      const second = times[1];
      b.stop = { time: range[1], said: second ? spokenTime(text, second.index) : '', uttId: u.uttId };
      // minutes said with a range are the block's direct time when they fit inside it (rest left out);
      // far fewer than the range holds ("1:30 to 1:47 ... putty, two minutes") they are a dose
      const span = minutesBetween(range[0], range[1]);
      const direct = stated !== null && fitsSpan(stated, span) ? stated : null;
      b.minutes = direct ?? span;
      b.minutesSaid = direct !== null ? u.uttId : null;
      b.units.push(u);
      b.kinds.push(...kinds);
      open = b;
      continue;
    }
    // "It's 9:07. Starting your balance retraining now.": the test said before it was not the treatment
    if (times.length && open && (open as Block).test && !(open as Block).start
      && /\bstart(?:ing)?\b|\blet's (?:start|begin)\b|\bbegin(?:ning)?\b/i.test(utteranceOf(units, u))) open = null;
    const cur = open as Block | null;
    if (times.length) {
      const t = times[0] as { time: string; index: number };
      const said = spokenTime(text, t.index);
      // "It's 9:20, so eighteen minutes on dressing": minutes that match the span from the last block's
      // start make this its stop, even when a shorter task time ("nine minutes start to finish") closed it
      const last = blocks[blocks.length - 1];
      if (!cur && !range && stated !== null && last?.start && !last.stop && minutesBetween(last.start.time, t.time) === stated) {
        last.stop = { time: t.time, said, uttId: u.uttId };
        last.minutes = stated;
        last.minutesSaid = u.uttId;
        last.units.push(u);
        continue;
      }
      // "11:38, that was 6 min on the splint" after "from now until 11:38 I'll fit the splint": the block just closed, said again
      if (!range && last?.stop && last.stop.time === t.time && stated !== null && stated === last.minutes && (!cur || (!cur.start && !cur.minutes))) {
        last.units.push(u);
        open = null;
        continue;
      }
      // ("Now it's 4:12." after the adjustments: the time said to start what comes next)
      const bareTime = /^\s*(?:(?:okay|ok|alright|so|now),?\s+)*(?:it's |it is )?\d{1,2}:\d{2}\s*[.,]?\s*$/i.test(text);
      // ("From now until about 11:38 I'll fit the splint": a time said after "until" is when the block ends)
      const stops = STOP_CUE.test(text) || bareTime || stated !== null || /\b(?:until|till)\s+(?:about\s+|around\s+)?$/i.test(text.slice(0, t.index));
      // "It's 4:08. Now instrument-assisted soft tissue ...": after untimed work (CMT, a pack) a bare time starts the next block
      const nextUnit = units[u.idx + 1];
      // a block begun right as the last one stopped has that start, so a bare time now is its stop
      const inherits = !!cur && !cur.start && !!stopBefore(cur, blocks) && !UNTIMED_KINDS.has(mainKind(cur));
      // ("That's T6-7 and T2-3, one region." - "It's 4:12, I'm starting the soft tissue.": a timed service started by the clock after untimed work)
      const timedAfterUntimed = !!cur && !cur.start && UNTIMED_KINDS.has(mainKind(cur)) && kinds.some((k) => !UNTIMED_KINDS.has(k.kind));
      const startsNext = timedAfterUntimed || bareTime && !cur?.start && !inherits && (UNTIMED_KINDS.has(cur ? mainKind(cur) : 'unknown') || !!cur?.units.some((x) => INDEPENDENT.test(x.text)) || (nextUnit?.uttId === u.uttId
        && (/^(?:now|next|then|let's|okay)\b/i.test(nextUnit.text) || kindsIn(nextUnit.text, discipline).some((k) => !cur?.kinds.some((c) => c.kind === k.kind)))));
      if (cur && !cur.stop && (cur.start || cur.kinds.length) && !startsNext) {
        // an activity just announced (this utterance or the one before), nothing done yet
        // (only others spoke since: "Today we start a walk-jog program." - "Got it." - "It's 10:32. Treadmill.")
        const lastSaid = cur.units[cur.units.length - 1]?.uttIndex ?? -9;
        const nothingYet = cur.units.every((x) => !PARAM_TEST.test(x.text)) && (!cur.kinds.length || !cur.start)
          && (u.uttIndex - lastSaid <= 1 || (new Set(cur.units.map((x) => x.uttIndex)).size === 1 && u.uttIndex - lastSaid <= 3
            && units.every((x) => x.uttIndex <= lastSaid || x.uttIndex >= u.uttIndex || x.speaker !== 'clinician')))
          && !cur.units.some((x) => INDEPENDENT.test(x.text));
        if (nothingYet && !(stops && !bareTime) && !(cur.start && stops)) {
          // "Now the lifting practice. It's 2:40." / "1:19. Now the salon stuff. 1:20, let's go": the block starts now
          cur.start = { time: t.time, said, uttId: u.uttId };
          cur.units.push(u);
          continue;
        }
        if (cur.start || stops) {
          cur.stop = { time: t.time, said, uttId: u.uttId };
          const inherited = cur.start ? null : stopBefore(cur, blocks, { time: t.time, minutes: stated });
          if (inherited) cur.start = { ...inherited };
          cur.units.push(u);
          if (stated !== null && cur.minutes === null) { cur.minutes = stated; cur.minutesSaid = u.uttId; }
          if (!cur.kinds.length) cur.kinds.push(...kinds);
          if (cur.start) {
            // minutes said inside a block timed by the clock ("It's 2:10 ... stretch, five minutes ... 2:26")
            // are its time only when they fit the span, as with a range; otherwise they were a dose
            const span = minutesBetween(cur.start.time, t.time);
            if (cur.minutes === null || !fitsSpan(cur.minutes, span)) { cur.minutes = span; if (span !== null) cur.minutesSaid = null; }
          }
          close();
          closedAt = { uttId: u.uttId, rechecking: false };
          // "It's 2:24. Moving to the left hip now ...": the time that ends one block starts the next
          const next = units[u.idx + 1];
          if (bareTime && next?.uttId === u.uttId && NEXT_BLOCK.test(next.text)) {
            open = newBlock();
            open.start = { time: t.time, said, uttId: u.uttId };
            open.units.push(u);
            continue;
          }
          if (stops && !/^(?:now|next|then|last thing)\b|let's|over to/i.test(text.slice(t.index))) continue;
          if (!START_CUE.test(text)) continue;
        }
      }
      close();
      const b: Block = newBlock();
      b.start = { time: t.time, said, uttId: u.uttId };
      b.units.push(u);
      b.kinds.push(...kinds);
      open = b;
      continue;
    }
    // "One twenty-four. Let's see that single-leg stance on the right again. Five seconds. Up from three at the start of the
    // session.": a recheck said in the turn that stopped a block, before anything new starts, is that block's result (a
    // measure), never an item of the next block
    if (!open && closedAt && closedAt.uttId === u.uttId && !times.length && (RECHECK.test(text) || (closedAt.rechecking && (/^\d/.test(text.trim()) || /^(?:up|down) from\b/i.test(text.trim()))))) {
      closedAt.rechecking = true;
      continue;
    }
    // "Therapeutic massage ..., prone. Twenty-eight minutes.": a duration said alone right after the item, in the same turn, is its time
    if (stated !== null && !times.length && cur && !cur.start && cur.minutes === null && cur.units[cur.units.length - 1]?.uttId === u.uttId
      && /^(?:about |around |roughly |approximately )?\d+ min\b/i.test(text.trim())) {
      cur.minutes = stated;
      cur.minutesSaid = u.uttId;
      cur.units.push(u);
      continue;
    }
    // "It's 2:17. Twelve minutes of exercise.": a duration said right after a block closed restates that block
    const target: Block | undefined = cur ?? blocks[blocks.length - 1];
    // "10:54. That's 34 min on transfers.": the work named with a block's own minutes names that block
    const restates = !kinds.some((k) => !target?.kinds.some((c) => c.kind === k.kind)) || (!!target && !target.kinds.length && target.minutes === stated);
    // "Fitting, adjustments and wear and care training took about 25 minutes.": the block's own time (not "took her 5 min 20 s")
    if (stated !== null && (/\b(?:that's|that is|that was|so|total)\b|\d+ min (?:of|on)\b/i.test(text) || (!!cur && /\btook (?:about |roughly |around )?\d+ min\b(?! \d)/i.test(text))) && restates) {
      if (target && target.minutes === null) {
        target.minutes = stated;
        target.minutesSaid = u.uttId;
        target.units.push(u);
        if (!target.kinds.length) target.kinds.push(...kinds);
      } else if (target && target.minutes === stated && !/\btotal\b/i.test(text)) {
        // "that's the fifteen minutes of myofascial release": a repeat of the stated time, or the
        // minutes of a block timed by the clock said aloud ("10:54. That's 34 min on transfers.")
        target.units.push(u);
        target.minutesSaid ??= u.uttId;
        if (!target.kinds.length) target.kinds.push(...kinds);
      }
      if (cur) close();
      continue;
    }
    // "24 min therapeutic activity. 16 min therapeutic exercise.": minutes said for a service already charted belong to its block
    const named = kinds.find((k) => k.explicit);
    const known = named && stated !== null ? [...blocks, ...(cur ? [cur] : [])].find((b) => mainKind(b) === named.kind) : undefined;
    if (known && stated !== null) {
      if (known.minutes === null || !known.start) { known.minutes = stated; known.minutesSaid = u.uttId; }
      if (known.minutes === stated) known.units.push(u);
      continue;
    }
    // untimed SLP work: each new target or consistency ("Now the straw, 5 sips") is its own block
    const newSlpItem = discipline === 'slp' && cur && !cur.start && kinds.length > 0
      && (pendingNew || /^(?:now|then|next|start with)\b/i.test(text) || (PARAM_TEST.test(text) && cur.units.some((x) => PARAM_TEST.test(x.text))));
    pendingNew = discipline === 'slp' && !kinds.length && /^(?:now|then|next|start with|let's (?:do|try|start))\b/i.test(text);
    if (kinds.length && newSlpItem) {
      close();
      const b: Block = newBlock();
      b.units.push(u);
      b.kinds.push(...kinds);
      open = b;
      continue;
    }
    if (kinds.length) {
      const lead = kinds[0]?.kind;
      // "Therapeutic activity, 9:05 to 9:38, 33 min." then its items: a service named with its times heads what is dictated under it
      // ... and so does one named in the sentence before, in the same breath ("Gait training with the crutches, PWB 50%. Three-point gait, then 10 stairs.")
      const header = !!cur && cur.units.length === 1 && cur.kinds.some((c) => c.explicit) && !kinds.some((k) => k.explicit)
        && (cur.stop !== null || cur.units[0]?.uttId === u.uttId) && u.uttIndex - (cur.units[0]?.uttIndex ?? -9) <= 1;
      // "Now let's practice joint protection. Open this jar ... Carry the bag over your forearm ...": what is shown
      // in the turn that opened a block, before any time or dose, is that block's content, not a new service
      const sameTurn = !!cur && !cur.start && cur.minutes === null && cur.units[0]?.uttId === u.uttId && !kinds.some((k) => k.explicit)
        && !NEXT_BLOCK.test(text) && cur.units.every((x) => !PARAM_TEST.test(x.text));
      const same = cur && (cur.kinds.length === 0 || cur.kinds.some((c) => c.kind === lead) || (cur.start !== null && !cur.stop) || header || sameTurn);
      // "... training took about 25 minutes. Wear it for lifting and at night. With the orthosis on she lifted ...": the
      // service its minutes were just said for goes on being described, so it is the same block, never a second one
      const last = blocks[blocks.length - 1];
      const resumes = !cur && !!last && !last.start && last.minutesSaid !== null && mainKind(last) === lead && stated === null && !times.length
        && u.uttIndex - (last.units[last.units.length - 1]?.uttIndex ?? -9) <= 2;
      if (resumes && last) {
        open = blocks.pop() ?? null;
        last.units.push(u);
        last.kinds.push(...kinds);
      } else if (cur && same) {
        cur.units.push(u);
        cur.kinds.push(...kinds);
        if (stated !== null && cur.minutes === null) { cur.minutes = stated; cur.minutesSaid = u.uttId; }
      } else {
        close();
        const b: Block = newBlock();
        b.units.push(u);
        b.kinds.push(...kinds);
        if (stated !== null) { b.minutes = stated; b.minutesSaid = u.uttId; }
        if (u.uttIndex - testSaidAt <= 1) b.test = true;
        if (announces) b.linkedGoal = { text: u.text, uttId: u.uttId };
        open = b;
      }
      continue;
    }
    if (cur && !measureOnly && !(admin && DISCHARGED.test(text))) {
      if (cur.kinds.some((k) => k.kind === 'cmt') && !isSpinalOnly(text) && !GOAL_LINK.test(text)) continue;
      cur.units.push(u);
      if (linkOnly && !cur.linkedGoal) cur.linkedGoal = { text: u.text, uttId: u.uttId };
      // "Both of those are to get him sitting through his meetings": the block before this one too
      if (linkOnly && BOTH.test(text)) for (const b of blocks.slice(/\ball\b/i.test(text) ? 0 : -1)) b.linkedGoal ??= { text: u.text, uttId: u.uttId };
    } else if (linkOnly && blocks.length && !GOAL_STATUS.test(text)) {
      // "Both blocks target the deficit and advance his goal ..." said after the blocks
      const last = blocks[blocks.length - 1] as Block;
      // ("All of this is so you can sit through those drives ...": every block of the visit; "Both of those ...": the last two)
      const targets = BOTH.test(text) ? blocks.slice(/\ball\b/i.test(text) ? 0 : -2)
        : /\b(?:both|all|each|these) (?:blocks|of these|exercises|activities)\b/i.test(text)
          ? blocks.filter((b) => mainKind(b) === mainKind(last))
          : [last];
      for (const b of targets) if (!b.linkedGoal) b.linkedGoal = { text: u.text, uttId: u.uttId };
    } else if (!cur && !kinds.length && blocks.length && blocks[blocks.length - 1]?.stop?.uttId === u.uttId && REPS_DONE.test(text) && !NEXT_BLOCK.test(text)
      && !measureOnly && !linkOnly && !deficitOnly && !admin) {
      // "Okay, it's 10:54. Five log rolls each side.": the dose of the block just stopped, said with its stop
      blocks[blocks.length - 1]?.units.push(u);
    } else if (resultOnly && blocks.length) {
      const last = blocks[blocks.length - 1] as Block;
      if (u.uttIndex - (last.units[last.units.length - 1]?.uttIndex ?? -9) <= 1) last.units.push(u);
    }
  }
  close();
  return blocks;
}

/**
 * Minutes said for a block timed by the clock are its direct time when they fit inside the span
 * and are at least half of it (rest left out); far fewer are a dose ("putty, two minutes").
 */
function fitsSpan(stated: number, span: number | null): boolean {
  return span === null || (stated <= span && stated * 2 >= span);
}

/** The block's service kind: an explicit name wins, then the most frequent hint. */
export function mainKind(b: Block): ServiceKind {
  const explicit = b.kinds.find((k) => k.explicit);
  if (explicit) return explicit.kind;
  const counts = new Map<ServiceKind, number>();
  for (const k of b.kinds) counts.set(k.kind, (counts.get(k.kind) ?? 0) + 1);
  let best: ServiceKind = 'unknown';
  let n = 0;
  for (const [k, c] of counts) if (c > n) { best = k; n = c; }
  return best;
}

/** Work done without direct one-on-one contact (DOMAIN.md 2.3 "Direct contact"): never billed. */
export const INDEPENDENT = /\b(?:not billed|while (?:I|we)(?:'m| am| are)? (?:finish(?:ing)? )?(?:chart|document)\w*|(?:won't|will not|don't|do not) bill|before (?:I|we) saw (?:him|her|them)|unsupervised|while (?:I|we) stepped away|warm(?:ed)?[- ]up on (?:his|her|their) own|(?:that's|that is|it's|is|was) on (?:his|her|their) own|on (?:his|her|their) own before)\b/i;
