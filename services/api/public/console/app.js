// The review console: connect with an API key, pick or create a session, capture audio or
// text, follow the status, then review, edit and sign the AI draft.
import { ApiError, CLINICIAN_ID, api, credentials, describeError } from './api.js';
import { $, h, replace } from './dom.js';
import { buildCreateForm, renderSessionList } from './sessions.js';
import { recordingActive, renderCapture, resetCapture, verifyStreamed } from './capture.js';
import { renderTranscript, resetLive } from './transcript.js';
import { renderNote } from './note.js';

const STEPS = ['created', 'recording', 'recorded', 'transcribing', 'transcribed', 'drafting', 'drafted'];
/** Statuses in which the pipeline moves on its own: keep polling. */
const MOVING = new Set(['recording', 'recorded', 'transcribing', 'transcribed', 'drafting']);

const state = {
  sessionId: null,
  session: null,
  transcriptLoaded: false,
  note: null,
  poll: null,
  announced: '',
};

// ---- alerts ----

function alertUser(message) {
  const el = $('alert');
  replace(el, h('span', {}, message), h('button', { type: 'button', class: 'link', on: { click: () => { el.hidden = true; } } }, 'Dismiss'));
  el.hidden = false;
}

function clearAlert() {
  $('alert').hidden = true;
}

// ---- connection ----

async function connect() {
  const status = $('creds-status');
  try {
    await refreshSessions();
    status.textContent = `Connected${credentials.clinician ? ` as clinician ${credentials.clinician}` : ' (read-only until you enter a clinician id)'}. The key is kept in this tab only.`;
    $('sessions').hidden = false;
    clearAlert();
  } catch (err) {
    status.textContent = '';
    $('sessions').hidden = true;
    alertUser(describeError(err));
  }
}

function setupConnection() {
  const keyInput = /** @type {HTMLInputElement} */ ($('api-key'));
  const clinicianInput = /** @type {HTMLInputElement} */ ($('clinician-id'));
  keyInput.value = credentials.key;
  clinicianInput.value = credentials.clinician;
  $('creds-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const key = keyInput.value.trim();
    const clinician = clinicianInput.value.trim();
    if (!key) return keyInput.focus();
    if (clinician && !CLINICIAN_ID.test(clinician)) {
      alertUser('The clinician id may hold 1-200 letters, digits or . _ : @ -');
      return clinicianInput.focus();
    }
    credentials.save(key, clinician);
    void connect().then(() => state.note && showNote(state.note));
  });
  $('forget-key').addEventListener('click', () => {
    credentials.forget();
    keyInput.value = '';
    $('creds-status').textContent = 'Key forgotten.';
    $('sessions').hidden = true;
    $('workspace').hidden = true;
    stopPolling();
  });
}

// ---- sessions ----

async function refreshSessions() {
  const { sessions } = await api.listSessions(25);
  renderSessionList($('session-list'), sessions, (id) => void openSession(id), state.sessionId);
}

async function openSession(id) {
  if (recordingActive() && id !== state.sessionId) {
    return alertUser('Stop the recording in progress before opening another session.');
  }
  stopPolling();
  Object.assign(state, { sessionId: id, session: null, transcriptLoaded: false, note: null, announced: '' });
  resetCapture();
  renderTranscript(null);
  resetLive(false);
  replace($('note'), h('p', { class: 'muted' }, 'The draft appears here when the session is drafted.'));
  $('workspace').hidden = false;
  clearAlert();
  await refreshSession();
  $('session-h').focus();
  void refreshSessions().catch(() => {});
}

function stopPolling() {
  clearTimeout(state.poll);
  state.poll = null;
}

async function refreshSession() {
  const id = state.sessionId;
  if (!id) return;
  stopPolling();
  let session;
  try {
    session = await api.getSession(id);
  } catch (err) {
    alertUser(describeError(err));
    state.poll = setTimeout(refreshSession, 5000);
    return;
  }
  if (state.sessionId !== id) return;
  state.session = session;
  renderSession(session);
  await verifyStreamed(session);
  renderCapture($('capture'), session, captureHooks);
  const rank = STEPS.indexOf(session.status);
  if (rank >= STEPS.indexOf('transcribed') && !state.transcriptLoaded) await loadTranscript(id);
  if (session.status === 'drafted' && !state.note) await loadNote(id);
  if (state.sessionId !== id) return;
  const moving = MOVING.has(session.status) || recordingActive() || (session.status === 'drafted' && !state.note);
  if (moving) state.poll = setTimeout(refreshSession, session.status === 'recording' ? 2000 : 1000);
}

const captureHooks = {
  changed: () => void refreshSession(),
  alert: alertUser,
  grant: (sessionId) => api.streamToken(sessionId),
};

function renderSession(s) {
  $('session-h').textContent = `Session ${s.dateOfService} · ${s.patientRef}`;
  $('session-h').setAttribute('tabindex', '-1');
  $('session-meta').textContent = [
    `${s.discipline.toUpperCase()} ${s.noteType}`, s.mode, `payer ${s.payer?.type ?? '?'}`,
    `encounter ${s.encounterRef}`, `clinician ${s.clinicianRef}`, `id ${s.id}`,
  ].join(' · ');
  const rank = STEPS.indexOf(s.status);
  replace($('status-steps'), STEPS.map((step, i) => h('li', {
    class: i < rank ? 'done' : i === rank ? 'current' : 'todo',
    'aria-current': i === rank ? 'step' : undefined,
  }, step)));
  $('status-steps').dataset.status = s.status;
  if (state.announced !== s.status) {
    const first = state.announced === '';
    state.announced = s.status;
    $('session-status').textContent = `Session status: ${s.status}`;
    if (!first) void refreshSessions().catch(() => {}); // keep the list's status column current
  }
  const failure = $('failure');
  if (s.status === 'failed' || s.status === 'cancelled') {
    replace(failure, h('strong', {}, s.status === 'failed' ? 'Failed' : 'Cancelled'),
      s.failure ? ` at ${s.failure.stage}: ${s.failure.message} (${s.failure.code})` : '');
    failure.hidden = false;
  } else failure.hidden = true;
}

// ---- transcript and note ----

async function loadTranscript(sessionId) {
  try {
    const transcript = await api.transcript(sessionId);
    if (state.sessionId !== sessionId) return;
    renderTranscript(transcript);
    resetLive(false);
    state.transcriptLoaded = true;
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 404)) alertUser(describeError(err));
  }
}

async function loadNote(sessionId) {
  try {
    const note = await api.sessionNote(sessionId);
    if (state.sessionId !== sessionId) return;
    showNote(note);
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 404)) alertUser(describeError(err));
  }
}

function showNote(note, problem = null) {
  state.note = note;
  renderNote($('note'), note, noteActions, problem);
}

/** Run a change; on failure keep the note as shown and say why (412: someone else edited). */
async function change(fn) {
  const shown = state.note;
  try {
    showNote(await fn(shown));
    void refreshSessions().catch(() => {});
  } catch (err) {
    const reloadable = err instanceof ApiError && (err.status === 412 || err.code === 'NOTE_SIGNED');
    showNote(shown, { message: describeError(err), reloadable });
    document.getElementById('note-problem')?.scrollIntoView({ block: 'nearest' });
  }
}

const noteActions = {
  patch: (ops) => change((n) => api.patchNote(n.id, n.version, { statements: ops })),
  sign: () => change((n) => api.signNote(n.id, n.version)),
  reload: () => change((n) => api.note(n.id)),
  revisions: () => api.revisions(state.note.id),
  clinician: () => credentials.clinician,
};

// ---- start ----

function main() {
  setupConnection();
  buildCreateForm(/** @type {HTMLFormElement} */ ($('create-form')), {
    clinician: () => credentials.clinician,
    onCreate: async (body) => {
      let created;
      try {
        created = await api.createSession(body);
      } catch (err) {
        throw new Error(describeError(err), { cause: err });
      }
      /** @type {HTMLDetailsElement} */ ($('new-session')).open = false;
      await openSession(created.session.id);
    },
  });
  $('refresh-sessions').addEventListener('click', () => void refreshSessions().catch((err) => alertUser(describeError(err))));
  $('reload-session').addEventListener('click', () => {
    state.transcriptLoaded = false;
    state.note = null;
    void refreshSession();
  });
  window.addEventListener('beforeunload', (ev) => {
    if (recordingActive()) ev.preventDefault();
  });
  if (credentials.key) void connect();
}

main();
