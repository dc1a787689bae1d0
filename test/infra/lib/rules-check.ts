import { resolveSeries, type MetricInfo } from './metric-catalog.ts';
import { selectors, upperThresholds } from './promql.ts';
import { arr, obj, str } from './files.ts';

/** Known values per label: a matcher naming anything else matches nothing, silently. */
export type LabelVocabulary = Readonly<Record<string, ReadonlySet<string>>>;

/** Labels an annotation may print: kinds and places, never ids of sessions or people. */
const PRINTABLE_LABELS = new Set(['job', 'instance', 'pod', 'namespace', 'service', 'queue', 'stage']);
const TEMPLATE_OK = [
  /^\$value(\s*\|\s*(humanize|humanizeDuration|humanizePercentage))?$/,
  new RegExp(`^\\$labels\\.(${[...PRINTABLE_LABELS].join('|')})$`),
];
const SEVERITIES = new Set(['critical', 'warning', 'info']);

/** The alternatives of a matcher value when it is a plain `a|b|c` list, else undefined. */
const alternatives = (value: string): string[] | undefined => (/^[a-zA-Z0-9_-]+(\|[a-zA-Z0-9_-]+)*$/.test(value) ? value.split('|') : undefined);

/**
 * Problems with one PromQL expression: series that no service exposes, labels the series
 * does not have, label values that cannot occur, and `histogram_quantile` thresholds at or
 * above a histogram's largest finite bucket (such a comparison can never be true).
 */
export function checkExpr(where: string, expr: string, catalog: ReadonlyMap<string, MetricInfo>, vocab: LabelVocabulary, targetLabels: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  let sels;
  try {
    sels = selectors(expr);
  } catch (err) {
    return [`${where}: ${(err as Error).message}`];
  }
  if (sels.length === 0) problems.push(`${where}: references no metric`);
  for (const sel of sels) {
    if (sel.metric === '') {
      problems.push(`${where}: selector without a metric name`);
      continue;
    }
    const found = resolveSeries(catalog, sel.metric);
    if (!found) {
      problems.push(`${where}: unknown metric ${sel.metric} (not in packages/observability/src/metrics.ts, not a Prometheus built-in)`);
      continue;
    }
    for (const m of sel.matchers) {
      if (!found.labels.has(m.label) && !targetLabels.has(m.label)) problems.push(`${where}: ${sel.metric} has no label ${m.label}`);
      const known = vocab[m.label];
      const values = m.op === '=' ? [m.value] : m.op === '=~' ? alternatives(m.value) : undefined;
      for (const v of values ?? []) if (known && !known.has(v)) problems.push(`${where}: ${m.label}="${v}" never occurs (known: ${[...known].join(', ')})`);
    }
    const top = found.info.buckets ? Math.max(...found.info.buckets) : undefined;
    if (top !== undefined && sel.metric.endsWith('_bucket')) {
      for (const t of upperThresholds(expr)) {
        if (t >= top) problems.push(`${where}: threshold ${t} is not below ${sel.metric}'s largest bucket (${top}); a quantile of it can never exceed that`);
      }
    }
  }
  return problems;
}

/** A rule as read from a rules file. */
export interface AlertRule {
  group: string;
  alert: string;
  expr: string;
  labels: Record<string, unknown>;
  annotations: Record<string, unknown>;
  for?: string;
}

/** Every alerting rule of a Prometheus rules document. */
export function alertRules(doc: unknown): AlertRule[] {
  return arr(obj(doc).groups).flatMap((g) =>
    arr(obj(g).rules)
      .map(obj)
      .filter((r) => typeof r.alert === 'string')
      .map((r) => ({
        group: str(obj(g).name) ?? '',
        alert: String(r.alert),
        expr: str(r.expr) ?? '',
        labels: obj(r.labels),
        annotations: obj(r.annotations),
        ...(typeof r.for === 'string' ? { for: r.for } : {}),
      })),
  );
}

/**
 * Problems with a rules file: structure (groups, names), and per alert: a `for`, a
 * severity, a summary and description whose templates print only kind labels and the
 * value, a runbook anchor into infra/README.md, and a valid expression.
 */
export function checkRules(doc: unknown, catalog: ReadonlyMap<string, MetricInfo>, vocab: LabelVocabulary, targetLabels: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const groups = arr(obj(doc).groups);
  if (groups.length === 0) problems.push('rules: no groups');
  for (const g of groups) {
    if (!str(obj(g).name)) problems.push('rules: a group has no name');
    for (const r of arr(obj(g).rules).map(obj)) {
      if (typeof r.alert !== 'string' && typeof r.record !== 'string') problems.push(`rules: group ${String(obj(g).name)}: a rule is neither alert nor record`);
      if (typeof r.record === 'string') problems.push(...checkExpr(`record ${r.record}`, str(r.expr) ?? '', catalog, vocab, targetLabels));
    }
  }
  const seen = new Set<string>();
  for (const a of alertRules(doc)) {
    const at = `alert ${a.alert}`;
    if (seen.has(a.alert)) problems.push(`${at}: duplicate name`);
    seen.add(a.alert);
    if (!/^[A-Z][A-Za-z0-9]+$/.test(a.alert)) problems.push(`${at}: name is not PascalCase`);
    if (!a.for || !/^[1-9][0-9]*[smhdwy]$/.test(a.for)) problems.push(`${at}: needs a positive \`for\` duration`);
    if (!SEVERITIES.has(String(a.labels.severity))) problems.push(`${at}: labels.severity must be one of ${[...SEVERITIES].join(', ')}`);
    for (const key of ['summary', 'description']) {
      const text = str(a.annotations[key]);
      if (!text || text.trim() === '') problems.push(`${at}: annotations.${key} missing`);
      for (const m of (text ?? '').matchAll(/\{\{\s*(.*?)\s*\}\}/g)) {
        if (!TEMPLATE_OK.some((re) => re.test(m[1] ?? ''))) problems.push(`${at}: annotations.${key} prints {{ ${m[1]} }}: only $value and kind labels (${[...PRINTABLE_LABELS].join(', ')}) may appear`);
      }
    }
    if (a.annotations.runbook !== `infra/README.md#${a.alert.toLowerCase()}`) problems.push(`${at}: annotations.runbook must be infra/README.md#${a.alert.toLowerCase()}`);
    problems.push(...checkExpr(at, a.expr, catalog, vocab, targetLabels));
  }
  return problems;
}
