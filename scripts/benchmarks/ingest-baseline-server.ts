/**
 * Baseline for `scripts/bench ingest`: the least a WebSocket ingest can do. A bare `ws`
 * server that appends each binary frame's audio to one file per connection and acks the
 * frame's sequence number after the write completes (no fsync, no encryption, no database).
 * Prints its port on stdout.
 */
import { open, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocketServer } from 'ws';

const dir = await mkdtemp(join(tmpdir(), 'scribe-bench-baseline-'));
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
let n = 0;
wss.on('connection', (ws) => {
  const file = open(join(dir, `${n++}.pcm`), 'a');
  const queue: Buffer[] = [];
  let writing = false;
  // Writes in arrival order, one at a time per connection; ack after each write completes.
  const drain = async () => {
    writing = true;
    const fh = await file;
    for (let frame = queue.shift(); frame; frame = queue.shift()) {
      await fh.write(frame.subarray(4));
      ws.send(JSON.stringify({ type: 'ack', seq: frame.readUInt32BE(0) }));
    }
    writing = false;
  };
  ws.on('message', (data: Buffer, isBinary) => {
    if (!isBinary) return;
    queue.push(data);
    if (!writing) drain().catch(() => ws.terminate());
  });
  ws.on('close', () => void file.then((fh) => fh.close()).catch(() => {}));
});
wss.on('listening', () => console.log(JSON.stringify({ port: (wss.address() as { port: number }).port })));
const stop = () => wss.close(() => void rm(dir, { recursive: true, force: true }).then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
