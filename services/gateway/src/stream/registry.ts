import type { AudioConnection } from './connection.ts';

/**
 * The audio sockets this process holds: one per session (a newer socket for the same
 * session supersedes the older one here; the storage epoch enforces it across processes),
 * and the list a graceful shutdown drains.
 */
export class ConnectionRegistry {
  private readonly bySession = new Map<string, AudioConnection>();

  add(conn: AudioConnection): void {
    const prior = this.bySession.get(conn.sessionId);
    this.bySession.set(conn.sessionId, conn);
    if (prior && prior !== conn) prior.supersede();
  }

  remove(conn: AudioConnection): void {
    if (this.bySession.get(conn.sessionId) === conn) this.bySession.delete(conn.sessionId);
  }

  get size(): number {
    return this.bySession.size;
  }

  /** Drain every socket: stop intake, make held frames durable and acked, close 1001. */
  async shutdown(): Promise<void> {
    await Promise.all([...this.bySession.values()].map((c) => c.shutdown()));
  }
}
