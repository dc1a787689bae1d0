/**
 * Named tests and outcome measures (DOMAIN.md 1.5, 2.3 outcome-measure table, 2.4 SOAP
 * quality: TUG, Berg, SLS, SEBT/LSI, JPS, QuickDASH, LEFS, ODI, 30-s chair stand, grip
 * dynamometry, MMT, goniometry), each with the measure kind the coding contract uses.
 * The verifier refuses a statement naming a test its cited utterances never mention
 * (SOAP5: "tests not actually performed").
 */
import type { MeasureKind } from '@scribe/coding';

export interface NamedTest {
  name: string;
  kind: MeasureKind;
  re: RegExp;
}

export const NAMED_TESTS: NamedTest[] = [
  { name: 'Berg Balance Scale', kind: 'neuromotor', re: /\bBerg\b/i },
  { name: 'Timed Up and Go', kind: 'functional', re: /\b(?:TUG|timed up and go)\b/i },
  { name: 'single-leg stance', kind: 'neuromotor', re: /\b(?:single[- ]leg stance|single[- ]limb stance|SLS)\b/i },
  { name: 'star excursion balance test', kind: 'neuromotor', re: /\b(?:star excursion|SEBT|Y[- ]balance)\b/i },
  { name: 'joint position sense', kind: 'neuromotor', re: /\b(?:joint position sense|JPS)\b/i },
  { name: 'Romberg', kind: 'neuromotor', re: /\bRomberg\b/i },
  { name: 'Tinetti', kind: 'neuromotor', re: /\bTinetti\b/i },
  { name: 'Dynamic Gait Index', kind: 'neuromotor', re: /\b(?:DGI|dynamic gait index)\b/i },
  { name: 'Functional Gait Assessment', kind: 'neuromotor', re: /\b(?:FGA|functional gait assessment)\b/i },
  { name: 'Mini-BESTest', kind: 'neuromotor', re: /\bmini-?BEST/i },
  { name: 'ABC scale', kind: 'outcome_scale', re: /\bABC scale\b/i },
  { name: '30-second chair stand', kind: 'functional', re: /\b(?:30[- ]s(?:ec(?:ond)?)? chair stand|chair stands?)\b/i },
  { name: 'five times sit to stand', kind: 'functional', re: /\b(?:5 ?x ?STS|five times sit[- ]to[- ]stand|5 times sit[- ]to[- ]stand)\b/i },
  { name: '6-minute walk test', kind: 'functional', re: /\b(?:6MWT|6[- ]min(?:ute)? walk)\b/i },
  { name: 'gait speed', kind: 'functional', re: /\b(?:gait speed|10[- ]m(?:eter)? walk)\b/i },
  { name: 'QuickDASH', kind: 'outcome_scale', re: /\bquick ?dash\b/i },
  { name: 'SPADI', kind: 'outcome_scale', re: /\b(?:SPADI|shoulder pain and disability index)\b/i },
  { name: 'DASH', kind: 'outcome_scale', re: /(?<!quick ?)\bDASH\b/i },
  { name: 'Oswestry Disability Index', kind: 'outcome_scale', re: /\b(?:Oswestry|ODI)\b/i },
  { name: 'LEFS', kind: 'outcome_scale', re: /\b(?:LEFS|lower extremity functional scale)\b/i },
  { name: 'Neck Disability Index', kind: 'outcome_scale', re: /\b(?:NDI|neck disability index)\b/i },
  { name: 'PSFS', kind: 'outcome_scale', re: /\b(?:PSFS|patient[- ]specific functional scale)\b/i },
  { name: 'KOOS', kind: 'outcome_scale', re: /\bKOOS\b(?: ?JR\.?)?/i },
  { name: 'HOOS', kind: 'outcome_scale', re: /\bHOOS\b(?: ?JR\.?)?/i },
  { name: 'straight leg raise', kind: 'other', re: /\b(?:straight leg raise|SLR)\b/i },
  { name: 'slump test', kind: 'other', re: /\bslump\b/i },
  { name: 'Spurling', kind: 'other', re: /\bSpurling/i },
  { name: 'Semmes-Weinstein', kind: 'other', re: /\bSemmes[- ]Weinstein\b|\bmonofilament\b/i },
  { name: 'flexion-rotation test', kind: 'rom', re: /\bflexion[- ]rotation(?: test\b|(?= (?:to|on) the (?:left|right)\b))|\bFRT\b/i },
  { name: 'Phalen', kind: 'other', re: /\bPhalen/i },
  { name: 'Tinel', kind: 'other', re: /\bTinel/i },
  // a special test is also named by its manoeuvre, as it is said to the patient
  { name: 'Finkelstein', kind: 'other', re: /\bFinkelstein|\bthumb (?:tucked )?in(?:to|side)? (?:your |the |a )?fist\b[^.?]{0,80}\b(?:pinky|little finger|ulnar)/i },
  { name: 'Stemmer sign', kind: 'edema', re: /\bStemmer|\bpinch (?:up )?the skin (?:on|at) the (?:back|base|top) of (?:your |the |his |her )?(?:second |middle |index )?(?:finger|toe)/i },
  { name: 'Hawkins-Kennedy', kind: 'other', re: /\bHawkins/i },
  { name: 'Neer', kind: 'other', re: /\bNeer\b/i },
  { name: 'Lachman', kind: 'other', re: /\bLachman/i },
  { name: 'UCL stress test', kind: 'other', re: /\b(?:(?:UCL|valgus|varus|ulnar collateral(?: ligament)?) stress test|stress test(?:ing)? of the (?:UCL|ulnar collateral(?: ligament)?|MCL|LCL))\b/i },
  { name: 'McMurray', kind: 'other', re: /\bMcMurray/i },
  { name: 'FABER', kind: 'other', re: /\bFABER\b/i },
  { name: 'Thomas test', kind: 'other', re: /\bThomas test\b/i },
  { name: 'Ober test', kind: 'other', re: /\bOber\b/i },
  { name: 'windlass test', kind: 'other', re: /\bwindlass\b|\blift (?:your |the |his |her )?big toe (?:up )?(?:while|with) (?:you're |you are |he's |she's )?standing/i },
  { name: "Kemp's test", kind: 'other', re: /\bKemp'?s?\b/i },
  { name: 'Gillet test', kind: 'other', re: /\bGillet\b/i },
  { name: 'Thompson test', kind: 'other', re: /\bThompson(?:'s)? test\b/i },
  { name: 'drawer test', kind: 'other', re: /\b(?:anterior|posterior) drawer\b/i },
  { name: 'empty can', kind: 'other', re: /\bempty can\b/i },
  { name: 'Dix-Hallpike', kind: 'neuromotor', re: /\bDix[- ]Hallpike\b/i },
  { name: 'figure-of-eight', kind: 'edema', re: /\bfigure[- ]of[- ]8|figure[- ]of[- ]eight|figure[- ]8\b/i },
  { name: 'modified barium swallow', kind: 'speech_swallow', re: /\b(?:MBS|MBSS|modified barium swallow|FEES|videofluoroscop\w*)\b/i },
  { name: 'GFTA', kind: 'speech_swallow', re: /\b(?:GFTA|Goldman[- ]Fristoe)\b/i },
  { name: 'CELF', kind: 'speech_swallow', re: /\bCELF\b/i },
  // standardized child language tests scored as standard scores (DOMAIN.md 1.5 "standardized tests")
  { name: 'PLS', kind: 'speech_swallow', re: /\b(?:PLS-?\d?|Preschool Language Scales?)\b/i },
  { name: 'PPVT', kind: 'speech_swallow', re: /\b(?:PPVT|Peabody Picture Vocabulary)\b/i },
  { name: 'EVT', kind: 'speech_swallow', re: /\b(?:EVT-?\d?|Expressive Vocabulary Test)\b/i },
  { name: 'KLPA', kind: 'speech_swallow', re: /\b(?:KLPA|Khan-Lewis)\b/i },
  // voice, fluency and cognition (SLP/OT vocabulary, DOMAIN.md 1.5 "fluency assessments")
  { name: 'Voice Handicap Index', kind: 'outcome_scale', re: /\b(?:VHI(?:-?10)?|voice handicap index)\b/i },
  { name: 'CAPE-V', kind: 'speech_swallow', re: /\bCAPE-?V\b/i },
  { name: 'maximum phonation time', kind: 'speech_swallow', re: /\b(?:MPT|maximum phonation time)\b/i },
  { name: 'dynamic visual acuity', kind: 'neuromotor', re: /\b(?:dynamic visual acuity|DVA)\b|\b(?:vision|acuity)(?: \w+){0,2} with (?:the |your |his |her )?head (?:moving|turning)\b/i },
  { name: 's/z ratio', kind: 'speech_swallow', re: /\bs\/z ratio\b|\bs over z ratio\b/i },
  { name: 'speaking pitch', kind: 'speech_swallow', re: /\b(?:habitual |modal )?speaking pitch\b|\bhabitual pitch\b|\bfundamental frequency\b/i },
  { name: 'OASES', kind: 'outcome_scale', re: /\bOASES\b/i },
  // the child's attitude toward talking (fluency): "Communication Attitude Test score 16", the KiddyCAT for preschoolers
  { name: 'Communication Attitude Test', kind: 'outcome_scale', re: /\b(?:Communication Attitude Test|CAT-R|KiddyCAT)\b/i },
  { name: 'stuttering severity', kind: 'speech_swallow', re: /\b(?:SSI-?4|stuttering severity|percent syllables stuttered|%SS)\b/i },
  { name: 'Montreal Cognitive Assessment', kind: 'other', re: /\b(?:MoCA|Montreal Cognitive Assessment)\b/i },
  { name: 'SLUMS', kind: 'other', re: /\bSLUMS\b/i },
  { name: 'Functional Oral Intake Scale', kind: 'speech_swallow', re: /\b(?:FOIS|functional oral intake scale)\b/i },
  { name: 'EAT-10', kind: 'speech_swallow', re: /\bEAT-?10\b/i },
  { name: 'MMSE', kind: 'other', re: /\b(?:MMSE|mini[- ]mental)\b/i },
  { name: 'Western Aphasia Battery', kind: 'speech_swallow', re: /\b(?:WAB|Western Aphasia Battery)\b/i },
  { name: 'Boston Naming Test', kind: 'speech_swallow', re: /\bBoston Naming\b/i },
  // hand, upper limb and function (OT vocabulary)
  { name: 'Box and Block', kind: 'functional', re: /\bbox and blocks?\b/i },
  { name: 'Nine-Hole Peg Test', kind: 'functional', re: /\b(?:9|nine)[- ]hole peg\b/i },
  { name: 'pinch gauge', kind: 'strength', re: /\bpinch gauge\b/i },
  { name: 'monofilament testing', kind: 'other', re: /\b(?:Semmes[- ]Weinstein|monofilaments?)\b/i },
  { name: 'Boston Carpal Tunnel Questionnaire', kind: 'outcome_scale', re: /\b(?:BCTQ|Boston Carpal Tunnel)\b/i },
  { name: 'FIM', kind: 'functional', re: /\bFIM\b/ },
  { name: 'Barthel Index', kind: 'functional', re: /\bBarthel\b/i },
  { name: 'COPM', kind: 'outcome_scale', re: /\b(?:COPM|Canadian Occupational Performance)\b/i },
  // other outcome scales and vitals
  { name: 'HIT-6', kind: 'outcome_scale', re: /\bHIT-?6\b/i },
  { name: 'VISA-A', kind: 'outcome_scale', re: /\bVISA-?[AP]\b/i },
  { name: 'Dizziness Handicap Inventory', kind: 'outcome_scale', re: /\b(?:DHI|dizziness handicap)\b/i },
  { name: 'FOTO', kind: 'outcome_scale', re: /\bFOTO\b/ },
  { name: 'SpO2', kind: 'other', re: /\b(?:SpO2|O2 sat(?:uration)?|oxygen saturation|pulse ox\w*)\b/i },
  { name: 'chest expansion', kind: 'rom', re: /\bchest expansion\b/i },
  { name: 'Dix-Hallpike', kind: 'other', re: /\bDix[- ]Hallpike\b/i },
  { name: 'head impulse test', kind: 'neuromotor', re: /\b(?:head impulse|head thrust)(?: test)?\b/i },
  // sensation at the fingertip (DOMAIN.md 2.3: 97112 serves the sensorimotor system)
  { name: 'two-point discrimination', kind: 'neuromotor', re: /\b(?:two|2)[- ]point discrimination\b|\b2PD\b/i },
  { name: 'dynamic visual acuity', kind: 'neuromotor', re: /\b(?:dynamic visual acuity|DVA)\b/i },
  { name: 'CTSIB', kind: 'neuromotor', re: /\bm?CTSIB\b/i },
  { name: 'Fugl-Meyer', kind: 'neuromotor', re: /\bFugl[- ]Meyer\b|\bFMA(?:-UE)?\b/i },
  { name: 'knee-to-wall', kind: 'rom', re: /\bknee[- ]to[- ]wall\b/i },
  { name: 'Modified Oxford', kind: 'strength', re: /\b(?:modified )?Oxford\b/i },
  { name: 'PRTEE', kind: 'outcome_scale', re: /\bPRTEE\b/i },
  { name: 'Trail Making Test', kind: 'other', re: /\b(?:Trail Making|TMT)(?:[- ]?[AB])?\b/i },
  { name: 'PHQ', kind: 'other', re: /\bPHQ-?[29]\b/i },
  { name: 'Beery VMI', kind: 'functional', re: /\b(?:Beery|VMI)\b/i },
  { name: 'KiddyCAT', kind: 'outcome_scale', re: /\bKiddyCAT\b/i },
];

/** The named tests mentioned in a text. */
export function testsIn(text: string): NamedTest[] {
  return NAMED_TESTS.filter((t) => t.re.test(text));
}
