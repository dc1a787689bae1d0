/**
 * Intervention -> code. The drafter's `kindHint` is read first, then confirmed or overridden
 * by the DOMAIN.md 2.3 tests: technique lists for 97140 vs 97124, functional multi-outcome
 * tasks for 97530 "regardless of the strength component", isolated single-capacity exercise
 * for 97110, the measured-deficit gate for 97112. Never special-cases a visit.
 */
import type { Discipline, LedgerEntry, Measure, PayerType } from './input.ts';
import { firstIndex, firstLabel, matchesAny, normalise } from './text.ts';
import {
  FUNCTIONAL_TASKS, GAIT, ISOLATED_EXERCISES, MANUAL_TECHNIQUES, MASSAGE_TECHNIQUES, MODALITIES,
  NEUROMOTOR_ACTIVITIES, NON_NEUROMOTOR_DEFICIT, ORTHOTIC_INITIAL, SELF_CARE, SWALLOW,
} from './vocabulary.ts';

export type Classification =
  | { kind: 'code'; code: string; rationale: string }
  | { kind: 'cmt'; rationale: string }
  | { kind: 'none'; rationale: string };

export interface ClassifyContext {
  discipline: Discipline;
  payer: PayerType;
  measures: readonly Measure[];
}

/** Named neuromotor tests: a number next to one is a measured neuromotor finding. */
const NEUROMOTOR_TEST = /opposition sequence|motor planning|two[- ]point discrimination|dynamic visual acuity|\bdva\b|single[- ]leg stance|\bsls\b|star excursion|\bsebt\b|\blsi\b|limb symmetry|joint position sense|\bjps\b|berg|romberg|\bctsib\b|sway|dynamic gait index|\bdgi\b|\bfga\b|gait symmetry/;
/** Neuromotor words that count only with a measured quantity (seconds, degrees, percent). */
const NEUROMOTOR_WORD = /propriocept|balance|perturbation|vestibular|tandem|postural|kinesthe/;
const MEASURED_QUANTITY = /\d+(\.\d+)?\s*(s|sec|secs|seconds|degrees?|°|%|percent|cm)\b/;

/** True when a deficit statement holds a measured neuromotor finding, not just a label. */
function measuredNeuromotorStatement(text: string): boolean {
  if (!/\d/.test(text)) return false;
  return NEUROMOTOR_TEST.test(text) || (NEUROMOTOR_WORD.test(text) && MEASURED_QUANTITY.test(text));
}

/**
 * True when a specific, measured neuromotor deficit is documented before the block: a
 * neuromotor measure stated at or before the block's first utterance, or a deficit statement
 * that names a neuromotor finding with a number. Deconditioning, generalized weakness or pain
 * do not qualify. Source: DOMAIN.md 2.3 "97112 gate", 2.4 (deficit-first), 2.6 T9/T10.
 */
export function hasMeasuredNeuromotorDeficit(entry: LedgerEntry, measures: readonly Measure[]): boolean {
  const deficit = normalise(entry.deficit);
  if (deficit && measuredNeuromotorStatement(deficit)) return true;
  const blockStart = firstIndex(entry.evidence);
  return measures.some((m) => {
    if (m.kind !== 'neuromotor') return false;
    const at = firstIndex(m.evidence);
    return blockStart === null || at === null || at <= blockStart;
  });
}

/** True when the deficit cited is not neuromotor (deconditioning, weakness, pain). */
export function citesNonNeuromotorDeficit(entry: LedgerEntry): boolean {
  const deficit = normalise(entry.deficit);
  return deficit !== '' && NON_NEUROMOTOR_DEFICIT.test(deficit) && !NEUROMOTOR_TEST.test(deficit) && !NEUROMOTOR_WORD.test(deficit);
}

/**
 * Words saying a block had no direct one-on-one contact (DOMAIN.md 2.3 "Direct contact").
 * "On his own" is not among them: in a treatment note it usually grades performance ("repaired
 * the breakdown on his own 3 of 4 times" = without cues), not the therapist's absence.
 */
const NO_DIRECT_CONTACT = /\bnot billed\b|\bnon[- ]?billable\b|\bunsupervised\b|\bwithout (the )?therapist\b|\bwhile (the )?therapist (was )?(charting|documenting|away|with another)|\bstepped away\b/;

/**
 * True when the block was done without direct contact: flagged by the drafter, or said in its
 * own words ("warmed up on his own; not billed"). Such minutes are never billed.
 */
export function withoutDirectContact(entry: LedgerEntry): boolean {
  if (entry.independent === true) return true;
  return NO_DIRECT_CONTACT.test(normalise(`${entry.intervention} ${entry.parameters.join(' ')}`));
}

/** Classify one ledger entry. */
export function classifyEntry(entry: LedgerEntry, ctx: ClassifyContext, normalised?: string): Classification {
  const what = normalised ?? normalise(entry.intervention);
  const hint = entry.kindHint;

  if (hint === 'cmt' || (ctx.discipline === 'chiro' && hint === 'unknown' && /adjust|\bcmt\b|manipulat/.test(what))) {
    return { kind: 'cmt', rationale: 'Chiropractic manipulative treatment: coded by the number of spinal regions manipulated.' };
  }
  if (ctx.discipline === 'slp' || hint === 'speech_language_treatment' || hint === 'speech_language_group' || hint === 'swallowing_treatment') {
    const slp = classifySpeech(entry, what);
    if (slp) return slp;
  }
  const technique = classifyTechnique(hint, what);
  if (technique) return technique;
  const modality = classifyModality(hint, what, ctx.payer);
  if (modality) return modality;
  return classifyMovement(entry, what, ctx);
}

function code(codeValue: string, rationale: string): Classification {
  return { kind: 'code', code: codeValue, rationale };
}

function classifySpeech(entry: LedgerEntry, what: string): Classification | null {
  const hint = entry.kindHint;
  if (hint === 'speech_language_group') return code('92508', 'Speech-language treatment delivered to a group.');
  if (hint === 'swallowing_treatment' || (hint !== 'speech_language_treatment' && SWALLOW.test(what))) {
    return code('92526', 'Swallowing treatment: trials and compensatory strategies for oral or pharyngeal swallowing.');
  }
  if (hint === 'speech_language_treatment' || hint === 'unknown' || hint === 'therapeutic_exercise' || hint === 'therapeutic_activity') {
    return code('92507', 'Individual speech, language or communication treatment (untimed, one per session).');
  }
  return null;
}

/** 97124 vs 97140 by technique, whatever the hint said [003/AUTO]. */
function classifyTechnique(hint: LedgerEntry['kindHint'], what: string): Classification | null {
  const handsOn = hint === 'manual_therapy' || hint === 'massage' || hint === 'unknown';
  if (!handsOn) return null;
  const manual = firstLabel(what, MANUAL_TECHNIQUES);
  const massage = firstLabel(what, MASSAGE_TECHNIQUES);
  if (manual && (!massage || hint !== 'massage')) {
    return code('97140', `Manual therapy technique (${manual}): 97140 by technique, not 97124 (DOMAIN.md 2.3).`);
  }
  if (massage) {
    return code('97124', `Massage technique (${massage}): 97124 by technique (DOMAIN.md 2.3).`);
  }
  if (hint === 'manual_therapy') return code('97140', 'Manual therapy as documented; name the technique (mobilization, myofascial release, ...).');
  if (hint === 'massage') return code('97124', 'Massage as documented; name the technique (effleurage, petrissage, ...).');
  return null;
}

function classifyModality(hint: LedgerEntry['kindHint'], what: string, payer: PayerType): Classification | null {
  const unattended = () =>
    payer === 'medicare'
      ? code('G0283', 'Unattended electrical stimulation; Medicare reports it as G0283 rather than 97014.')
      : code('97014', 'Unattended electrical stimulation (untimed).');
  switch (hint) {
    case 'hot_cold_pack': return code('97010', 'Hot or cold pack (untimed, once per day across providers).');
    case 'unattended_estim': return unattended();
    case 'attended_estim': return code('97032', 'Attended electrical stimulation (timed, constant attendance).');
    case 'iontophoresis': return code('97033', 'Iontophoresis (timed).');
    case 'ultrasound': return code('97035', 'Ultrasound (timed).');
    case 'group_therapy': return code('97150', 'Group therapeutic procedure (untimed; not one-on-one).');
    case 'aquatic_therapy': return code('97113', 'Therapeutic exercise in the pool: aquatic therapy (timed).');
    case 'mechanical_traction': return code('97012', 'Traction by a unit or table, supervised (untimed); manual traction is 97140.');
    case 'canalith_repositioning': return code('95992', 'Canalith repositioning (Epley or Semont) for BPPV (untimed, once per day).');
    case 'wheelchair_management': return code('97542', 'Wheelchair management: seating, fitting and propulsion or pressure-relief training (timed).');
    case 'physical_performance_test': return code('97750', 'Physical performance test or measurement (timed).');
    case 'orthotic_prosthetic_training':
      return ORTHOTIC_INITIAL.test(what)
        ? code('97760', 'Orthotic management and training at the first encounter with the device (timed).')
        : code('97763', 'Orthotic or prosthetic management and training at a later encounter (timed).');
    case 'unknown': {
      const found = firstLabel(what, MODALITIES);
      if (found === 'unattended_estim') return unattended();
      if (found) return code(found, 'Modality named in the documentation.');
      return null;
    }
    default:
      return null;
  }
}

/** A purpose said with the activity: why it was done, not what was done. */
const PURPOSE_CLAUSE = /,?\s+(?:for\s+(?:\w+\s+)?(?:strength|strengthening|range|rom|mobility|endurance|control|stability|recruitment)\b|towards?\b|so (?:that )?(?:you|he|she|they|the patient|patient) can\b|targeting\b|aimed at\b|in order to\b|to (?:improve|increase|build|restore|strengthen)\b).*$/;

/**
 * The functional task a block performs. When the activity itself is an isolated exercise
 * ("seated leg press, 40 lb, 3x15, for quad strength toward independent stair climbing"),
 * a task named only in its purpose does not make it 97530: the exercise is the building block
 * and the stairs are the goal it serves (DOMAIN.md 2.3 "one question", functional arc test;
 * 3.1 V8: seated leg press for quadriceps strengthening is 97110).
 */
function taskOf(what: string): string | null {
  const activity = what.replace(PURPOSE_CLAUSE, '');
  return firstLabel(firstLabel(activity, ISOLATED_EXERCISES) ? activity : what, FUNCTIONAL_TASKS);
}

/** The exercise family: 97110 / 97530 / 97112 / 97116 / 97535 (DOMAIN.md 2.3). */
function classifyMovement(entry: LedgerEntry, what: string, ctx: ClassifyContext): Classification {
  const hint = entry.kindHint;
  const task = taskOf(what);
  const isolated = firstLabel(what, ISOLATED_EXERCISES);
  const neuro = firstLabel(what, NEUROMOTOR_ACTIVITIES);
  const measured = hasMeasuredNeuromotorDeficit(entry, ctx.measures);

  switch (hint) {
    case 'gait_training':
      return code('97116', 'Gait training (DOMAIN.md 2.3: standalone gait training is 97116, not 97110 or 97530).');
    case 'self_care':
      return code('97535', 'Self-care or home-management training (ADL, adaptive equipment, compensatory strategies).');
    case 'neuromuscular_reeducation':
      return code('97112', measured
        ? `Neuromuscular reeducation${neuro ? ` (${neuro})` : ''} aimed at a measured neuromotor deficit documented first (DOMAIN.md 2.3 gate).`
        : 'Neuromuscular reeducation as documented; no measured neuromotor deficit precedes it (see the documentation check).');
    case 'therapeutic_activity':
      if (!task && isolated) {
        return code('97110', `Isolated exercise (${isolated}) for one tissue capacity: a functional position or several joints do not make it 97530 (DOMAIN.md 2.3, 2.6 T5).`);
      }
      return code('97530', `Dynamic functional task${task ? ` (${task})` : ''} with several outcomes changing at once: 97530 (DOMAIN.md 2.3 functional performance standard).`);
    case 'therapeutic_exercise':
      if (task) {
        return code('97530', `Functional task (${task}): 97530 regardless of the strength component (DOMAIN.md 2.3 [000/VS]).`);
      }
      if (neuro && !isolated && measured) {
        return code('97112', `${neuro} aimed at a measured neuromotor deficit: 97112 (DOMAIN.md 2.3 gate: the assessment findings decide the code).`);
      }
      return code('97110', `Exercise for one tissue capacity${isolated ? ` (${isolated})` : ''}: 97110 (DOMAIN.md 2.3 "one question" test).`);
    default:
      break;
  }
  // No usable hint: read the words.
  if (firstLabel(what, GAIT) && !task) return code('97116', 'Gait training named in the documentation.');
  const selfCare = firstLabel(what, SELF_CARE);
  if (selfCare) return code('97535', `Self-care or home-management training (${selfCare}).`);
  if (task) return code('97530', `Functional task (${task}): 97530 (DOMAIN.md 2.3).`);
  if (neuro && measured && !citesNonNeuromotorDeficit(entry)) {
    return code('97112', `${neuro} aimed at a measured neuromotor deficit: 97112 (DOMAIN.md 2.3 gate).`);
  }
  if (isolated || neuro) {
    return code('97110', `Exercise${isolated ? ` (${isolated})` : ''} without a functional task or measured neuromotor deficit: 97110 (DOMAIN.md 2.3).`);
  }
  if (matchesAny(what, [/exercise|strength/])) return code('97110', 'Exercise as documented: 97110.');
  return { kind: 'none', rationale: 'The block could not be matched to a procedure code; it is not billed until it is described.' };
}
