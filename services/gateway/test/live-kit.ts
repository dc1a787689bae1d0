/** Shared pieces of the live transcript tests: a gateway wired to the scripted Deepgram stand-in, and client helpers. */
import { DeepgramLiveScript } from './deepgram-live-script.ts';
import { sleep, startGateway, type TestClient, type TestGateway } from './harness.ts';

export const DG_KEY = 'dg-live-test-key';

/** A gateway with TRANSCRIBER=deepgram whose DEEPGRAM_BASE_URL is a local DeepgramLiveScript. */
export async function startLiveGateway(file: string): Promise<{ gw: TestGateway; dg: DeepgramLiveScript; close: () => Promise<void> }> {
  const dg = new DeepgramLiveScript();
  const url = await dg.start();
  const gw = await startGateway(file, { TRANSCRIBER: 'deepgram', DEEPGRAM_API_KEY: DG_KEY, DEEPGRAM_BASE_URL: url });
  return { gw, dg, close: async () => { await gw.close(); await dg.stop(); } };
}

export type Msg = { type: string; [k: string]: unknown };
export type Line = Msg & { final: boolean; speaker: string; text: string; start: number; end: number };

/** The `transcript` messages a client got (only finals, or only previews, when asked). */
export const transcripts = (c: TestClient, final?: boolean) =>
  c.messages.filter((m) => m.type === 'transcript' && (final === undefined || m.final === final)) as Line[];

/** The role a live stream gives an engine speaker label: first voice clinician, second patient. */
export const role = (label: number | undefined) => (label === 0 ? 'clinician' : label === 1 ? 'patient' : 'unknown');

export const concat = (bufs: Buffer[]) => Buffer.concat(bufs);

/** Send frames from..to (1-based, inclusive), 5 ms apart. */
export async function send(c: TestClient, parts: Buffer[], from: number, to: number): Promise<void> {
  for (let seq = from; seq <= to; seq++) {
    c.frame(seq, parts[seq - 1]!);
    await sleep(5);
  }
}
