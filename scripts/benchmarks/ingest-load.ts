/**
 * Load generator for `scripts/bench ingest`: N real-time streams of 16 kHz mono PCM in
 * 100 ms frames (3200 bytes + a 4-byte sequence number), phases spread evenly over the
 * 100 ms, each frame's ack latency measured from send to the first ack covering it.
 */
import WebSocket from 'ws';

export interface LoadOptions {
  streams: number;
  seconds: number;
  /** WebSocket URL of stream i. */
  url: (i: number) => string;
  /** Gateway protocol: start/ready before audio, end/ended after. The baseline has neither. */
  handshake: boolean;
  frame: Buffer;
  /** Called when the first frame is due and when the last one was sent (the measured window). */
  window: { start: () => void; end: () => void };
}

export interface LoadResult {
  latenciesMs: number[];
  /** p99 ack latency per second of the run (send time), to see whether slow acks cluster. */
  timeline: Array<{ second: number; p99: number; max: number }>;
  framesSent: number;
  framesAcked: number;
  ended: number;
  errors: string[];
}

interface Stream {
  ws: WebSocket;
  sentAt: Float64Array;
  acked: number;
  next: number;
  phaseMs: number;
  ended?: boolean;
}

const FRAME_MS = 100;

function connect(url: string, handshake: boolean, onMessage: (m: { type: string; seq?: number }) => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.once('error', reject);
    ws.once('unexpected-response', (_q, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.on('message', (data: Buffer) => onMessage(JSON.parse(data.toString('utf8'))));
    ws.once('open', () => {
      if (!handshake) return resolve(ws);
      ws.send(JSON.stringify({ type: 'start', encoding: 'pcm_s16le', sampleRate: 16000, channels: 1 }));
      const onReady = (data: Buffer) => {
        const m = JSON.parse(data.toString('utf8'));
        if (m.type === 'ready') {
          ws.off('message', onReady);
          resolve(ws);
        } else if (m.type === 'error') reject(new Error(m.code));
      };
      ws.on('message', onReady);
    });
  });
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const frames = Math.round((o.seconds * 1000) / FRAME_MS);
  const latencies: number[] = [];
  const bySecond: number[][] = [];
  let tStart = 0;
  const errors: string[] = [];
  let ended = 0;
  const streams: Stream[] = [];
  const endWaiters: Array<() => void> = [];

  for (let base = 0; base < o.streams; base += 25) {
    const batch = Array.from({ length: Math.min(25, o.streams - base) }, (_, j) => base + j);
    await Promise.all(batch.map(async (i) => {
      const s = { sentAt: new Float64Array(frames + 1), acked: 0, next: 1, phaseMs: (i / o.streams) * FRAME_MS } as Stream;
      s.ws = await connect(o.url(i), o.handshake, (m) => {
        if (m.type === 'ack' && m.seq! > s.acked) {
          const now = performance.now();
          for (let k = s.acked + 1; k <= m.seq!; k++) {
            const l = now - s.sentAt[k]!;
            latencies.push(l);
            (bySecond[Math.floor((s.sentAt[k]! - tStart) / 1000)] ??= []).push(l);
          }
          s.acked = m.seq!;
        } else if (m.type === 'ended') {
          ended++;
          s.ended = true;
          endWaiters.splice(0).forEach((w) => w());
        } else if (m.type === 'error') errors.push(String((m as { code?: string }).code));
      });
      s.ws.on('close', (code) => { if (!s.ended && code !== 1000 && code !== 1005) errors.push(`close ${code}`); });
      streams[i] = s;
    }));
  }

  const t0 = performance.now() + 200;
  tStart = t0;
  let sent = 0;
  await new Promise<void>((resolve) => {
    let started = false;
    const tick = () => {
      const now = performance.now();
      if (!started && now >= t0) {
        started = true;
        o.window.start();
      }
      let remaining = false;
      for (const s of streams) {
        while (s.next <= frames && t0 + s.phaseMs + (s.next - 1) * FRAME_MS <= now) {
          const buf = Buffer.allocUnsafe(4 + o.frame.length);
          buf.writeUInt32BE(s.next, 0);
          o.frame.copy(buf, 4);
          s.sentAt[s.next] = performance.now();
          if (s.ws.readyState === WebSocket.OPEN) s.ws.send(buf);
          s.next++;
          sent++;
        }
        if (s.next <= frames) remaining = true;
      }
      if (remaining) setTimeout(tick, 2);
      else {
        o.window.end();
        resolve();
      }
    };
    tick();
  });

  // Wait (bounded) for the last acks, then end every stream.
  const deadline = performance.now() + 10_000;
  while (streams.some((s) => s.acked < frames && s.ws.readyState === WebSocket.OPEN) && performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
  }
  if (o.handshake) {
    for (const s of streams) if (s.ws.readyState === WebSocket.OPEN) s.ws.send(JSON.stringify({ type: 'end' }));
    const endDeadline = performance.now() + 60_000;
    while (ended < streams.length && performance.now() < endDeadline) await new Promise<void>((r) => { endWaiters.push(r); setTimeout(r, 200); });
  }
  for (const s of streams) s.ws.terminate();
  latencies.sort((a, b) => a - b);
  const timeline = bySecond.map((l, second) => {
    l.sort((a, b) => a - b);
    return { second, p99: l[Math.floor(l.length * 0.99)] ?? 0, max: l[l.length - 1] ?? 0 };
  });
  return { latenciesMs: latencies, timeline, framesSent: sent, framesAcked: streams.reduce((n, s) => n + s.acked, 0), ended, errors };
}
