// The note pane: the AI-generated SOAP draft with each statement's origin and evidence,
// inline editing (PATCH with If-Match), adding and deleting statements, and sign-off.
import { badge, h, replace, when } from './dom.js';
import { clearHighlight, highlightEvidence } from './transcript.js';
import { renderChecks, renderCoding, renderRevisions } from './note-parts.js';

const SECTIONS = [['subjective', 'Subjective'], ['objective', 'Objective'], ['assessment', 'Assessment'], ['plan', 'Plan']];
const ORIGINS = {
  ai: ['AI', 'Written by the AI, unchanged'],
  ai_edited: ['AI, edited', 'Drafted by the AI, then changed by a clinician'],
  clinician: ['Clinician', 'Written by a clinician'],
};

/**
 * @typedef {{
 *   patch: (ops: object[]) => Promise<void>,   // PATCH /v1/notes/{id} with the shown version
 *   sign: () => Promise<void>,
 *   reload: () => Promise<void>,
 *   revisions: () => Promise<object[]>,
 *   clinician: () => string,
 * }} NoteActions
 */

/**
 * Render `note` into `el`. `problem` is a message to show above the note (e.g. a 412);
 * `reloadable` adds a "Reload note" button to it.
 * @param {HTMLElement} el
 * @param {Record<string, any>} note
 * @param {NoteActions} actions
 * @param {{ message: string, reloadable?: boolean } | null} [problem]
 */
export function renderNote(el, note, actions, problem = null) {
  const draft = note.status === 'draft';
  replace(el,
    h('p', { class: 'ai-banner', role: 'note' },
      h('strong', {}, note.aiGenerated ? 'AI-generated draft. ' : 'Note. '),
      note.aiGenerated ? 'Every statement was written by software from the transcript: check each one against the visit before signing.' : ''),
    h('p', { class: 'note-meta' },
      h('span', { id: 'note-status', class: `badge badge-note-${note.status}` }, note.status === 'signed' ? 'signed' : 'draft'),
      ` version ${note.version} · `,
      `${note.provenance.engine} (${note.provenance.model}) · drafted ${when(note.provenance.generatedAt)}`),
    problem ? h('div', { class: 'alert', role: 'alert', id: 'note-problem' },
      problem.message,
      problem.reloadable ? h('button', { type: 'button', on: { click: () => actions.reload() } }, 'Reload note') : null) : null,
    note.signature ? h('p', { class: 'signature', id: 'signature' },
      h('strong', {}, 'Signed'), ` by ${note.signature.clinicianRef} on ${when(note.signature.signedAt)}. The note is final and read-only.`) : null,
    SECTIONS.map(([key, title]) => section(key, title, note.sections[key] ?? [], draft, actions)),
    h('h3', {}, 'Suggested coding'),
    renderCoding(note.coding),
    h('h3', {}, 'Documentation checks'),
    renderChecks(note.coding.checks),
    note.review ? h('p', { class: 'muted' },
      `Review: ${note.review.editCount} edit(s); ${note.review.statements.ai} AI, ${note.review.statements.ai_edited} AI-edited, `
      + `${note.review.statements.clinician} clinician statement(s)`
      + (note.review.aiTextKeptShare === null ? '.' : `; ${Math.round(note.review.aiTextKeptShare * 100)}% of the AI's words kept.`)) : null,
    draft ? signForm(actions) : null,
    revisionsBlock(actions),
  );
}

function section(key, title, statements, draft, actions) {
  return h('section', { class: 'soap', 'aria-labelledby': `sec-${key}` },
    h('h3', { id: `sec-${key}` }, title),
    statements.length
      ? h('ol', { class: 'statements' }, statements.map((s) => statementItem(key, s, draft, actions)))
      : h('p', { class: 'muted' }, 'Nothing in this section.'),
    draft ? addForm(key, title, actions) : null,
  );
}

function statementItem(sectionKey, s, draft, actions) {
  const [label, title] = ORIGINS[s.origin] ?? [String(s.origin), ''];
  const evidence = Array.isArray(s.evidence) ? s.evidence.map(String) : [];
  const text = h('span', { class: 'st-text' }, s.text);
  const li = h('li', {
    class: `statement origin-${s.origin}`, tabindex: '0', dataset: { statement: s.id, section: sectionKey },
    'aria-label': `${s.text} (${label}${evidence.length ? `, evidence ${evidence.join(', ')}` : ', no evidence'})`,
    on: {
      mouseenter: () => highlightEvidence(evidence),
      focus: () => highlightEvidence(evidence),
      click: () => highlightEvidence(evidence),
      mouseleave: () => clearHighlight(),
    },
  },
  text,
  ' ',
  h('span', { class: 'st-origin', dataset: { origin: s.origin } }, badge(s.origin, label, title)),
  evidence.length
    ? h('span', { class: 'st-evidence', title: 'Transcript lines this statement came from' }, 'evidence: ', evidence.join(', '))
    : h('span', { class: 'st-evidence none' }, 'no evidence'),
  );
  if (draft) li.append(statementActions(li, text, sectionKey, s, actions));
  return li;
}

function statementActions(li, text, sectionKey, s, actions) {
  const bar = h('span', { class: 'st-actions' });
  const edit = h('button', { type: 'button', class: 'link', 'aria-label': `Edit statement: ${s.text}`, on: { click: (ev) => { ev.stopPropagation(); startEdit(); } } }, 'Edit');
  const del = h('button', { type: 'button', class: 'link danger', 'aria-label': `Delete statement: ${s.text}`, on: { click: (ev) => { ev.stopPropagation(); confirmDelete(); } } }, 'Delete');
  replace(bar, edit, del);

  function startEdit() {
    const area = h('textarea', { class: 'st-edit', rows: '3', 'aria-label': 'Statement text', maxlength: '4000' });
    area.value = s.text;
    const save = h('button', { type: 'submit' }, 'Save');
    const cancel = h('button', { type: 'button', class: 'secondary', on: { click: () => { form.replaceWith(text); bar.hidden = false; li.focus(); } } }, 'Cancel');
    const form = h('form', { class: 'inline-edit', on: {
      click: (ev) => ev.stopPropagation(),
      submit: async (ev) => {
        ev.preventDefault();
        const value = area.value.trim();
        if (!value) return area.focus();
        if (value === s.text) return cancel.click();
        save.disabled = true;
        await actions.patch([{ section: sectionKey, id: s.id, text: value }]).finally(() => { save.disabled = false; });
      },
      keydown: (ev) => { if (ev.key === 'Escape') cancel.click(); },
    } }, area, h('span', { class: 'actions' }, save, cancel));
    text.replaceWith(form);
    bar.hidden = true;
    area.focus();
  }

  function confirmDelete() {
    const yes = h('button', { type: 'button', class: 'danger', on: { click: async (ev) => {
      ev.stopPropagation();
      yes.disabled = true;
      await actions.patch([{ section: sectionKey, id: s.id, delete: true }]).finally(() => { yes.disabled = false; });
    } } }, 'Delete it');
    const no = h('button', { type: 'button', class: 'secondary', on: { click: (ev) => { ev.stopPropagation(); replace(bar, edit, del); edit.focus(); } } }, 'Keep');
    replace(bar, h('span', { class: 'confirm' }, 'Delete this statement? '), yes, no);
    no.focus();
  }
  return bar;
}

function addForm(key, title, actions) {
  const area = h('textarea', { rows: '2', maxlength: '4000', 'aria-label': `New ${title} statement`, placeholder: `Add to ${title}…` });
  const form = h('form', { class: 'add-statement', on: { submit: async (ev) => {
    ev.preventDefault();
    const value = area.value.trim();
    if (!value) return area.focus();
    const button = form.querySelector('button');
    button.disabled = true;
    await actions.patch([{ section: key, text: value }]).finally(() => { button.disabled = false; });
  } } }, area, h('button', { type: 'submit', class: 'secondary' }, `Add to ${title}`));
  return h('details', { class: 'add' }, h('summary', {}, `Add a statement to ${title}`), form);
}

function signForm(actions) {
  const clinician = actions.clinician();
  const button = h('button', { type: 'submit', id: 'sign-button', disabled: !clinician }, clinician ? `Sign as ${clinician}` : 'Sign');
  return h('form', { class: 'sign', on: { submit: async (ev) => {
    ev.preventDefault();
    button.disabled = true;
    await actions.sign().finally(() => { button.disabled = false; });
  } } },
  h('h3', {}, 'Sign-off'),
  h('p', {}, clinician
    ? 'Signing makes this note final and read-only under your name. It stays marked as AI-assisted.'
    : 'Enter your clinician id under Connection to edit and sign.'),
  button);
}

function revisionsBlock(actions) {
  const body = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const details = h('details', { class: 'revisions', on: { toggle: async () => {
    if (!details.open) return;
    try {
      replace(body, renderRevisions(await actions.revisions()));
    } catch (err) {
      replace(body, h('p', { class: 'form-error' }, err instanceof Error ? err.message : String(err)));
    }
  } } }, h('summary', {}, 'History'), body);
  return details;
}
