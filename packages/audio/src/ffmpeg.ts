import { spawn } from 'node:child_process';
import { AudioError } from './errors.ts';
import type { SourceFormat } from './format.ts';

export interface DecodeOptions {
  /** ffmpeg binary (default `ffmpeg` on PATH; scripts install it from Debian's `ffmpeg` package). */
  ffmpegPath?: string;
  /** Output sample rate (default 16000) and channels (default 1). */
  sampleRate?: number;
  channels?: number;
  signal?: AbortSignal;
}

export interface DecodeResult {
  /** Bytes of 16-bit PCM produced. */
  outputBytes: number;
  /** The input ended inside a frame or cluster (ffmpeg decoded up to the cut). */
  truncated: boolean;
}

/** ffmpeg's demuxer for each encoding, so garbage is refused instead of probed as anything. */
function inputArgs(src: SourceFormat): string[] {
  switch (src.encoding) {
    case 'pcm_s16le':
      return ['-f', 's16le', '-ar', String(src.sampleRate ?? 16000), '-ac', String(src.channels ?? 1), '-i', 'pipe:0'];
    case 'wav':
      return ['-f', 'wav', '-i', 'pipe:0'];
    case 'webm_opus':
      return ['-f', 'webm', '-i', 'pipe:0'];
    case 'ogg_opus':
      return ['-f', 'ogg', '-i', 'pipe:0'];
  }
}

/**
 * Decode audio to 16-bit little-endian PCM (16 kHz mono by default) with ffmpeg, streaming
 * the output to `sink`. The input is fed from a buffer or an async iterable with
 * backpressure, so memory stays bounded. A WebM must start with its EBML header chunk:
 * a continuation chunk alone is refused (UNDECODABLE_AUDIO). A truncated file decodes up to
 * the cut and reports `truncated`.
 */
export async function decodeToPcm(
  input: Buffer | AsyncIterable<Buffer>,
  src: SourceFormat,
  sink: (pcm: Buffer) => void,
  opts: DecodeOptions = {},
): Promise<DecodeResult> {
  const args = [
    '-hide_banner', '-loglevel', 'error',
    ...inputArgs(src),
    '-vn', '-f', 's16le', '-c:a', 'pcm_s16le', '-ar', String(opts.sampleRate ?? 16000), '-ac', String(opts.channels ?? 1),
    'pipe:1',
  ];
  const child = spawn(opts.ffmpegPath ?? 'ffmpeg', args, { stdio: ['pipe', 'pipe', 'pipe'], signal: opts.signal });
  let outputBytes = 0;
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    outputBytes += chunk.length;
    sink(chunk);
  });
  child.stderr.on('data', (chunk: Buffer) => {
    // Keep only the tail: enough to classify the failure, never an unbounded buffer.
    stderr = (stderr + chunk.toString('utf8')).slice(-4096);
  });
  // ffmpeg exits early on garbage; writes after that fail with EPIPE, which is expected.
  child.stdin.on('error', () => {});

  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') reject(new AudioError('FFMPEG_UNAVAILABLE', 'ffmpeg is not installed (apt-get install ffmpeg)'));
      else reject(err);
    });
    child.once('close', (code) => resolve(code));
  });

  const feed = (async () => {
    const chunks = Buffer.isBuffer(input) ? [input] : input;
    for await (const chunk of chunks) {
      if (child.stdin.destroyed || child.exitCode !== null) break;
      if (!child.stdin.write(chunk)) {
        await new Promise<void>((resolve) => {
          const done = () => { child.stdin.off('drain', done); child.stdin.off('close', done); resolve(); };
          child.stdin.once('drain', done);
          child.stdin.once('close', done);
        });
      }
    }
    child.stdin.end();
  })();

  const [code] = await Promise.all([exited, feed.catch((err) => { child.kill('SIGKILL'); throw err; })]);
  if (code !== 0) {
    // The stderr tail names the demuxer's complaint (e.g. "EBML header parsing failed"), never sample data.
    const reason = /EBML header parsing failed/.test(stderr) ? 'no WebM header (a continuation chunk cannot be decoded alone)'
      : /Invalid data found/.test(stderr) ? 'the data is not in the declared format'
      : `ffmpeg exited with ${code}`;
    throw new AudioError('UNDECODABLE_AUDIO', `Audio could not be decoded: ${reason}`);
  }
  return { outputBytes, truncated: /ended prematurely|Truncat|invalid frame size|Packet corrupt/i.test(stderr) };
}
