/**
 * Sentence-level cues that decide where a spoken sentence belongs in SOAP (DOMAIN.md 1.5:
 * S = patient-reported symptoms and function, O = measurable data and interventions,
 * A = skilled reasoning and progress toward goals, P = next steps tied to goals).
 */

/** Home programme, next visit, frequency, goals, recommendations: Plan. */
/**
 * What the clinician does meanwhile, said with an item: "while I write up your report", "while I finish charting your
 * last visit", "while writing" (not part of the item, and not note content).
 */
export const WHILE_CHARTING = /,?\s+while (?:(?:I|we|clinician)(?:'m| am| are)? (?:finish(?:ing)? )?(?:write|writing|chart|charting|document\w*)|writing|charting)(?: up)?(?: (?:the |your |his |her |my )?(?:report|note|notes|chart|paperwork))?(?: (?:from |for |on )?(?:the |your |his |her )?last (?:visit|session|patient))?\b/gi;

/** "For full duty I want key pinch 16 lb and grip 80 lb on the left": a value the clinician wants reached is a target. */
export const WANTED_VALUE = /\b(?:I|we) (?:want|need|'d like|would like) (?:to see )?(?:him|her|them|you|(?:key |tip |lateral )?pinch|grip|\w+ (?:flexion|extension|rotation|abduction))\b[^.]*\d/i;
export const PLAN_CUE = /\b(?:between (?:visits|sessions|appointments)|if (?:you|he|she|they) (?:notice|have|get|develop|feel|experience)|(?:no|avoid|hold off on) [a-z]+ing for (?:another|the next|a few|\d+) (?:\w+ )?(?:days?|weeks?|months?)|(?:no|avoid|hold off on) [a-z]+ing until\b|call (?:Dr|the doctor|your doctor|us)|can re-?evaluat\w*|home program(?:me)?|home exercise|HEP|home practice|for home|at home[,:]|next (?:time|visit|session|week)|next (?:targets?|goals?|steps?) (?:is|are|will be)\b|(?:will|'ll|going to|(?<!\b(?:is|are|was|were|order|able|meant|designed|aimed|needed|used|tends?|tended|seems?|seemed|appears?|likes?|liked|good|nice|great|glad|happy|love|loved)\s)to) (?:progress|add|continue|bump|increase|decrease|send|see|re-?assess|re-?measure|re-?evaluate|re-?examine|re-?test|re-?administer|discharge|keep going|shift|introduce|advance|call|try|combine|focus on|build up to|teach)|\bfor this (?:week|weekend)\b|^(?:keep )?practic(?:e|ing)\b[^.]{0,60}\b(?:a|per|each) day\b|\d+x\/week|recommend\w*|\b(?:get |be )?fitted for\b|goals? (?:is|are|will be|would be)(?! (?:partly |partially |fully |not |now |already )?(?:met|achieved))|new goals?|plan is|discharge plan|follow[- ]up|re-?exam(?:ine|ination)?(?= (?:at|on|in|after|next|every)\b)|(?<!\bto )avoid|keep doing|keep using|keep going with|^at home\b|^home[,:](?=\s)|^trial (?:an? |the )?(?:[\w-]+ )?(?:belt|brace|splint|orthosis|cushion|insoles?|orthotics?|tape|taping|sleeve|cane|walker)s?|^re-?exam (?:at |on )?(?:visit|session) \d+|(?:can|may|could) (?:come back|return)\b|come back in\b|if (?:the )?(?:pain|symptoms?|it|leaking|swelling|numbness|dizziness|heaviness|redness)\b[^.]{0,30}\b(?:comes? back|returns?|gets? worse|worsens|increases?|persists?|lasts?)|no (?:\w+ ){0,2}(?:cuffs?|needle sticks|injections?|hot tubs?|saunas?)\b|(?:next|then) (?:we|I)(?:'ll)? (?:add|try|start|progress)|keep the \w+ (?:for|at|on|until)\b|wear the|skip the|^(?:and |also )?(?:at work|at school|at the office|on the job),? (?:try|use|wear|keep|take|switch to)\b|\b(?:I'll|I will|we'll|we will) (?:also )?(?:teach|show|train) (?:you|mom|dad|him|her|them)\b[^.]*\b(?:at home|every day|daily)\b|\b(?:reach out to|coordinate with|touch base with) (?:the |his |her |their )?(?:school|teacher|doctor|pediatrician|physician|surgeon|case manager)|re-?check (?:you|him|her|them) in (?:\d+|a few|a couple of) (?:weeks?|months?)\b|\bI(?:'d| would) (?:join|sign up for|look into|check out)\b|set a (?:phone )?reminder|progress to|refer\w* (?:back|to)|\d+x\/day|homework|starting today|\bwhen(?:ever)? you(?:'re| are| get| go| have)\b[^.]{0,40}\b(?:do|try|ice|use|take|wear|stretch|practice|put)\b|aim for|until then|(?<!\b(?:let's|let me|I'll|we'll) )(?:buy|order|get) (?:a|an|one of those)\b|no (?:lifting|carrying|driving|running|jumping|showers?|full-voice|singing|bending|twisting|reaching)\b|(?:don't|do not) (?:lift|carry|drive|run|bend|twist|sing|shower)\b|(?:aim for|do|drink|use|practice|wear|repeat|bump|increase)\b[^.;]{0,40}\b(?:a|per) day\b|\bhold off on (?:the )?[a-z]+ until\b|(?:I|we)(?: really)? (?:want|'d like|would like|need) (?:a|an|to (?:get|order|schedule|request)(?: (?:a|an|the))?) (?:[a-z-]+ ){0,4}(?:study|x-?ray|MRI|imaging|referral|consult\w*|scan|FEES|MBSS?)|^(?:yes[,.]?\s+)?(?:keep|continue|stay on|stick with) (?:the |his |her |your )?(?:tube feed\w*|feeds|diet|purees?|thick\w* liquids?|soft foods?)|\b(?:purees?|(?:mildly|moderately|extremely) thick(?: liquids)?|soft (?:and bite-sized|foods?)|minced(?: and moist)?)\b[^.]*\bonly\b|\bno thin (?:liquids|water)\b|\bask (?:your|the|his|her) (?:dentist|doctor|surgeon|physician|PCP|pediatrician|orthodontist|neurologist)\b|\bplease (?:try|keep|use|wear|do|practice|put|have (?:him|her|them))\b[^.]*\b(?:weekends?|every (?:day|night|morning)|each day|daily|at home|at school|times a (?:day|week)|at least|half the day|all day)\b)(?![a-z])/i;

/** Interpretation, goal status, complexity, prognosis: Assessment. */
export const ASSESSMENT_CUE = /\b(?:what (?:I'm|I am) seeing (?:is|fits|suggests|points to|looks like)|(?:pain|symptoms?|swelling|stiffness|numbness|tingling|headaches?|dizziness) (?:is|are|has been|have been) (?:coming|going) down|significant (?:change|decline|improvement|regression|progress)|(?:caused|shows?|showing|had) (?:a |some )?(?:regression|decline|setback)|(?:has|have|presents? with) (?:a |an )?(?:[a-z-]+ ){0,3}(?:disorder|delay|impairment|apraxia|aphasia|dysarthria|dysphagia|dysphonia)\b|(?:this|it|that) (?:looks|sounds) (?:a lot |very much |most )?like (?:a |an )?(?:[a-z]+ ){0,2}[a-z]+(?:itis|osis|opathy|ia|tear|sprain|strain|syndrome|impingement|shoulder|dysfunction|instability)\b|(?:my|the clinical) (?:impression|take|read on this)(?: is|(?=:))|goals? (?:is |are )?(?:partly |partially |fully )?(?:met|achieved)|(?:is|are) (?:partly |partially )?met|(?:is|are)n't met|not (?:yet )?met|consistent with|limiting factor|prognosis|rehab(?:ilitation)? potential|(?:the )?main thing holding (?:you|him|her|them) back|complexity evaluation|complexity|re-?evaluat(?:e|ing) (?:the patient|patient)? ?today|resolving|emerging|below goal|above goal|discharging|presentation|clear \w+ deficit|indicat(?:es|ing)|suggest(?:s|ing)|new problem|progressing|improv(?:ed|ing) (?:but|and)|have all improved|has improved|good (?:within-session )?response|responded|(?<!tibial )plateau(?:ed|ing)?|(?:moving|going|heading) in the right direction|making (?:steady |good |slow |real )?progress|(?:is|are) (?:really )?helping (?:him|her|them)|respond(?:ing|s)? (?:really |very |quite )?(?:well|nicely|favou?rably) to|(?:usually|typically|generally) respond(?:s)? (?:really |very |quite )?well\b|(?:come|comes|came|coming) from (?:the way|how) (?:you|he|she|they)(?:'re| are| is| were)? (?:using|use|uses|used)\b|main barrier|tolerated|this is something separate|doing well|is a \w+ problem|what (?:we|I|they) call (?:a |an )?[a-z]+)\b/i;

/** Measured or observed by the clinician: Objective. */
/** A study's finding: "the MRI showed a partial tear", "X-rays came back normal", "the stroboscopy showed nodules". */
export const STUDY_RESULT = /\b(?:MRI|x-?rays?|CT(?: scan)?|(?:bone |DEXA )?scan|ultrasound|stroboscopy|endoscopy|EMG|nerve conduction(?: study)?|(?:modified barium )?swallow study|MBSS?|FEES|imaging)\b[^.?]{0,20}\b(?:showed|shows|revealed|reveals|confirmed|found|came back (?:normal|negative|positive|clear|unremarkable|showing))\b/i;

/** A service held back, with why: "I did not adjust the lumbar today because of the acute flare" (DOMAIN.md 2.4: the treatment record). */
export const HELD_BACK = /\b(?:did not|didn't|not|won't|will not|held off on|deferred|skipped)\b[^.;]{0,30}\b(?:adjust|manipulat|mobiliz|treat|do|use|apply|appl)\w*\b[^.;]*\b(?:because|due to|since|given)\b|\b(?:skip|skipping|hold(?:ing)? off on) (?:the )?[a-z]+(?: [a-z]+)? (?:today|this (?:time|visit|session))\b/i;

/** How a voice sounds to the clinician (SLP perceptual ratings): "mostly rough and breathy", "the pitch is a bit low". */
export const VOICE_QUALITY = /\b(?:breathy|strained|hypernasal\w*|hyponasal\w*|monopitch|monoloudness|rough(?:ness)? and (?:breath(?:y|iness)|strain(?:ed)?)|pitch is (?:a bit |slightly |quite |too )?(?:low|high))\b/i;
const OBSERVED = /\b(?:palpation|(?:velar |palatal )?fronting|gliding|cluster reduction|(?:final|initial) consonant deletion|deleting (?:final|initial) consonants|weak syllable deletion|stopping (?:the |of )?(?:[a-z]{1,2} sounds?|fricatives|affricates)|deaffrication|comes? out as|corrected (?:yourself|himself|herself|themselves)|self-corrected|hard glottal|glottal attacks?|(?:clavicular|thoracic|abdominal|diaphragmatic) breathing|breathing pattern|vocal fry|spill(?:ed|s|ing)?|anterior loss|loss at the corners|gag(?:s|ged|ging)|tongue|molars?|lip closure|pocket(?:ed|ing)|lateraliz\w*|end[- ]feel|capsular pattern|passive(?:ly)?|PROM|AROM|(?:I|we) (?:looked at|examined|observed|checked|screened)|symmetr\w*|intact|unremarkable|within normal limits|WNL|looks? normal|(?:looks?|appears?) (?:fine|normal|good|adequate) for (?:speech|eating|swallowing|feeding|chewing)|drool\w*|palate|oral (?:mech\w*|motor|structures?)|palpable|tender(?:ness)?|guard(?:ed|ing)|tight(?:ness)? through|restriction|restricted|nodule|triggered|trials?|sips?|residue|transit|voice is clear|lacking|weakness|reduced|decreased|diminished|impaired|MMT|strength|grip|flexion|extension|rotation|supination|pronation|abduction|reflexes|myotomes|sensation|positive|negative|centrali[sz]\w*|fingertips?|tip-to-palm|swelling|edema|figure-of-8|score[sd]?|accura(?:te|cy)|correct|percent|%|°|\d+\/5\b|stance|reach|hold|stimulab\w*|perseverat\w*|cue[sd]?|cueing|cuing|\d+ of \d+)\b/i;
export const OBJECTIVE_CUE = new RegExp(`${OBSERVED.source}|${VOICE_QUALITY.source}`, 'i');

/**
 * A referral, prescription or authorization not on file ("we still don't have a referral from her
 * primary care", "the prescription hasn't come in"): a gap the payer denies for (DOMAIN.md 2.6 T23).
 */
export const PAPERWORK = /\bvisits? left on\b[^.]{0,40}\bauthori[sz]ation|\brequest (?:more|additional) (?:visits|authori[sz]ation)|\bI'll request more\b|\b(?:prescription|referral|authori[sz]\w*)\b.{0,60}\b(?:not|yet|pending|missing|awaiting|hasn't|doesn't|does not)\b|\b(?:no|don't have|do not have|haven't (?:got|gotten|received)|missing|still need|awaiting|pending)\b[^.]{0,30}\b(?:referral|prescription|authori[sz]ation)\b/i;

/** What a patient says about symptoms, function, history, life: Subjective. */
export const SUBJECTIVE_CUE = /\b(?:every (?:night|day|morning|evening)|\d+x\/day|used to be|repeat\w* (?:questions?|herself|himself)|(?:sleeve|brace|splint|orthosis|garment|shoes?|cushion|guard)s? (?:finally |now |still )?(?:fits?|fitting)|\d+ (?:nights|days|times|mornings)(?: (?:a|per) |\/)week|weight(?:'s| is| was| has been)? (?:steady|stable|down|up|the same|unchanged)|percentile|weighs|thin liquids?|thicken\w*|almost (?:fell|went down)|nearly fell|caught (?:my|her|him)self|near[- ]falls?|pain|aches?|hurts?|sore|stiff|tight|numb\w*|tingl\w*|swelling|headaches?|dizz\w*|falls?|fell|wobbl\w*|cough\w*|chok\w*|fevers?|give way|catch\w*|lock\w*|pinch\w*|itchy|weak|worse|better|easier|harder|hardest|difficult\w*|trouble|problem|can't|cannot|unable|able|stairs?|steps|walk\w*|sit\w*|stand\w*|sleep\w*|driv\w*|work\w*|job|shift|lift\w*|carry\w*|reach\w*|cook\w*|knit\w*|jars?|dress\w*|church|home|ago|since|started|onset|surgery|accident|collision|cast|sleeve|splint|brace|bandag\w*|night guard|x-?rays?|MRIs?|imaging|scans?|injections?|injected|cortisone|steroids?|lives?|alone|medication\w*|pills|history|pregnan\w*|weeks along|trimester|postpartum|killing (?:me|him|her)|diet|ate|eat\w*|drink\w*|swallow\w*|teacher|understand\w*|hearing|confiden\w*|goal|steak|meals?|food|ate|dinner|lunch|breakfast|want|hobby|garden|worst|pick(?:ing)? up|picks up|holding|heavy|cramp\w*|tired|breathy|hoarse\w*|voice|throat|frustrat\w*|scared|afraid|worried|nervous|listen|frog|teach\w*|duty|choir|sing\w*|drove|drive|trip|kneel\w*|squat\w*|bend\w*|dinner|talk\w*|words?|write|writing|homework|page)\b/i;

/** The patient is told to do something now ("Lie back", "Push against my hand", "So tell me what's going on"). */
export const IMPERATIVE = /^(?:(?:so|okay|ok|alright|all right|now)[,]?\s+){0,2}(?:please\s+)?(?:lie|lay|push|pull|bend|turn|lift|raise|reach|make|take|hold|sit|stand|breathe|relax|keep|try|squeeze|start|face|come|tell|show|grab|go|walk|step|shift|use|put|get|slide|look|open(?! cup\b)|close|switch|straighten|remember|watch|chew|drink|swallow|finish|rest|let|give|do|roll|scoot|move|point|bring|stay|stop|wait|follow|pretend|imagine|grip|press|curl|tuck|slow|don't|small|feet|arms|eyes|quick check|deep breath|breathe out)\b/i;

/** Daily functions a goal is written in (DOMAIN.md 2.3 "one question": what would be different). */
const FUNCTION_VERB = String.raw`(?:walk|climb|lift|reach|dress|bath|shower|cook|driv|kneel|squat|carry|carrying|get|gett|return|sit|stand|sleep|work|writ|eat|swallow|talk|speak|sing|garden|play|run|push|pull|turn|check|look|buckl|fasten|button|groom|toilet|transfer|go|hold|open|pick|bend|stoop|shop|travel|read|breath)`;

/**
 * Sentences (or clauses) tying a block to a function or goal (DOMAIN.md 2.4 "functional goal
 * connection"): "so you can ...", "toward independent stair climbing", "for walking outdoors",
 * "the flexion he needs to kneel", "aimed at his goal of ...". A purpose that names only a
 * capacity ("for DF range and push-off strength") is not a goal connection.
 */
export const GOAL_LINK = new RegExp(String.raw`\b(?:(?<!\bfield )(?<!\bscored (?:a |the )?)goals?\b|so (?:that )?(?:you|he|she|they|(?:the )?patient|we) (?:can|could|will|are able)|so (?:that )?(?:you|he|she|they|(?:the )?patient) (?:don't|doesn't|won't|do not|does not|will not) (?:fall|trip|get hurt|re-?injure)|for getting|to get (?:you|him|her|them)\b|to be able to|working toward|towards? (?!(?:the |your |his |her )?(?:[a-z]+ )?sides?\b)(?!(?:the |your |his |her )?(?:end|start|floor|ceiling|wall|door|doorway|mirror|midline|table|ground|front|back|left|right|side|target|line|window|edge|toes?|knees?|feet|chest|nose|shoulders?|ears?|hips?|heels?|head|skull|spine|neck|elbows?|wrists?|hands?|thumbs?|pinky|fingers?|ankles?|belly|navel|ribs?|tailbone|armpit)\b)(?:your |his |her |their |the |a |an )?(?:[a-z]|\d+ (?:feet|ft|meters|steps|stairs|blocks|min|lb)\b)|advanc\w* (?:his|her|your|the|their) goal|goes (?:straight )?to (?:your|his|her|the|their)\b|you need\b|(?:he|she|they|(?:the )?patient) needs? (?:to|for)\b|(?:is|are) (?:directly |all |mainly |specifically |really |part of what's )?for|this is to|(?:is|are) part of (?:getting|being|returning)|these are to|(?:is|are) to (?:get|loosen|help|improve|restore|calm|reduce|build|strengthen|settle|desensiti[sz]e|protect|prepare|keep|maintain)|(?:is|are) (?:all )?about (?:getting|being|returning)|aim(?:ed|ing)? at|to control|return(?:ing)? to|get back to|stands between|needed for|required for|in order to|to allow|to enable|(?:practice|training|prep\w*) for|for (?:safe|independent)|for ${FUNCTION_VERB}\w*ing\b|to keep (?:you|him|her|them|(?:the )?patient) ${FUNCTION_VERB}\w*ing\b)`, 'i');

/** An assist level as charted: "minimal assist", "contact guard", "supervision", "independent" (DOMAIN.md 1.5). */
export const ASSIST_LEVEL = /(?<![\w-])(?:independent(?:ly)?|supervision|(?:min(?:imal|imum)?|mod(?:erate)?|max(?:imal|imum)?|stand-?by) assist(?:ance)?|contact guard)\b/i;

/** Purely social or procedural talk with no clinical content. */
export const SOCIAL = /^(?:hi|hello|hey|morning|good (?:morning|afternoon|evening)|afternoon|thanks?|thank you|bye|see you|sounds good|got it|sure|okay|ok|no problem|sorry|not your fault|wouldn't hurt|you're welcome|nice to meet)\b/i;

/** (not "Go home?": a child asking to leave) */
const HOME_QUESTION = /\b(?:at home|for home|home (?:program\w*|exercises?|practice|work)|buy|get (?:him|her|one|a)|should (?:I|we)|can (?:I|we)|do I do|homework)\b/i;

/**
 * Plan by context: the clinician answering the patient's or family's question about home or
 * equipment ("Should I get him one of those grips?" - "Yes, the crossover grip."), or going
 * on with "And ..." right after a plan sentence. Such sentences are advice, not treatment.
 */
export function planByContext(units: readonly { idx: number; uttId: string; uttIndex: number; speaker: string; isQuestion: boolean; text: string; header: string | null }[], u: { idx: number; uttId: string; uttIndex: number; speaker: string; text: string }): boolean {
  if (u.speaker !== 'clinician') return false;
  const first = units.find((x) => x.uttId === u.uttId);
  const before = first ? units[first.idx - 1] : undefined;
  if (before && before.speaker !== 'clinician' && before.isQuestion && HOME_QUESTION.test(before.text) && u.uttIndex - before.uttIndex === 1) return true;
  if (!/^(?:and|also|plus)\b/i.test(u.text)) return false;
  const prev = units[u.idx - 1];
  return !!prev && prev.speaker === 'clinician' && (prev.header === 'plan' || (PLAN_CUE.test(prev.text) && !/\d{1,2}:\d{2}/.test(prev.text)) || planByContext(units, prev));
}

/** A list the clinician opens as the plan: "Until then: ...", "At home: ...", "Precautions: ...". */
const PLAN_LIST_OPEN = /^(?:(?:and|so|okay|ok)[,]?\s+)?(?:until then|in the meantime|meanwhile|for now|at home|for home|home program(?:me)?|recommendations?|precautions?|strategies|diet)\s*:/i;

/**
 * "Until then: keep thin liquids, by cup only. No straws. Pills one at a time in applesauce. Sit fully upright for
 * meals.": the items after a plan list the clinician opened go on in the plan until the turn ends (DOMAIN.md 1.5 P).
 */
export function inPlanList(units: readonly { idx: number; uttId: string; speaker: string; isQuestion: boolean; text: string }[], u: { idx: number; uttId: string; speaker: string; isQuestion: boolean; text: string }): boolean {
  // ("That includes birdseed.": a remark on the item before, not an item)
  if (u.speaker !== 'clinician' || u.isQuestion || /^(?:that|this|it|which)\b/i.test(u.text.trim())) return false;
  return units.some((x) => x.uttId === u.uttId && x.idx < u.idx && PLAN_LIST_OPEN.test(x.text));
}

const GOAL_STOP = new Set(('goal goals within weeks week months days without with independent independently pain patient able ' +
  'improve improvement increase decrease score under over less more than from into onto back full time times using ' +
  'home daily return level while when then their them they this that what have every each also first least most').split(' '));

/** Content stems of a text: words of 4+ letters without their inflection ("runs" -> "run", "kicking" -> "kick"). */
function stems(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[a-z]{4,}/g) ?? []).filter((w) => !GOAL_STOP.has(w)).map((w) => w.replace(/(?:ing|ed|es|s)$/, '').slice(0, 6)));
}

/**
 * A sentence that names what one of the plan-of-care goals is about (DOMAIN.md 1.4: drafts
 * "aligned with the patient's plan of care, their established goals"): "this strengthening is
 * what keeps you dry on the long runs" for the goal "Run 5 km without urine leakage".
 */
export function namesPlanGoal(text: string, goals: readonly string[]): boolean {
  if (!goals.length) return false;
  const said = stems(text);
  return goals.some((g) => [...stems(g)].some((w) => said.has(w)));
}

/** A side tested and clear: "Left side: nothing.", "Right: negative." (a finding, DOMAIN.md 2.4). */
export const SIDE_RESULT = /^(?:left|right)(?: side)?:\s*(?:nothing|negative|clear|normal)\b/i;
