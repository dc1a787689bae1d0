/**
 * Billed lines from the model: one per code with units > 0 (a timed code that earns no unit
 * is not listed, eval/FORMAT.md), with modifiers and a rationale that says why this code, how
 * many units, and what each modifier needs.
 */
import { catalogueEntry } from './catalogue.ts';
import type { CodeGroup, VisitModel } from './model.ts';
import { activeTreatmentModifier, disciplineModifier, type PairAnalysis } from './modifiers.ts';
import type { CodingLine } from './output.ts';
import { chartBand } from './units.ts';

const DISCIPLINE_NAMES = { pt: 'physical therapy', ot: 'occupational therapy', slp: 'speech-language pathology', chiro: 'chiropractic', massage: 'massage' } as const;

/** Build the lines of a visit. */
export function buildLines(model: VisitModel, pairs: readonly PairAnalysis[]): CodingLine[] {
  return model.groups.filter((g) => g.units > 0).map((g) => line(model, g, pairs));
}

function line(model: VisitModel, g: CodeGroup, pairs: readonly PairAnalysis[]): CodingLine {
  const modifiers: string[] = [];
  const notes: string[] = [...g.rationale];
  const discipline = disciplineModifier(model, g.code);
  if (discipline) {
    modifiers.push(discipline);
    notes.push(`${discipline}: ${DISCIPLINE_NAMES[model.input.discipline]} service under a plan of care.`);
  }
  for (const p of pairs.filter((x) => x.codes.includes(g.code))) {
    if (p.modifierOn === g.code && p.modifier) modifiers.push(p.modifier);
    notes.push(p.reason);
  }
  const at = activeTreatmentModifier(model, g.code);
  if (at) {
    modifiers.push(at);
    notes.push('AT: active/corrective treatment toward the documented goals (Medicare); the record must show the subluxation and measurable progress.');
  }
  notes.push(...payerNotes(model, g));
  notes.push(unitsNote(model, g));
  return {
    code: g.code,
    description: catalogueEntry(g.code).description,
    minutes: g.timed ? g.minutes : null,
    units: g.units,
    modifiers: [...new Set(modifiers)],
    rationale: notes.join(' '),
    evidence: g.evidence,
  };
}

function unitsNote(model: VisitModel, g: CodeGroup): string {
  if (!g.timed) return 'Untimed: 1 unit.';
  const min = g.minutes ?? 0;
  if (model.options.unitMethod === 'per_code') return `${min} min on its own: ${chartBand(min)} (per-code method).`;
  const total = model.allocation?.totalMinutes ?? min;
  return `${min} min of ${total} total timed minutes: ${g.units} unit${g.units === 1 ? '' : 's'} under the CMS total-time method.`;
}

/** Payer facts the clinician should see next to the line [outside seeds]. */
function payerNotes(model: VisitModel, g: CodeGroup): string[] {
  const { payer, discipline } = model.input;
  const notes: string[] = [];
  if (payer.type === 'medicare' && g.code === '97010') notes.push('Medicare bundles 97010 into other services (not separately paid).');
  if (payer.type === 'medicare' && discipline === 'chiro' && (catalogueEntry(g.code).family !== 'cmt' || g.code === '98943')) {
    notes.push('Medicare pays chiropractors only for spinal CMT; this service is billed to the patient or another payer.');
  }
  if (payer.type === 'medicare' && discipline === 'chiro' && g.code !== '98943' && catalogueEntry(g.code).family === 'cmt' && model.input.goals.length === 0) {
    notes.push('No plan goals recorded: Medicare treats CMT without active-treatment goals as maintenance (no AT).');
  }
  return notes;
}
