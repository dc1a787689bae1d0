// Read-only parts of the note pane: coding lines, documentation checks, revision history.
import { badge, h, when } from './dom.js';

const METHODS = { cms_total_time: 'CMS total-time (8-minute rule)', per_code: 'per-code units' };

/** The suggested coding lines as a table, with the unit method and total timed minutes. */
export function renderCoding(coding) {
  const lines = coding?.lines ?? [];
  if (!lines.length) return h('p', { class: 'muted' }, 'No codes suggested.');
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'coding', id: 'coding' },
      h('caption', {}, `Suggestions only, never a claim. ${METHODS[coding.unitMethod] ?? coding.unitMethod}; ${coding.totalTimedMinutes} timed minutes in all.`),
      h('thead', {}, h('tr', {}, ['Code', 'Description', 'Minutes', 'Units', 'Modifiers', 'Why'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, lines.map((l) => h('tr', {},
        h('th', { scope: 'row' }, l.code),
        h('td', {}, l.description),
        h('td', { class: 'num' }, l.minutes ?? '–'),
        h('td', { class: 'num' }, l.units),
        h('td', {}, (l.modifiers ?? []).join(', ') || '–'),
        h('td', { class: 'why' }, l.rationale),
      ))),
    ));
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };

/** Documentation checks, most severe first. */
export function renderChecks(checks) {
  if (!checks?.length) return h('p', { class: 'muted' }, 'No documentation gaps found.');
  const sorted = [...checks].sort((a, b) => (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3));
  return h('ul', { class: 'checks', id: 'checks' }, sorted.map((c) => h('li', { class: `check check-${c.severity}` },
    badge(c.severity, c.severity),
    ' ',
    h('span', {}, c.message),
    c.codes?.length ? h('span', { class: 'muted' }, ` (${c.codes.join(', ')})`) : null,
    h('span', { class: 'check-id muted' }, ` ${c.id}`),
  )));
}

function describeChange(c) {
  switch (c.type) {
    case 'drafted': return `drafted by ${c.engine}`;
    case 'statement_edited': return `edited ${c.section} ${c.id}`;
    case 'statement_added': return `added ${c.section} ${c.id}`;
    case 'statement_deleted': return `deleted ${c.section} ${c.id}`;
    case 'coding_replaced': return `coding changed (${(c.after ?? []).map((l) => l.code).join(', ') || 'none'})`;
    case 'signed': return `signed by ${c.clinicianRef}`;
    default: return String(c.type);
  }
}

/** Every revision, oldest first: version, who, when, what changed. */
export function renderRevisions(revisions) {
  if (!revisions.length) return h('p', { class: 'muted' }, 'No revisions.');
  return h('ol', { class: 'revision-list' }, revisions.map((r) => h('li', {},
    h('strong', {}, `v${r.version}`), ` ${when(r.at)} · ${r.clinicianRef ?? r.actor}: `,
    (r.changes ?? []).map(describeChange).join('; '),
  )));
}
