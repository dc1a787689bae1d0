import { insertLiveFinals, type LiveFinal, type Queryable } from '@scribe/db';

/**
 * Stores one socket's live finals in the order they arrived: finals that come while an
 * insert runs are batched into the next one, so there is at most one insert in flight per
 * socket. A failed insert is reported (code only: the rows hold transcript text) and its
 * rows dropped: the live transcript is what the clinician saw, not the note's source, and
 * retrying against a failing database would only queue more PHI in memory.
 */
export class FinalSink {
  private queue: LiveFinal[] = [];
  private running: Promise<void> | null = null;
  stored = 0;

  constructor(
    private readonly pool: Queryable,
    private readonly target: { orgId: string; sessionId: string; engine: string; model: string },
    private readonly onFailure: (err: unknown, rows: number) => void,
  ) {}

  add(final: LiveFinal): void {
    this.queue.push(final);
    this.kick();
  }

  /** Resolves when every final added so far was stored (or dropped after a failure). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private kick(): void {
    if (this.running || this.queue.length === 0) return;
    // `running` is cleared only after the pump settled, then restarted if finals came meanwhile.
    this.running = this.pump().finally(() => {
      this.running = null;
      this.kick();
    });
  }

  private async pump(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0);
      try {
        const { orgId, sessionId, engine, model } = this.target;
        this.stored += await insertLiveFinals(this.pool, orgId, sessionId, { engine, model }, batch);
      } catch (err) {
        this.onFailure(err, batch.length);
      }
    }
  }
}
