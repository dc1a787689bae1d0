import { arr, obj, str, type Obj, type YamlDoc } from './files.ts';
import type { MetricInfo } from './metric-catalog.ts';
import type { LabelVocabulary } from './rules-check.ts';

/** One Kubernetes object from infra/k8s. */
export interface K8sObject {
  file: string;
  kind: string;
  name: string;
  value: Obj;
}

/** What the manifests are checked against: the repository, not the manifests themselves. */
export interface RepoFacts {
  configKeys: ReadonlySet<string>;
  /** Does this repository-relative path exist? */
  fileExists: (repoPath: string) => boolean;
  /** The image's user and group (Dockerfile). */
  uid: number;
  gid: number;
  catalog: ReadonlyMap<string, MetricInfo>;
  vocab: LabelVocabulary;
  targetLabels: ReadonlySet<string>;
}

/** The manifests, indexed; plus where each problem message points. */
export class Manifests {
  readonly objects: K8sObject[];
  constructor(docs: YamlDoc[]) {
    this.objects = docs.map((d) => {
      const value = obj(d.value);
      return { file: d.file, kind: str(value.kind) ?? '', name: str(obj(value.metadata).name) ?? '', value };
    });
  }
  ofKind(kind: string): K8sObject[] {
    return this.objects.filter((o) => o.kind === kind);
  }
  find(kind: string, name: string): K8sObject | undefined {
    return this.objects.find((o) => o.kind === kind && o.name === name);
  }
  /** ConfigMap data or Secret stringData/data (decoded) by object name. */
  keyValues(kind: 'ConfigMap' | 'Secret', name: string): Record<string, unknown> | undefined {
    const o = this.find(kind, name);
    if (!o) return undefined;
    if (kind === 'ConfigMap') return obj(o.value.data);
    const decoded = Object.fromEntries(Object.entries(obj(o.value.data)).map(([k, v]) => [k, Buffer.from(String(v), 'base64').toString('utf8')]));
    return { ...decoded, ...obj(o.value.stringData) };
  }
  /** Deployments whose pod template carries every label of `selector`. */
  deploymentsSelectedBy(selector: Obj): K8sObject[] {
    const want = Object.entries(selector);
    if (want.length === 0) return [];
    return this.ofKind('Deployment').filter((d) => {
      const labels = obj(obj(obj(obj(d.value.spec).template).metadata).labels);
      return want.every(([k, v]) => labels[k] === v);
    });
  }
}

export const at = (o: K8sObject): string => `${o.file} ${o.kind}/${o.name}`;

/** The pod spec of a Deployment or Job. */
export const podSpec = (o: K8sObject): Obj => obj(obj(obj(o.value.spec).template).spec);
export const containers = (o: K8sObject): Obj[] => arr(podSpec(o).containers).map(obj);

/** Kubernetes quantity to a number (cores for CPU, bytes for memory). */
export function quantity(v: unknown): number {
  const s = String(v);
  const m = /^([0-9.]+)(m|Ki|Mi|Gi|Ti|k|K|M|G|T)?$/.exec(s);
  if (!m) return Number.NaN;
  const n = Number(m[1]);
  const unit = m[2] ?? '';
  const factor: Record<string, number> = { '': 1, m: 1e-3, k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };
  return n * (factor[unit] ?? Number.NaN);
}

/** API version per kind the manifests may use; anything else is a typo or an unreviewed kind. */
export const API_VERSIONS: Readonly<Record<string, string>> = {
  Namespace: 'v1',
  ServiceAccount: 'v1',
  ConfigMap: 'v1',
  Secret: 'v1',
  Service: 'v1',
  Deployment: 'apps/v1',
  Job: 'batch/v1',
  PodDisruptionBudget: 'policy/v1',
  HorizontalPodAutoscaler: 'autoscaling/v2',
  Ingress: 'networking.k8s.io/v1',
  ScaledObject: 'keda.sh/v1alpha1',
  Kustomization: 'kustomize.config.k8s.io/v1beta1',
};

/** The config variable holding each service's listening port (packages/config). */
export const PORT_KEY: Readonly<Record<string, string>> = { api: 'API_PORT', gateway: 'GATEWAY_PORT', worker: 'WORKER_METRICS_PORT' };

/** Secrets the services need (from the deployment brief); the Secret template must name each. */
export const SECRET_KEYS = ['STREAM_TOKEN_SECRET', 'AUDIO_KEK', 'DATABASE_URL', 'REDIS_URL', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'DEEPGRAM_API_KEY', 'OPENAI_API_KEY'] as const;

/**
 * Stand-ins for placeholder secrets whose format the config validates, so the effective
 * environment of a pod can be run through the real config schema.
 */
export const FAKE_SECRETS: Readonly<Record<string, string>> = {
  STREAM_TOKEN_SECRET: 'f'.repeat(48),
  AUDIO_KEK: Buffer.alloc(32, 7).toString('base64'),
};
