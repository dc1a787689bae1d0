import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { arr, obj, readYaml, ROOT, str } from './lib/files.ts';
import type { RepoFacts } from './lib/k8s-index.ts';
import { repoFacts } from './lib/repo-facts.ts';
import { alertRules, checkRules } from './lib/rules-check.ts';

const PROM_DIR = resolve(ROOT, 'infra/prometheus');
const rules = readYaml(resolve(PROM_DIR, 'alerts.yml'));
const JOBS = { 'scribe-api': 3000, 'scribe-gateway': 3001, 'scribe-worker': 3002 } as const;
let facts: RepoFacts;
beforeAll(async () => {
  facts = await repoFacts();
});

const check = (doc: unknown) => checkRules(doc, facts.catalog, facts.vocab, facts.targetLabels);

describe('infra/prometheus/alerts.yml', () => {
  it('parses, uses only metrics the services define, and every alert has for, severity, summary', () => {
    expect(check(rules)).toEqual([]);
  });

  it('covers the required signals', () => {
    const exprs = alertRules(rules).map((a) => a.expr).join('\n');
    for (const needle of ['scribe_queue_oldest_waiting_seconds', 'scribe_stage_outcomes_total{outcome="failed"}', 'scribe_stage_duration_seconds_bucket', 'scribe_ws_ack_latency_seconds_bucket', 'up{']) {
      expect(exprs).toContain(needle);
    }
  });

  it('documents every alert in infra/README.md', () => {
    const readme = readFileSync(resolve(ROOT, 'infra/README.md'), 'utf8');
    const missing = alertRules(rules).filter((a) => !new RegExp(`^#+ ${a.alert}$`, 'm').test(readme)).map((a) => a.alert);
    expect(missing).toEqual([]);
  });

  // promtool (Debian package `prometheus`) checks PromQL syntax and runs alerts.test.yml.
  const promtool = spawnSync('promtool', ['--version']).status === 0;
  it.skipIf(!promtool)('passes promtool check rules and the rule unit tests', () => {
    execFileSync('promtool', ['check', 'rules', 'alerts.yml'], { cwd: PROM_DIR, stdio: 'pipe' });
    execFileSync('promtool', ['test', 'rules', 'alerts.test.yml'], { cwd: PROM_DIR, stdio: 'pipe' });
  });
});

describe('infra/prometheus scrape configs', () => {
  const configs = ['prometheus.yml', 'prometheus.compose.yml'].map((f) => [f, obj(readYaml(resolve(PROM_DIR, f)))] as const);

  it.each(configs)('%s scrapes /metrics of the three services and loads alerts.yml', (_f, cfg) => {
    expect(arr(cfg.rule_files)).toContain('alerts.yml');
    const jobs = arr(cfg.scrape_configs).map(obj);
    expect(jobs.map((j) => j.job_name).sort()).toEqual(Object.keys(JOBS).sort());
    for (const j of jobs) expect(j.metrics_path ?? '/metrics').toBe('/metrics');
  });

  it('compose targets are the compose services on their default ports', () => {
    const cfg = obj(configs[1]?.[1]);
    for (const j of arr(cfg.scrape_configs).map(obj)) {
      const name = str(j.job_name) as keyof typeof JOBS;
      const targets = arr(obj(arr(j.static_configs)[0]).targets);
      expect(targets).toEqual([`${name.replace('scribe-', '')}:${JOBS[name]}`]);
    }
  });

  it('kubernetes jobs keep the pods of the matching component on their `http` port', () => {
    const cfg = obj(configs[0]?.[1]);
    for (const j of arr(cfg.scrape_configs).map(obj)) {
      const keep = arr(j.relabel_configs).map(obj).find((r) => r.action === 'keep');
      expect(keep?.regex).toBe(`scribe;${String(j.job_name).replace('scribe-', '')};http`);
      expect(arr(keep?.source_labels)).toEqual(['__meta_kubernetes_pod_label_app_kubernetes_io_name', '__meta_kubernetes_pod_label_app_kubernetes_io_component', '__meta_kubernetes_pod_container_port_name']);
    }
  });
});

// Real mistakes the rule check must name.
describe('alert checks catch real mistakes', () => {
  const edit = (alert: string, fn: (r: Record<string, unknown>) => void) => {
    const copy = structuredClone(rules) as Record<string, unknown>;
    const rule = arr(obj(copy).groups).flatMap((g) => arr(obj(g).rules).map(obj)).find((r) => r.alert === alert);
    if (!rule) throw new Error(`no alert ${alert}`);
    fn(rule);
    return check(copy).join('\n');
  };
  it.each([
    ['a misspelt metric', 'ScribeQueueWaitTooLong', (r: Record<string, unknown>) => { r.expr = 'max by (queue) (scribe_queue_oldest_wait_seconds) > 120'; }, 'unknown metric scribe_queue_oldest_wait_seconds'],
    ['a label the metric lacks', 'ScribeQueueStalled', (r: Record<string, unknown>) => { r.expr = 'max(scribe_queue_oldest_waiting_seconds{stage="draft"}) > 300'; }, 'has no label stage'],
    ['a stage that does not exist', 'ScribeStageFailing', (r: Record<string, unknown>) => { r.expr = 'sum(rate(scribe_stage_outcomes_total{stage="drafting", outcome="failed"}[5m])) > 0'; }, 'stage="drafting" never occurs'],
    ['a threshold above the largest bucket', 'ScribeDraftLatencyP95High', (r: Record<string, unknown>) => { r.expr = 'histogram_quantile(0.95, sum by (le) (rate(scribe_draft_latency_seconds_bucket[30m]))) > 900'; }, 'threshold 900 is not below scribe_draft_latency_seconds_bucket'],
    ['a missing for', 'ScribeTargetDown', (r: Record<string, unknown>) => { delete r.for; }, 'needs a positive `for`'],
    ['a missing severity', 'ScribeServiceDown', (r: Record<string, unknown>) => { r.labels = {}; }, 'labels.severity'],
    ['a missing summary', 'ScribeGatewayAckLatencyHigh', (r: Record<string, unknown>) => { r.annotations = { ...obj(r.annotations), summary: '' }; }, 'annotations.summary missing'],
    ['an annotation printing an id label', 'ScribeStageFailureRateHigh', (r: Record<string, unknown>) => { r.annotations = { ...obj(r.annotations), description: 'session {{ $labels.session_id }} failed' }; }, 'prints {{ $labels.session_id }}'],
  ])('%s', (_name, alert, fn, expected) => {
    expect(edit(alert, fn)).toContain(expected);
  });
});
