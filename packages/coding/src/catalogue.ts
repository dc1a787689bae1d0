/**
 * The procedure-code catalogue, as data. Descriptions are short working names, not the AMA
 * descriptors. `documentation` lists what the note must hold for the code to be defensible
 * (DOMAIN.md 2.4); `outcomeKinds` lists the measure kinds that count as its objective outcome
 * (DOMAIN.md 2.3 outcome-measure vocabulary), used by `missing_measurable_outcome`.
 */
import type { Discipline, MeasureKind } from './input.ts';

export type CodeFamily = 'evaluation' | 'procedure' | 'modality' | 'cmt' | 'slp_treatment' | 'group';

export interface CatalogueEntry {
  code: string;
  description: string;
  /** Timed codes are billed in 15-minute units under the 8-minute rule; untimed codes are 1 unit. */
  timed: boolean;
  family: CodeFamily;
  disciplines: readonly Discipline[];
  documentation: readonly string[];
  outcomeKinds: readonly MeasureKind[];
  source: string;
}

const REHAB: readonly Discipline[] = ['pt', 'ot'];
const REHAB_CHIRO: readonly Discipline[] = ['pt', 'ot', 'chiro'];
const SOFT_TISSUE: readonly Discipline[] = ['pt', 'ot', 'chiro', 'massage'];
const MODALITY: readonly Discipline[] = ['pt', 'ot', 'chiro', 'massage'];

const TIMED_CORE = [
  'the intervention named with clinical specificity and its parameters',
  'actual start and stop clock times, separate from other timed codes',
  'the skilled input (cues, facilitation, progression decisions)',
  'a sentence tying the block to a plan-of-care goal',
  'an objective result compared with baseline',
] as const;

const EVAL_DOCS = [
  'history and personal factors or comorbidities',
  'examination elements with objective measures',
  'clinical presentation and decision-making supporting the stated complexity',
  'a plan of care with measurable goals',
] as const;

const entries: CatalogueEntry[] = [
  // Timed procedures (DOMAIN.md 2.1, 2.2)
  { code: '97110', description: 'Therapeutic exercise', timed: true, family: 'procedure', disciplines: REHAB_CHIRO,
    documentation: [...TIMED_CORE, 'one targeted capacity (strength, ROM, endurance or flexibility) with laterality'],
    outcomeKinds: ['strength', 'rom', 'functional', 'edema'], source: 'DOMAIN 2.1, 2.4 [000/110]' },
  { code: '97112', description: 'Neuromuscular reeducation', timed: true, family: 'procedure', disciplines: [...REHAB_CHIRO, 'massage'],
    documentation: ['a specific neuromotor deficit measured and documented first', ...TIMED_CORE.slice(0, 4), 'a measurable neuromotor response within the session'],
    outcomeKinds: ['neuromotor'], source: 'DOMAIN 2.1, 2.4 [001/112]' },
  { code: '97116', description: 'Gait training', timed: true, family: 'procedure', disciplines: REHAB,
    documentation: [...TIMED_CORE, 'gait deviations addressed and assistive device or assist level'],
    outcomeKinds: ['neuromotor', 'functional'], source: 'DOMAIN 2.1 [outside seeds: timed]' },
  { code: '97140', description: 'Manual therapy techniques', timed: true, family: 'procedure', disciplines: SOFT_TISSUE,
    documentation: [...TIMED_CORE, 'the technique (mobilization, manipulation, MLD, manual traction, myofascial release) and the regions treated'],
    outcomeKinds: ['rom', 'edema', 'functional', 'strength'], source: 'DOMAIN 2.1, 2.4 [003/AUTO]' },
  { code: '97124', description: 'Massage therapy', timed: true, family: 'procedure', disciplines: SOFT_TISSUE,
    documentation: [...TIMED_CORE, 'the technique (effleurage, petrissage, tapotement, compression, percussion) and the regions treated'],
    outcomeKinds: ['rom', 'edema', 'functional'], source: 'DOMAIN 2.1, 2.4 [003/AUTO]' },
  { code: '97530', description: 'Therapeutic activities', timed: true, family: 'procedure', disciplines: REHAB,
    documentation: ['the functional activity and its multi-outcome components', ...TIMED_CORE.slice(1), 'pre-treatment functional status'],
    outcomeKinds: ['functional', 'outcome_scale', 'neuromotor'], source: 'DOMAIN 2.1, 2.4 [000/530]' },
  { code: '97535', description: 'Self-care/home management training', timed: true, family: 'procedure', disciplines: REHAB,
    documentation: [...TIMED_CORE, 'the ADL or home-management task trained and the patient performance'],
    outcomeKinds: ['functional', 'outcome_scale'], source: 'DOMAIN 2.1 [outside seeds: timed]' },
  { code: '97750', description: 'Physical performance test or measurement', timed: true, family: 'procedure', disciplines: REHAB,
    documentation: ['the tests performed and their results', 'a written report', 'start and stop clock times'],
    outcomeKinds: ['functional', 'strength', 'rom', 'neuromotor', 'outcome_scale'], source: 'DOMAIN 2.13 [outside seeds]' },
  { code: '97760', description: 'Orthotic management and training, initial encounter', timed: true, family: 'procedure', disciplines: REHAB,
    documentation: [...TIMED_CORE, 'the orthosis, its fit and the wear or care training given'],
    outcomeKinds: ['functional', 'rom', 'edema'], source: '[outside seeds]' },
  { code: '97763', description: 'Orthotic/prosthetic management and training, subsequent encounter', timed: true, family: 'procedure', disciplines: REHAB,
    documentation: [...TIMED_CORE, 'the device, fit adjustments and training given'],
    outcomeKinds: ['functional', 'rom', 'edema'], source: '[outside seeds]' },
  // [outside seeds; CPT descriptors, verify before use]: 97113 and 97542 are timed like the procedures above
  { code: '97113', description: 'Aquatic therapy with therapeutic exercises', timed: true, family: 'procedure', disciplines: REHAB,
    documentation: [...TIMED_CORE, 'the exercises in the water with their parameters (depth, laps, sets)'],
    outcomeKinds: ['functional', 'strength', 'rom', 'neuromotor', 'outcome_scale'], source: '[outside seeds]' },
  { code: '97542', description: 'Wheelchair management (assessment, fitting, training)', timed: true, family: 'procedure', disciplines: REHAB,
    documentation: [...TIMED_CORE, 'the seating or wheelchair change and the propulsion or pressure-relief training given'],
    outcomeKinds: ['functional', 'other'], source: '[outside seeds]' },
  { code: '97032', description: 'Electrical stimulation, attended', timed: true, family: 'modality', disciplines: MODALITY,
    documentation: ['parameters (waveform, intensity, electrode placement)', 'constant attendance', 'start and stop clock times', 'the response'],
    outcomeKinds: ['pain', 'rom', 'strength', 'edema', 'functional'], source: '[outside seeds]' },
  { code: '97033', description: 'Iontophoresis', timed: true, family: 'modality', disciplines: MODALITY,
    documentation: ['medication and dose', 'electrode placement', 'start and stop clock times', 'the response'],
    outcomeKinds: ['pain', 'rom', 'edema', 'functional'], source: '[outside seeds]' },
  { code: '97035', description: 'Ultrasound', timed: true, family: 'modality', disciplines: MODALITY,
    documentation: ['frequency, intensity, duty cycle and area', 'start and stop clock times', 'the response'],
    outcomeKinds: ['pain', 'rom', 'edema', 'functional'], source: '[outside seeds]' },

  // Untimed: evaluations (DOMAIN.md 2.13)
  { code: '97161', description: 'PT evaluation, low complexity', timed: false, family: 'evaluation', disciplines: ['pt'], documentation: EVAL_DOCS, outcomeKinds: [], source: 'DOMAIN 2.1, 2.13' },
  { code: '97162', description: 'PT evaluation, moderate complexity', timed: false, family: 'evaluation', disciplines: ['pt'], documentation: EVAL_DOCS, outcomeKinds: [], source: 'DOMAIN 2.1, 2.13' },
  { code: '97163', description: 'PT evaluation, high complexity', timed: false, family: 'evaluation', disciplines: ['pt'], documentation: EVAL_DOCS, outcomeKinds: [], source: 'DOMAIN 2.1, 2.13' },
  { code: '97164', description: 'PT re-evaluation', timed: false, family: 'evaluation', disciplines: ['pt'],
    documentation: ['the significant change or new condition that requires a revised plan of care', ...EVAL_DOCS.slice(1)], outcomeKinds: [], source: 'DOMAIN 2.1 [001/MCR26]' },
  { code: '97165', description: 'OT evaluation, low complexity', timed: false, family: 'evaluation', disciplines: ['ot'], documentation: EVAL_DOCS, outcomeKinds: [], source: 'DOMAIN 2.13 [outside seeds]' },
  { code: '97166', description: 'OT evaluation, moderate complexity', timed: false, family: 'evaluation', disciplines: ['ot'], documentation: EVAL_DOCS, outcomeKinds: [], source: 'DOMAIN 2.13 [outside seeds]' },
  { code: '97167', description: 'OT evaluation, high complexity', timed: false, family: 'evaluation', disciplines: ['ot'], documentation: EVAL_DOCS, outcomeKinds: [], source: 'DOMAIN 2.13 [outside seeds]' },
  { code: '97168', description: 'OT re-evaluation', timed: false, family: 'evaluation', disciplines: ['ot'],
    documentation: ['the significant change or new condition that requires a revised plan of care', ...EVAL_DOCS.slice(1)], outcomeKinds: [], source: 'DOMAIN 2.1 [001/MCR26]' },
  { code: '92521', description: 'Evaluation of speech fluency', timed: false, family: 'evaluation', disciplines: ['slp'], documentation: EVAL_DOCS, outcomeKinds: [], source: 'DOMAIN 2.13 [outside seeds]' },
  { code: '92522', description: 'Evaluation of speech sound production', timed: false, family: 'evaluation', disciplines: ['slp'], documentation: EVAL_DOCS, outcomeKinds: [], source: 'DOMAIN 2.13 [outside seeds]' },
  { code: '92523', description: 'Evaluation of speech sound production with language', timed: false, family: 'evaluation', disciplines: ['slp'], documentation: EVAL_DOCS, outcomeKinds: [], source: 'DOMAIN 2.13 [outside seeds]' },
  { code: '92524', description: 'Behavioral and qualitative analysis of voice and resonance', timed: false, family: 'evaluation', disciplines: ['slp'], documentation: EVAL_DOCS, outcomeKinds: [], source: 'DOMAIN 2.13 [outside seeds]' },
  { code: '92610', description: 'Clinical evaluation of swallowing function', timed: false, family: 'evaluation', disciplines: ['slp'], documentation: EVAL_DOCS, outcomeKinds: [], source: 'DOMAIN 2.13 [outside seeds]' },

  // Untimed: SLP treatment (DOMAIN.md 2.13)
  { code: '92507', description: 'Speech, language, voice or communication treatment, individual', timed: false, family: 'slp_treatment', disciplines: ['slp'],
    documentation: ['targets with trials, accuracy and cue level for each', 'comparison with baseline or prior session', 'the goal each target advances'],
    outcomeKinds: ['speech_swallow'], source: 'DOMAIN 2.13 [outside seeds]' },
  { code: '92508', description: 'Speech, language, voice or communication treatment, group', timed: false, family: 'slp_treatment', disciplines: ['slp'],
    documentation: ['group size', 'targets with trials and accuracy per patient', 'the goal each target advances'],
    outcomeKinds: ['speech_swallow'], source: 'DOMAIN 2.13 [outside seeds]' },
  { code: '92526', description: 'Treatment of swallowing dysfunction and/or oral function for feeding', timed: false, family: 'slp_treatment', disciplines: ['slp'],
    documentation: ['bolus types and trials with signs of aspiration or their absence', 'strategies used and cue level', 'diet level and its change'],
    outcomeKinds: ['speech_swallow'], source: 'DOMAIN 2.13 [outside seeds]' },

  // Untimed: modalities and group
  { code: '97010', description: 'Hot or cold packs', timed: false, family: 'modality', disciplines: MODALITY,
    documentation: ['hot or cold, the area treated', 'billed once per day across providers'], outcomeKinds: [], source: 'DOMAIN 2.1 [003/AUTO]' },
  { code: '97014', description: 'Electrical stimulation, unattended', timed: false, family: 'modality', disciplines: MODALITY,
    documentation: ['parameters and electrode placement', 'the area and the purpose'], outcomeKinds: [], source: 'DOMAIN 2.1 [001/MCR26]' },
  { code: 'G0283', description: 'Electrical stimulation, unattended (Medicare)', timed: false, family: 'modality', disciplines: MODALITY,
    documentation: ['parameters and electrode placement', 'the area and the purpose'], outcomeKinds: [], source: 'DOMAIN 2.1 [outside seeds: Medicare G0283]' },
  // [outside seeds; CPT descriptors, verify before use]: supervised traction and canalith repositioning are one unit per day
  { code: '97012', description: 'Mechanical traction', timed: false, family: 'modality', disciplines: MODALITY,
    documentation: ['the region, force, hold and rest times, position and duration', 'the response'], outcomeKinds: [], source: '[outside seeds]' },
  { code: '95992', description: 'Canalith repositioning procedure, per day', timed: false, family: 'procedure', disciplines: REHAB,
    documentation: ['the positional test and its nystagmus before the manoeuvre', 'the side and manoeuvre performed', 'the response'], outcomeKinds: [], source: '[outside seeds]' },
  { code: '97150', description: 'Therapeutic procedures, group', timed: false, family: 'group', disciplines: REHAB,
    documentation: ['group size and the activity', 'skilled input to the patient', 'the goal advanced'], outcomeKinds: [], source: 'DOMAIN 2.13 [outside seeds]' },

  // Untimed: chiropractic manipulative treatment (DOMAIN.md 2.13)
  { code: '98940', description: 'Chiropractic manipulative treatment, spinal, 1-2 regions', timed: false, family: 'cmt', disciplines: ['chiro'],
    documentation: ['the spinal regions manipulated and the segmental findings at each', 'the treatment plan and goals'], outcomeKinds: [], source: 'DOMAIN 2.13 [outside seeds]' },
  { code: '98941', description: 'Chiropractic manipulative treatment, spinal, 3-4 regions', timed: false, family: 'cmt', disciplines: ['chiro'],
    documentation: ['the spinal regions manipulated and the segmental findings at each', 'the treatment plan and goals'], outcomeKinds: [], source: 'DOMAIN 2.13 [outside seeds]' },
  { code: '98942', description: 'Chiropractic manipulative treatment, spinal, 5 regions', timed: false, family: 'cmt', disciplines: ['chiro'],
    documentation: ['the spinal regions manipulated and the segmental findings at each', 'the treatment plan and goals'], outcomeKinds: [], source: 'DOMAIN 2.13 [outside seeds]' },
  { code: '98943', description: 'Chiropractic manipulative treatment, extraspinal', timed: false, family: 'cmt', disciplines: ['chiro'],
    documentation: ['the extraspinal regions manipulated and the findings at each', 'the treatment plan and goals'], outcomeKinds: [], source: 'DOMAIN 2.13 [outside seeds]' },
];

/** Every catalogued code, by code. */
export const CATALOGUE: ReadonlyMap<string, CatalogueEntry> = new Map(entries.map((e) => [e.code, e]));

/** The catalogue entry of a code; throws on an unknown code, which is a programming error here. */
export function catalogueEntry(code: string): CatalogueEntry {
  const entry = CATALOGUE.get(code);
  if (!entry) throw new Error(`coding catalogue has no code ${code}`);
  return entry;
}

/** True when the code is billed in 15-minute units under the 8-minute rule. */
export function isTimed(code: string): boolean {
  return catalogueEntry(code).timed;
}
