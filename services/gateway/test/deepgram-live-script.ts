/**
 * A scripted stand-in for Deepgram's live `/v1/listen` on top of the transcription package's
 * StubWsServer, speaking its documented wire format: binary audio in, `Results` messages
 * (interim then final, words with `speaker`, times on the connection's own clock from 0)
 * out; `Finalize` flushes what is held as a final; `CloseStream` flushes and closes 1000.
 *
 * The test audio is 16 kHz mono 16-bit PCM in 100 ms blocks whose samples all hold the
 * block's index (see `blockAudio`), so the stub can say which block of the *session* it is
 * hearing: every 5 blocks it sends one final with a word per block (`PHI-TEXT-b<index>`),
 * timed on its own clock. A gateway that offsets correctly turns those into session times
 * of exactly `index * 0.1` seconds. The speaker label alternates 0, 1, 0, ... per final.
 */
import { parseWavHeader } from '@scribe/audio';
import { StubWsServer, type Connection } from '../../../packages/transcription/test/helpers/stub-ws-server.ts';

export const BLOCK_BYTES = 3200;
const BLOCK_SEC = 0.1;

/** `n` blocks of 100 ms; block i's samples are all `i`. */
export function blockAudio(n: number): Buffer {
  const b = Buffer.alloc(n * BLOCK_BYTES);
  for (let i = 0; i < n; i++) for (let s = 0; s < BLOCK_BYTES; s += 2) b.writeInt16LE(i, i * BLOCK_BYTES + s);
  return b;
}

/** The session blocks named in a transcript text. */
export const blocksOf = (text: string) => [...text.matchAll(/b(\d+)/g)].map((m) => Number(m[1]));

interface Stream {
  conn: Connection;
  pcm: Buffer;
  /** The WAV header is skipped before reading blocks (a stream that starts a WAV recording). */
  header: 'unknown' | 'none' | 'done';
  reported: number;
  finals: number;
}

export class DeepgramLiveScript {
  readonly server = new StubWsServer();
  /** Close a connection with this code once it received this many bytes (a failing engine). */
  failAfter: { bytes: number; code: number } | undefined;
  /** How long the engine takes to answer Finalize and CloseStream (it finishes what it holds first). */
  flushDelayMs = 10;
  /** Blocks per final while audio flows (what is left is sent on Finalize/CloseStream). */
  blocksPerFinal = 5;
  /** What each final said: first session block -> speaker label. */
  readonly labels = new Map<number, number>();
  private readonly streams = new Map<Connection, Stream>();

  constructor() {
    this.server.onConnection = (conn) => {
      const stream: Stream = { conn, pcm: Buffer.alloc(0), header: 'unknown', reported: 0, finals: 0 };
      this.streams.set(conn, stream);
      conn.ws.on('message', (data: Buffer, isBinary: boolean) => {
        if (isBinary) this.onAudio(stream, data);
      });
    };
    this.server.onText = (conn, msg) => {
      const stream = this.streams.get(conn);
      if (!stream) return;
      if (msg.type === 'Finalize') setTimeout(() => this.flush(stream, true), this.flushDelayMs);
      if (msg.type === 'CloseStream') {
        setTimeout(() => {
          this.flush(stream, true);
          conn.ws.send(JSON.stringify({ type: 'Metadata', request_id: 'stub', duration: stream.pcm.length / 32000, channels: 1 }));
          conn.ws.close(1000);
        }, this.flushDelayMs);
      }
    };
  }

  start(): Promise<string> {
    return this.server.start();
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  get connections(): Connection[] {
    return this.server.connections;
  }

  private onAudio(s: Stream, data: Buffer): void {
    const received = s.conn.binary.reduce((n, b) => n + b.length, 0);
    if (this.failAfter && received >= this.failAfter.bytes) {
      s.conn.ws.close(this.failAfter.code, 'NET-0001');
      return;
    }
    s.pcm = Buffer.concat([s.pcm, data]);
    if (s.header === 'unknown') {
      if (s.pcm.length < 12) return;
      if (s.pcm.toString('latin1', 0, 4) !== 'RIFF') s.header = 'none';
      else {
        const info = parseWavHeader(s.pcm);
        if (!info) return;
        s.pcm = s.pcm.subarray(info.dataOffset);
        s.header = 'done';
      }
    }
    this.flush(s, false);
  }

  /** Send finals for every `blocksPerFinal` whole blocks not reported yet (all whole blocks when `all`). */
  private flush(s: Stream, all: boolean): void {
    const whole = Math.floor(s.pcm.length / BLOCK_BYTES);
    while (whole - s.reported >= this.blocksPerFinal || (all && whole > s.reported)) {
      const from = s.reported;
      const to = Math.min(whole, from + this.blocksPerFinal);
      const label = s.finals++ % 2;
      const words = [];
      for (let j = from; j < to; j++) {
        const block = s.pcm.readInt16LE(j * BLOCK_BYTES);
        words.push({ word: `b${block}`, punctuated_word: `PHI-TEXT-b${block}`, start: j * BLOCK_SEC, end: (j + 1) * BLOCK_SEC, confidence: 0.9, speaker: label });
      }
      this.labels.set(s.pcm.readInt16LE(from * BLOCK_BYTES), label);
      s.conn.ws.send(results(words, false));
      s.conn.ws.send(results(words, true));
      s.reported = to;
    }
  }
}

function results(words: Array<{ punctuated_word: string; start: number; end: number }>, final: boolean): string {
  const start = words[0]!.start;
  const end = words[words.length - 1]!.end;
  return JSON.stringify({
    type: 'Results', channel_index: [0, 1], duration: end - start, start, is_final: final, speech_final: final, from_finalize: false,
    channel: { alternatives: [{ transcript: words.map((w) => w.punctuated_word).join(' '), confidence: 0.9, words }] },
    metadata: { request_id: 'stub', model_uuid: 'stub', model_info: { name: 'nova-3-medical', version: '1', arch: 'nova-3' } },
  });
}
