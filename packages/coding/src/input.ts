/**
 * The contract between drafting and coding. The drafter reads the transcript and fills
 * a VisitInput; the coding engine turns it into CPT lines, units, modifiers and checks.
 * This package depends on nothing of ours, so these types are declared here and the
 * drafting package imports them.
 *
 * Every array of `evidence` holds transcript utterance ids ("u12"). Nothing here holds a
 * patient identifier.
 */

export type Discipline = 'pt' | 'ot' | 'slp' | 'chiro' | 'massage';
export type NoteType = 'evaluation' | 'daily' | 'progress' | 'reevaluation' | 'discharge';
export type PayerType = 'medicare' | 'medicaid' | 'commercial' | 'auto' | 'workers_comp' | 'self_pay';
export type Side = 'left' | 'right' | 'bilateral';
export type Complexity = 'low' | 'moderate' | 'high';

/**
 * The drafter's reading of what kind of service a block was, from its vocabulary. The
 * coding engine confirms or overrides it with the DOMAIN.md 2.3 tests (e.g. a standing
 * exercise hinted as "therapeutic_exercise" but aimed at a functional multi-outcome task
 * becomes 97530).
 */
export type ServiceKind =
  | 'therapeutic_exercise' // strength, ROM, endurance, flexibility (97110 family)
  | 'therapeutic_activity' // dynamic functional task practice (97530 family)
  | 'neuromuscular_reeducation' // balance, proprioception, motor control (97112 family)
  | 'gait_training' // 97116
  | 'manual_therapy' // mobilization, manipulation of soft tissue/joints, MFR, MLD, traction (97140)
  | 'massage' // effleurage, petrissage, tapotement, compression, percussion (97124)
  | 'self_care' // ADL / home management training (97535)
  | 'physical_performance_test' // 97750
  | 'orthotic_prosthetic_training' // 97763
  | 'hot_cold_pack' // 97010
  | 'unattended_estim' // 97014
  | 'attended_estim' // 97032
  | 'iontophoresis' // 97033
  | 'ultrasound' // 97035
  | 'group_therapy' // 97150
  | 'aquatic_therapy' // 97113: therapeutic exercise in a pool
  | 'mechanical_traction' // 97012: traction by a unit or table (manual traction is 97140)
  | 'canalith_repositioning' // 95992: Epley / Semont manoeuvre for BPPV, per day
  | 'wheelchair_management' // 97542: wheelchair fitting, seating, propulsion training
  | 'cmt' // chiropractic manipulative treatment, spinal (98940-98942)
  | 'speech_language_treatment' // 92507
  | 'speech_language_group' // 92508
  | 'swallowing_treatment' // 92526
  | 'unknown';

/** One block of treatment found in the transcript. */
export interface LedgerEntry {
  id: string;
  /** What was done, in clinical words: "seated leg press", "reciprocal stair negotiation". */
  intervention: string;
  kindHint: ServiceKind;
  /** Normalised regions: knee, hip, ankle, foot, shoulder, elbow, wrist, hand, thumb, finger,
   *  cervical, thoracic, lumbar, sacral, pelvic, upper_trapezius, ... (lowercase words). */
  bodyRegions: string[];
  side: Side | null;
  /** Parameters as written in the note: "3 x 15", "40 lb", "green band", "4 rounds". */
  parameters: string[];
  /** Direct one-on-one minutes as stated, or computed from the clock times; null if never said. */
  minutes: number | null;
  /** Clock times as said, 24-hour "HH:MM"; null when not said. */
  startTime: string | null;
  stopTime: string | null;
  /** Skilled input: cues, facilitation, progression decisions. */
  skilledCues: string[];
  /** The stated intent or target ("quad strength to control the stairs"), if said. */
  purpose: string | null;
  /** The measured deficit this block addresses, when documented before it. */
  deficit: string | null;
  /** Within-session or since-baseline result for this block, when measured. */
  outcome: string | null;
  /** The sentence tying this block to a plan-of-care goal, when said (text or goal id). */
  linkedGoal: string | null;
  evidence: string[];
  /**
   * Optional (added by coding): true when the patient did this without direct one-on-one
   * contact ("warmed up on his own on the bike; not billed", a home program run while the
   * therapist stepped away). The engine bills nothing for it and says so in the explanation.
   * Absent means direct contact, as the `minutes` field already promises.
   */
  independent?: boolean;
}

export type MeasureKind =
  | 'pain'
  | 'strength' // MMT, dynamometry, grip/pinch
  | 'rom' // goniometry, inclinometry, fingertip-to-floor
  | 'neuromotor' // Berg, SLS time, JPS, SEBT/LSI, gait symmetry
  | 'functional' // TUG, 30-s chair stand, assist level, task performance
  | 'outcome_scale' // LEFS, ODI, QuickDASH, NDI
  | 'speech_swallow' // % accuracy, trials, diet level, penetration-aspiration
  | 'edema'
  | 'other';

/** An objective measure stated in the visit. */
export interface Measure {
  kind: MeasureKind;
  /** "quadriceps MMT", "single-leg stance", "knee flexion". */
  name: string;
  /** As written: "3+/5", "108 degrees", "8 s". */
  value: string;
  /** A prior value it is compared against ("95 degrees at evaluation"), when said. */
  baseline: string | null;
  side: Side | null;
  evidence: string[];
}

/** A mention of a body part or symptom location, with the side if one was said. */
export interface BodyPartMention {
  region: string;
  side: Side | null;
  evidence: string[];
  /**
   * A side was pointed at but never named ("tension in the upper trap on that side", "turn
   * toward the sore side"): the condition is one-sided, whatever the region, and needs its side.
   */
  sidePointedAt?: boolean;
}

export interface VisitInput {
  discipline: Discipline;
  noteType: NoteType;
  payer: { type: PayerType; name?: string };
  diagnoses: { icd10: string; description?: string }[];
  goals: { id?: string; text: string }[];
  referral: { onFile: boolean } | null;
  /** Evaluation complexity as the clinician stated it; null when not said. */
  evaluationComplexity: Complexity | null;
  ledger: LedgerEntry[];
  measures: Measure[];
  bodyParts: BodyPartMention[];
  /** Utterances with usable speech (not only markers such as [inaudible]). */
  speechUtteranceCount: number;
  /**
   * Optional (added by coding): date of service, "YYYY-MM-DD". Selects the same-day edits in
   * force that day from the versioned edit table; absent means the edits in force at the
   * table's own as-of date.
   */
  dateOfService?: string;
  /**
   * Optional (added by coding): utterance ids where the clinician performed the evaluation or
   * stated its complexity; cited as the evidence of the evaluation line.
   */
  evaluationEvidence?: string[];
}
