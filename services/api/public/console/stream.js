// The browser client of the gateway's audio WebSocket (API.md, "Streaming audio"); the same
// logic as scripts/cli/stream-client.ts, for audio that arrives while it is being sent:
// - text `start`, then binary frames: a 4-byte big-endian sequence number + audio bytes;
// - `ready.lastSeq` says what the server already holds: (re)send from lastSeq + 1;
// - `ack.seq` means every frame up to seq is durably stored;
// - after a dropped socket, reconnect with a fresh stream token and resume; frames are kept
//   until the session has ended, so nothing is lost and the server never stores one twice;
// - `end` once every frame is acked -> `ended` -> the server closes with 1000.
// Frame 1 starts with the first MediaRecorder chunk: it carries the WebM header the server
// checks and needs to decode the rest.

/** Close codes after which retrying cannot help (API.md). */
const FATAL = new Set([4400, 4401, 4409, 4413]);
/** API.md: a binary frame is at most 64 KiB, sequence number included; stay well below. */
const DEFAULT_PAYLOAD = 32 * 1024;

export class StreamError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

/**
 * One streamed recording. Call `start()`, `push(bytes)` as audio arrives, then `finish()`,
 * which resolves with the server's `{ durationSec, bytes }` once the session has ended.
 */
export class AudioStream {
  /**
   * @param {{
   *   grant: () => Promise<{ url: string, token: string }>,  // called for every connection
   *   encoding: 'webm_opus' | 'ogg_opus' | 'wav' | 'pcm_s16le', sampleRate?: number, channels?: number,
   *   WebSocketImpl?: typeof WebSocket, maxPayloadBytes?: number, maxInFlight?: number,
   *   maxReconnects?: number, pingMs?: number,
   *   onState?: (state: string, detail?: unknown) => void,
   *   onProgress?: (p: { sentBytes: number, ackedBytes: number, frames: number, acked: number, reconnects: number }) => void,
   *   onTranscript?: (m: { speaker: string, text: string, start: number, end: number, final: boolean }) => void,
   * }} o
   */
  constructor(o) {
    this.o = { maxPayloadBytes: DEFAULT_PAYLOAD, maxInFlight: 64, maxReconnects: 20, pingMs: 15_000, WebSocketImpl: globalThis.WebSocket, ...o };
    /** @type {Uint8Array[]} payloads; frame N is frames[N - 1] */
    this.frames = [];
    /** ends[i]: bytes in frames 1..i+1 (for progress without re-summing) */
    this.ends = [];
    this.bytes = 0;
    this.acked = 0;
    this.highestSent = 0;
    this.reconnects = 0;
    this.finishing = false;
    this.ended = null;
    this.ws = null;
    this.next = 0;
    this.endSent = false;
    this.lastError = null;
    this.timer = null;
    this.settled = false;
    this.done = new Promise((resolve, reject) => {
      this.resolveDone = resolve;
      this.rejectDone = reject;
    });
    this.done.catch(() => {}); // a caller that never finishes still must not see an unhandled rejection
  }

  start() {
    this.connect();
    return this;
  }

  /** Queue audio bytes (split into frames) and send what the window allows. */
  push(chunk) {
    if (this.finishing || this.settled) throw new StreamError('FINISHED', 'the stream has already been finished');
    const bytes = chunk instanceof Uint8Array ? chunk : new Uint8Array(chunk);
    for (let at = 0; at < bytes.length; at += this.o.maxPayloadBytes) {
      const piece = bytes.subarray(at, at + this.o.maxPayloadBytes);
      this.frames.push(piece);
      this.bytes += piece.length;
      this.ends.push(this.bytes);
    }
    this.pump();
  }

  /** No more audio: send `end` once everything is acked. Resolves with the server's `ended`. */
  finish() {
    if (!this.finishing) {
      this.finishing = true;
      if (this.frames.length === 0) this.fail('NO_AUDIO', 'nothing was recorded');
      else {
        this.state('ending');
        this.pump();
      }
    }
    return this.done;
  }

  /** Stop without ending the session (the stored audio stays; `POST /finish` can end it later). */
  abort() {
    this.fail('ABORTED', 'stopped by the user');
  }

  /** Everything pushed, in order: what the server should hold when the session has ended. */
  recorded() {
    return new Blob(this.frames);
  }

  /** SHA-256 (hex) of `recorded()`, to compare with `session.audio.sha256`; null without WebCrypto. */
  async sha256() {
    if (!globalThis.crypto?.subtle) return null;
    const digest = await crypto.subtle.digest('SHA-256', await this.recorded().arrayBuffer());
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  }

  // ---- internals ----

  state(name, detail) {
    this.o.onState?.(name, detail);
  }

  progress() {
    const upTo = (n) => (n > 0 ? this.ends[n - 1] : 0);
    const ackedBytes = upTo(this.acked);
    const sentBytes = upTo(this.highestSent);
    this.o.onProgress?.({ sentBytes, ackedBytes, frames: this.frames.length, acked: this.acked, reconnects: this.reconnects });
  }

  fail(code, message) {
    if (this.settled) return;
    this.settled = true;
    clearInterval(this.timer);
    const ws = this.ws;
    this.ws = null;
    try { ws?.close(1000); } catch { /* already closed */ }
    this.state('failed', { code, message });
    this.rejectDone(new StreamError(code, message));
  }

  async connect() {
    if (this.settled) return;
    this.state(this.reconnects ? 'reconnecting' : 'connecting', { attempt: this.reconnects });
    let ws;
    try {
      const { url, token } = await this.o.grant();
      if (this.settled) return;
      ws = new this.o.WebSocketImpl(`${url}?token=${encodeURIComponent(token)}`);
    } catch (err) {
      // No token (API down, key revoked) or the socket was refused outright (e.g. by CSP).
      return this.dropped(err instanceof Error ? err.message : String(err));
    }
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    this.next = 0;
    this.endSent = false;
    this.lastError = null;
    ws.addEventListener('open', () => {
      if (this.ws !== ws) return;
      const { encoding, sampleRate, channels } = this.o;
      ws.send(JSON.stringify({ type: 'start', encoding, sampleRate, channels }));
      clearInterval(this.timer);
      this.timer = setInterval(() => this.ws === ws && ws.readyState === 1 && ws.send('{"type":"ping"}'), this.o.pingMs);
    });
    ws.addEventListener('message', (ev) => {
      if (this.ws !== ws || typeof ev.data !== 'string') return;
      let m;
      try {
        m = JSON.parse(ev.data);
      } catch {
        return;
      }
      this.onMessage(m);
    });
    ws.addEventListener('close', (ev) => {
      if (this.ws !== ws) return; // a socket we already left behind
      this.ws = null;
      clearInterval(this.timer);
      if (this.settled) return;
      if (FATAL.has(ev.code) || (this.lastError && ev.code !== 1001 && ev.code !== 1011)) {
        this.fail(this.lastError?.code ?? `CLOSE_${ev.code}`, this.lastError?.message ?? `the gateway closed the socket (${ev.code})`);
      } else {
        this.dropped(`closed (${ev.code})`);
      }
    });
    ws.addEventListener('error', () => {}); // 'close' follows and decides
  }

  onMessage(m) {
    switch (m.type) {
      case 'ready': {
        const lastSeq = Number(m.lastSeq) || 0;
        if (lastSeq > this.highestSent || lastSeq > this.frames.length) {
          // The session holds audio this page never sent (another recording): appending would
          // either be ignored or corrupt that stream.
          return this.fail('SESSION_HAS_AUDIO', 'this session already holds streamed audio from another recording; finish it or create a new session');
        }
        this.acked = Math.max(this.acked, lastSeq);
        this.next = lastSeq + 1;
        this.state(this.finishing ? 'ending' : 'streaming', { lastSeq, reconnects: this.reconnects });
        this.progress();
        return this.pump();
      }
      case 'ack':
        this.acked = Math.max(this.acked, Number(m.seq) || 0);
        this.progress();
        return this.pump();
      case 'transcript':
        return this.o.onTranscript?.(m);
      case 'ended':
        this.ended = { durationSec: Number(m.durationSec), bytes: Number(m.bytes) };
        this.settled = true;
        clearInterval(this.timer);
        this.state('ended', this.ended);
        return this.resolveDone(this.ended);
      case 'error':
        this.lastError = { code: String(m.code), message: String(m.message) };
        return undefined;
      default:
        return undefined;
    }
  }

  pump() {
    const ws = this.ws;
    if (!ws || ws.readyState !== 1 || this.next === 0 || this.settled) return;
    while (this.next <= this.frames.length && this.next - this.acked <= this.o.maxInFlight) {
      const payload = this.frames[this.next - 1];
      const frame = new Uint8Array(4 + payload.length);
      new DataView(frame.buffer).setUint32(0, this.next, false);
      frame.set(payload, 4);
      ws.send(frame);
      this.highestSent = Math.max(this.highestSent, this.next);
      this.next += 1;
    }
    if (this.finishing && !this.endSent && this.acked >= this.frames.length && this.frames.length > 0) {
      this.endSent = true;
      ws.send('{"type":"end"}');
    }
  }

  dropped(reason) {
    if (this.settled) return;
    if (++this.reconnects > this.o.maxReconnects) {
      return this.fail('TOO_MANY_RECONNECTS', `gave up after ${this.o.maxReconnects} reconnects (${reason})`);
    }
    this.state('reconnecting', { attempt: this.reconnects, reason });
    setTimeout(() => this.connect(), Math.min(5_000, 250 * 2 ** Math.min(this.reconnects - 1, 5)));
  }
}
