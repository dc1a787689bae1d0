// The session list and the "new session" form.
import { h, replace, when } from './dom.js';

const DISCIPLINES = [['pt', 'Physical therapy'], ['ot', 'Occupational therapy'], ['slp', 'Speech-language pathology'], ['chiro', 'Chiropractic'], ['massage', 'Massage therapy']];
const NOTE_TYPES = [['daily', 'Daily / treatment note'], ['evaluation', 'Evaluation'], ['progress', 'Progress note'], ['reevaluation', 'Re-evaluation'], ['discharge', 'Discharge']];
const PAYERS = [['medicare', 'Medicare'], ['medicaid', 'Medicaid'], ['commercial', 'Commercial'], ['auto', 'Auto'], ['workers_comp', "Workers' comp"], ['self_pay', 'Self pay']];
const MODES = [['ambient', 'Ambient (record the visit)'], ['dictation', 'Dictation (after the visit)']];

/**
 * Render the session list as a table; `onOpen(id)` opens one.
 * @param {HTMLElement} el
 * @param {Array<Record<string, any>>} sessions
 * @param {(id: string) => void} onOpen
 * @param {string | null} currentId
 */
export function renderSessionList(el, sessions, onOpen, currentId) {
  if (!sessions.length) {
    replace(el, h('p', { class: 'muted' }, 'No sessions yet. Create one below.'));
    return;
  }
  const rows = sessions.map((s) => h('tr', { 'aria-current': s.id === currentId ? 'true' : undefined },
    h('td', {}, s.dateOfService),
    h('td', {}, s.patientRef),
    h('td', {}, `${s.discipline.toUpperCase()} · ${s.noteType}`),
    h('td', {}, s.mode),
    h('td', {}, h('span', { class: `status status-${s.status}` }, s.status)),
    h('td', {}, when(s.timings?.createdAt)),
    h('td', {}, h('button', { type: 'button', class: 'secondary', on: { click: () => onOpen(s.id) }, 'aria-label': `Open session of ${s.dateOfService} for ${s.patientRef}` }, 'Open')),
  ));
  replace(el, h('div', { class: 'table-wrap' }, h('table', { class: 'sessions' },
    h('thead', {}, h('tr', {}, ['Date', 'Patient', 'Discipline · type', 'Mode', 'Status', 'Created', ''].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, rows),
  )));
}

const select = (id, label, options, value) => h('label', {}, label,
  h('select', { id }, options.map(([v, text]) => h('option', { value: v, selected: v === value }, text))));
const input = (id, label, props = {}) => h('label', {}, label, h('input', { id, type: 'text', autocomplete: 'off', ...props }));

/**
 * Build the "new session" form in `form`. `onCreate(body)` gets a CreateSessionBody (API.md).
 * Ambient needs the consent checkbox (the API answers 422 CONSENT_REQUIRED otherwise).
 * @param {HTMLFormElement} form
 * @param {{ clinician: () => string, onCreate: (body: Record<string, unknown>) => Promise<void> }} o
 */
export function buildCreateForm(form, o) {
  const today = new Date().toISOString().slice(0, 10);
  const consent = h('fieldset', { id: 'consent-group', class: 'consent' },
    h('legend', {}, 'Consent'),
    h('label', { class: 'check' }, h('input', { id: 'new-consent', type: 'checkbox' }),
      ' Everyone present agreed to this visit being recorded'),
    h('label', {}, 'How', h('select', { id: 'new-consent-method' },
      [['verbal', 'Verbal'], ['written', 'Written'], ['electronic', 'Electronic']].map(([v, t]) => h('option', { value: v }, t)))),
  );
  replace(form,
    select('new-mode', 'Mode', MODES, 'ambient'),
    select('new-discipline', 'Discipline', DISCIPLINES, 'pt'),
    select('new-note-type', 'Note type', NOTE_TYPES, 'daily'),
    select('new-payer', 'Payer', PAYERS, 'medicare'),
    input('new-patient', 'Patient ref (EMR id)', { required: true, maxlength: 200, placeholder: 'emr-patient-123' }),
    input('new-encounter', 'Encounter ref', { required: true, maxlength: 200, placeholder: 'emr-enc-456' }),
    input('new-clinician', 'Clinician ref', { required: true, maxlength: 200, value: o.clinician() }),
    input('new-date', 'Date of service', { type: 'date', required: true, value: today }),
    consent,
    h('p', { id: 'create-error', class: 'form-error', role: 'alert', hidden: true }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Create session')),
  );
  const $ = (id) => /** @type {HTMLInputElement} */ (form.querySelector(`#${id}`));
  const syncConsent = () => {
    const ambient = $('new-mode').value === 'ambient';
    consent.hidden = !ambient;
    $('new-consent').setAttribute('aria-required', String(ambient));
  };
  $('new-mode').addEventListener('change', syncConsent);
  syncConsent();
  // The clinician id may be entered after the form was built: offer it whenever the form opens.
  form.closest('details')?.addEventListener('toggle', () => {
    if (!$('new-clinician').value) $('new-clinician').value = o.clinician();
  });

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const error = $('create-error');
    error.hidden = true;
    const mode = $('new-mode').value;
    if (mode === 'ambient' && !$('new-consent').checked) {
      error.textContent = 'Ambient recording needs consent: tick the consent box first.';
      error.hidden = false;
      $('new-consent').focus();
      return;
    }
    const body = {
      mode,
      discipline: $('new-discipline').value,
      noteType: $('new-note-type').value,
      patientRef: $('new-patient').value.trim(),
      encounterRef: $('new-encounter').value.trim(),
      clinicianRef: $('new-clinician').value.trim(),
      dateOfService: $('new-date').value,
      payer: { type: $('new-payer').value },
      ...(mode === 'ambient'
        ? { consent: { obtained: true, method: $('new-consent-method').value, obtainedAt: new Date().toISOString(), allParty: true } }
        : {}),
    };
    const button = /** @type {HTMLButtonElement} */ (form.querySelector('button[type=submit]'));
    button.disabled = true;
    try {
      await o.onCreate(body);
      $('new-patient').value = '';
      $('new-encounter').value = '';
      $('new-consent').checked = false;
    } catch (err) {
      error.textContent = err instanceof Error ? err.message : String(err);
      error.hidden = false;
    } finally {
      button.disabled = false;
    }
  });
}
