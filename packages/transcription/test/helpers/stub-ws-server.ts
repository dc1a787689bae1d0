import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** What a client sent on one connection: the upgrade request, then its frames. */
export interface Connection {
  url: URL;
  headers: IncomingHttpHeaders;
  ws: WebSocket;
  binary: Buffer[];
  text: unknown[];
}

/**
 * A local WebSocket server standing in for a streaming vendor in contract tests. It records
 * each upgrade (path, query, headers) and every frame; `refuseWith` answers the upgrade with an
 * HTTP status instead; `onConnection` scripts the server's side.
 */
export class StubWsServer {
  readonly connections: Connection[] = [];
  refuseWith: { status: number; headers?: Record<string, string> } | undefined;
  onConnection: (c: Connection) => void = () => undefined;
  onText: (c: Connection, message: Record<string, unknown>) => void = () => undefined;
  private readonly server: Server;
  private readonly wss = new WebSocketServer({ noServer: true });

  constructor() {
    this.server = createServer();
    this.server.on('upgrade', (req, socket, head) => {
      if (this.refuseWith) {
        const extra = Object.entries(this.refuseWith.headers ?? {}).map(([k, v]) => `${k}: ${v}\r\n`).join('');
        socket.end(`HTTP/1.1 ${this.refuseWith.status} Refused\r\n${extra}Content-Length: 0\r\nConnection: close\r\n\r\n`);
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        const c: Connection = { url: new URL(req.url ?? '/', 'http://stub'), headers: req.headers, ws, binary: [], text: [] };
        this.connections.push(c);
        ws.on('message', (data: Buffer, isBinary: boolean) => {
          if (isBinary) return void c.binary.push(Buffer.from(data));
          const message = JSON.parse(data.toString()) as Record<string, unknown>;
          c.text.push(message);
          this.onText(c, message);
        });
        this.onConnection(c);
      });
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const c of this.wss.clients) c.terminate();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Poll until `check` holds (or fail after `ms`). */
export async function waitFor(check: () => boolean, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
