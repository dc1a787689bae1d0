/**
 * Intervention vocabulary by service kind (DOMAIN.md 2.1 and 2.3: 97110 exercise for one
 * tissue capacity, 97530 functional task practice, 97112 balance/proprioception, 97140
 * mobilization/MFR, 97124 effleurage/petrissage/tapotement, 97010 packs, CMT segments,
 * 92507 speech-language treatment, 92526 swallowing treatment; outside the seeds 97113 aquatic
 * therapy, 97012 mechanical traction, 95992 canalith repositioning, 97542 wheelchair management). The coding engine makes
 * the final call; these words are the drafter's hint.
 */
import type { ServiceKind } from '@scribe/coding';

export interface InterventionPattern {
  kind: ServiceKind;
  re: RegExp;
  /** An explicit service name ("therapeutic exercise") outranks a vocabulary hit. */
  explicit?: boolean;
}

export const INTERVENTIONS: InterventionPattern[] = [
  { kind: 'therapeutic_exercise', re: /\btherapeutic exercises?\b/i, explicit: true },
  { kind: 'therapeutic_activity', re: /\btherapeutic activit(?:y|ies)\b/i, explicit: true },
  { kind: 'neuromuscular_reeducation', re: /\bneuromuscular re-?education|\bNMR\b|\bneuro[- ]?re-?ed(?:ucation)?\b/i, explicit: true },
  { kind: 'gait_training', re: /\bgait training\b/i, explicit: true },
  { kind: 'manual_therapy', re: /\bmanual therapy\b/i, explicit: true },
  { kind: 'self_care', re: /\bself[- ]care\b|\bADL (?:re)?training\b|\bhome management training\b/i, explicit: true },
  // ... and extraspinal: "intraoral distraction manipulation" of the TMJ, a manipulated rib or extremity joint (98943)
  { kind: 'cmt', re: /\b(?:adjust(?:ing|ment|ments|ed)?|spinal manipulation|CMT|chiropractic manipulat\w*|high[- ]velocity|extraspinal (?:manipulation|adjustment|CMT)|(?:distraction|intraoral|TMJ|extremity|rib) manipulation|long[- ]axis distraction|(?:one|two|three|four|five|\d) (?:spinal )?regions?)\b/i },
  { kind: 'massage', re: /\b(?:massage|effleurage|petrissage|tapotement|kneading|Swedish)\b/i },
  { kind: 'manual_therapy', re: /\b(?:myofascial release|MFR|myofascial work|retrograde (?:edema )?massage|edema massage|scar massage|(?:fascial|fascia) (?:stretch|release)|stretch of the (?:\w+ )?fascia|pin[- ]and[- ]stretch|soft tissue mobili[sz]ation|(?:starting|start|do|doing|begin|now) (?:the |some )?soft tissue(?: work)?\b|soft tissue (?:to|on) (?:the |his |her |your )?\w+|scar mobili[sz]ation|cross[- ]friction|joint mobili[sz]ation|(?<!\b(?:dorsiflexion|self|self-|wall|knee-to-wall|nerve|neural) )mobili[sz]ations?|mobs|(?:inferior|posterior|anterior|caudal|lateral|medial|AP|PA|accessory|joint|dorsal|volar|radial|ulnar) glides?|glides? (?:of|to|at) (?:the |his |her |your )?(?:[a-z]+ ){0,2}joint|(?:dorsal|volar|radial|ulnar) glide of\b|manual traction|lymph(?:atic)? drainage|MLD|(?<!postural |self-|\bno (?:[a-z]+ (?:or|and) )?)drainage|trigger point release|ischemic compression|trigger point (?:work|pressure|therapy)|instrument[- ]assisted|IASTM|soft tissue work|^(?:(?:now|then|next|and)[,]? )?(?:some )?soft tissue(?=[.:,]|$))\b/i },
  { kind: 'hot_cold_pack', re: /\b(?:hot packs?|moist heat|cold packs?|ice packs?|cryotherapy|heat pack|(?:put |with )?ice on (?:the |his |her |your )?(?:right |left )?[a-z]+(?= (?:for \w+ min|while)))\b/i },
  // NMES said with "unattended" (the clinician with another patient) is 97014/G0283; otherwise NMES and FES are attended (97032)
  { kind: 'unattended_estim', re: /\b(?:NMES|FES)\b(?=[^.]{0,30}\bunattended\b)|\bunattended\b[^.]{0,20}\b(?:NMES|FES|e-?stim|electrical stimulation)\b/i },
  { kind: 'attended_estim', re: /\b(?:NMES|FES|Russian stim\w*|functional electrical stimulation)\b(?![^.]*\bunattended\b)/i },
  { kind: 'unattended_estim', re: /\b(?:e-?stim|TENS|electrical stimulation|IFC|interferential)\b/i },
  { kind: 'aquatic_therapy', re: /\baquatic (?:therapy|therapeutic exercises?)\b/i, explicit: true },
  { kind: 'aquatic_therapy', re: /\b(?:aquatic (?:exercises?|work|program)|(?:in|into) the (?:therapy )?pool|pool (?:therapy|exercises?|walking|work|session)|deep[- ]water (?:jogging|running|walking))\b/i },
  // a unit or table pulls, not hands ("gentle manual traction" is manual therapy, 97140)
  { kind: 'mechanical_traction', re: /\b(?:mechanical traction|traction (?:unit|table|machine|device)|(?<!manual )(?:cervical|lumbar) traction|intermittent traction|on (?:the )?traction|^(?:(?:now|then|next|and)[,]? )?(?:the )?traction(?=[.:,]|$))\b/i },
  { kind: 'canalith_repositioning', re: /\b(?:Epley(?:'s)?(?: maneuver| manoeuvre)?|canalith repositioning|Semont|BBQ roll|barbecue roll|Gufoni|liberatory (?:maneuver|manoeuvre))\b/i },
  { kind: 'wheelchair_management', re: /\b(?:wheelchair (?:management|fitting|seating|skills|training|propulsion|mobility|adjustments?|set-?up)|(?:seating|cushion) (?:assessment|adjustments?|trial|fitting|set-?up)|(?:air[- ]cell|ROHO|gel) cushion|lateral (?:trunk )?supports?|(?:dropping|lowering|raising) the seat|pressure[- ]relief(?! every)|propulsion (?:training|practice)|(?:forward|side) leans?|work on the (?:wheel)?chair)\b/i },
  { kind: 'ultrasound', re: /\bultrasound\b/i },
  { kind: 'iontophoresis', re: /\biontophoresis\b/i },
  // ("brace before the lift", "brace your core": bracing the trunk, not an orthosis)
  { kind: 'orthotic_prosthetic_training', re: /\b(?:splint|orthosis|orthotic|brace(?!\s+(?:before|as|your|yourself|himself|herself|the (?:core|abs|trunk)|for)\b))\b/i },
  // ADL training with adaptive equipment or compensatory strategies is 97535; dressing practice itself is a functional task (DOMAIN.md 2.3)
  { kind: 'self_care', re: /\b(?:kitchen strategies|adaptive equipment|donning glove|(?:self-)?bandaging|compression (?:wrap|wrapping|bandag\w*)|(?:compression )?(?:sleeve|garment|stocking|gauntlet)s? (?:on|off)|sling\b|jar opener|built-up handle|energy conservation|joint protection|one-handed techniques?|reacher|sock aid|button ?hook|long-handled (?:shoe ?horn|sponge)|dressing stick|leg lifter|tub (?:transfer )?bench training)\b/i },
  { kind: 'neuromuscular_reeducation', re: /\b(?:balance (?:work|training|retraining|activities|exercises?)|single[- ]leg stance|tandem (?:walk|stance|walking)|(?:on|onto|off) (?:the |a )?foam\b|foam (?:pad|beam|surface|mat)|perturbations?|gaze stabili(?:[sz]ation|ty)|gaze (?:work|exercises?|training|drills?)|eye exercises?|oculomotor (?:exercises?|training|work)|times[- ](?:one|two|1|2) (?:exercise|viewing)|VOR(?: ?x ?[12])?|vestibular (?:exercises?|rehab\w*|training)|habituation|weight[- ]bearing (?:through|on)|(?:tapping|tap) (?:the |his |her )?(?:triceps|biceps|quads?|glutes?|muscle)|proprioceptive (?:training|exercises?|drills?)|wobble board|BOSU|star excursion reaching|weight[- ]shift(?:ing)? (?:drills?|training)|big[- ]movement (?:training|exercises?|work)|large[- ]amplitude (?:movements?|training|exercises?)|LSVT BIG|amplitude training|reactive (?:balance|stepping) (?:training|practice|drills?))\b/i },
  { kind: 'gait_training', re: /\b(?:gait (?:drills|practice)|ambulation training|(?:cane|walker|crutch) (?:work|walking|training|practice)|(?:on|up|down|over) (?:the |a )?(?:ramp|curb)s?|let's (?:go )?walk\b|^(?:now|next|then),? (?:some )?walking\b|^down the hall(?:way)?\b|\bgravel (?:mat|path)\b|\d+ min of (?:walking|gait|ambulation)\b|(?:walk|walking) (?:out )?(?:in|down|up) the hall(?:way)?|gait(?=,? (?:from |at )?\d{1,2}:\d{2})|walking (?:with|in) (?:the |a )?(?:rolling |front-wheeled |standard )?(?:walker|cane|crutches|parallel bars|quad cane))\b/i },
  { kind: 'neuromuscular_reeducation', re: /\bbalance(?=,? (?:from |at )?\d{1,2}:\d{2})/i },
  { kind: 'therapeutic_activity', re: /\b(?:landing (?:drills?|work|mechanics|practice)|(?:single-leg |double-leg )?landings?(?= on)|jump(?:ing)? (?:drills?|training|landings?)|plyometrics?|agility (?:drills?|ladder|work)|cutting drills?|\d+° cuts|cuts off (?:the )?(?:left|right)|(?:\d+x\d+|sets of \d+) cuts\b|cutting off (?:the )?(?:left|right|injured|involved|good|bad) (?:leg|side|foot)|lateral shuffles?|field work|cones? (?:drills?|at \d)|figure[- ]eights? with (?:the )?ball|walk[- ]jog|jog(?:ging)? intervals|running (?:work|drills|program|intervals)|stairs?|stair negotiation|steps up and down|transfers?|sit[- ]to[- ]stand practice|sit[- ]to[- ]stands\b|(?<!\d[- ]?(?:s|sec|second)\s)chair stands\b(?! test)|in and out of (?:the |a )?(?:car|tub|shower|bed)|now the (?:car|tub|shower|bed)\b|floor transfers?|kitchen (?:simulation|tasks?)|(?:bring|take|get) (?:down )?(?:a |the )?(?:mug|cup|plate|bowl|glass)\b|obstacle course|stepping stones|animal walks|tummy time|rolling (?:to the (?:left|right)|both (?:ways|directions))|(?:prone|supine) to (?:supine|prone)|reaching across (?:the )?midline|(?:dinosaur|animal|jungle|pirate) course|errand(?:s| run| planning| practice| task)?|community (?:outing|re-?entry|practice)|(?:grocery|shopping) (?:list|task|practice|trip)|money management|(?:medication|pill(?:box)?|bill[- ]paying|phone|cooking|laundry|IADL) (?:task|sorting|practice)\b|budget(?:ing)? (?:task|practice)|route planning|(?:over )?to the kitchen\b|(?:\d+ min|let's (?:start|work|begin)) in the kitchen\b|meal[- ]prep\w*|recipe\b|work (?:simulation|tasks?|stuff|conditioning|hardening|drills?)|(?:\d+ min of |the )lifting\b|pick (?:it|them|the \w+) up off the floor|lift(?:ing)? (?:the |a |this )?(?:crate|box|tote|basket|bucket)|functional (?:tasks?|reaching|activit(?:y|ies)|work|training|part|drills?)|task practice|lifting practice|carrying practice|simulat\w+|dressing (?:practice|training)|(?:sink|grooming|morning) routine|brush(?:ing)? (?:your |his |her |their )?teeth|toothpaste(?: tube)?|wash(?:ing)? (?:your |his |her |their )?face|washcloth|comb(?:ing)? (?:your |his |her |their )?hair|(?:the |his |her )?(?:shirt|sweater|jacket|coat|pants|socks|shoes)(?= (?:on|off)\b|[.,]|$)|(?<!\bplus \d{1,3} |\b(?:start|stop|power|call|remote|elevator|microwave) )buttons?(?: now)?(?=[.,]| (?:on|now|up)\b)|button(?:ing)? (?:the|a|his|her)|zippers?|floor[- ]to[- ](?:hip|waist|chest|shoulder|counter|shelf|table)|fold(?:ing)? (?:the |these |some |a )?(?:towels?|clothes|sheets|shirts|laundry)|carry (?:it|them|the \w+)|(?:hand)?writing|copy(?:ing)? (?:a |the |this )?(?:sentence|words?|letters)|scissors|cutting (?:out|practice)|(?:\w+ )?tasks|(?<!home |\bat |['’])\b[a-z-]{3,} practice(?! (?:with|the|on|it|them|hair|cards?)\b))\b/i },
  { kind: 'therapeutic_exercise', re: /\b(?:knee-to-wall(?: dorsiflexion)?(?: mobili[sz]ation| stretch)?|self-mobili[sz]ation|exercises?|chin tucks?|cervical retractions?|bird[- ]?dogs?|dead[- ]?bugs?|cat[- ]camel|pendulums?|heel drops|wall angels|pelvic tilts|nerve glides|nerve flossing|isometrics|leg press|knee extension machine|terminal knee extensions?|TKEs?|quad sets|heel slides|hip abduction|clamshells?|bridges|mini[- ]squats|squats|step[- ]ups|press[- ]ups|prone on elbows|tendon glides|wrist (?:curls|bending|flexion and extension)|hammer|theraband|(?:green|red|yellow|blue|black) band|cuff weight|dumbbell|(?<!\bin a )(?<!\b(?:every|evening|morning|afternoon|first|second|third|next|last|each|top|bottom|same|front|back) )rows?|bike|strengthening|(?<!\blong |\bpin[- ]and[- ]|\bfascial |\bfascia )stretch(?:es|ing)?|(?:table|wall|towel) slides?|(?:thera)?putty|therex|ther ex|pinch(?:ing)? (?:exercises?|strengthening)|gripper|(?:heel|calf|toe) raises?(?=[^.]*\b(?:\d+x\d+|\d+ sets?|sets of|\d+ reps))|(?:prone|supine|side[- ]?lying|standing|seated) (?:(?:left|right) )?(?:hip|knee|shoulder|ankle|trunk|neck|elbow|wrist) (?:extension|flexion|abduction|adduction|external rotation|internal rotation)s?(?=[^.]*\b(?:\d+x\d+|\d+ sets?|sets of|\d+ reps))|active[- ]assist(?:ed|ive)(?: range of motion| ROM)?|AAROM|(?:with )?(?:the |a )?(?:dowel|wand|cane) (?:exercises?|flexion|extension)|overhead pulleys?)\b/i },
  { kind: 'swallowing_treatment', re: /\b(?:effortful swallow|Masako|Shaker(?: exercise)?|Mendelsohn|supraglottic swallow|tongue hold|chin tuck|chin down|swallow(?:ing)? (?:trials?|treatment|therapy|strateg\w+)|\d+ (?:\w+ )?sips?|small sips|(?:solid|liquid|cup|straw) trials?|thin (?:liquids?|water)|bites?|chew\w*|solids?|(?:(?:a|the|with|some|graham|saltine) )crackers?|crackers? (?:trials?|bites?|pieces?)|pur[eé]es?|pill (?:practice|swallow\w*)|placebo (?:tablet|pill)s?|mixed textures?|hard swallow|dysphagia treatment)\b/i },
  { kind: 'speech_language_treatment', re: /\b(?:articulation|picture cards|targeted (?:velar|\/\w+\/)|velar|phonolog\w*|language activit(?:y|ies)|fluency (?:shaping|techniques)|speech drills|\d+ trials|pacing(?: board)?|overarticulat\w*|intelligibility (?:drills?|practice)|\d+ (?:\w+ )?(?:sentences|phrases|words)|minimal pairs|oral motor|breath support|phonation (?:exercises?|drills?|tasks?)|voice therapy|LSVT|resonan\w* (?:voice )?(?:therapy|training|exercises?|drills?|hierarchy)|voice hierarchy|straw phonation|pitch glides|(?:\d+ )?(?:long|sustained|high and low) ahs?|functional phrases|today's practice|practice (?:a |the )?phone calls?|semi[- ]occluded|SOVT|lip trills?|vocal function exercises|flow phonation|easy onsets?|carryover (?:practice|activities)|naming|sentence generation|conversation(?:al)? (?:practice|skills|tasks?|training|drills?|groups?)|word[- ](?:finding|retrieval)|scripts?|communication (?:book|board)|picture board|cognitive[- ]communication|cognitive (?:work|tasks?|exercises?|activities|drills?|training)|memory (?:strateg\w+|book|notebook)|note template|calendar|planner|attention (?:tasks?|training|drills?)|problem[- ]solving|sequencing tasks?|(?:reading|auditory) comprehension|semantic feature analysis|spaced retrieval|errorless learning|AAC|core[- ]word|aided language|(?:his|her|the|my|communication|core) board|least-to-most prompt\w*|modeling (?=["'])|\d+ (?:\w+ )?(?:pictures|objects|items|things) |(?:we |I )?practiced|drills)\b|\/[a-z]{1,3}\//i },
];

const SLP_KINDS = new Set<ServiceKind>(['speech_language_treatment', 'speech_language_group', 'swallowing_treatment']);

/** Whether a kind is delivered by a discipline (CMT is chiropractic; 92507/92526 are SLP). */
export function kindFits(kind: ServiceKind, discipline?: string): boolean {
  if (!discipline) return true;
  if (discipline === 'slp') return SLP_KINDS.has(kind);
  if (SLP_KINDS.has(kind)) return false;
  if (kind === 'cmt') return discipline === 'chiro';
  return true;
}

/** All kinds mentioned in a text, explicit names first, limited to the discipline's services. */
/** A negation in the clause before a manipulation named: it is not being done. */
const NOT_DONE = /(?:\b(?:no|not|never|without|instead of)\b|n't\b)[^,.;:]*$/i;

/** A service offered and turned down in the same sentence. */
const OFFERED_DECLINED = /\b(?:offered|suggested|recommended)\b[^.;]*\b(?:declin\w*|refus\w*|(?:didn't|did not|doesn't|does not) want)\b/i;

/** A manipulation named with a negation before it ("No neck adjusting.", "we're not adjusting that today"): not done. */
export function manipulationNotDone(text: string): boolean {
  return INTERVENTIONS.some((p) => {
    if (p.kind !== 'cmt') return false;
    const m = p.re.exec(text);
    return !!m && NOT_DONE.test(text.slice(Math.max(0, m.index - 40), m.index));
  });
}

export function kindsIn(text: string, discipline?: string): { kind: ServiceKind; explicit: boolean; match: string }[] {
  const out: { kind: ServiceKind; explicit: boolean; match: string; index: number }[] = [];
  for (const p of INTERVENTIONS) {
    if (!kindFits(p.kind, discipline)) continue;
    const m = p.re.exec(text);
    // ("No neck adjusting.", "we're not adjusting that today", "We don't have to touch the neck with an adjustment": a manipulation not done)
    if (m && p.kind === 'cmt' && manipulationNotDone(text)) continue;
    // ("I offered a hot pack at the end and he declined": a service offered and turned down is not given)
    if (m && OFFERED_DECLINED.test(text)) continue;
    if (m) out.push({ kind: p.kind, explicit: p.explicit ?? false, match: m[0], index: m.index });
  }
  // explicit service names first, then in the order said: the first named is what is being done
  return out.sort((a, b) => Number(b.explicit) - Number(a.explicit) || a.index - b.index).map(({ index: _i, ...k }) => k);
}

/** Untimed services: their minutes never make units (DOMAIN.md 2.2). */
export const UNTIMED_KINDS = new Set<ServiceKind>([
  'hot_cold_pack', 'unattended_estim', 'cmt', 'speech_language_treatment', 'speech_language_group', 'swallowing_treatment', 'group_therapy',
  'mechanical_traction', 'canalith_repositioning',
]);
