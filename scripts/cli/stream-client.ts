/**
 * A resumable streaming client for the gateway's audio WebSocket (API.md, "Streaming
 * audio"). Frame N carries bytes [(N-1)*frameBytes, N*frameBytes) of the audio, so after a
 * dropped connection the client asks nothing but `ready.lastSeq` and resends from there.
 */
import WebSocket from 'ws';

export interface StreamOptions {
  /** `stream.url` from the session; the token is appended per connection. */
  url: string;
  /** A valid stream token; called again on every reconnect (tokens are short-lived). */
  token: () => Promise<string>;
  audio: Buffer;
  encoding: 'pcm_s16le' | 'wav' | 'webm_opus' | 'ogg_opus';
  sampleRate?: number;
  channels?: number;
  /** Bytes of audio per frame (the 4-byte sequence header comes on top). */
  frameBytes: number;
  /** Audio bytes per second, for pacing; 0 sends as fast as acks allow. */
  bytesPerSecond: number;
  /** 1 = real time, 4 = four times faster. Ignored when bytesPerSecond is 0. */
  speed: number;
  /** Frames sent but not yet acked before the client waits. */
  maxInFlight?: number;
  maxReconnects?: number;
  onProgress?: (ackedBytes: number, totalBytes: number) => void;
  onTranscript?: (m: { speaker: string; text: string; start: number; end: number; final: boolean }) => void;
  onReconnect?: (attempt: number, lastSeq: number) => void;
  /** Called with each open socket (tests use it to cut connections). */
  onSocket?: (ws: WebSocket) => void;
}

export interface StreamResult {
  durationSec: number;
  bytes: number;
  reconnects: number;
}

const FATAL = new Set([4400, 4401, 4409, 4413]);

export class StreamError extends Error {
  constructor(readonly code: string, message: string, readonly closeCode?: number) {
    super(message);
  }
}

export async function streamAudio(o: StreamOptions): Promise<StreamResult> {
  const totalFrames = Math.ceil(o.audio.length / o.frameBytes);
  const frame = (seq: number) => {
    const body = o.audio.subarray((seq - 1) * o.frameBytes, seq * o.frameBytes);
    const buf = Buffer.allocUnsafe(4 + body.length);
    buf.writeUInt32BE(seq, 0);
    body.copy(buf, 4);
    return buf;
  };
  const started = Date.now();
  let acked = 0;
  let reconnects = 0;
  const maxReconnects = o.maxReconnects ?? 20;

  for (;;) {
    const outcome = await connectOnce();
    if (outcome.kind === 'ended') return { durationSec: outcome.durationSec, bytes: outcome.bytes, reconnects };
    if (outcome.kind === 'fatal') throw new StreamError(outcome.code, outcome.message, outcome.closeCode);
    if (++reconnects > maxReconnects) throw new StreamError('TOO_MANY_RECONNECTS', `gave up after ${maxReconnects} reconnects`);
    await sleep(Math.min(5_000, 100 * 2 ** Math.min(reconnects, 6)));
  }

  type Outcome =
    | { kind: 'ended'; durationSec: number; bytes: number }
    | { kind: 'dropped' }
    | { kind: 'fatal'; code: string; message: string; closeCode?: number };

  async function connectOnce(): Promise<Outcome> {
    const token = await o.token();
    const ws = new WebSocket(`${o.url}?token=${encodeURIComponent(token)}`);
    o.onSocket?.(ws);
    return new Promise<Outcome>((resolve) => {
      let next = 0; // next seq to send; set by `ready`
      let ended = false;
      let endSent = false;
      let timer: NodeJS.Timeout | undefined;
      let error: { code: string; message: string } | undefined;
      const done = (r: Outcome) => {
        clearTimeout(timer);
        resolve(r);
      };
      const pump = () => {
        clearTimeout(timer);
        if (ws.readyState !== WebSocket.OPEN || next === 0) return;
        while (next <= totalFrames && next - acked <= (o.maxInFlight ?? 50)) {
          if (o.bytesPerSecond > 0) {
            const due = started + (((next - 1) * o.frameBytes) / o.bytesPerSecond / o.speed) * 1000;
            const wait = due - Date.now();
            if (wait > 0) {
              timer = setTimeout(pump, wait);
              return;
            }
          }
          ws.send(frame(next++));
        }
        if (next > totalFrames && acked >= totalFrames && !endSent) {
          endSent = true;
          ws.send(JSON.stringify({ type: 'end' }));
        }
      };
      ws.on('open', () => {
        ws.send(JSON.stringify({ type: 'start', encoding: o.encoding, sampleRate: o.sampleRate, channels: o.channels }));
      });
      ws.on('message', (data, isBinary) => {
        if (isBinary) return;
        const m = JSON.parse(data.toString()) as Record<string, unknown>;
        if (m.type === 'ready') {
          acked = Math.max(acked, Number(m.lastSeq));
          next = Number(m.lastSeq) + 1;
          if (reconnects > 0) o.onReconnect?.(reconnects, Number(m.lastSeq));
          pump();
        } else if (m.type === 'ack') {
          acked = Math.max(acked, Number(m.seq));
          o.onProgress?.(Math.min(o.audio.length, acked * o.frameBytes), o.audio.length);
          pump();
        } else if (m.type === 'transcript') {
          o.onTranscript?.(m as never);
        } else if (m.type === 'ended') {
          ended = true;
          done({ kind: 'ended', durationSec: Number(m.durationSec), bytes: Number(m.bytes) });
        } else if (m.type === 'error') {
          error = { code: String(m.code), message: String(m.message) };
        }
      });
      ws.on('close', (code) => {
        if (ended) return;
        if (FATAL.has(code) || (error && code !== 1001 && code !== 1011)) {
          done({ kind: 'fatal', code: error?.code ?? `CLOSE_${code}`, message: error?.message ?? `closed with ${code}`, closeCode: code });
        } else done({ kind: 'dropped' });
      });
      ws.on('error', () => {}); // 'close' follows and decides
      ws.on('unexpected-response', (_req, res) => {
        done({ kind: res.statusCode === 401 ? 'fatal' : 'dropped', code: 'UPGRADE_REFUSED', message: `upgrade refused (${res.statusCode})`, closeCode: res.statusCode } as Outcome);
      });
    });
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
