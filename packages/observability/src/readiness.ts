/** A dependency `/readyz` must reach (Postgres, Redis, storage). */
export interface ReadinessCheck {
  name: string;
  check: () => Promise<boolean>;
}

export interface ReadinessReport {
  status: 'ok' | 'unavailable';
  checks: Record<string, 'ok' | 'down'>;
}

/** Run every check concurrently; a throwing or slow (>2 s) check counts as down. */
export async function runReadiness(checks: ReadinessCheck[], timeoutMs = 2_000): Promise<ReadinessReport> {
  const results = await Promise.all(
    checks.map(async (c) => {
      const ok = await Promise.race([
        c.check().catch(() => false),
        new Promise<boolean>((resolve) => setTimeout(resolve, timeoutMs, false).unref()),
      ]);
      return [c.name, ok ? 'ok' : 'down'] as const;
    }),
  );
  return { status: results.every(([, v]) => v === 'ok') ? 'ok' : 'unavailable', checks: Object.fromEntries(results) };
}
