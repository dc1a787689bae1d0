/**
 * Clinical vocabulary the classifier reads, as labelled patterns. Labels (not the patient's
 * words) go into rationales, so a rationale never echoes transcript text.
 * Sources: DOMAIN.md 2.3 (selection tests and technique lists), 2.4, 2.7.
 */

type Labelled = readonly (readonly [RegExp, string])[];

/** 97140 techniques [003/AUTO]: mobilization, manipulation, MLD, manual traction, myofascial release. */
export const MANUAL_TECHNIQUES: Labelled = [
  [/myofascial release|\bmfr\b/, 'myofascial release'],
  [/pin[- ]and[- ]stretch/, 'pin-and-stretch'],
  [/active release/, 'active release'],
  [/mobili[sz]ation|\b(posterior|anterior|lateral|medial|inferior|caudal|distal|dorsal|volar|radial|ulnar) glides?\b|\bgrade (i{1,3}|iv|v|[1-5])\b/, 'mobilization'],
  // scar massage in hand therapy is soft tissue mobilization of the scar, not a massage stroke
  [/scar (massage|mobili[sz]ation)/, 'scar mobilization'],
  [/manipulation|\bthrust\b/, 'manipulation'],
  // "the drainage" is how a lymphedema clinic names MLD in speech
  [/lymph(atic)? drainage|\bmld\b|retrograde (edema )?massage|edema massage|\bdrainage\b/, 'manual lymphatic drainage'],
  [/manual traction/, 'manual traction'],
  [/cross[- ]friction|transverse friction/, 'cross-friction'],
  [/instrument[- ]assisted|\biastm\b/, 'instrument-assisted soft tissue mobilization'],
  [/trigger point release|ischemic compression|strain[- ]counterstrain|muscle energy/, 'manual release technique'],
];

/** 97124 techniques [003/AUTO]: effleurage, petrissage, tapotement, compression, percussion. */
export const MASSAGE_TECHNIQUES: Labelled = [
  [/effleurage/, 'effleurage'],
  [/petrissage|kneading/, 'petrissage'],
  [/tapotement|percussion/, 'tapotement/percussion'],
  [/\bcompression\b/, 'compression'],
  [/swedish|\bmassage\b/, 'massage'],
];

/**
 * Dynamic functional tasks: 97530 "regardless of the strength component involved" [000/VS];
 * functional mobility, ADL simulation, work simulation, sport-specific movement [000/530].
 */
export const FUNCTIONAL_TASKS: Labelled = [
  [/sit[- ]to[- ]stand|stand(ing)? up from|chair rise/, 'sit-to-stand'],
  [/transfers?\b/, 'transfers'],
  [/stair|step[- ]?(up|down)s?.*(stair|home|porch)|curb/, 'stair negotiation'],
  [/kitchen|meal[- ]prep|cooking|dishwasher|cabinet/, 'kitchen or meal-preparation simulation'],
  [/work (task|simulation|replication|conditioning)|job (task|simulation)|task replication|simulat(ed|ion) .*(work|job|salon|shift)|salon|mannequin|work hardening/, 'work task simulation'],
  [/floor[- ]to[- ]stand|floor (transfer|recovery)|off the floor|low[- ](surface|chair|stool|bin)/, 'floor and low-surface tasks'],
  [/lift(ing)? (task|training|mechanics)|carry(ing)? (task|practice)|floor[- ]to[- ](the )?(hip|waist|chest|shoulder|counter|shelf|table)|\bcarry (it|them|the)\b/, 'lifting and carrying task'],
  [/\b(shirt|sweater|jacket|coat|pants|socks|shoes|buttons?|buttoning|zippers?)\b/, 'dressing task'],
  [/bed mobility|rolling to|supine to sit/, 'bed mobility'],
  [/sport[- ]specific|cutting drills?|agility|return[- ]to[- ](play|sport)/, 'sport-specific movement'],
  [/reach(ing)? (task|practice|pattern)|overhead[- ]to[- ]low/, 'functional reaching task'],
  [/household|laundry|home management simulation|fold(ing)? (the |these |some |a )?(towels?|clothes|sheets|shirts)/, 'home management simulation'],
  [/functional (task|activit|mobility|training)|dynamic activit|therapeutic activit/, 'functional activity'],
  [/developmental (play|activity|sequence)|play sequence/, 'developmental play sequence'],
];

/** Isolated exercise for one tissue capacity: 97110 [000/110] "a building block for functional movement". */
export const ISOLATED_EXERCISES: Labelled = [
  [/leg press/, 'leg press'],
  [/knee extension machine|terminal knee extension|\btkes?\b|quad(riceps)? sets?|short arc quad|long arc quad/, 'quadriceps exercise'],
  [/heel slides?|straight leg raises?|\bslrs?\b/, 'supine lower-extremity exercise'],
  [/hip abduction|clamshells?|bridg(e|es|ing)\b|mini[- ]squats?|wall sits?/, 'hip and knee strengthening exercise'],
  [/external rotation|internal rotation|\brows?\b|shoulder (flexion|abduction|extension)|scapular (retraction|squeezes?)/, 'shoulder strengthening exercise'],
  [/curls?\b|dumbbell|cuff weight|ankle weight|theraband|\bband\b|resisted/, 'resisted exercise'],
  [/tendon glides?|wrist (flexion|extension|curls?|bending)|supination|pronation|grip(per)? (strengthening|exercise)|putty|pinch strengthening/, 'hand and wrist exercise'],
  [/press[- ]ups?|prone on elbows|mckenzie|repeated extension/, 'directional-preference exercise'],
  [/stretch(es|ing)?\b|range of motion|\brom\b|pulleys?/, 'range-of-motion exercise'],
  [/bike|ergometer|\bube\b|nustep|treadmill/, 'endurance exercise'],
];

/** Sensorimotor work: 97112 candidates when a neuromotor deficit is measured [001/112]. */
export const NEUROMOTOR_ACTIVITIES: Labelled = [
  [/single[- ]leg stance|\bsls\b/, 'single-leg stance'],
  [/star excursion|\bsebt\b|y[- ]balance/, 'star excursion reaching'],
  [/balance|foam|tandem|wobble|bosu|rocker board/, 'balance training'],
  [/propriocept|joint position sense|kinesthe/, 'proprioceptive training'],
  [/perturbation|reactive postural/, 'perturbation training'],
  [/vestibular|gaze stabili[sz]ation|gaze (?:work|exercises?|training)|times[- ](?:one|two|1|2) (?:exercise|viewing)|\bvor\b|oculomotor|eye exercises?|habituation/, 'vestibular training'],
  [/motor control|motor pattern|weight shift|postural control|coordination|rhythmic stabili[sz]ation/, 'motor control training'],
];

export const GAIT: Labelled = [[/gait|ambulat|walking (training|with|pattern)/, 'gait training']];

/** ADL and home-management training: 97535. */
export const SELF_CARE: Labelled = [
  [/dressing|donning|doffing|don and doff|on and off/, 'dressing or donning training'],
  [/bathing|shower|grooming|toileting|self[- ]feeding|hygiene/, 'self-care training'],
  [/adaptive equipment|jar opener|built[- ]up handle|reacher|sock aid|button hook/, 'adaptive equipment training'],
  [/joint protection|energy conservation|compensatory strateg|kitchen strateg|one[- ]handed technique/, 'compensatory strategy training'],
  [/\badl\b|self[- ]care|home management training/, 'ADL training'],
];

export const ORTHOTIC_INITIAL = /\bnew\b|initial|fitt?(ed|ing)\b|fabricat|issued/;

export const SWALLOW = /swallow|dysphag|bolus|sips?\b|liquid|puree|chin tuck|effortful|masako|shaker|mendelsohn|aspirat|diet/;

/** Modalities named in text, for blocks the drafter could not classify. */
export const MODALITIES: Labelled = [
  [/hot pack|moist heat|hydrocollator|cold pack|ice pack|cryotherapy|\bice\b/, '97010'],
  [/iontophoresis/, '97033'],
  [/ultrasound/, '97035'],
  [/mechanical traction|traction (unit|table|machine)/, '97012'],
  [/attended (e-?stim|electrical)|russian|\bnmes\b|functional electrical/, '97032'],
  [/e-?stim|electrical stimulation|\btens\b|interferential|\bifc\b/, 'unattended_estim'],
];

/** Deficits that are not neuromotor and cannot carry 97112 (DOMAIN.md 2.3 gate, 2.6 T10). */
export const NON_NEUROMOTOR_DEFICIT = /generali[sz]ed weakness|deconditioning|decondition|endurance|pain[- ]avoidance|\bpain\b/;
