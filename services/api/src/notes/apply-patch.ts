import {
  AppError, type Coding, type CodingLine, type PatchNoteBody, type RevisionChange, type SectionName, type Sections,
} from '@scribe/domain';

export interface PatchResult {
  sections: Sections;
  coding: Coding;
  /** Field-level changes; empty when the PATCH changes nothing (e.g. the same text again). */
  changes: RevisionChange[];
}

const LETTER: Record<SectionName, string> = { subjective: 's', objective: 'o', assessment: 'a', plan: 'p' };

/**
 * Apply a clinician's PATCH to a draft's content. Pure: returns new sections and coding
 * plus the changes for the revision, or throws a 422 before anything is written.
 *
 * Origins: an AI statement a clinician changes becomes `ai_edited`; `ai_edited` and
 * `clinician` keep their origin; an added statement is `clinician` with no evidence.
 * Added statements get ids `<section letter>-v<new version>-<n>`, unique for ever within
 * the note because versions are.
 */
export function applyPatch(current: { sections: Sections; coding: Coding }, body: PatchNoteBody, newVersion: number): PatchResult {
  rejectRepeatedTargets(body);
  const sections = structuredClone(current.sections);
  const changes: RevisionChange[] = [];
  let added = 0;
  for (const op of body.statements) {
    const list = sections[op.section];
    if (!('id' in op)) {
      const id = `${LETTER[op.section]}-v${newVersion}-${++added}`;
      list.push({ id, text: op.text, origin: 'clinician', evidence: [] });
      changes.push({ type: 'statement_added', section: op.section, id, after: op.text });
      continue;
    }
    const at = list.findIndex((s) => s.id === op.id);
    const found = list[at];
    if (!found) {
      throw new AppError(422, 'UNKNOWN_STATEMENT', `Section ${op.section} has no statement with id ${op.id}`, { section: op.section, id: op.id });
    }
    if ('delete' in op) {
      list.splice(at, 1);
      changes.push({ type: 'statement_deleted', section: op.section, id: op.id, before: found.text });
    } else if (found.text !== op.text) {
      list[at] = { ...found, text: op.text, origin: found.origin === 'ai' ? 'ai_edited' : found.origin };
      changes.push({ type: 'statement_edited', section: op.section, id: op.id, before: found.text, after: op.text });
    }
  }
  const coding = body.codingLines === undefined ? current.coding : replaceLines(current.coding, body.codingLines, changes);
  return { sections, coding, changes };
}

/** Two operations on one statement would make the result depend on their order: refuse. */
function rejectRepeatedTargets(body: PatchNoteBody): void {
  const seen = new Set<string>();
  for (const op of body.statements) {
    if (!('id' in op)) continue;
    const key = `${op.section}\u0000${op.id}`;
    if (seen.has(key)) {
      throw new AppError(422, 'CONFLICTING_OPERATIONS', `Statement ${op.id} in section ${op.section} is targeted more than once`, { section: op.section, id: op.id });
    }
    seen.add(key);
  }
}

const normalise = (l: CodingLine): CodingLine => ({
  code: l.code, description: l.description, minutes: l.minutes ?? null, units: l.units,
  modifiers: [...l.modifiers], rationale: l.rationale, evidence: [...l.evidence],
});
const ref = (l: CodingLine) => ({ code: l.code, units: l.units, modifiers: [...l.modifiers] });
const minutesOf = (lines: CodingLine[]) => lines.reduce((n, l) => n + (l.minutes ?? 0), 0);

function replaceLines(coding: Coding, input: CodingLine[], changes: RevisionChange[]): Coding {
  const lines = input.map(normalise);
  const keys = new Set<string>();
  for (const l of lines) {
    const key = `${l.code}|${[...l.modifiers].sort().join(',')}`;
    if (keys.has(key)) throw new AppError(422, 'DUPLICATE_CODING_LINE', `Code ${l.code} is listed twice with the same modifiers`, { code: l.code });
    keys.add(key);
  }
  if (JSON.stringify(lines) === JSON.stringify(coding.lines.map(normalise))) return coding;
  changes.push({ type: 'coding_replaced', before: coding.lines.map(ref), after: lines.map(ref) });
  // The drafter's total can hold timed minutes that earned no line (DOMAIN/eval FORMAT: they still
  // count under the CMS method), so move the total by the change in line minutes, not to their sum.
  const totalTimedMinutes = Math.max(0, coding.totalTimedMinutes - minutesOf(coding.lines) + minutesOf(lines));
  // `checks` stay as the drafter raised them: they are findings about the documentation, which the
  // coding engine does not re-derive from hand-entered lines.
  return { ...coding, lines, totalTimedMinutes };
}
