/**
 * The demo: the whole job against the stack that `scripts/dev up` started. Creates a key,
 * streams the bundled spoken PT visit over the WebSocket (faster than real time, with
 * progress), waits for the draft and prints it with evidence, codes and checks and the time
 * per stage; then runs a text dictation, edits one statement as the clinician and signs it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ApiClient } from './http.ts';
import { formatNote, type PrintableNote } from './print-note.ts';
import { streamAudio } from './stream-client.ts';
import { progressPrinter } from './progress.ts';
import { waitForNote } from './sessions.command.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const API = process.env.SCRIBE_API_URL ?? `http://127.0.0.1:${process.env.API_PORT ?? 3000}`;
const SPEED = Number(process.env.DEMO_SPEED ?? 4);
const CLINICIAN = 'demo-clinician-1';
const step = (msg: string) => console.log(`\n\x1b[1;36m== ${msg}\x1b[0m`);
const today = () => new Date().toISOString().slice(0, 10);

interface SessionOut {
  id: string;
  status: string;
  noteId?: string;
  audio: { bytes: number; durationSec: number; sha256: string | null };
  timings: Record<string, string | undefined>;
}

function stageTimes(s: SessionOut): string {
  const t = (k: string) => (s.timings[k] ? Date.parse(s.timings[k]!) : NaN);
  const d = (a: string, b: string) => `${((t(b) - t(a)) / 1000).toFixed(1)} s`;
  const parts = [];
  if (s.timings.recordingStartedAt) parts.push(`streaming ${d('recordingStartedAt', 'endedAt')}`);
  parts.push(`transcribe ${d('endedAt', 'transcribedAt')}`, `draft ${d('transcribedAt', 'draftedAt')}`, `end to draft ${d('endedAt', 'draftedAt')}`);
  return parts.join(' | ');
}

const context = (goal: string, icd10: string, description: string) => ({
  diagnoses: [{ icd10, description }],
  goals: [{ id: 'g1', text: goal }],
  visitNumber: 4,
  referral: { onFile: true },
});

step('1. An API key for "Demo Clinic" (scripts/scribe keys create; printed once, only its hash is stored)');
const key = execFileSync(resolve(ROOT, 'scripts/scribe'), ['keys', 'create', '--org', 'Demo Clinic', '--label', 'demo'], { encoding: 'utf8' }).trim();
console.log(`${key.slice(0, 22)}…`);
const api = new ApiClient(API, key, CLINICIAN);
const health = (await (await fetch(`${API}/readyz`)).json()) as { checks: Record<string, string> };
console.log(`stack ready: ${JSON.stringify(health.checks)}`);

step('2. An ambient PT session (right TKA, visit 4, Medicare), with the patient\'s recorded consent');
const created = await api.request<{ session: SessionOut; stream: { url: string; token: string } }>('POST', '/v1/sessions', {
  mode: 'ambient', discipline: 'pt', noteType: 'daily', patientRef: 'demo-patient-001', encounterRef: `demo-enc-${Date.now()}`,
  clinicianRef: CLINICIAN, dateOfService: today(), payer: { type: 'medicare' },
  context: context('Independent reciprocal stair negotiation in two-story home within 6 weeks', 'Z96.651', 'Presence of right artificial knee joint'),
  consent: { obtained: true, method: 'verbal', obtainedAt: new Date().toISOString(), allParty: true },
  audio: { encoding: 'wav', sampleRate: 16000, channels: 1 },
});
console.log(`session ${created.session.id} (${created.session.status}); stream ${created.stream.url}`);

const wav = readFileSync(resolve(ROOT, 'test/fixtures/sample-visit/sample-visit.wav'));
step(`3. Stream the bundled visit (${(wav.length / 32_000).toFixed(0)} s of speech) over the WebSocket at ${SPEED}x real time`);
const result = await streamAudio({
  url: created.stream.url,
  token: async () => (await api.request<{ stream: { token: string } }>('POST', `/v1/sessions/${created.session.id}/stream-token`)).stream.token,
  audio: wav, encoding: 'wav', sampleRate: 16000, channels: 1, frameBytes: 3_200, bytesPerSecond: 32_000, speed: SPEED,
  onProgress: progressPrinter(process.stdout, 'acked (durably stored, encrypted)'),
  onTranscript: (m) => m.final && process.stdout.write(`\r\x1b[K  live ${m.speaker}: ${m.text}\n`),
});
console.log(`${process.stdout.isTTY ? '\n' : ''}  ended: ${result.bytes} bytes, ${result.durationSec.toFixed(1)} s stored${result.reconnects ? `, resumed ${result.reconnects} time(s)` : ''}`);

step('4. The worker transcribes and drafts it');
const streamedNote = await waitForNote(api, created.session.id, 600_000, (s) => console.log(`  status: ${s}`));
const transcript = (await api.request<{ transcript: { engine: string; model: string; utterances: { id: string; speaker: string; text: string }[] } }>(
  'GET', `/v1/sessions/${created.session.id}/transcript`)).transcript;
console.log(`  transcript: ${transcript.utterances.length} utterances by ${transcript.engine} (${transcript.model})`);
for (const u of transcript.utterances.slice(0, 4)) console.log(`    ${u.id} ${u.speaker}: ${u.text}`);
console.log(`\n${formatNote(streamedNote)}`);
const streamed = (await api.request<{ session: SessionOut }>('GET', `/v1/sessions/${created.session.id}`)).session;
console.log(`\n  time per stage: ${stageTimes(streamed)}`);
if (transcript.engine.startsWith('offline')) {
  console.log('  The offline speech engine (pocketsphinx, no key, no network) gets most words wrong, so this draft');
  console.log('  is thin: it shows the plumbing. Set TRANSCRIBER=deepgram DEEPGRAM_API_KEY=... (or TRANSCRIBER=openai');
  console.log('  OPENAI_API_KEY=... [OPENAI_BASE_URL=...]) before scripts/dev up for real transcripts. The dictation');
  console.log('  below shows what the drafter does with good text.');
}

step('5. A dictation after a hands-on session (text recognised on the device), left rotator cuff repair');
const dictation = await api.request<{ session: SessionOut }>('POST', '/v1/sessions', {
  mode: 'dictation', discipline: 'pt', noteType: 'daily', patientRef: 'demo-patient-002', encounterRef: `demo-enc-${Date.now()}`,
  clinicianRef: CLINICIAN, dateOfService: today(), payer: { type: 'medicare' },
  context: context('Reach the top kitchen shelf without pain within 6 weeks', 'M75.112', 'Incomplete rotator cuff tear of left shoulder, not traumatic'),
});
const text = readFileSync(resolve(ROOT, 'test/fixtures/sample-visit/dictation.txt'), 'utf8');
console.log(text.trim().split('\n').map((l) => `  > ${l}`).join('\n'));
await api.request('POST', `/v1/sessions/${dictation.session.id}/dictation`, { text });
const draft = await waitForNote(api, dictation.session.id, 120_000, (s) => console.log(`  status: ${s}`));
console.log(`\n${formatNote(draft)}`);
const dictated = (await api.request<{ session: SessionOut }>('GET', `/v1/sessions/${dictation.session.id}`)).session;
console.log(`\n  time per stage: ${stageTimes(dictated)}`);

step('6. The clinician reviews: edits one statement (If-Match: version) and signs');
const first = draft.sections.plan[0] ?? draft.sections.objective[0]!;
const section = draft.sections.plan[0] ? 'plan' : 'objective';
const edited = await api.request<{ note: PrintableNote }>('PATCH', `/v1/notes/${draft.id}`,
  { statements: [{ section, id: first.id, text: `${first.text} Reviewed with patient.` }] }, { 'if-match': String(draft.version) });
console.log(`  ${section} ${first.id} is now "${edited.note.sections[section as 'plan'].find((s) => s.id === first.id)?.origin}" (version ${edited.note.version})`);
const signed = await api.request<{ note: PrintableNote }>('POST', `/v1/notes/${draft.id}/sign`);
console.log(`  signed by ${signed.note.signature?.clinicianRef} at ${signed.note.signature?.signedAt}; still AI-generated: ${signed.note.aiGenerated}`);
try {
  await api.request('PATCH', `/v1/notes/${draft.id}`, { statements: [{ section, id: first.id, text: 'late change' }] }, { 'if-match': String(signed.note.version) });
} catch (err) {
  console.log(`  an edit after signing is refused: ${(err as Error).message}`);
}

step('Done');
console.log(`  Engines that ran: speech ${transcript.engine} (${transcript.model}); drafting ${draft.provenance.engine} (${draft.provenance.model}).`);
console.log('  Switch with TRANSCRIBER=deepgram|openai and DRAFTER=openai (see README, Configuration), then scripts/dev down && scripts/dev up.');
console.log(`  Review console: ${API}/console   API reference: ${API}/docs   CLI: scripts/scribe --help`);
console.log('  Stop the stack: scripts/dev down');
