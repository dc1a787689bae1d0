// The capture panel: record from the microphone (streamed live over the gateway socket),
// upload a recording, or type a dictation. Re-rendered only when what it offers changes,
// so a poll never wipes what the user is typing.
import { api, describeError } from './api.js';
import { clock, h, replace, size } from './dom.js';
import { AudioStream } from './stream.js';
import { microphoneProblem, startMicrophone } from './recorder.js';
import { addLive, resetLive } from './transcript.js';

/** Upload types the API takes (API.md), by the file's type or, failing that, its extension. */
const TYPES = { wav: 'audio/wav', webm: 'audio/webm', ogg: 'audio/ogg', opus: 'audio/ogg' };
export function uploadType(file) {
  if (['audio/wav', 'audio/x-wav', 'audio/wave', 'audio/webm', 'audio/ogg'].includes(file.type)) return file.type === 'audio/x-wav' || file.type === 'audio/wave' ? 'audio/wav' : file.type;
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  return TYPES[ext] ?? null;
}

/** The recording in progress (one per page), and what the last one proved. */
let active = null;
const verified = new Map();
let shownKey = '';

/**
 * @typedef {{ changed: () => void, alert: (message: string) => void, grant: (sessionId: string) => Promise<{url: string, token: string}> }} CaptureHooks
 */

/**
 * Render the panel for `session` (only when its offer changed since the last call).
 * @param {HTMLElement} el
 * @param {Record<string, any>} session
 * @param {CaptureHooks} hooks
 */
export function renderCapture(el, session, hooks) {
  const mine = active?.sessionId === session.id;
  const offer = mine ? 'recording' : session.status === 'created' ? 'capture' : session.status === 'recording' ? 'orphan' : 'done';
  const key = `${session.id}:${offer}:${verified.get(session.id)?.state ?? ''}`;
  if (key === shownKey) return;
  shownKey = key;
  if (offer === 'recording') return replace(el, recordingView());
  if (offer === 'orphan') return replace(el, orphanView(session, hooks));
  if (offer === 'done') return replace(el, doneView(session));
  return replace(el, captureView(session, hooks));
}

/** Forget what was shown (e.g. after switching sessions) so the next render draws afresh. */
export function resetCapture() {
  shownKey = '';
}

/** Compare what this page streamed with what the server says it holds. */
export async function verifyStreamed(session) {
  const v = verified.get(session.id);
  if (!v || v.state !== 'pending' || !session.audio?.sha256) return;
  v.state = v.sha256 === null ? 'unknown' : v.sha256 === session.audio.sha256 ? 'match' : 'mismatch';
}

function captureView(session, hooks) {
  const problem = microphoneProblem();
  const start = h('button', { type: 'button', id: 'record-start', disabled: !!problem, on: { click: () => startRecording(session, hooks) } }, 'Start recording');
  const fileInput = h('input', { type: 'file', id: 'upload-file', accept: 'audio/wav,audio/webm,audio/ogg,.wav,.webm,.ogg,.opus' });
  const upload = h('form', { class: 'row', on: { submit: async (ev) => {
    ev.preventDefault();
    const file = fileInput.files?.[0];
    if (!file) return hooks.alert('Choose a WAV, WebM or Ogg file first.');
    const type = uploadType(file);
    if (!type) return hooks.alert('That file type is not supported: upload WAV, WebM or Ogg audio.');
    const button = upload.querySelector('button');
    button.disabled = true;
    button.textContent = `Uploading ${size(file.size)}…`;
    try {
      if (session.mode === 'dictation') await api.uploadDictation(session.id, file, type);
      else await api.uploadRecording(session.id, file, type);
      hooks.changed();
    } catch (err) {
      hooks.alert(describeError(err));
      button.disabled = false;
      button.textContent = 'Upload';
    }
  } } }, h('label', {}, 'Audio file', fileInput), h('button', { type: 'submit', id: 'upload-button' }, 'Upload'));

  const text = h('textarea', { id: 'dictation-text', rows: '5', maxlength: '200000', 'aria-label': 'Dictation text' });
  const dictation = session.mode === 'dictation' ? h('form', { class: 'dictation', on: { submit: async (ev) => {
    ev.preventDefault();
    if (!text.value.trim()) return text.focus();
    const button = dictation.querySelector('button');
    button.disabled = true;
    try {
      await api.dictateText(session.id, text.value);
      hooks.changed();
    } catch (err) {
      hooks.alert(describeError(err));
      button.disabled = false;
    }
  } } }, h('h3', {}, 'Or type the dictation'), h('p', { class: 'muted' }, 'Text already recognised on your device; skips speech recognition.'),
  text, h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'dictation-submit' }, 'Submit dictation'))) : null;

  return h('div', { class: 'capture' },
    h('h3', {}, session.mode === 'dictation' ? 'Dictate' : 'Record the visit'),
    h('div', { class: 'row' }, start, h('span', { class: 'muted' }, problem ?? 'Streams WebM/Opus to the gateway while you talk; resumes by itself if the connection drops.')),
    h('h3', {}, 'Or upload a recording'),
    h('p', { class: 'muted' }, `WAV, WebM or Ogg; sent to ${session.mode === 'dictation' ? '/dictation' : '/recording'} and stored encrypted.`),
    upload,
    dictation,
  );
}

function recordingView() {
  const r = active;
  const stop = h('button', { type: 'button', id: 'record-stop', class: 'danger', disabled: r.stopping, on: { click: () => stopRecording() } }, r.stopping ? 'Finishing…' : 'Stop and send');
  return h('div', { class: 'capture recording' },
    h('h3', {}, h('span', { class: 'rec-dot', 'aria-hidden': 'true' }), 'Recording'),
    h('p', { id: 'record-progress', role: 'status' }, progressText(r)),
    h('div', { class: 'row' }, stop),
  );
}

function progressText(r) {
  const p = r.progress;
  return `${clock((Date.now() - r.startedAt) / 1000)} · connection: ${r.state} · sent ${size(p.sentBytes)}, stored ${size(p.ackedBytes)}`
    + (p.reconnects ? ` · reconnected ${p.reconnects}×` : '');
}

function orphanView(session, hooks) {
  return h('div', { class: 'capture' },
    h('p', {}, 'This session is receiving audio from another client, or its socket was lost. If the visit is over, end it with what was stored.'),
    h('button', { type: 'button', id: 'finish-session', class: 'secondary', on: { click: async () => {
      try {
        await api.finish(session.id);
        hooks.changed();
      } catch (err) {
        hooks.alert(describeError(err));
      }
    } } }, 'Finish session'));
}

function doneView(session) {
  const v = verified.get(session.id);
  const audio = session.audio?.bytes ? `Audio: ${clock(session.audio.durationSec)} (${size(session.audio.bytes)}), stored encrypted.` : 'No audio (text dictation).';
  const check = !v ? null
    : v.state === 'match' ? h('span', { id: 'audio-verified', class: 'ok' }, ' Verified: the server holds exactly what was recorded here (SHA-256 match).')
      : v.state === 'mismatch' ? h('span', { class: 'form-error' }, ' Warning: the stored audio differs from what was recorded here (SHA-256 mismatch).')
        : v.state === 'pending' ? h('span', { class: 'muted' }, ' Checking the stored audio…') : null;
  return h('p', { class: 'muted' }, audio, check);
}

async function startRecording(session, hooks) {
  if (active) return;
  resetLive(true);
  const stream = new AudioStream({
    encoding: 'webm_opus',
    // A fresh single-session token for every connection: a reconnect after the first expired still works.
    grant: () => hooks.grant(session.id),
    onState: (state, detail) => {
      if (!active || active.stream !== stream) return;
      active.state = state;
      if (state === 'failed' && !active.stopping) {
        hooks.alert(`Recording stopped: ${detail?.message ?? 'connection failed'} (${detail?.code ?? 'ERROR'}). What was stored is kept; finish the session or create a new one.`);
        void endRecording();
      }
      update();
    },
    onProgress: (p) => {
      if (active?.stream !== stream) return;
      active.progress = p;
      update();
    },
    onTranscript: (m) => addLive(m),
  });
  active = { sessionId: session.id, stream, hooks, mic: null, startedAt: Date.now(), state: 'connecting', stopping: false, progress: { sentBytes: 0, ackedBytes: 0, reconnects: 0 }, timer: null };
  try {
    active.mic = await startMicrophone({ onChunk: (bytes) => stream.push(bytes) });
  } catch (err) {
    active = null;
    return hooks.alert(`The microphone could not be started: ${err instanceof Error ? err.message : String(err)}`);
  }
  stream.start();
  active.timer = setInterval(update, 1000);
  hooks.changed();
}

function update() {
  const el = document.getElementById('record-progress');
  if (el && active) el.textContent = progressText(active);
}

/** Stop the microphone, send `end` once everything is stored, then check what the server holds. */
async function stopRecording() {
  const r = active;
  if (!r || r.stopping) return;
  r.stopping = true;
  const button = document.getElementById('record-stop');
  if (button) {
    button.disabled = true;
    button.textContent = 'Finishing…';
  }
  try {
    await r.mic.stop();
    await r.stream.finish();
    verified.set(r.sessionId, { state: 'pending', sha256: await r.stream.sha256() });
  } catch (err) {
    r.hooks.alert(`The recording could not be completed: ${err instanceof Error ? err.message : String(err)}`);
  }
  await endRecording();
}

/** Release the microphone and the page's hold on the session. */
async function endRecording() {
  const r = active;
  if (!r) return;
  active = null;
  clearInterval(r.timer);
  try {
    await r.mic?.stop();
  } catch {
    // The microphone is released either way; the stream decided the outcome.
  }
  r.stream.abort();
  r.hooks.changed();
}

/** Whether a recording is in progress (the app warns before the page is left). */
export const recordingActive = () => active !== null;
