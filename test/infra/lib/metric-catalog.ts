import { createMetrics } from '@scribe/observability';

/** One series family the services expose, as declared in packages/observability/src/metrics.ts. */
export interface MetricInfo {
  name: string;
  type: string;
  help: string;
  labels: ReadonlySet<string>;
  /** Finite bucket upper bounds (histograms only). */
  buckets?: readonly number[];
}

/**
 * Labels every scraped series carries besides its own: the registry's default `service`
 * label and the target labels infra/prometheus/prometheus.yml adds.
 */
export const TARGET_LABELS: ReadonlySet<string> = new Set(['job', 'instance', 'namespace', 'pod', 'service']);

/** Prometheus' own series that rules may use. */
export const BUILTIN_METRICS: ReadonlyMap<string, MetricInfo> = new Map([
  ['up', { name: 'up', type: 'gauge', help: 'Prometheus: 1 if the last scrape of the target succeeded', labels: new Set<string>() }],
]);

/** prom-client keeps label names and bucket bounds on the instance; not in its types. */
interface MetricInternals {
  labelNames?: readonly string[];
  upperBounds?: readonly number[];
}

/**
 * The real registry's metric families (built by `createMetrics`, the function the services
 * call), so the catalogue cannot drift from the code. Throws if prom-client's internals
 * that carry label names and buckets move, rather than checking against nothing.
 */
export async function metricCatalog(): Promise<Map<string, MetricInfo>> {
  const { registry } = createMetrics('worker');
  const out = new Map<string, MetricInfo>();
  for (const m of await registry.getMetricsAsJSON()) {
    const inst = registry.getSingleMetric(m.name) as unknown as MetricInternals | undefined;
    if (!inst || !Array.isArray(inst.labelNames)) throw new Error(`prom-client internals changed: no labelNames on ${m.name}`);
    const type = String(m.type);
    if (type === 'histogram' && !Array.isArray(inst.upperBounds)) throw new Error(`prom-client internals changed: no upperBounds on ${m.name}`);
    out.set(m.name, {
      name: m.name,
      type,
      help: m.help,
      labels: new Set(inst.labelNames),
      ...(type === 'histogram' ? { buckets: (inst.upperBounds ?? []).filter((b) => Number.isFinite(b)) } : {}),
    });
  }
  return out;
}

/**
 * Resolve a series name used in PromQL to its family: `x_bucket`/`x_sum`/`x_count` of a
 * histogram `x`, or the name itself. `le` is a label of `_bucket` series only.
 */
export function resolveSeries(catalog: ReadonlyMap<string, MetricInfo>, series: string): { info: MetricInfo; labels: ReadonlySet<string> } | undefined {
  const direct = catalog.get(series) ?? BUILTIN_METRICS.get(series);
  if (direct && direct.type !== 'histogram') return { info: direct, labels: direct.labels };
  const m = /^(.*)_(bucket|sum|count)$/.exec(series);
  const base = m ? catalog.get(m[1] ?? '') : undefined;
  if (!m || !base || (base.type !== 'histogram' && base.type !== 'summary')) return undefined;
  return { info: base, labels: m[2] === 'bucket' ? new Set([...base.labels, 'le']) : base.labels };
}
