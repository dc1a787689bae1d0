export interface BatcherOptions {
  /** Most items in one call of `run`; more wait for the next call. */
  maxBatch?: number;
}

/**
 * An error that may be one item's fault: bad data (SQLSTATE class 22) or a violated constraint
 * (class 23). Anything else (a timeout, a lost connection) is the batch's, and running each item
 * again would only multiply the load on a database that is already struggling.
 */
const itemFault = (err: unknown) => /^2[23]/.test(String((err as { code?: unknown } | null)?.code ?? ''));

/**
 * Coalesces concurrent calls into batches: an item on an idle batcher is sent at the end of the
 * current event-loop turn (with whatever else arrived in that turn), and items that arrive while
 * a batch is in flight go together in the next one. One batch is in flight at a time, so under
 * load the batch grows instead of the number of round trips; at low load nothing waits longer
 * than one turn. An item only ever joins a batch that has not been sent yet, so a call made after
 * a commit sees that commit.
 *
 * `run` answers the items in order. If it fails for a batch of several with an error that may be
 * one item's fault (bad data, a violated constraint), each item is run alone, so one bad item
 * fails only its own caller; any other error (a timeout, the database is down) fails every caller
 * of the batch at once.
 */
export function createBatcher<I, O>(run: (items: I[]) => Promise<O[]>, opts: BatcherOptions = {}): (item: I) => Promise<O> {
  const maxBatch = opts.maxBatch ?? 500;
  const pending: { item: I; resolve: (o: O) => void; reject: (err: unknown) => void }[] = [];
  let inFlight = false;
  let scheduled = false;

  const runOne = (p: (typeof pending)[number]) => run([p.item]).then(([o]) => p.resolve(o as O), p.reject);
  const send = async () => {
    scheduled = false;
    const batch = pending.splice(0, maxBatch);
    inFlight = true;
    try {
      const out = await run(batch.map((p) => p.item));
      batch.forEach((p, i) => p.resolve(out[i] as O));
    } catch (err) {
      if (batch.length > 1 && itemFault(err)) await Promise.all(batch.map(runOne));
      else for (const p of batch) p.reject(err);
    } finally {
      inFlight = false;
      schedule();
    }
  };
  // At the end of the current turn, so the calls of this turn (or those that queued behind the
  // batch in flight) go together.
  function schedule() {
    if (scheduled || inFlight || pending.length === 0) return;
    scheduled = true;
    setImmediate(() => void send());
  }

  return (item) => new Promise<O>((resolve, reject) => {
    pending.push({ item, resolve, reject });
    schedule();
  });
}
