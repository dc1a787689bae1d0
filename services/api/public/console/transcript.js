// The transcript pane: utterances with speaker and time, the live transcript while
// recording, and highlighting of a statement's evidence.
import { $, clock, h, replace } from './dom.js';

const SPEAKERS = { clinician: 'Clinician', patient: 'Patient', other: 'Other' };

/** DOM id of an utterance's list item (utterance ids come from the API: keep them out of selectors). */
const domId = (utteranceId) => `utt-${utteranceId.replace(/[^A-Za-z0-9_-]/g, '_')}`;

function utteranceItem(u, id) {
  return h('li', { id, class: `utt speaker-${SPEAKERS[u.speaker] ? u.speaker : 'other'}`, dataset: { utterance: u.id ?? '' } },
    h('span', { class: 'utt-meta' },
      h('span', { class: 'speaker' }, SPEAKERS[u.speaker] ?? String(u.speaker ?? '')),
      ' ',
      h('time', {}, clock(u.start)),
      u.id ? h('span', { class: 'utt-id', 'aria-label': `utterance ${u.id}` }, u.id) : null),
    h('span', { class: 'utt-text' }, u.text),
  );
}

/** Show a stored transcript (or clear the pane with `null`). */
export function renderTranscript(transcript) {
  const list = $('transcript');
  const utterances = transcript?.utterances ?? [];
  replace(list, utterances.map((u) => utteranceItem(u, domId(String(u.id)))));
  $('transcript-empty').hidden = utterances.length > 0;
  if (transcript) {
    list.setAttribute('aria-label', `Transcript (${transcript.engine}${transcript.model ? `, ${transcript.model}` : ''})`);
  }
}

/** Clear the live transcript and show or hide it. */
export function resetLive(show) {
  const live = $('live-transcript');
  live.replaceChildren();
  live.hidden = !show;
}

/**
 * Show one live `transcript` message from the gateway. A preview (`final: false`) replaces
 * the previous preview; a final line replaces the preview and stays.
 */
export function addLive(m) {
  const live = $('live-transcript');
  live.hidden = false;
  const item = utteranceItem({ speaker: m.speaker, start: m.start, text: m.text }, undefined);
  const preview = live.querySelector('li.preview');
  if (m.final === false) item.classList.add('preview');
  if (preview) preview.replaceWith(item);
  else live.append(item);
  const pane = $('transcript-pane');
  pane.scrollTop = pane.scrollHeight; // the pane only, never the page
  $('transcript-empty').hidden = true;
}

let highlighted = [];

/**
 * Highlight the utterances a statement cites and scroll the pane to the first (only the
 * pane scrolls, never the page). Returns how many were found.
 * @param {string[]} evidence utterance ids
 */
export function highlightEvidence(evidence) {
  clearHighlight();
  const pane = $('transcript');
  for (const id of evidence) {
    const el = document.getElementById(domId(String(id)));
    if (el && pane.contains(el)) {
      el.classList.add('evidence');
      highlighted.push(el);
    }
  }
  const first = highlighted[0];
  if (first) {
    const scroller = $('transcript-pane');
    const top = first.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
    if (top < scroller.scrollTop || top > scroller.scrollTop + scroller.clientHeight - first.offsetHeight) {
      scroller.scrollTo({ top: Math.max(0, top - 48), behavior: 'smooth' });
    }
  }
  return highlighted.length;
}

export function clearHighlight() {
  for (const el of highlighted) el.classList.remove('evidence');
  highlighted = [];
}
