import type { Statement } from '@scribe/domain';

const XHTML = 'http://www.w3.org/1999/xhtml';

/** Escape text for XHTML element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A FHIR Narrative (status `generated`) whose XHTML `div` holds `inner` (already escaped). */
export const narrative = (inner: string) => ({ status: 'generated' as const, div: `<div xmlns="${XHTML}">${inner}</div>` });

/**
 * A section's statements as an XHTML list, text escaped. Each item's class names its
 * origin (`origin-ai`, `origin-ai_edited`, `origin-clinician`) so a viewer can still show
 * which text the AI wrote. A section with no statements says so: R4 requires a section to
 * have text, entries or sub-sections (cmp-1).
 */
export function statementsNarrative(statements: Statement[]): ReturnType<typeof narrative> {
  if (statements.length === 0) return narrative('<p>None documented.</p>');
  const items = statements.map((s) => `<li class="origin-${s.origin}">${escapeXml(s.text)}</li>`).join('');
  return narrative(`<ul>${items}</ul>`);
}
