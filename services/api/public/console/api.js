// The console's API client: same origin, `Authorization: Bearer <key>` on every /v1 call,
// `X-Clinician-Id` when the user gave one. The key lives in sessionStorage (this tab only,
// gone when it closes) and never in a URL.

const KEY = 'scribe.console.apiKey';
const CLINICIAN = 'scribe.console.clinicianId';
/** The API's rule for X-Clinician-Id (services/api/src/plugins/auth.ts). */
export const CLINICIAN_ID = /^[A-Za-z0-9._:@-]{1,200}$/;

export const credentials = {
  get key() { return sessionStorage.getItem(KEY) ?? ''; },
  get clinician() { return sessionStorage.getItem(CLINICIAN) ?? ''; },
  save(key, clinician) {
    sessionStorage.setItem(KEY, key);
    if (clinician) sessionStorage.setItem(CLINICIAN, clinician);
    else sessionStorage.removeItem(CLINICIAN);
  },
  forget() {
    sessionStorage.removeItem(KEY);
  },
};

/** An API error envelope `{ error: { code, message, requestId } }` with its HTTP status. */
export class ApiError extends Error {
  constructor(status, code, message, requestId) {
    super(message);
    this.status = status;
    this.code = code;
    this.requestId = requestId;
  }
}

/**
 * Call the API. `json` sends a JSON body; `body` + `type` sends raw bytes (audio).
 * Resolves with `{ data, etag }`; rejects with ApiError (or a network TypeError).
 * @param {string} method
 * @param {string} path  e.g. `/v1/sessions`
 * @param {{ json?: unknown, body?: BodyInit, type?: string, ifMatch?: number }} [opts]
 */
export async function call(method, path, opts = {}) {
  const headers = { authorization: `Bearer ${credentials.key}` };
  if (credentials.clinician) headers['x-clinician-id'] = credentials.clinician;
  let body;
  if (opts.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.json);
  } else if (opts.body !== undefined) {
    headers['content-type'] = opts.type ?? 'application/octet-stream';
    body = opts.body;
  }
  if (opts.ifMatch !== undefined) headers['if-match'] = `"${opts.ifMatch}"`;
  const res = await fetch(path, { method, headers, body, cache: 'no-store', credentials: 'omit' });
  const text = await res.text();
  let data;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null; // not JSON (a proxy's error page): the status still tells what happened
  }
  if (!res.ok) {
    const e = data?.error;
    throw new ApiError(res.status, e?.code ?? `HTTP_${res.status}`, e?.message ?? res.statusText, e?.requestId);
  }
  return { data, etag: res.headers.get('etag') };
}

const id = (v) => encodeURIComponent(v);

/** The calls the console makes, one per endpoint (API.md). */
export const api = {
  listSessions: (limit = 25) => call('GET', `/v1/sessions?limit=${limit}`).then((r) => r.data),
  createSession: (body) => call('POST', '/v1/sessions', { json: body }).then((r) => r.data),
  getSession: (sid) => call('GET', `/v1/sessions/${id(sid)}`).then((r) => r.data.session),
  streamToken: (sid) => call('POST', `/v1/sessions/${id(sid)}/stream-token`).then((r) => r.data.stream),
  uploadRecording: (sid, file, type) => call('POST', `/v1/sessions/${id(sid)}/recording`, { body: file, type }).then((r) => r.data.session),
  uploadDictation: (sid, file, type) => call('POST', `/v1/sessions/${id(sid)}/dictation`, { body: file, type }).then((r) => r.data.session),
  dictateText: (sid, text) => call('POST', `/v1/sessions/${id(sid)}/dictation`, { json: { text } }).then((r) => r.data.session),
  finish: (sid) => call('POST', `/v1/sessions/${id(sid)}/finish`).then((r) => r.data.session),
  transcript: (sid) => call('GET', `/v1/sessions/${id(sid)}/transcript`).then((r) => r.data.transcript),
  sessionNote: (sid) => call('GET', `/v1/sessions/${id(sid)}/note`).then((r) => r.data.note),
  note: (nid) => call('GET', `/v1/notes/${id(nid)}`).then((r) => r.data.note),
  patchNote: (nid, version, patch) => call('PATCH', `/v1/notes/${id(nid)}`, { json: patch, ifMatch: version }).then((r) => r.data.note),
  signNote: (nid, version) => call('POST', `/v1/notes/${id(nid)}/sign`, { ifMatch: version }).then((r) => r.data.note),
  revisions: (nid) => call('GET', `/v1/notes/${id(nid)}/revisions`).then((r) => r.data.revisions),
};

/** A sentence for the user from any failure of `call`. */
export function describeError(err) {
  if (err instanceof ApiError) {
    if (err.status === 401) return 'The API key was refused (401). Check it, or create a new one with scripts/scribe keys create.';
    if (err.status === 403) return `This key lacks a scope for that action (403): ${err.message}`;
    if (err.status === 412) return 'Someone else edited this note since you opened it (412). Reload the note, then make your change again.';
    if (err.code === 'NOTE_SIGNED') return 'This note is signed and can no longer be edited.';
    return `${err.message} (${err.status} ${err.code}${err.requestId ? `, request ${err.requestId}` : ''})`;
  }
  return `Network error: ${err instanceof Error ? err.message : String(err)}`;
}
