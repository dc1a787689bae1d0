/**
 * A note is a summary, not the dialogue (FORMAT.md compression). When the draft runs longer
 * than a share of the words spoken, the statements that carry least are left out first:
 * small talk and remarks, then (in a conversation) the least dense reports and findings,
 * then the asides inside long statements. Measures, denials, quotations, treatment blocks,
 * goal status and the plan are always kept.
 */
import { ASSESSMENT_CUE, ASSIST_LEVEL, GOAL_LINK, OBJECTIVE_CUE, PAPERWORK, PLAN_CUE, SIDE_RESULT, STUDY_RESULT, SUBJECTIVE_CUE, VOICE_QUALITY, HELD_BACK } from '../extract/cues.ts';
import { CMT_REGIONS as SPINAL_REGIONS } from '../extract/ledger.ts';
import { isItem } from '../extract/describe.ts';
import { LANDMARK_REACH } from '../extract/measures.ts';
import { regionsIn } from '../lexicon/anatomy.ts';
import { kindsIn } from '../lexicon/interventions.ts';
import { testsIn } from '../lexicon/tests.ts';
import { sidesIn } from '../text/laterality.ts';
import { symptomMentions } from '../text/negation.ts';
import type { Draftable } from './statements.ts';

/**
 * Draft words allowed per transcript word before low-value statements are left out. A
 * conversation carries much talk that is not note content; a dictation is already close to
 * a note, so it keeps more of its words.
 */
export const WORD_BUDGET = { ambient: 0.42, dictation: 0.5 } as const;

/**
 * An evaluation must also hold the history, prior level of function, comorbidities, the
 * complexity and the goals (DOMAIN.md 1.5, 2.13): its share of the spoken words is larger.
 */
export const EVALUATION_EXTRA = 0.05;

/**
 * The highest priority the budget may still drop: reports, bare counts and remarks (8.8 and
 * below) may go; findings at a body part and change since baseline (8.9), measures (9),
 * denials, quotations and paperwork gaps (9.5), blocks and the plan (10) are never dropped.
 */
export const SOFTEST = { ambient: 8.8, dictation: 8.8 } as const;

/** Findings (gait deviations among them), functional limits and paperwork status: what a reviewer must not miss. */
const FINDING = /\b(?:tender\w*|guard\w*|tight\w*|restrict\w*|stuck|nodule|swelling|swollen|edema|spasm|trigger\w*|crepitus|weak\w*|limited|lacking|positive|negative|rop(?:e)?y|knotted|taut band|rushing|hurrying|short(?:er|ened)? step|step (?:comes out )?short|step length|antalgic|trendelenburg|circumduct\w*|hip hike|limp\w*|drag\w*|shuffl\w*)\b/i;
const FUNCTION = /\b(?:difficult\w*|trouble|can't|cannot|unable|hard(?:est)?|problem|worst|one at a time|step-to|rails?|cane|walker|assist\w*|independent\w*|can do|able to|has to|needs? help|by (?:him|her|them)?sel(?:f|ves)|on (?:his|her|their) own|without (?:help|assist\w*|holding on)|avoid\w*)\b/i;
/** A limit of function: "has trouble turning her head", "can't get up from the floor", "hardest part is the stairs". */
const LIMITATION = /\b(?:trouble|difficulty|hard time|unable to|can't|cannot|(?:the )?hardest (?:part|thing)|struggl\w*) (?:with )?(?:\w+ing|getting|the stairs|stairs|\w+ up|\w+ down)\b|\b(?:can't|cannot|unable to|still (?:can't|cannot)) (?:get|reach|lift|raise|put|hold|open|carry|walk|stand|sit|climb|bend|turn|sleep|drive|dress|wash|cook|write|grip|kneel|squat|button|tie)\b|\b(?:finally|for the first time)\b[^.;]{0,30}\b(?:[a-z]+ed|ate|ran|drove|wrote|rode|held|made|got|went|slept|sat|stood|walked)\b|\b(?:\w+ing|stairs)\b[^.;]{0,40}\b(?:is|are) (?:still )?(?:the )?(?:hardest|worst|hard|difficult|impossible)\b|\b\w+ing\b[^.;]{0,40}\b(?:hardest|worst) (?:part|thing)\b|\b(?:drops?|dropping) (?:things|cups|glasses|objects|coins|keys|dishes|the (?:cup|glass|phone))\b/i;
/** "back at work as a dental hygienist, full duty", "back to driving", "returned to soccer": function regained. */
const RETURNED = /\b(?:back (?:at|to) (?:[a-z]+ )?(?:work|driving|school|play(?:ing)?|practice|the gym|full duty)|returned to (?:[a-z]+ )?(?:work|full duty|driving|school|play|sports?|practice)|full duty|cleared to (?:return|play|drive)|(?:light|modified|restricted) duty|off work|out of work)\b/i;
/** "one near-loss of balance stepping off a curb", "almost fell", "caught himself on the car", and a fall itself: "had a fall at home last Tuesday". */
const NEAR_FALL = /\bnear[- ](?:loss of balance|falls?)\b|\balmost (?:fell|went down)\b|\bnearly fell\b|\bcaught (?:him|her|my|them)sel(?:f|ves)\b|\b(?:had|has had|sustained) (?:(?:a|another|one|two|three|\d+) )?(?:(?!no\b)\w+ )?falls?\b|^(?:patient |she |he |they )?fell\b/i;
/** "down to one crutch around the apartment", "still uses both crutches on campus", "off the walker". */
const DEVICE_STATUS = /\b(?:down to |weaned (?:off|to) |still (?:uses?|using|needs?) |no longer (?:uses?|using|needs?) |off (?:the|his|her) |without (?:the |a |his |her )?)(?:\w+ )?(?:crutch(?:es)?|cane|walker|rollator|wheelchair|brace|sling|boot)\b/i;
/** What a patient does in a day: the activities whose return a progress or discharge note reports. */
const ACTIVITY = /\b(?:writ|sign|button|dress|driv|walk|cook|shower|bath|lift|carr|climb|eat|read|tie|tying|cut|shop|clean|garden|work|play|run|swim|golf|kneel|squat|sleep)\w*/i;
/** Function regained, said in the patient's or family's report: "writing birthday cards again", "buttoning his shirts by himself, no longer asking for help". */
const REGAINED = /\b(?:again|by (?:him|her|them|my)sel(?:f|ves)|on (?:his|her|their|my) own|no longer (?:needs?|asking|uses?|using|requires?)|without (?:help|assistance|the (?:cane|walker))|independent(?:ly)?)\b/i;
/** Change since last time: the progress a note must show (DOMAIN.md 2.4 progression). */
const COMPARISON = /\b(?:last (?:visit|week|time|session)|at (?:the )?(?:start|evaluation|intake|first visit)|up from|down from|improved|from \S+ to)\b/i;
/** A symptom counted: "2 headaches this week", "headaches 3 times this week", "one near-fall", "headaches down to 1 this week". */
const SYMPTOM_COUNT = /\b\d+ (?:\w+ )?(?:headaches|migraines|falls|near-falls|episodes|flare-?ups|spells|accidents|nosebleeds)\b|\b(?:headaches|migraines|falls|episodes|flare-?ups|spells|accidents)\b[^.;]{0,30}\b\d+ times\b|\b(?:headaches|migraines|falls|episodes|flare-?ups|spells)\b[^.;]{0,20}\b(?:down|up) to (?:\d+|one|two|three|four|five)\b|\b(?:headaches|migraines|falls|episodes|flare-?ups|spells):?\s+\d+ (?:this|per|a|last|in the last) (?:week|month|day)\b/i;
/** A sign looked for and not found, or a part found normal: "no drooling", "palate looks normal", "sensation intact". */
const NORMAL_EXAM = /\bno (?!problem|issue|change)[a-z]{4,}|\b(?:looks?|looked|appears?|is|are|was|were) (?:normal|unremarkable|intact|symmetric\w*|fine)\b|\b(?:intact|unremarkable|WNL|within normal limits)\b/i;
/** The structures an oral-mechanism exam looks at (SLP). */
const ORAL = /\b(?:lips?|tongue|palate|velum|teeth|dentition|jaw|mouth|oral (?:mechanism|motor|structures?)|vocal folds?|larynx)\b/i;
/** A value re-measured after treatment ("Remap on the air cell: left ischial peak 92") or said of the prior level ("Before the hospital he was doing 150"). */
const REMEASURED = /^(?:re-?(?:measure|check|test|map)\w*|after(?:wards?)?|post[- ]?treatment)\b(?=[^.]*\d)|\bbefore (?:the )?(?:hospital|surgery|injury|accident|fall|stroke)\b(?=[^.]*\d)|(?<=\d[^.]*)\bbefore (?:the )?(?:hospital|surgery|injury|accident|fall|stroke)\b/i;

function words(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Evaluation notes need history and prior function (DOMAIN.md 1.5 "onset history, prior level of function"). */
const HISTORY = /\b(?:ago|onset|since|used to|prior|previously|lives?|works?|job|history|medications?|pills|surgery|accident|fell|slipped|landed|close call|near[- ]falls?|almost (?:fell|went down)|nearly fell|caught (?:my|him|her)self|(?:did not|didn't) (?:go down|fall)|tripped|x-?rays?|MRIs?|imaging|injections?|dominant|(?:right|left)-handed)\b/i;

/** History a few words carry in full: "Right-handed.", "X-ray normal.", "Blood pressure pills." */
const SHORT_HISTORY = /\b(?:dominant|(?:right|left)-handed|x-?rays?|MRIs?|imaging|injections?|pills|medications?|surgery|teacher|nurse|driver|mechanic|carpenter|electrician|plumber|cashier|accountant|engineer|lawyer|student|retired|firefighter|farmer|welder|machinist|chef|cook|server|secretary|receptionist|hairdresser|stylist|barber|custodian|labou?rer|clerk|programmer)\b/i;

/** How much a statement carries: higher is kept longer. Note type shifts the emphasis:
 *  evaluations keep history, progress notes, re-evaluations and discharges keep change
 *  since baseline and goal status (DOMAIN.md 1.8). */
export function priority(d: Draftable & { block?: boolean }, noteType?: string): number {
  const base = basePriority(d);
  const later = noteType !== undefined && noteType !== 'daily' && noteType !== 'evaluation';
  // (a progress or discharge note also keeps function the patient regained: "signing his own checks again", DOMAIN.md 1.8)
  // (the prior level of function asked, "Before the fall: walked 2 miles every morning", is history too)
  const emphasis = (noteType === 'evaluation' && d.section === 'subjective' && (HISTORY.test(d.text) || /^Before [^:]{1,30}: /.test(d.text)))
    || (later && d.section === 'assessment') || (later && d.section === 'subjective' && REGAINED.test(d.text) && (FUNCTION.test(d.text) || ACTIVITY.test(d.text)));
  // raised just past the budget's softest level, so the emphasised statement is kept, yet still below a protected one
  return emphasis ? Math.min(PROTECTED - 0.05, Math.max(base, 7) + 0.1) : base;
}

/** Goal status and a patient's own goal: what progress and discharge notes turn on (DOMAIN.md 1.8). */
const GOAL_STATUS = /\b(?:met|achieved|not yet met|partially met|partly met)\b|^(?:patient|caregiver) goal:/i;
/** A condition graded by severity: "moderate oropharyngeal dysphagia", "mild-to-moderate aphasia" (an assist level is a measure, not this). */
const IMPRESSION = /\b(?:mild|moderate|severe|profound)(?:[- ]to[- ](?:moderate|severe|profound))?\s+(?!assist|help|cues?\b|cueing|amount)(?:[a-z-]+\s+){0,2}[a-z]{4,}|\b[a-z]{4,}(?:ia|sia|ism|osis|itis|pathy|phonia|arthria|phagia)\b[^.;]{0,12}\b(?:is |now |remains )+(?:mild|moderate|severe|profound)\b/i;
/** "2 regions, lumbar and pelvic", "cervical, thoracic and lumbar regions": the count that picks the CMT code. */
const SPINE = String.raw`(?:cervical|thoracic|lumbar|sacral|pelvic|sacroiliac)`;
const CMT_REGIONS = new RegExp(String.raw`\b(?:\d|one|two|three|four|five)\s+(?:spinal\s+)?regions?\b|\b${SPINE}(?:,?\s+(?:and\s+)?${SPINE})+\s+regions?\b`, 'i');
/** Equipment, precautions and home set-up said in S or O: the plan's raw material. */
const EQUIPMENT = /\b(?:cane|walker|rollator|brace|splint|sling|orthosis|AFO|night guard|guard|strap|pads?|gloves?|grip|reacher|sock aid|bench|shower chair|commode|grab bar|amplifier|sleeve|gauntlet|board|book|app|calendar|planner)\b/i;

/** "Neck, mid back and low back all adjusted": the spinal regions a manipulation names in plain words. */
function spinalRegionsAdjusted(text: string): number {
  if (!/\b(?:adjust\w*|manipulat\w*|CMT)\b/i.test(text)) return 0;
  return new Set(regionsIn(text).map((r) => r.region).filter((r) => SPINAL_REGIONS.has(r))).size;
}

function basePriority(d: Draftable): number {
  const t = d.text;
  if (d.block) return 10;
  // the plan is always kept when it says something: frequency, home programme, equipment, precautions, referrals
  if (d.section === 'plan') return words(t) >= 2 ? 10 : 7;
  // the patient's own words in quotation marks (DOMAIN.md 5.B item 5), goal status, denials, paperwork gaps (DOMAIN.md 1.6, 2.6 T23)
  if (/"[^"]{12,}"/.test(t) || (d.section === 'assessment' && GOAL_STATUS.test(t)) || /^(?:patient|caregiver) goal:/i.test(t)) return 9.5;
  if ((d.section === 'subjective' && DENIAL.test(t)) || PAPERWORK.test(t) || /^Interpreter present\.$/.test(t)) return 9.5;
  // the spinal regions manipulated choose the CMT code, 98940-98942 by 1-2 / 3-4 / 5 regions (DOMAIN.md 2.13)
  if (d.section === 'objective' && (CMT_REGIONS.test(t) || spinalRegionsAdjusted(t) >= 2)) return 9.5;
  // the clinical impression, a condition graded by severity, is the assessment's core (DOMAIN.md 1.5 "A: skilled clinical reasoning")
  if (d.section === 'assessment' && IMPRESSION.test(t)) return 9;
  // values with units, named tests, assist levels and the stated complexity are measures (DOMAIN.md 2.3, 2.13)
  if (d.measured || MEASURED.test(t) || testsIn(t).length || (ASSIST_LEVEL.test(t) && d.section === 'objective') || /\bcomplexity\b/i.test(t)) return 9;
  if (d.section === 'objective' && REMEASURED.test(t)) return 9;
  // how often a symptom came ("2 headaches this week", "3 falls since March") is its measure (DOMAIN.md 1.5 S)
  if (d.section === 'subjective' && SYMPTOM_COUNT.test(t)) return 9;
  // a fall or a near fall is the fall risk a reviewer looks for, and a walking aid cut down or still used is function (DOMAIN.md 1.5 S)
  if (d.section === 'subjective' && (NEAR_FALL.test(t) || DEVICE_STATUS.test(t))) return 8.9;
  // what a study found before the visit ("the stroboscopy showed nodules on both vocal folds") is history a reviewer checks (DOMAIN.md 1.5 S)
  if (d.section === 'subjective' && STUDY_RESULT.test(t)) return 8.9;
  // a service held back with why ("did not adjust the lumbar because of the acute flare") is part of the treatment record (DOMAIN.md 2.4)
  if (d.section === 'objective' && HELD_BACK.test(t)) return 8.9;
  // a bare count ("2 pairs", "above 3", "visit 10") is a detail, not a measure
  if (/\d/.test(t)) return 8.8;
  // a report relayed by family, and what the patient says about symptoms, function, history and equipment (DOMAIN.md 1.5)
  // a return to work, driving or sport: the functional outcome a progress or discharge note must show (DOMAIN.md 1.5)
  if (d.section === 'subjective' && RETURNED.test(t)) return 8.9;
  if (d.section === 'subjective' && /^(?:caregiver|(?:(?:his|her|their|patient's) )?(?:wife|husband|mom|mother|dad|father|daughter|son|teacher|family|partner))\b/i.test(t) && words(t) > 4) return 8.8;
  // ... but a topic with its verdict ("Sleep: terrible.") is a whole report, said short
  if (d.section === 'subjective' && words(t.replace(/^(?:patient|caregiver) reports /i, '')) <= 3 && !symptomMentions(t).length && !FUNCTION.test(t) && !SHORT_HISTORY.test(t) && !/^[A-Z][a-z]+(?: [a-z]+){0,2}: /.test(t)) return 5;
  // history a few words carry in full ("Right-hand dominant.", "X-ray normal.") costs little and is kept like a finding
  if (d.section === 'subjective' && SHORT_HISTORY.test(t) && words(t.replace(/^(?:patient|caregiver) reports /i, '')) <= 3) return 8.9;
  // a symptom placed at a body part ("tingling top of left foot") is the report a reviewer checks, like a finding at a body part
  if (d.section === 'subjective' && symptomMentions(t).some((m) => !m.negated) && regionsIn(t).length) return 8.9;
  // ... and so is a limit of function in what the patient does ("trouble turning her head left to check her blind spot", DOMAIN.md 1.5 S)
  if (d.section === 'subjective' && LIMITATION.test(t)) return 8.9;
  if (d.section === 'subjective' && (FUNCTION.test(t) || symptomMentions(t).length > 0 || HISTORY.test(t) || EQUIPMENT.test(t) || SUBJECTIVE_CUE.test(t))) return 8.8;
  // change since baseline and findings at a body part or on a side ("weakness on the right side of the face") are the note's objective core (DOMAIN.md 2.4)
  if (COMPARISON.test(t) || (FINDING.test(t) && (regionsIn(t).length || sidesIn(t).length)) || SIDE_RESULT.test(t)) return 8.9;
  // an exam found normal ("lips and tongue move well, no drooling, palate looks normal") is a finding too (DOMAIN.md 1.6: pertinent negatives)
  if (d.section === 'objective' && NORMAL_EXAM.test(t) && (regionsIn(t).length || ORAL.test(t))) return 8.9;
  // a goal connection sentence in A is what makes the service skilled (DOMAIN.md 2.4): kept like a finding
  if (d.section === 'assessment' && GOAL_LINK.test(t)) return 8.9;
  // the clinician's interpretation (DOMAIN.md 1.5 "A: skilled clinical reasoning") and the cues given
  // during treatment (2.4 "skilled cues") are what show the service was skilled
  if (d.section === 'assessment' && words(t) >= 5) return 8.9;
  if (d.section === 'objective' && /\b(?:cue[sd]?|cueing|cuing|switched|changed (?:\w+ )?set-?up|progressed|regressed|modified)\b/i.test(t)) return 8.9;
  if (d.section === 'assessment' && ASSESSMENT_CUE.test(t)) return 8.5;
  // the position treated in is a parameter of the treatment record (DOMAIN.md 2.4)
  if (kindsIn(t).some((k) => !k.explicit) || (d.section === 'objective' && /^Positioned\b/.test(t))) return d.section === 'objective' ? 8.5 : 8;
  // an observation in O without a number ("stimulable for resonant voice", "centralized")
  if (d.section === 'objective' && OBJECTIVE_CUE.test(t)) return 8;
  if (PLAN_CUE.test(t)) return 7;
  if (GOAL_LINK.test(t)) return 6;
  if (symptomMentions(t).length) return 8;
  if (d.section === 'subjective') return 6;
  if (regionsIn(t).length) return 3;
  return 1;
}

/** Clinical terms per word: symptoms, body parts, tests, services, functions, history. */
function density(text: string): number {
  const hits = symptomMentions(text).length + regionsIn(text).length + testsIn(text).length + kindsIn(text).length
    + (text.match(new RegExp(FUNCTION.source, 'gi')) ?? []).length + (text.match(new RegExp(HISTORY.source, 'gi')) ?? []).length;
  return hits / Math.max(1, words(text));
}

/** A value with its unit or scale: "4/5", "118°", "12.4 s", "30 lb", "3x10", "11 of 20", "20 min", "6 weeks". */
const MEASURED = /\b[0-4]\+(?![\d/])|\d+(?:\.\d+)?[+-]?\s*(?:\/\s*\d+|°|%|lb\b|-lb\b|kg\b|cm\b|mm\b|mmHg\b|dB\b|s\b|-s\b|sec\w*|min\w*|m\/s|ft\b|feet|inch\w*|reps?\b|sets?\b|x\s*\d+|x\/\w+|times\b|weeks?|days?|months?|years?|hours?|h\b|points?|blocks|trials|lines?\b|-line|steps|laps|percent|hertz|Hz\b)|\b\d+ of \d+\b|\b(?:\d+ (?:\w+ )?(?:sips|bites|trials|words|sentences|syllables|beads|blocks|reaches|steps|feet))\b|\b[CTLS]\d(?:[-/][CTLS]?\d)?\b/i;
/** A denial as said: "Denies numbness", "No falls", "No, none of that.", "Caregiver reports patient had no falls." */
const DENIAL = /^(?:(?:patient|caregiver) )?(?:denies|no|nope|none|not)\b|(?:^|[.;] |\b(?:reports|had|has|have) )(?:denies|no) [a-z]|\b(?:deny|denies|denied)\b/i;
/** Statements at or above this priority are never dropped (measures, quotations, denials, goal status, blocks, plan). */
const PROTECTED = 9;

/**
 * Fit the draft to the word budget: first the asides inside statements go, then the
 * statements that carry least (lowest priority, then least dense, latest first), never a
 * protected one, then the remaining clauses without a hard fact.
 */
export function fitBudget<T extends Draftable & { block?: boolean }>(items: T[], transcriptWords: number, budget: number, noteType?: string, softest = 8.8): T[] {
  const limit = Math.floor(transcriptWords * budget);
  const count = (list: T[]) => list.reduce((n, d) => n + words(d.text), 0);
  if (count(items) <= limit) return items;
  let list = pruneClauses(items, count(items) - limit, 0);
  let total = count(list);
  if (total <= limit) return list;
  const scored = list.map((d, i) => ({ d, i, p: priority(d, noteType) }));
  // "No coughing. Only when I drink fast with the straw.": an exception belongs to what it qualifies
  for (let i = 1; i < scored.length; i++) {
    const cur = scored[i];
    const prev = scored[i - 1];
    if (cur && prev && /^(?:(?:patient|caregiver) reports )?(?:only|except|but|unless)\b/i.test(cur.d.text) && prev.d.evidence.join() === cur.d.evidence.join()) cur.p = Math.max(cur.p, prev.p);
  }
  // a service that no kept statement names keeps its first record with a dose ("intraoral distraction manipulation,
  // 3 repetitions"): every service done is documented (DOMAIN.md 2.4)
  // (a service is known by its kind and where it was given: a TMJ manipulation is not the spinal one)
  const named = (x: { d: T; p: number }) => {
    if (x.d.section !== 'objective') return [];
    const where = [...new Set(regionsIn(x.d.text).map((r) => r.region))].sort().join('+');
    return kindsIn(x.d.text).filter((k) => !k.explicit).map((k) => `${k.kind}@${where}`);
  };
  const recorded = new Set(scored.filter((x) => x.p >= PROTECTED).flatMap(named));
  for (const x of scored) {
    const kinds = named(x).filter((k) => !recorded.has(k));
    // (with its dose, or a manipulation, which has none: "long-axis distraction on the right hip")
    if (!kinds.length || x.p >= PROTECTED || !(/\d/.test(x.d.text) || kinds.some((k) => k.startsWith('cmt@'))) || GOAL_LINK.test(x.d.text) || !isItem(x.d)) continue;
    x.p = PROTECTED;
    kinds.forEach((k) => recorded.add(k));
  }
  const order = scored.filter((x) => x.p < PROTECTED && x.p <= softest).sort((a, b) => a.p - b.p || density(a.d.text) - density(b.d.text) || b.i - a.i);
  const dropped = new Set<number>();
  for (const x of order) {
    if (total <= limit) break;
    dropped.add(x.i);
    total -= words(x.d.text);
  }
  // a large statement dropped last may leave room: a report or finding dropped before it (never small talk) comes back when it fits, highest priority first
  for (const x of [...order].filter((o) => dropped.has(o.i) && o.p >= 8).sort((a, b) => b.p - a.p || density(b.d.text) - density(a.d.text))) {
    if (total + words(x.d.text) > limit) continue;
    dropped.delete(x.i);
    total += words(x.d.text);
  }
  list = list.filter((_, i) => !dropped.has(i));
  return total > limit ? pruneClauses(list, total - limit, 1) : list;
}

/** Words that make a clause worth keeping: a number, a side, a negation, a result ("it was normal", "in the average range"), a dose's frequency ("daily"), a quotation. */
const INFORMATIVE = /\d|\b(?:no|not|denies|without|never|left|right|bilateral|goal\w*|met|complexity|abnormal|unremarkable|positive|negative|passed|failed|daily|nightly|weekly|hourly|twice|average|WNL|within normal limits|age[- ]appropriate)\b|\b(?:was|is|were|are|came back|looks?|looked) (?:all |completely |totally )?normal\b|n't\b|"/i;
const FILLER_WORDS = new Set(('that that\'s this it it\'s is was are were be been on me him her them they he she patient clinician ' +
  'can could would will just so which what who new again there here then now also very really thing things stuff lot ' +
  'believe know think guess said says say tell told like way you your about all some any').split(' '));

/** An aside: no number, side, negation, symptom, body part, test or service, and at most two content words. */
/** A clause that states a fact a reviewer checks: a number, side, negation, symptom, body part, test, service or assist level. */
/** A medical condition named in history: "and hypothyroidism", "high blood pressure", "type 2 diabetes" (DOMAIN.md 1.5 comorbidities). */
const CONDITION = /\b[a-z]+(?:itis|osis|ism|pathy|emia|oma)\b|\b[a-z]*(?:aphasia|apraxia|arthria|phagia|phonia|taxia|plegia|paresis)\b|\b(?:diabetes|hypertension|high blood pressure|COPD|asthma|cancer|stroke|Parkinson\w*|dementia|depression|anxiety|obesity|heart (?:disease|failure|attack)|a-?fib|atrial fibrillation|osteopenia|osteoporosis|fibromyalgia|lupus|multiple sclerosis|MS)\b/i;

/** A severity said: "so moderate", "mild" (DOMAIN.md 1.5 A: the impression graded). */
const SEVERITY = /\b(?:mild|moderate|severe|profound)\b/i;

/** A service left out, as charted ("so will skip paraffin"): what was not done is a fact of the visit (DOMAIN.md 2.4). */
const SKIPS = /\b(?:will|going to) skip (?:the )?[a-z]+\b/i;

/** How much help a result needed: "and by the end verbal cues only", "hands-on help" (DOMAIN.md 2.4: the session's result). */
const HELP_GIVEN = /\bcue(?:s|ing)?\b|\bhands-on\b/i;

/** "This is", "That was": a first clause that says nothing without the one after it. */
const STUB = /^(?:this|that|it|these|those) (?:is|are|was|were)$/i;

function hardFact(clause: string): boolean {
  return INFORMATIVE.test(clause) || HELP_GIVEN.test(clause) || HELD_BACK.test(clause) || SKIPS.test(clause) || CONDITION.test(clause) || LANDMARK_REACH.test(clause) || ASSIST_LEVEL.test(clause) || symptomMentions(clause).length > 0 || regionsIn(clause).length > 0 || testsIn(clause).length > 0 || kindsIn(clause).length > 0;
}

function informative(clause: string): boolean {
  if (INFORMATIVE.test(clause) || SEVERITY.test(clause) || VOICE_QUALITY.test(clause) || HELD_BACK.test(clause) || SKIPS.test(clause) || CONDITION.test(clause) || ASSIST_LEVEL.test(clause) || symptomMentions(clause).length > 0 || regionsIn(clause).length > 0 || testsIn(clause).length > 0 || kindsIn(clause).length > 0) return true;
  if (ASSESSMENT_CUE.test(clause) || OBJECTIVE_CUE.test(clause) || PLAN_CUE.test(clause) || GOAL_LINK.test(clause) || FUNCTION.test(clause) || HISTORY.test(clause)) return true;
  const content = (clause.toLowerCase().match(/[a-z][a-z']+/g) ?? []).filter((w) => w.length > 2 && !FILLER_WORDS.has(w));
  return content.length > 3;
}

/** A statement with a quotation: the text up to the closing quote, then a remark said after it (", which, yeah, fits"). */
function afterQuote(text: string): string[] {
  const end = text.lastIndexOf('"');
  const rest = text.slice(end + 1);
  return words(rest) >= 2 && /^[,;]?\s*(?:which|so|and|but)\b/i.test(rest) ? [text.slice(0, end + 1), rest.trim()] : [text];
}

/**
 * Still over budget with only the statements that must stay: drop the asides inside them
 * ("so that's on me", "which is new", "can you believe it"), longest first. The first clause
 * of a statement, block summaries and quotations are never cut.
 */
function pruneClauses<T extends Draftable & { block?: boolean }>(items: T[], excess: number, maxTier: number): T[] {
  const cuts: { item: number; clause: number; words: number; tier: number }[] = [];
  // blocks, quotations and denials are never cut: every item of a denial is a fact (DOMAIN.md 1.6)
  // ... but what follows a quotation ("..., which, yeah, fits") is a clause of its own
  const split = items.map((d) => (d.block || /^(?:(?:patient|caregiver) )?denies\b/i.test(d.text) ? [d.text]
    : /"/.test(d.text) ? afterQuote(d.text) : d.text.split(/(?<=[,;])\s+|(?<!\bor)\s+(?=(?:but|so(?! (?:many|much|few|little|far|long|often|fast|quickly|slowly|well|badly|hard|bad|good|easily)\b)|which|and then)\s)/)));
  split.forEach((clauses, item) => clauses.forEach((c, clause) => {
    if (clause === 0) return;
    // asides first; then, in S and O, clauses that hold no number, side, negation, symptom, body part, test or service
    if (!informative(c)) cuts.push({ item, clause, words: words(c), tier: 0 });
    else if (maxTier >= 1 && !hardFact(c) && items[item]?.section !== 'plan') cuts.push({ item, clause, words: words(c), tier: 1 });
  }));
  cuts.sort((a, b) => a.tier - b.tier || b.words - a.words);
  const removed = new Set<string>();
  let left = excess;
  for (const c of cuts) {
    if (left <= 0) break;
    removed.add(`${c.item}:${c.clause}`);
    left -= c.words;
  }
  return items.flatMap((d, item) => {
    const clauses = split[item] ?? [d.text];
    if (!clauses.some((_, k) => removed.has(`${item}:${k}`))) return [d];
    // "This is so patient can get out of bed ..., without that pain spike" never becomes "This is without that pain spike"
    if (STUB.test(clauses[0]?.trim() ?? '') && removed.has(`${item}:1`)) return [];
    // "she's reciprocal with one rail" cut leaves "but not without it" saying nothing: it goes with it
    // (one that says something of its own, "but 4.31 at eval", "but not at home yet", stays)
    clauses.forEach((c, k) => {
      if (k > 0 && removed.has(`${item}:${k - 1}`) && !/\d/.test(c) && (/^which\s/i.test(c) || (/^(?:but|so)\s/i.test(c) && /\b(?:it|that|this|them|those)\b/i.test(c)))) removed.add(`${item}:${k}`);
    });
    const text = clauses.filter((_, k) => !removed.has(`${item}:${k}`)).join(' ').replace(/[,;]\s*("?)$/, '$1').replace(/([^.!?])$/, '$1.');
    // "This is so you can check your blind spot" cut to "This is.": a stub says nothing, so it goes whole
    // ("Plateau." says what the clinician concluded, and stays; "This neck work is." has lost what it was, and goes)
    return (words(text) <= 2 && !/\d/.test(text) && !ASSESSMENT_CUE.test(text)) || /\b(?:is|are|was|were)\.?$/i.test(text) ? [] : [{ ...d, text }];
  });
}
