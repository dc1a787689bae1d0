/**
 * Evaluation and re-evaluation codes from the note type, the discipline and the complexity the
 * clinician stated. The engine never infers complexity: when it was not stated, no evaluation
 * code is suggested and the explanation says what to add (a wrong level is worse than none).
 * Source: DOMAIN.md 2.1, 2.13.
 */
import type { VisitInput } from './input.ts';

export interface EvaluationSuggestion {
  codes: { code: string; rationale: string }[];
  /** Plain-language notes for the explanation (what was inferred, what is missing). */
  notes: string[];
}

const PT_EVAL = { low: '97161', moderate: '97162', high: '97163' } as const;
const OT_EVAL = { low: '97165', moderate: '97166', high: '97167' } as const;

/** SLP evaluation types by diagnosis family (ICD-10-CM prefixes). */
const SLP_TYPES: readonly { type: 'fluency' | 'speech_sound' | 'language' | 'voice' | 'swallowing'; prefixes: readonly string[] }[] = [
  { type: 'fluency', prefixes: ['F80.81', 'F98.5', 'R47.82'] },
  // F80.9 is "developmental disorder of speech and language, unspecified": both areas
  { type: 'speech_sound', prefixes: ['F80.0', 'R48.2', 'R47.1', 'F80.9'] },
  { type: 'language', prefixes: ['F80.1', 'F80.2', 'R47.0', 'F80.9'] },
  { type: 'voice', prefixes: ['R49', 'J38'] },
  { type: 'swallowing', prefixes: ['R13.1'] },
];

/** Suggest the evaluation line(s) for the visit, if it is an evaluation or re-evaluation. */
export function suggestEvaluation(input: VisitInput): EvaluationSuggestion {
  const { noteType, discipline, evaluationComplexity: complexity } = input;
  if (noteType !== 'evaluation' && noteType !== 'reevaluation') return { codes: [], notes: [] };

  if (discipline === 'pt' || discipline === 'ot') {
    if (noteType === 'reevaluation') {
      const c = discipline === 'pt' ? '97164' : '97168';
      return {
        codes: [{ code: c, rationale: `${discipline.toUpperCase()} re-evaluation (untimed, 1 unit); billable only for a significant change or a new condition needing a revised plan of care (DOMAIN.md 2.8).` }],
        notes: [],
      };
    }
    if (complexity === null) {
      return {
        codes: [],
        notes: [`Evaluation: complexity was not stated, so no evaluation code is suggested; state low, moderate or high complexity to select ${discipline === 'pt' ? '97161-97163' : '97165-97167'}.`],
      };
    }
    const c = (discipline === 'pt' ? PT_EVAL : OT_EVAL)[complexity];
    return {
      codes: [{ code: c, rationale: `${discipline.toUpperCase()} evaluation, ${complexity} complexity as stated by the clinician (untimed, 1 unit).` }],
      notes: [],
    };
  }

  if (discipline === 'slp') return slpEvaluation(input);

  return {
    codes: [],
    notes: [`${noteType === 'evaluation' ? 'Evaluation' : 'Re-evaluation'}: ${discipline} examinations are reported with codes outside this catalogue (e.g. E/M); none is suggested.`],
  };
}

function slpEvaluation(input: VisitInput): EvaluationSuggestion {
  const codes = input.diagnoses.map((d) => d.icd10.toUpperCase().trim());
  const types = new Set(SLP_TYPES.filter((t) => codes.some((c) => t.prefixes.some((p) => c.startsWith(p)))).map((t) => t.type));
  const out: EvaluationSuggestion = { codes: [], notes: [] };
  const by = 'inferred from the diagnosis codes';
  if (types.has('fluency')) out.codes.push({ code: '92521', rationale: `Fluency evaluation (${by}; untimed, 1 unit).` });
  if (types.has('speech_sound') && types.has('language')) {
    out.codes.push({ code: '92523', rationale: `Speech sound production with language evaluation (${by}; untimed, 1 unit).` });
  } else if (types.has('speech_sound')) {
    out.codes.push({ code: '92522', rationale: `Speech sound production evaluation (${by}; untimed, 1 unit).` });
  } else if (types.has('language')) {
    out.notes.push('Evaluation: a language-only evaluation has no code of its own in this catalogue; choose the SLP evaluation code by hand.');
  }
  if (types.has('voice')) out.codes.push({ code: '92524', rationale: `Voice and resonance evaluation (${by}; untimed, 1 unit).` });
  if (types.has('swallowing')) out.codes.push({ code: '92610', rationale: `Clinical swallowing evaluation (${by}; untimed, 1 unit).` });
  if (out.codes.length === 0 && out.notes.length === 0) {
    out.notes.push('Evaluation: the SLP evaluation type could not be inferred from the diagnoses; no evaluation code is suggested.');
  }
  return out;
}

/**
 * SLP treatment codes whose work an SLP evaluation of the same area already includes: the
 * oral trials and strategy trials of a clinical swallowing evaluation, the speech and voice
 * probes of a speech or voice evaluation. On an evaluation visit they are how the evaluation
 * is done, not a separate treatment session (DOMAIN.md 2.13 code set; clinical convention).
 */
const SLP_COVERED: Record<string, string> = { '92610': '92526', '92521': '92507', '92522': '92507', '92523': '92507', '92524': '92507' };

/** The evaluation code that covers a treatment code on this visit, or null. */
export function coveringEvaluation(code: string, input: VisitInput, evaluationCodes: readonly string[]): string | null {
  if (input.discipline !== 'slp' || input.noteType !== 'evaluation') return null;
  return evaluationCodes.find((e) => SLP_COVERED[e] === code) ?? null;
}
