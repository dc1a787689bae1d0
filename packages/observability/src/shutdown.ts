import type { Logger } from 'pino';

/** One step of a shutdown, run in order (stop intake, drain, then close pools). */
export interface ShutdownStep {
  name: string;
  run: () => Promise<void>;
}

export interface ShutdownOptions {
  logger: Logger;
  /** Hard limit for all steps together; past it the process exits 1 whatever is still running. */
  timeoutMs: number;
  steps: ShutdownStep[];
  /** Defaults to `process.exit`; tests pass their own. */
  exit?: (code: number) => void;
  /** What to log when the hard limit strikes, e.g. what is handed back and how. */
  onTimeout?: () => Record<string, unknown>;
}

/**
 * Run the shutdown steps once, in order, under a hard timeout. Exit 0 when every step finished,
 * 1 when one threw (the rest still run: pools must close) or the timeout struck. A second call
 * (a second SIGTERM) is ignored; the first one's timeout still applies.
 */
export function createShutdown(opts: ShutdownOptions): (signal: string) => Promise<void> {
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  let started = false;
  return async (signal) => {
    if (started) return;
    started = true;
    const t0 = Date.now();
    opts.logger.info({ signal, timeoutMs: opts.timeoutMs }, 'shutting down');
    let done = false;
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      opts.logger.error({ ms: Date.now() - t0, ...opts.onTimeout?.() }, 'shutdown timed out; exiting');
      exit(1);
    }, opts.timeoutMs);
    timer.unref();
    let failed = false;
    for (const step of opts.steps) {
      const s0 = Date.now();
      try {
        await step.run();
        opts.logger.info({ step: step.name, ms: Date.now() - s0 }, 'shutdown step done');
      } catch (err) {
        failed = true;
        opts.logger.error({ step: step.name, errType: (err as Error)?.name }, 'shutdown step failed');
      }
      if (done) return;
    }
    if (done) return;
    done = true;
    clearTimeout(timer);
    opts.logger.info({ ms: Date.now() - t0 }, 'shutdown complete');
    exit(failed ? 1 : 0);
  };
}

/** Call `shutdown` on SIGTERM and SIGINT. */
export function onShutdownSignals(shutdown: (signal: string) => Promise<void>): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void shutdown(signal));
}
