import type { Mode, Speaker } from '@scribe/domain';

/** A diarized stretch of speech: the engine's own speaker label (absent without diarization). */
export interface DiarizedTurn {
  label?: string | undefined;
  start: number;
  end: number;
}

/**
 * Talk times within this fraction of each other count as a tie, broken by who spoke first.
 */
const TIE_FRACTION = 0.1;

/**
 * Map an engine's anonymous speaker labels to roles (the heuristic the README documents):
 * - dictation is one clinician voice: every label is `clinician`;
 * - ambient without diarization (no labels), or with one voice only: `other`, because the
 *   engine cannot tell clinician from patient and a wrong role would move a patient's words
 *   into the clinician's findings;
 * - ambient with two or more voices: the voice that talks most is the `clinician` (in a
 *   therapy visit the therapist explains, instructs and counts repetitions); when the two
 *   busiest voices are within 10% of each other the one who spoke first is the clinician
 *   (therapists open the visit). The next voice is the `patient`; any further voice
 *   (a caregiver, an interpreter) is `other`.
 * Returns a function from label to role.
 */
export function assignRoles(turns: DiarizedTurn[], mode: Mode): (label: string | undefined) => Speaker {
  if (mode === 'dictation') return () => 'clinician';
  const stats = new Map<string, { talk: number; first: number }>();
  for (const t of turns) {
    if (t.label === undefined) continue;
    const s = stats.get(t.label) ?? { talk: 0, first: t.start };
    s.talk += Math.max(0, t.end - t.start);
    s.first = Math.min(s.first, t.start);
    stats.set(t.label, s);
  }
  if (stats.size < 2) return () => 'other';
  const ranked = [...stats.entries()].sort((a, b) => b[1].talk - a[1].talk || a[1].first - b[1].first);
  const [top, second] = ranked as [[string, { talk: number; first: number }], [string, { talk: number; first: number }]];
  const tie = top[1].talk - second[1].talk <= TIE_FRACTION * top[1].talk;
  const [clinician, patient] = tie && second[1].first < top[1].first ? [second[0], top[0]] : [top[0], second[0]];
  return (label) => (label === clinician ? 'clinician' : label === patient ? 'patient' : 'other');
}

/**
 * Roles for a live stream, where talk time is not known yet and a label must not change once
 * shown: the first voice heard is the `clinician`, the second the `patient`, any later one
 * `other`; dictation is all `clinician`, and results without a label are `other`. The
 * prerecorded transcript, computed from the whole visit, is the one that is stored for drafting.
 */
export class LiveRoleMapper {
  private readonly order: string[] = [];

  constructor(private readonly mode: Mode) {}

  /** The role of a label, fixing it on first sight. */
  roleOf(label: string | undefined): Speaker {
    if (this.mode === 'dictation') return 'clinician';
    if (label === undefined) return 'other';
    if (!this.order.includes(label)) this.order.push(label);
    const rank = this.order.indexOf(label);
    return rank === 0 ? 'clinician' : rank === 1 ? 'patient' : 'other';
  }
}
