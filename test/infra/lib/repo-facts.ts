import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONFIG_KEYS } from '@scribe/config';
import { STAGES, WEBHOOK_QUEUE } from '@scribe/queue';
import { arr, obj, readYaml, repoFileExists, ROOT, str } from './files.ts';
import type { RepoFacts } from './k8s-index.ts';
import { metricCatalog, TARGET_LABELS } from './metric-catalog.ts';

/** BullMQ job states a queue gauge can report. */
const JOB_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized', 'paused', 'waiting-children'];

/** The image's uid and gid, from the Dockerfile's `useradd`/`groupadd`. */
export function dockerfileUser(dockerfile: string): { uid: number; gid: number; user: string } {
  const uid = Number(/useradd[^\n]*--uid\s+(\d+)/.exec(dockerfile)?.[1]);
  const gid = Number(/groupadd[^\n]*--gid\s+(\d+)/.exec(dockerfile)?.[1] ?? uid);
  const user = /^USER\s+(\S+)/m.exec(dockerfile)?.[1] ?? '';
  return { uid, gid, user };
}

/**
 * Everything the manifests and rules are checked against, read from the code: config
 * keys, the metrics registry, queue and stage names, scrape job names, the image user.
 */
export async function repoFacts(): Promise<RepoFacts> {
  const catalog = await metricCatalog();
  // The outcome values are listed in the counter's help text, e.g. "(completed, retry, failed, skipped)".
  const outcomesHelp = catalog.get('scribe_stage_outcomes_total')?.help ?? '';
  const outcomes = /\(([^)]+)\)/.exec(outcomesHelp)?.[1]?.split(/,\s*/);
  if (!outcomes) throw new Error('scribe_stage_outcomes_total help no longer lists its outcomes');
  const prom = obj(readYaml(resolve(ROOT, 'infra/prometheus/prometheus.yml')));
  const jobs = arr(prom.scrape_configs).map((s) => str(obj(s).job_name) ?? '');
  const { uid, gid } = dockerfileUser(readFileSync(resolve(ROOT, 'Dockerfile'), 'utf8'));
  return {
    configKeys: new Set<string>(CONFIG_KEYS),
    fileExists: repoFileExists,
    uid,
    gid,
    catalog,
    targetLabels: TARGET_LABELS,
    vocab: {
      stage: new Set<string>(STAGES),
      queue: new Set<string>([...STAGES, WEBHOOK_QUEUE]),
      outcome: new Set(outcomes),
      state: new Set(JOB_STATES),
      job: new Set(jobs),
      namespace: new Set(['scribe']),
    },
  };
}
