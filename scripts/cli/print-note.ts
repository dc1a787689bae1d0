/** Render a note for a terminal: SOAP statements with their evidence, CPT lines, checks. */
interface Statement { id: string; text: string; origin: string; evidence: string[] }
interface CodingLine { code: string; description: string; minutes?: number | null; units: number; modifiers: string[]; rationale?: string }
interface Check { id: string; severity: string; codes: string[]; message: string }
export interface PrintableNote {
  id: string;
  status: string;
  version: number;
  aiGenerated: boolean;
  provenance: { engine: string; model: string; promptVersion: string; latencyMs: number };
  sections: Record<'subjective' | 'objective' | 'assessment' | 'plan', Statement[]>;
  coding: { unitMethod: string; totalTimedMinutes: number; lines: CodingLine[]; checks: Check[] };
  signature: { clinicianRef: string; signedAt: string } | null;
}

const bold = (s: string) => `\x1b[1m${s}\x1b[0m`;
const dim = (s: string) => `\x1b[2m${s}\x1b[0m`;
const TITLES = { subjective: 'S  Subjective', objective: 'O  Objective', assessment: 'A  Assessment', plan: 'P  Plan' } as const;

export function formatNote(n: PrintableNote): string {
  const out: string[] = [];
  out.push(bold(`Note ${n.id}  [${n.status}${n.aiGenerated ? ', AI-generated' : ''}, v${n.version}]`));
  out.push(dim(`drafted by ${n.provenance.engine} (${n.provenance.model}, prompt ${n.provenance.promptVersion}) in ${n.provenance.latencyMs} ms`));
  for (const key of Object.keys(TITLES) as (keyof typeof TITLES)[]) {
    out.push('', bold(TITLES[key]));
    const items = n.sections[key] ?? [];
    if (!items.length) out.push(dim('   (nothing drafted)'));
    for (const s of items) {
      const origin = s.origin === 'ai' ? '' : ` {${s.origin}}`;
      out.push(`   - ${s.text}${origin} ${dim(`[${s.evidence.join(', ') || 'no evidence'}]`)}`);
    }
  }
  out.push('', bold(`Coding (${n.coding.unitMethod === 'cms_total_time' ? 'CMS total timed minutes' : 'per code'}; ${n.coding.totalTimedMinutes} timed min)`));
  if (!n.coding.lines.length) out.push(dim('   (no billable lines suggested)'));
  for (const l of n.coding.lines) {
    const mods = l.modifiers.length ? `-${l.modifiers.join('-')}` : '';
    const mins = l.minutes ? `${l.minutes} min` : 'untimed';
    out.push(`   ${l.code}${mods}  x${l.units}  ${l.description}  ${dim(`(${mins})`)}`);
  }
  if (n.coding.checks.length) {
    out.push('', bold('Documentation checks'));
    for (const c of n.coding.checks) out.push(`   [${c.severity}] ${c.id}${c.codes.length ? ` (${c.codes.join(', ')})` : ''}: ${c.message}`);
  }
  if (n.signature) out.push('', bold(`Signed by ${n.signature.clinicianRef} at ${n.signature.signedAt}`));
  return out.join('\n');
}
