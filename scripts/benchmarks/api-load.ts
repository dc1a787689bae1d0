/**
 * Load generator for `scripts/bench api`: a closed loop of N keep-alive HTTP/1.1 connections,
 * each sending the same GET as soon as the previous response has fully arrived, for a fixed
 * time. Written on raw sockets with a minimal response parser (status line, Content-Length,
 * body) rather than `http`/`fetch`, because the client shares the machine's two cores with the
 * servers: the less CPU it burns per request, the less it limits the baseline it measures.
 * Only loopback; it stops by itself when the time is up.
 */
import { connect, type Socket } from 'node:net';

export interface HttpLoadOptions {
  port: number;
  /** The path connection `i` requests (each connection repeats its own). */
  path: (i: number) => string;
  headers: Record<string, string>;
  connections: number;
  seconds: number;
}

export interface HttpLoadResult {
  /** Latency of every completed request in ms, sorted ascending. */
  latenciesMs: number[];
  /** Completed requests by status code. */
  statuses: Record<number, number>;
  /** 200s whose body length differed from the connection's first 200 (a changed or truncated body). */
  sizeMismatches: number;
  /** Socket errors and unexpected closes. */
  errors: string[];
  /** From the first request sent to the last response received. */
  elapsedSec: number;
  /** CPU seconds (user + system) this process used while the load ran. */
  clientCpuSec: number;
}

const HEADER_END = Buffer.from('\r\n\r\n');

/** Run the load and resolve when every connection has received its last response. */
export function runHttpLoad(o: HttpLoadOptions): Promise<HttpLoadResult> {
  const headers = Object.entries(o.headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const errors: string[] = [];
  let sizeMismatches = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const deadline = t0 + o.seconds * 1000;
  let tLast = t0;

  const one = (_: unknown, i: number) => new Promise<void>((resolve) => {
    const request = Buffer.from(`GET ${o.path(i)} HTTP/1.1\r\nhost: 127.0.0.1:${o.port}\r\nconnection: keep-alive\r\n${headers}\r\n`);
    let bodyBytes = -1;
    let socket: Socket;
    let buf: Buffer = Buffer.alloc(0);
    let sentAt = 0;
    let status = 0;
    let need = -1; // total bytes (headers + body) of the response being read; -1 until headers parse
    let done = false;

    const finish = () => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve();
    };
    const send = () => {
      sentAt = performance.now();
      socket.write(request);
    };
    const open = () => {
      socket = connect({ host: '127.0.0.1', port: o.port, noDelay: true }, send);
      socket.on('data', (chunk: Buffer) => {
        buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
        if (need < 0) {
          const end = buf.indexOf(HEADER_END);
          if (end < 0) return;
          const head = buf.toString('latin1', 0, end);
          status = Number(head.slice(9, 12));
          const m = /\r\ncontent-length:\s*(\d+)/i.exec(head);
          if (!m) {
            errors.push('response without content-length');
            return finish();
          }
          need = end + 4 + Number(m[1]);
        }
        if (buf.length < need) return;
        const now = performance.now();
        latencies.push(now - sentAt);
        tLast = now;
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status === 200) {
          const size = need - buf.indexOf(HEADER_END) - 4;
          if (bodyBytes < 0) bodyBytes = size;
          else if (size !== bodyBytes) sizeMismatches++;
        }
        if (buf.length > need) errors.push('bytes after the response');
        buf = Buffer.alloc(0);
        need = -1;
        if (now < deadline) send();
        else finish();
      });
      socket.on('error', (err) => errors.push(err.message));
      socket.on('close', () => {
        if (done) return;
        // The server closed a kept-alive connection: reconnect while there is time, as a client would.
        if (need >= 0 || buf.length) errors.push('connection closed mid-response');
        buf = Buffer.alloc(0);
        need = -1;
        if (performance.now() < deadline) open();
        else finish();
      });
    };
    open();
  });

  return Promise.all(Array.from({ length: o.connections }, one)).then(() => {
    const cpu = process.cpuUsage(cpu0);
    latencies.sort((a, b) => a - b);
    return {
      latenciesMs: latencies, statuses, sizeMismatches, errors,
      elapsedSec: (tLast - t0) / 1000, clientCpuSec: (cpu.user + cpu.system) / 1e6,
    };
  });
}
