/** Small helpers shared by the pipeline tests. */
import type { TestApi } from './api.ts';
import { bearer } from './api.ts';
import { sessionBody } from './fixtures.ts';

export interface SessionView {
  id: string;
  status: string;
  noteId?: string;
  failure?: { stage: string; code: string; message: string };
  timings: Record<string, string>;
  audio: { bytes: number; durationSec: number; sha256: string | null };
}

export async function createSession(api: TestApi, key: string, overrides: Record<string, unknown> = {}) {
  const res = await api.app.inject({ method: 'POST', url: '/v1/sessions', headers: bearer(key), payload: sessionBody(overrides) });
  if (res.statusCode !== 201) throw new Error(`create session: ${res.statusCode} ${res.body}`);
  return res.json() as { session: SessionView; stream: { url: string; token: string } };
}

export async function getSession(api: TestApi, key: string, id: string): Promise<SessionView> {
  return (await api.app.inject({ method: 'GET', url: `/v1/sessions/${id}`, headers: bearer(key) })).json().session;
}

/** Poll a session until `until` says so (or time runs out: then throw with its last state). */
export async function waitFor(api: TestApi, key: string, id: string, until: (s: SessionView) => boolean, timeoutMs = 60_000): Promise<SessionView> {
  const end = Date.now() + timeoutMs;
  let s = await getSession(api, key, id);
  while (!until(s)) {
    if (Date.now() > end) throw new Error(`session ${id} still ${s.status} after ${timeoutMs} ms (${JSON.stringify(s.failure ?? {})})`);
    await new Promise((r) => setTimeout(r, 100));
    s = await getSession(api, key, id);
  }
  return s;
}

export const settled = (s: SessionView) => ['drafted', 'failed', 'cancelled'].includes(s.status);

/** A realistic text dictation (PHI-TEXT marks text that must never reach a log). */
export const DICTATION = [
  'Daily note PHI-TEXT, visit four, right total knee arthroplasty.',
  'Patient reports right knee pain three out of ten and stiffness in the mornings.',
  'Quadriceps strength three plus out of five on the right.',
  'At 10:05 we started seated leg press, forty pounds, three sets of fifteen, for quad strength toward independent stair climbing.',
  'That was 10:23, eighteen minutes of exercise.',
  'Plan: continue twice a week for four weeks.',
].join(' ');
