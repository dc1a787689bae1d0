import { readFileSync } from 'node:fs';
import { flag, UsageError, type Args } from './args.ts';
import { apiFrom } from './api-config.ts';
import type { ApiClient } from './http.ts';
import { formatNote, type PrintableNote } from './print-note.ts';
import { audioFormatOf, sessionBodyFrom } from './session-body.ts';
import { streamAudio } from './stream-client.ts';
import { progressPrinter } from './progress.ts';

export const SESSION_FLAGS = `Session flags (when no --session ID is given, a session is created):
    --discipline pt|ot|slp|chiro|massage  --note-type evaluation|daily|progress|reevaluation|discharge
    --payer medicare|medicaid|commercial|auto|workers_comp|self_pay  --patient REF  --encounter REF
    --clinician ID  --date YYYY-MM-DD  --context FILE.json (diagnoses, goals, visitNumber, referral)
Connection: --api URL (or SCRIBE_API_URL)  --key KEY (or SCRIBE_API_KEY)`;

export const STREAM_HELP = `scribe stream FILE [--session ID] [--speed N] [--wait]
    Stream a recording over the WebSocket like a live visit (N times real time; default 1),
    with a progress bar and live transcript lines; resumes by itself after a dropped
    connection. --wait then waits for the draft and prints the note.
${SESSION_FLAGS}`;
export const DICTATE_HELP = `scribe dictate FILE | --text "..." [--session ID] [--wait]
    Upload a dictation: an audio file, or text already recognised on the device.
${SESSION_FLAGS}`;
export const SESSIONS_HELP = `scribe sessions [--status STATUS] [--limit N]
    List sessions, newest first.`;
export const NOTE_HELP = `scribe note ID [--json]
    Print a note (ID of the note or of its session): SOAP statements with evidence, CPT lines, checks.`;
export const SIGN_HELP = `scribe sign NOTE_ID --clinician ID
    Sign a draft note as the named clinician (needs a key with notes:sign).`;

interface SessionOut { session: { id: string; status: string; noteId?: string; failure?: { stage: string; code: string; message: string } }; stream?: { url: string; token: string } }

export async function streamCommand(args: Args): Promise<void> {
  const file = args.positionals[1];
  if (!file) throw new UsageError(STREAM_HELP);
  const api = apiFrom(args);
  const audio = readFileSync(file);
  const fmt = audioFormatOf(file, audio);
  const sessionId = flag(args, 'session') ?? (await api.request<SessionOut>('POST', '/v1/sessions', sessionBodyFrom(args, 'ambient', fmt))).session.id;
  const first = await api.request<{ stream: { url: string; token: string } }>('POST', `/v1/sessions/${sessionId}/stream-token`);
  console.error(`session ${sessionId}: streaming ${file} (${(audio.length / 1024).toFixed(0)} KiB) at ${flag(args, 'speed') ?? 1}x`);
  const result = await streamAudio({
    url: first.stream.url,
    token: async () => (await api.request<{ stream: { token: string } }>('POST', `/v1/sessions/${sessionId}/stream-token`)).stream.token,
    audio, encoding: fmt.encoding, sampleRate: fmt.sampleRate, channels: fmt.channels,
    frameBytes: Math.max(1024, Math.round(fmt.bytesPerSecond / 10)), // 100 ms frames
    bytesPerSecond: fmt.bytesPerSecond, speed: Number(flag(args, 'speed') ?? 1),
    onProgress: progressPrinter(process.stderr, 'acked'),
    onTranscript: (m) => m.final && process.stderr.write(`\r\x1b[K  ${m.speaker}: ${m.text}\n`),
    onReconnect: (n, lastSeq) => process.stderr.write(`\r\x1b[K  connection dropped; resumed (attempt ${n}) after frame ${lastSeq}\n`),
  });
  process.stderr.write('\n');
  console.error(`stored ${result.bytes} bytes, ${result.durationSec.toFixed(1)} s of audio${result.reconnects ? `, ${result.reconnects} reconnect(s)` : ''}`);
  console.log(sessionId);
  if (args.flags.wait) await waitAndPrint(api, sessionId);
}

export async function dictateCommand(args: Args): Promise<void> {
  const file = args.positionals[1];
  const text = flag(args, 'text');
  if (!file && !text) throw new UsageError(DICTATE_HELP);
  const api = apiFrom(args);
  const sessionId = flag(args, 'session') ?? (await api.request<SessionOut>('POST', '/v1/sessions', sessionBodyFrom(args, 'dictation'))).session.id;
  if (text) await api.request('POST', `/v1/sessions/${sessionId}/dictation`, { text });
  else {
    const audio = readFileSync(file!);
    const type = audioFormatOf(file!, audio).encoding === 'wav' ? 'audio/wav' : /\.webm$/i.test(file!) ? 'audio/webm' : /\.(ogg|opus)$/i.test(file!) ? 'audio/ogg' : 'application/octet-stream';
    await api.request('POST', `/v1/sessions/${sessionId}/dictation`, new Uint8Array(audio), { 'content-type': type });
  }
  console.error(`session ${sessionId}: dictation uploaded`);
  console.log(sessionId);
  if (args.flags.wait) await waitAndPrint(api, sessionId);
}

export async function sessionsCommand(args: Args): Promise<void> {
  const api = apiFrom(args);
  const q = new URLSearchParams({ limit: flag(args, 'limit') ?? '20', ...(flag(args, 'status') ? { status: flag(args, 'status')! } : {}) });
  const { sessions } = await api.request<{ sessions: { id: string; status: string; mode: string; discipline: string; noteType: string; dateOfService: string; noteId?: string }[] }>('GET', `/v1/sessions?${q}`);
  if (!sessions.length) console.log('no sessions');
  for (const s of sessions) console.log(`${s.id}  ${s.status.padEnd(12)} ${s.mode.padEnd(9)} ${s.discipline.padEnd(7)} ${s.noteType.padEnd(12)} ${s.dateOfService}${s.noteId ? `  note ${s.noteId}` : ''}`);
}

export async function noteCommand(args: Args): Promise<void> {
  const id = args.positionals[1];
  if (!id) throw new UsageError(NOTE_HELP);
  const api = apiFrom(args);
  const note = await fetchNote(api, id);
  console.log(args.flags.json ? JSON.stringify(note, null, 2) : formatNote(note));
}

export async function signCommand(args: Args): Promise<void> {
  const id = args.positionals[1];
  if (!id) throw new UsageError(SIGN_HELP);
  if (!flag(args, 'clinician') && !process.env.SCRIBE_CLINICIAN_ID) throw new UsageError('sign needs --clinician ID: the clinician who signs');
  const { note } = await apiFrom(args).request<{ note: PrintableNote }>('POST', `/v1/notes/${id}/sign`);
  console.log(formatNote(note));
}

async function fetchNote(api: ApiClient, id: string): Promise<PrintableNote> {
  try {
    return (await api.request<{ note: PrintableNote }>('GET', `/v1/notes/${id}`)).note;
  } catch {
    return (await api.request<{ note: PrintableNote }>('GET', `/v1/sessions/${id}/note`)).note;
  }
}

/** Poll until the session is drafted (or failed), then print its note. */
export async function waitForNote(api: ApiClient, sessionId: string, timeoutMs = 300_000, onStatus?: (s: string) => void): Promise<PrintableNote> {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    const { session } = await api.request<SessionOut>('GET', `/v1/sessions/${sessionId}`);
    if (session.status !== last) onStatus?.((last = session.status));
    if (session.status === 'drafted' && session.noteId) return (await api.request<{ note: PrintableNote }>('GET', `/v1/notes/${session.noteId}`)).note;
    if (session.status === 'failed') throw new Error(`session failed at ${session.failure?.stage}: ${session.failure?.code} ${session.failure?.message}`);
    if (session.status === 'cancelled') throw new Error('session was cancelled');
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no draft after ${timeoutMs / 1000} s`);
}

async function waitAndPrint(api: ApiClient, sessionId: string) {
  const note = await waitForNote(api, sessionId, 300_000, (s) => console.error(`  status: ${s}`));
  console.log(formatNote(note));
}

