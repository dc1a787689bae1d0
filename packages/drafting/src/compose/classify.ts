/**
 * Which SOAP section a spoken sentence belongs to, or none (greetings, instructions,
 * small talk). A spoken header ("Plan:") wins; otherwise the speaker and the cues decide.
 */
import type { SectionName } from '@scribe/domain';
import { kindsIn } from '../lexicon/interventions.ts';
import { testsIn } from '../lexicon/tests.ts';
import { regionsIn } from '../lexicon/anatomy.ts';
import { symptomMentions } from '../text/negation.ts';
import { ASSESSMENT_CUE, ASSIST_LEVEL, GOAL_LINK, IMPERATIVE, OBJECTIVE_CUE, PAPERWORK, PLAN_CUE, SIDE_RESULT, SOCIAL, STUDY_RESULT, SUBJECTIVE_CUE, WANTED_VALUE, HELD_BACK } from '../extract/cues.ts';
import type { Unit } from '../extract/units.ts';
import { FIGURATIVE, LEADING_NO, LIKENESS } from './patient.ts';
import { isBaselineSentence } from './baselines.ts';
import { SHORT_VERDICT } from './answers.ts';
import { withUnits } from '../extract/measure-names.ts';
import { foreignSentence } from '../text/language.ts';

const MEASURE_VALUE = /\d+(?:\.\d+)?[+-]?\/\d+|\d+°|\d+(?:\.\d+)? (?:lb|cm|mm|s|m\/s)\b|\d+%|\d+x\d+|\b\d+ of (?:the )?\d+\b/;
/** Plan words strong enough to outrank a report verb in dictation ("She will continue ..."). */
const STRONG_PLAN = /\b(?:will|plan|continue|home program|HEP|next (?:visit|session|time)|recommend\w*|follow[- ]up|discharge)\b/i;
/** What the patient does, avoids or uses at home: function and equipment are S content (DOMAIN.md 1.5 "functional limitations"). */
const SELF_CARE = /\b(?:by (?:my|him|her|them)sel(?:f|ves)|on (?:my|his|her|their) own|without (?:any )?(?:help|assistance|holding on)|(?:use|uses|using|used|take|takes|taking|wear|wears|wearing) (?:the |a |my |his |her )?(?:\w+ )?(?:cane|walker|rollator|crutch(?:es)?|wheelchair|splint|brace|sling|bench|reacher|sock aid|grab bar|night guard)|(?:cane|walker|rollator|splint|brace) (?:when|for|to|at|every|most)|avoid(?:s|ed|ing)?\b|(?:making|have|had|get) (?:my|his|her) (?:husband|wife|partner|son|daughter|kids?) (?:do|to do|help))/i;
/** Who gave the information: "per patient", "per his wife", "according to the family", "by (patient) report". */
const ATTRIBUTED = /\b(?:per|according to)\s+(?:the\s+)?(?:patient|pt|client|(?:his|her|their|patient's)\s+)?(?:patient|client|spouse|wife|husband|partner|family|caregiver|parents?|mother|father|daughter|son|report)\b|\bby (?:patient |self-|caregiver |family )?report\b|\bpatient-reported\b/i;
const RELAYED_HISTORY = /\b(?:Dr\.? [A-Z][a-z]+|(?:your|his|her|the) (?:doctor|surgeon|physician|PCP|oncologist|neurologist|orthopedist|referral|chart|records?|discharge (?:summary|notes?))|the (?:hospital|ER|emergency room)(?: notes?)?)(?:'s (?:note|notes|office|letter))? (?:tells? (?:me|us)|told (?:me|us)|says|said|mentions?|mentioned|notes?|noted|shows?|showed|indicates?)(?: that)? (?:you|he|she|they)(?:'re|'ve| are| have| had| were| was)?\b/i;
const REPORT_VERB = /\b(?:reports?|says|states?|denies|complains?|describes?|notes|tells|feels|mentions)\b/i;
const PERFORMANCE = /\b(?:you|he|she|they) (?:went|did|held|scored|used|completed|demonstrated|tolerated|performed|walked|needed|required|managed|achieved|reached|were|was|finished|triggered|lifted|had to|missed|named|generated|ordered|produced|followed|read|wrote|copied|cut|turned|found)\b/i;
const HISTORY = /\b(?:onset|ago|since|referred|history|year-old|lives|works?\b(?! (?:toward|towards|on)\b)|job|duty|medications?|smokes|BMI|personal factors|surgery|prior level|previously|occupation|(?:right|left)[- ]hand(?:ed)?(?: dominant)?|dominant)\b/i;

const FILLER = /^(?:okay|ok|good|great|nice|alright|right|so|yes|yeah|no|and|that|that's|it's|is|the|a|oh|well|fine|sure|perfect|there|it|go|now|you|were|was|are|i|he|she|we|they|at|in|on|of|to|do|did|does|ready)$/i;
/** What a family member or caregiver adds that belongs in the note. */
const OTHER_CUE = /\b(?:reports?|noticed|I (?:help|assist|dress|bathe|feed|lift|drive|cut|do (?:his|her|their)) (?:him|her|them)\b|(?:go|going|get|getting) back to work|weight|weighs|percentile|wound|pressure (?:sore|injury|ulcer)|\d+ (?:nights|days|times)(?: (?:a|per) |\/)week|\d+x\/day|used to be|repeat\w* (?:questions?|herself|himself)|almost (?:fell|went down)|nearly fell|caught (?:her|him)self|meals?|eats?|eating|drinks?|diet|fevers?|lungs?|doctor|falls?|sleep\w*|pain|cough\w*|chok\w*|reminds?|at home he|at home she|teacher|understand\w*|corrects?|\d+ (?:steps|stairs) (?:to get in|into|up to)|(?:hand)?rails?|(?:bedroom|bathroom) (?:is |are )?(?:upstairs|downstairs|on the (?:main|first|second) floor)|main floor|one[- ]story|two[- ]story|lives? (?:alone|with))\b/i;
const THIRD_PARTY_OPINION = /^(?:my|his|her) (?:wife|husband|boss|friend|neighbou?r|mom|dad|daughter|son|kids?)\b[^.]*\b(?:says?|said|thinks?|thought|wants?)\b/i;

/** A change said: "down from 150 to 60 feet", "from supervision to min assist", "worse sitting posture", "new pressure injury". */
const CHANGE_SAID = /\b(?:(?:up|down) from|from [\w-]+(?: [\w-]+)? to)\b|\b(?:worse|better|improved|declined|new)\b/gi;

/** Greetings passed on and treats brought or promised: "his wife says hi to the front desk, she brought cookies", "I'll bring you guys cookies" is no note content, even under a dictated header. */
/** What the clinician says is not for the note: "He told me about the game, which, never mind, that's not for the note.", "Remind me to call the front desk about the printer jam.", "Thanks, tell him five minutes." to the front desk. */
const NOT_FOR_NOTE = /\b(?:(?:that's|that is|this is) not for the note|not (?:going )?in the note|off the record|(?:don't|do not) (?:put|write|chart) that)\b|^(?:(?:oh|and|also|um|uh)[,]?\s+)*(?:remind me to|note to self|I (?:need|have) to remember to)\b|^(?:thanks|thank you)[,.]?\s+(?:tell (?:him|her|them)|I'll be (?:right )?there|be right there|give me)\b/i;
/** The end of a dictation said to the recorder ("Fine, that's everything for Claire.", "That's it for Tomoko.") and the front desk's business (a copay paid): no note content. */
const SIGN_OFF = /^(?:(?:okay|ok|fine|alright|all right|so|and|um|uh)[,.]?\s+)*(?:that's|that is|that'll be|that will be) (?:it|all|everything)(?: for (?:today|now|this (?:one|patient|note|visit|session)|[A-Z][a-z]+(?: [A-Z][a-z]+)?))?[.!]?$|\bpaid (?:her |his |their |the )?(?:co-?pay|copayment|balance|bill)\b/i;
const PLEASANTRY = /\b(?:says? (?:hi|hello)|sends? (?:(?:his|her|their) )?(?:regards|love|best wishes|thanks)|(?:brought|bring|bringing|left) (?:in )?(?:(?:you|you guys|y'all|the (?:staff|team|front desk|office)) )?(?:some )?(?:cookies|donuts|doughnuts|muffins|cake|cupcakes|treats|flowers|candy|chocolates?))\b/i;

/**
 * Small talk a patient or family member starts or answers: the weather, a game or tournament, a family
 * celebration ("They say it's going to rain ..., my son's got his basketball tournament"), or news of
 * someone else asked about by name ("How's Mike doing back at work?" - "Back on 24-hour shifts ...").
 * Never when it names a body part, a symptom, a measure or how the patient got hurt ("it had been
 * raining all night ... I slipped").
 */
const OFF_TOPIC = /\b(?:weather|(?:going|supposed) to (?:rain|snow)|forecast|tournament|playoffs?|championship|super bowl|world series|fantasy (?:football|league)|baptism|christening|wedding|bridal shower|baby shower|birthday party|graduation party|family reunion|body shop|(?:car|truck|van)(?:'s| is) (?:still )?in the shop)\b/i;
/** "How's Mike doing?", "How's your husband?", "How's the little one?": a question about someone else. */
const OTHER_PERSON_Q = /^(?:(?:oh|so|and|hey|hi|okay|well),?\s+)*(?:(?:is|was) (?:that|this) (?:your|his|her) (?:grand)?(?:son|daughter|kids?|child(?:ren)?|baby|husband|wife|partner|dog|cat|puppy)\b|how(?:'s| is| are| was)\s+(?:(?!(?:the|your|it|that|this|everything|things|life|work)\b)[A-Z][a-z]+(?=\s+(?:doing|holding up|getting on|liking)\b|\s*\?)|(?:your|the) (?:husband|wife|partner|son|daughter|mom|mother|dad|father|kids?|grandkids?|family|baby|little one|new baby)\b|[Hh](?:e|is)\b|[Ss]he\b|[Hh]er\b))/;
const GOAL_WORD = /\b(?:wants? to|hop(?:e|es|ing) to|goal|back (?:for|to|in)|return\w*|play(?:ing)? in|compete|make it to)\b/i;
const HURT = /\b(?:slip\w*|fell|fall(?:ing)?|tripped|landed|hurt|injur\w*|accident|pain|sore)\b/i;

/** A non-clinician's small talk (see OFF_TOPIC), given the question the turn answers. */
export function offTopic(u: Unit, question: string | undefined, units: readonly Unit[] = []): boolean {
  if (u.speaker === 'clinician') return false;
  // ("wants to be back for the playoffs" is the patient's goal)
  const clinical = regionsIn(u.text).length > 0 || symptomMentions(u.text).length > 0 || MEASURE_VALUE.test(withUnits(u.text)) || HURT.test(u.text) || GOAL_WORD.test(u.text);
  if (clinical) return false;
  // "Is it supposed to rain on Saturday? My tomatoes really need it": the rest of a turn that opened with small talk
  // ("My granddaughter's got a softball tournament Saturday. I don't know if I can sit on those bleachers.": the event's chat)
  const opened = units.some((x) => x.uttId === u.uttId && x.idx < u.idx && offTopic(x, question));
  return opened || OFF_TOPIC.test(u.text) || (u.speaker === 'patient' && !!question && OTHER_PERSON_Q.test(question.trim().replace(/^\w/, (c) => c.toLowerCase())))
    || (!!question && socialOpening(question, units));
}

/** Talking avoided or mocked: "He won't talk on the phone with his grandma anymore", "a boy at recess copied him" (DOMAIN.md 1.5 S: function and participation). */
const TALK_AVOIDED = /\b(?:won't|will not|refuses? to|stopped|avoids?|doesn't want to) (?:talk|speak|answer|order|read|raise)\w*\b|\b(?:teas(?:e|ed|es|ing)|bull(?:y|ied|ies|ying)|made fun of|copied (?:him|her|them)|came home crying)\b/i;

/** "I sang!", "I drove there myself!": an activity the patient did, said short. */
const DID_IT = /^(?:and |well,? )?I (?:[a-z]+ed|sang|ran|swam|rode|drove|went|did|made|got|wrote|held|threw|caught|won)\b/i;

/** The clinician's greeting turn: "Morning, Harold. Did you make it up north for the fishing trip?" */
const GREETING = /^(?:(?:good )?(?:morning|afternoon|evening)|hi|hello|hey|welcome(?: back)?)\b/i;
/** A question about a trip, an outing or a game, or about someone (or a pet) by name only: "How's Biscuit?" */
const SOCIAL_Q = /\b(?:trip|vacation|holiday|fishing|hunting|camping|cruise|wedding|party|concert|movie|ball ?game|the game)\b|^(?:(?:[Aa]nd|[Ss]o|[Oo]h)[,]?\s+)?[Hh]ow(?:'s| is) [A-Z][a-z]+\?$/;
/** What a question about the visit's subject names: the body, symptoms, daily function, the voice and speech, the home programme. */
const VISIT_TOPIC = /\b(?:feel\w*|doing|sing\w*|choir|voice|talk\w*|speech|speak\w*|swallow\w*|exercises?|home program\w*|homework|practi[cs]\w*|pain|hurt\w*|sore)\b/i;

/**
 * A question asked in the greeting that opens the visit, about nothing the visit treats ("How's Biscuit? Still eating
 * the couch?", "Did you make it up north for the fishing trip?"): the answer is small talk.
 */
function socialOpening(question: string, units: readonly Unit[]): boolean {
  const opening = units[0];
  if (!opening || opening.speaker !== 'clinician' || !GREETING.test(opening.text)) return false;
  const asked = units.filter((x) => x.uttId === opening.uttId && x.isQuestion);
  if (!asked.some((x) => x.text === question) || VISIT_TOPIC.test(question) || regionsIn(question).length || symptomMentions(question).length) return false;
  return asked.some((x) => SOCIAL_Q.test(x.text));
}

/** A reply that only reacts ("That sounds grim.", "Oh no!", "How fun."): the turn before it was chat, not history. */
const REACTION = /^(?:(?:oh|wow|ha(?:ha)*|aw+|ugh|yikes)[,!.]?\s*)*(?:(?:that|it) (?:sounds|must (?:be|have been))(?: \w+){1,2}|oh (?:no|dear|my)|wow|how (?:fun|nice|lovely|awful|exciting|funny)|lucky you|good for (?:you|her|him))[.!]?$/i;
/** What makes a turn worth charting whatever the reply: a part, a symptom, a number, an injury, a goal or something done in daily life. */
const DAILY_LIFE = /\b(?:sleep\w*|walk\w*|stairs?|driv\w*|work\w*|dress\w*|bath\w*|shower\w*|cook\w*|lift\w*|carr(?:y|ied|ying)|stand\w*|sit(?:ting)?|can't|cannot|couldn't|hard|weak|tired|help)\b/i;

/**
 * "And the hospital food, oh my goodness. Green Jell-O every single day." - "[laughs] That sounds grim.":
 * a patient's or family member's turn the clinician only reacts to, with nothing clinical in it, is small talk.
 */
export function reactedTo(units: readonly Unit[], u: Unit): boolean {
  if (u.speaker === 'clinician') return false;
  const next = units.find((x) => x.idx > u.idx && x.uttId !== u.uttId);
  if (!next || next.speaker !== 'clinician') return false;
  const reply = units.filter((x) => x.uttId === next.uttId);
  if (!reply.every((x) => REACTION.test(x.text.trim()))) return false;
  const turn = units.filter((x) => x.uttId === u.uttId).map((x) => x.text).join(' ');
  return !(regionsIn(turn).length || symptomMentions(turn).length || /\d/.test(turn) || HURT.test(turn) || GOAL_WORD.test(turn) || DAILY_LIFE.test(turn));
}

/** Content-bearing enough to document: not a greeting, a bare "okay", an echo of a number. */
function substantive(text: string, answers = false): boolean {
  const words = text.split(/\s+/).map((w) => w.replace(/[^\p{L}\p{N}'/+°%-]/gu, '')).filter(Boolean);
  const content = words.filter((w) => /\p{L}/u.test(w) && !FILLER.test(w));
  if (SOCIAL.test(text) && words.length < 5 && !MEASURE_VALUE.test(text)) return false;
  // "My wife says I snore" is an aside; "My mom says around four" answers "When did it start?"
  if (THIRD_PARTY_OPINION.test(text) && !answers) return false;
  if (symptomMentions(text).length > 0 && content.length >= 1) return true;
  // "Abduction 165, it was 95.": goniometry said without "degrees" is a measure too
  if (MEASURE_VALUE.test(withUnits(text))) return true;
  // "QuickDASH 11, it was 52.": a named test's score
  if (/\d/.test(text) && testsIn(text).length > 0) return true;
  // "Continue 2x/week.": a frequency of care is the plan's core (DOMAIN.md 1.8 "Type, Amount, Duration, and Frequency")
  if (/\b\d+x\/(?:day|week|wk|month)\b/i.test(text) && content.length >= 1) return true;
  return content.length >= 2 && words.length >= 3;
}

/** A sentence naming only the visit: "Today's visit ten", "Third session, right?", "This is visit 11". */
const VISIT_META = /^(?:(?:okay|so|hi|hey|morning|good morning)[,.]?\s+)*(?:(?:today'?s?|this is|it's|that's)\s+)?(?:(?:your|the|a|our)\s+)?(?:(?:(?:first|third|fourth|fifth|sixth|tenth|\d+(?:st|nd|rd|th))\s+(?:visit|session))|(?:visit|session)\s+(?:number\s+)?\d+)\b(?:\s+today)?(?:[,.]?\s*(?:right\?|so (?:I'm|I'll|we'll) [^.]*|so (?:it's|this is) (?:your|the) (?:progress (?:report|note|check)|re-?eval\w*|re-?check|re-?exam)|today))?[.!?]?$/i;
/** A family member's report about the patient: "He's been using the picture board", "She can't do buttons". */
const ABOUT_PATIENT = /^(?:(?:[Aa]nd|[Bb]ut|[Ss]o|[Ww]ell|[Yy]es|[Yy]eah|[Nn]o)[,]?\s+)?(?:[Hh]e|[Ss]he|[Tt]hey|[Hh]is|[Hh]er|[A-Z][a-z]+(?= (?:[a-z]+ed|sang|ran|ate|went|said|told|got|did|made|took|wrote|read|drove)\b))\b(?:'s|'d| \w+)\s+\w+/;
/** "And I help her up off the toilet now": the help a family member gives the patient (DOMAIN.md 1.5 S: functional limitations). */
const CAREGIVER_HELP = /^(?:(?:and|but|so|well|yes|yeah)[,]?\s+)?I(?:'ve| have| had)?(?: to)? (?:help|lift|dress|bathe|carry|push|pull|hold|guide|steady|remind|feed) (?:her|him|them)\b/i;
/** Goal status: "met all three goals", "the TUG goal isn't met yet", "goal partially met". */
export const GOAL_STATUS = /\b(?:met (?:all|both|each|every|the|(?:his|her|their|your) )[^.;]{0,25}\bgoals?|goals? (?:is |are |was |were |has been |have been )?(?:all |both |now )?(?:partly |partially |fully |not (?:yet )?)?(?:met|achieved)\b|goals?[^.;]{0,30}\b(?:isn't|is not|aren't|are not|not yet) met)|^[^:.;]{3,60}:\s*(?:(?:partly|partially|fully|not(?: yet)?)\s+)?(?:met|achieved)\b/i;
/** A test or recording announced before it is done: "I'd like to record ...", "I'm going to check ...", "Let me look at ...". */
const ANNOUNCED = /^(?:(?:so|okay|ok|now|first|next|all right|alright)[,]?\s+)*(?:[a-z]+,\s+)?(?:I'd|I would|I want to|I'm going to|I am going to|let me|we're going to|we are going to)\s+(?:like to\s+)?(?:record|measure|test|check|look at|watch|time|get (?:a|some) (?:baseline|sample|recording|measurement)s?)\b/i;
const PAST = /\b(?:at (?:the |your |his |her )?(?:evaluation|eval|intake|start|first visit)|used to|when (?:she|he|you|they) started|last (?:week|month|visit))\b/i;

/** Positioning the patient ("Bottom leg straight, top knee bent", "Right hand stabilizing, left hand turning"). */
const POSITIONING = /^(?:weight (?:over|on|onto) .*$(?<!\d.*)|(?:(?:top|bottom|right|left|other) )?(?:leg|knee|arm|hand|feet|foot|head|chin|elbow|wrist|shoulder)s? (?:straight|bent|relaxed|up|down|together|crossed|stabiliz\w*|turning|flat|on (?:the )?(?:rail|counter|table|wall|bar|chair))\b(?!.*\d))/i;

/** A clinician remark with nothing to chart: no number, body part, symptom, test or service. */
function lowInformation(t: string): boolean {
  return !/\d/.test(t) && !regionsIn(t).length && !symptomMentions(t).length && !testsIn(t).length && !kindsIn(t).length
    && !GOAL_LINK.test(t) && !OBJECTIVE_CUE.test(t) && !PERFORMANCE.test(t)
    && !/\b(?:deficit|goal|improv\w*|progress\w*|strength|balance|function\w*|independen\w*|assist\w*|last (?:visit|week|time)|at (?:the )?(?:evaluation|start))\b/i.test(t);
}

/**
 * Measured data or treatment said under a header carried from an earlier utterance of a
 * dictation ("History: ..." then "Voice Handicap Index 58/120"): the header no longer holds.
 */
function dataNotReport(t: string, discipline?: string): boolean {
  if (REPORT_VERB.test(t) || /\bgoals?\b/i.test(t)) return false;
  const measured = (testsIn(t).length > 0 && /\d/.test(t)) || MEASURE_VALUE.test(t.replace(/\b\d+(?:\.\d+)?\/10\b/g, ''));
  const treatment = kindsIn(t, discipline).length > 0 && (/\d/.test(t) || /^(?:treatment|we |I )/i.test(t));
  return measured || treatment;
}

/** Symptoms only the patient can report (an examiner sees swelling or bruising, but not tingling). */
const REPORTED_ONLY = new Set(['fall', 'numb', 'tingling', 'pins and needles', 'pain', 'headache', 'dizz', 'vertigo', 'nausea', 'burning', 'radiat', 'heaviness', 'fatigue', 'ringing', 'tinnitus', 'double vision', 'blurred vision', 'heartburn', 'reflux', 'urgency', 'incontinence', 'bowel', 'bladder', 'saddle']);
const EXAM = /\b(?:noted|observed|on exam\w*|palpat\w*|to touch|visibl[ey]|inspect\w*|measured|test(?:s|ed|ing)?|girth|circumference|sensation)\b/i;

/** Every symptom named is denied, and one of them only the patient could report: "No numbness or tingling". */
function deniedReport(t: string): boolean {
  const found = symptomMentions(t);
  return found.length > 0 && found.every((m) => m.negated) && found.some((m) => REPORTED_ONLY.has(m.key)) && !EXAM.test(t);
}

/** The clinician quoting the patient: "In his words, '...'", "he said, quote, ...". */
function quotesPatient(t: string): boolean {
  return /\b(?:(?:his|her|their|own) words|quote|says|said|told (?:me|us))\b[^'"\u201c]{0,20}["\u201c']/i.test(t) && /["\u201c'][^"\u201d']{8,}/.test(t);
}

/** The section for a sentence, or null when it is not note content. */
export function sectionFor(u: Unit, mode: 'ambient' | 'dictation', continues = false, discipline?: string, answers = false): SectionName | null {
  const t = u.text;
  // values read with the units speech left out ("pinch 11", "abduction 165")
  const tv = withUnits(t);
  // "Maybe a four." after "Where's the neck on a scale of zero to ten?" is an answer worth charting
  // "No, none of that." after "Any numbness or tingling?" is a denial worth charting
  // a clinician relaying what the family says ("His wife says he's been practicing") is a report, not an aside
  // "And the mouth, still dry?" - "Like sandpaper.": a likeness is the answer, in the patient's words
  if (u.isQuestion || (!substantive(t, answers || u.speaker === 'clinician') && !isBaselineSentence(t) && !(answers && u.speaker !== 'clinician' && (/\d/.test(t) || LEADING_NO.test(t) || SHORT_VERDICT.test(t) || LIKENESS.test(t) || DID_IT.test(t))))) return null;
  // a clinician repeating the patient's rating ("Three out of ten, okay.")
  if (u.speaker === 'clinician' && /^\d+(?:\.\d+)?\/10\b[^a-z]*(?:okay|ok|alright|good|got it)?[^a-z]*$/i.test(t)) return null;
  if (foreignSentence(t) || PLEASANTRY.test(t) || NOT_FOR_NOTE.test(t) || SIGN_OFF.test(t.trim())) return null;
  // "It's supposed to be a four out of ten, not a seven.": how hard an exercise should feel, not a rating given
  if (u.speaker === 'clinician' && u.header !== 'plan' && /\b(?:supposed to|should(?:n't| not)?|ought to)\s+(?:be|feel|go|get)\b[^.]{0,25}\d+\/10\b/i.test(t) && !/\b(?:home|at night|between visits)\b/i.test(t)) return null;
  // "Mom, this next part is the PLS-5.": what comes next, announced; its result is the note's
  if (/^(?:(?:[A-Za-z]+|now|okay|so)[,]\s+)*(?:this|the) next (?:part|thing|test|one|section|bit|activity) (?:is|will be)\b/i.test(t) && !/\d{2}|\d\/|\d+ of\b/.test(t)) return null;
  // "Today's visit ten, so I'll be re-testing things": which visit it is, the EMR already knows
  if (VISIT_META.test(t) && !/\b(?:pain|goal|measure|test|report due)\b/i.test(t.replace(VISIT_META, ''))) return null;
  // the patient's own words are their report, even under a dictated "Objective:" said earlier (DOMAIN.md 1.5 S)
  if (u.header === 'objective' && u.headerCarried && u.speaker === 'clinician' && quotesPatient(t)) return 'subjective';
  // "Exam." dictated earlier does not hold for "Continue once a week, four weeks." or "Home, clamshells daily." at the end
  const planAfterExam = u.headerCarried && u.header === 'objective' && PLAN_CUE.test(t) && !MEASURE_VALUE.test(tv.replace(/\b\d+x\/(?:day|week)\b/g, ''));
  if (u.header && !planAfterExam && !(u.headerCarried && u.header !== 'objective' && u.header !== 'plan' && dataNotReport(t, discipline))) return u.header;
  const relayed = /^(?:(?:she|he|they) (?:says|said|reports|tells)|the patient (?:says|said))\b/i.test(t);
  if (u.speaker === 'other' && !relayed && !continues && !answers && !ABOUT_PATIENT.test(t) && !CAREGIVER_HELP.test(t) && !TALK_AVOIDED.test(t) && !symptomMentions(t).length && !MEASURE_VALUE.test(tv) && !OTHER_CUE.test(t)) return null;
  if (u.speaker !== 'clinician') {
    // "Works for me.", "Sounds good.": agreeing to the plan says nothing of the patient
    if (/^(?:(?:yeah|yes|okay|ok|sure)[,]?\s+)?(?:that )?(?:works|sounds (?:good|great|fine)|fine by me|deal|will do)(?: (?:for|with|to|by) me)?[.!]?$/i.test(t.trim())) return null;
    // "My brother's a lefty.": a short remark about a relative's own trait, not the patient
    if (/^(?:and )?my (?:brother|sister|cousin|friend|dad|mom|son|daughter|husband|wife)(?:'s| is) (?:a |an )?\w+[.!]?$/i.test(t.trim())) return null;
    // "That's the whole trouble.", "That's the main problem.": a remark on what was just said, with nothing of its own
    if (/^(?:and |yeah,? )?that(?:'s| is) (?:the |my )?(?:whole |real |main |big |only )?(?:trouble|problem|thing|issue|point)[.!]?$/i.test(t.trim())) return null;
    // "I want Peppa!", "More!": a short exclamation (a child's, often) reports nothing
    // ... but "I sang!" after "How was choir on Sunday?" says what the patient did
    if (/!\s*$/.test(t) && t.split(/\s+/).length <= 4 && !/\d/.test(t) && !symptomMentions(t).length && !regionsIn(t).length && !LEADING_NO.test(t) && !DID_IT.test(t)) return null;
    // a body part in the patient's own words counts when something is said about it ("my left hand doesn't listen", "my neck's fine")
    // ... or something done with it: "He picked up his coffee mug with his left hand on Sunday"
    const aboutBody = regionsIn(t).length > 0 && /\b(?:feels?|listen\w*|move\w*|work\w*|won't|can't|doesn't|does not|gets?|goes|stiff|weak|heavy|tired|numb|dead|asleep|fine|okay|alright|normal|better|worse|same|tender|sore|achy|picked up|held|grabbed|opened|lifted|carried|buttoned|tied|wrote|reached)\b/i.test(t);
    // "Daycare noticed too. They said she's asking for things now": a report from school or daycare, relayed by family
    const relayedReport = u.speaker === 'other' && /\b(?:daycare|day care|school|preschool|teachers?|coach)\b[^.]*\b(?:noticed|said|says|reports?|told)\b|^(?:they|she|he) said (?:she|he)(?:'s| is| was)\b/i.test(t);
    // "He's been sneaking regular coffee in the morning": what the family sees the patient doing
    const habit = u.speaker === 'other' && ABOUT_PATIENT.test(t) && /^(?:\w+[,]?\s+)?(?:he|she|they)(?:'s| has| have|'ve) been \w+ing\b/i.test(t);
    // "he said if you sign off I can go back to my Sunday league": a return to an activity, or the goal of one
    const clinical = habit || (u.speaker === 'other' && CAREGIVER_HELP.test(t)) || (u.speaker === 'patient' && GOAL_WORD.test(t)) || TALK_AVOIDED.test(t) || SUBJECTIVE_CUE.test(t) || SELF_CARE.test(t) || MEASURE_VALUE.test(tv) || symptomMentions(t).length > 0 || aboutBody || relayedReport || (u.speaker === 'patient' && FIGURATIVE.test(t));
    return clinical || answers || (continues && t.split(/\s+/).length >= 4) ? 'subjective' : null;
  }
  // the clinician quoting the patient ("In his words, '...'"), or a dictated "Quote, ..., end quote": the patient's report
  if (quotesPatient(t) || /^"[^"]{8,}"[.!?]?$/.test(t.trim())) return 'subjective';
  // "8 lb weight loss over 3 months per patient": a value the patient gave is a report, not a measure taken (DOMAIN.md 1.5 S)
  if (ATTRIBUTED.test(t) && !STRONG_PLAN.test(t) && !GOAL_STATUS.test(t)) return 'subjective';
  // "Dr. Adeyemi tells me you finished chemo and radiation": history from the referring physician or the chart, told to the patient
  if (u.speaker === 'clinician' && RELAYED_HISTORY.test(t) && !STRONG_PLAN.test(t) && !t.trim().endsWith('?')) return 'subjective';
  // "the stroboscopy showed nodules on both vocal folds": what imaging or a study found before the visit is history (DOMAIN.md 1.5 S)
  if (u.speaker === 'clinician' && STUDY_RESULT.test(t) && !STRONG_PLAN.test(t) && !t.trim().endsWith('?')) return 'subjective';
  // dictation: "He reports the knee catches about twice a week" is history, not a frequency of care
  if (mode === 'dictation' && REPORT_VERB.test(t) && !STRONG_PLAN.test(t) && !MEASURE_VALUE.test(t.replace(/\b\d+\/10\b/g, ''))) return 'subjective';
  // dictation: "No numbness or tingling in the fingers" is a denial the patient gave (DOMAIN.md 1.5 S, 1.6)
  if (mode === 'dictation' && deniedReport(t) && !MEASURE_VALUE.test(tv) && !GOAL_LINK.test(t) && !kindsIn(t, discipline).length) return 'subjective';
  // goal status is the assessment, whatever plan words come with it ("met all three goals, so discharging ...")
  if (GOAL_STATUS.test(t)) return 'assessment';
  // "For full duty I want key pinch 16 lb": a target set for the plan of care (DOMAIN.md 1.5 P: measurable goals)
  if (u.speaker === 'clinician' && WANTED_VALUE.test(t)) return 'plan';
  // "We still don't have a referral on file": the gap to close before billing is the plan's (DOMAIN.md 2.6 T23)
  if (u.speaker === 'clinician' && PAPERWORK.test(t)) return 'plan';
  // "At evaluation she was leaking 5x/week": a frequency said of the past is history, not the plan
  // "Visit ten today, so this is your progress check. We'll re-measure everything.": today's agenda, said as the visit opens, is no plan
  if (u.uttIndex <= 1 && /^(?:so,?\s+)?(?:we'll|we will|I'll|I will|let's)\s+(?:re-?measure|measure|re-?check|check|re-?test|test|go over|look at|start)\b/i.test(t) && !/\b(?:next|visit \d+|week)\b/i.test(t)) return null;
  // "I'd like to record a reading passage and a few minutes of conversation for the SSI": a test announced; its result is the note's
  if (u.speaker === 'clinician' && ANNOUNCED.test(t) && !/\d/.test(t) && !kindsIn(t, discipline).some((k) => !k.explicit)) return null;
  // "I did not adjust the lumbar today because of the acute flare", "so we're going to skip the paraffin today": a service held back is part of the treatment record (DOMAIN.md 2.4)
  if (u.speaker === 'clinician' && HELD_BACK.test(t)) return 'objective';
  if (PLAN_CUE.test(PAST.test(t) ? t.replace(/\b\d+x\/(?:week|day)\b/g, '') : t)) return 'plan';
  // "So: a new stage 2 pressure injury, propulsion down from 150 to 60 feet, and transfers from supervision to
  // min assist": the changes since last time summed up are the clinician's assessment (DOMAIN.md 1.8 re-evaluation)
  if (u.speaker === 'clinician' && /^(?:so[:,]|overall[:,]?|in summary[:,]?|to sum (?:it )?up[:,]?)\s/i.test(t) && (t.match(CHANGE_SAID) ?? []).length >= 2) return 'assessment';
  // "Two-step commands: 18 of 20 correct, 90%; that meets the goal": the measure leads, so it is data
  const lead = (t.split(/;\s/)[0] ?? '').replace(/\b\d+(?:\.\d+)?\/10\b/g, '');
  if (t.includes(';') && MEASURE_VALUE.test(lead) && !/\bgoals?\b/i.test(lead)) return 'objective';
  if (ASSESSMENT_CUE.test(t)) return 'assessment';
  if (mode === 'dictation' && (REPORT_VERB.test(t) || (HISTORY.test(t) && !GOAL_LINK.test(t))) && !MEASURE_VALUE.test(tv) && !/^(?:we |I )?(?:worked|did|performed|completed|practiced|trained|adjusted)\b/i.test(t)) return 'subjective';
  if (mode === 'dictation' && /\/10\b/.test(t) && !MEASURE_VALUE.test(t.replace(/\b\d+(?:\.\d+)?\/10\b/g, ''))) return 'subjective';
  if (IMPERATIVE.test(t) && !t.includes(':') && !/\d/.test(t) && !(/^let's\b/i.test(t) && kindsIn(t, discipline).some((k) => !k.explicit))) return null;
  const delivered = kindsIn(t, discipline).some((k) => !k.explicit) && (/\d/.test(t) || /^(?:we |I )?(?:worked|did|performed|completed|practiced|trained|adjusted)\b/i.test(t));
  if (GOAL_LINK.test(t) && !REPORT_VERB.test(t) && !testsIn(t).length && !/\d+x\d+/.test(t) && !delivered) return 'assessment';
  // "I switched her to a lateral pinch": in a dictation "I" is the clinician doing, not the patient reporting
  if (mode === 'dictation' && SUBJECTIVE_CUE.test(t) && !MEASURE_VALUE.test(tv) && !OBJECTIVE_CUE.test(t) && !delivered && !/\b(?:I|we)\b/.test(t)) return 'subjective';
  // dictation: "She also coaches cheer two afternoons a week" is what the patient does, not a finding
  if (mode === 'dictation' && /^(?:she|he|they|(?:the )?patient)\s+(?:also\s+|still\s+|usually\s+)?(?!is\b|was\b|has\b|had\b|does\b|did\b)[a-z]+s\b/i.test(t) && !PERFORMANCE.test(t) && !MEASURE_VALUE.test(tv) && !testsIn(t).length && !kindsIn(t, discipline).length) return 'subjective';
  // ("I've got your elbow": the clinician holding on, not a finding; "I've got restriction at C5-6" is one)
  if (/^(?:I|we) (?:have|'ve got|got)\b|^here(?:'s| is| are)\b|^I(?:'ve| have)? got (?:your|his|her|the) [a-z]+(?: [a-z]+)?[.!]?$/i.test(t)) return null;
  // "No nystagmus, no dizziness.", "Left side: nothing.": a sign the examiner looked for and did not find, or a side tested and clear
  if ((symptomMentions(t).some((m) => !REPORTED_ONLY.has(m.key)) && !GOAL_LINK.test(t)) || SIDE_RESULT.test(t)) return 'objective';
  // "From 9 to 17.": the change of the reading just said
  if (isBaselineSentence(t) && u.speaker === 'clinician') return 'objective';
  if (lowInformation(t)) return null;
  if (GOAL_LINK.test(t) && !testsIn(t).length && !/\d+x\d+/.test(t)) return 'assessment';
  if (POSITIONING.test(t)) return null;
  if (mode === 'ambient' && regionsIn(t).length && !IMPERATIVE.test(t)) return 'objective';
  if (MEASURE_VALUE.test(tv) || testsIn(t).length || OBJECTIVE_CUE.test(t) || kindsIn(t, discipline).length || PERFORMANCE.test(t) || ASSIST_LEVEL.test(t)) return 'objective';
  if (mode === 'dictation' && SUBJECTIVE_CUE.test(t)) return 'subjective';
  // a clinician's sentence with a number is an observation ("Verbal perseveration on 4 occasions today")
  return /\d/.test(t.replace(/\b\d{1,2}:\d{2}\b/g, '')) && !IMPERATIVE.test(t) ? 'objective' : null;
}
