import { configSchema, loadConfig, type Config } from '@scribe/config';
import { arr, obj, str, type Obj } from './files.ts';
import { API_VERSIONS, at, containers, FAKE_SECRETS, quantity, type K8sObject, type Manifests, type RepoFacts } from './k8s-index.ts';
import { checkExpr } from './rules-check.ts';

/** apiVersion/kind/metadata.name on every object; one namespace for all namespaced ones. */
export function checkBasics(m: Manifests): string[] {
  const p: string[] = [];
  const ns = m.ofKind('Namespace')[0]?.name;
  if (!ns) p.push('no Namespace object');
  for (const o of m.objects) {
    if (!o.kind) p.push(`${o.file}: a document has no kind`);
    else if (!API_VERSIONS[o.kind]) p.push(`${at(o)}: kind ${o.kind} is not one the manifests should use`);
    else if (o.value.apiVersion !== API_VERSIONS[o.kind]) p.push(`${at(o)}: apiVersion must be ${API_VERSIONS[o.kind]}`);
    if (o.kind !== 'Kustomization' && !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(o.name)) p.push(`${at(o)}: metadata.name missing or not a DNS label`);
    const own = str(obj(o.value.metadata).namespace);
    const clusterScoped = o.kind === 'Namespace' || o.kind === 'Kustomization';
    if (!clusterScoped && own !== ns) p.push(`${at(o)}: metadata.namespace must be ${ns}`);
  }
  const seen = new Set<string>();
  for (const o of m.objects) {
    const key = `${o.kind}/${o.name}`;
    if (o.kind !== 'Kustomization' && seen.has(key)) p.push(`${at(o)}: defined twice`);
    seen.add(key);
  }
  return p;
}

/** Services select one Deployment and target ports its container declares. */
export function checkServices(m: Manifests): string[] {
  const p: string[] = [];
  for (const s of m.ofKind('Service')) {
    const spec = obj(s.value.spec);
    const targets = m.deploymentsSelectedBy(obj(spec.selector));
    if (targets.length !== 1) {
      p.push(`${at(s)}: selector matches ${targets.length} Deployments (want exactly 1)`);
      continue;
    }
    const ports = containers(targets[0] as K8sObject).flatMap((c) => arr(c.ports).map(obj));
    for (const port of arr(spec.ports).map(obj)) {
      const t = port.targetPort ?? port.port;
      const ok = typeof t === 'string' ? ports.some((cp) => cp.name === t) : ports.some((cp) => cp.containerPort === t);
      if (!ok) p.push(`${at(s)}: targetPort ${String(t)} is not a container port of ${targets[0]?.name}`);
    }
    if (spec.sessionAffinity !== undefined && spec.sessionAffinity !== 'None') p.push(`${at(s)}: no session affinity: clients resume by lastSeq on any pod`);
  }
  return p;
}

/** PDBs select a Deployment; HPAs and ScaledObjects scale an existing one sensibly. */
export function checkScaling(m: Manifests, facts: RepoFacts): string[] {
  const p: string[] = [];
  const pdbTargets = new Set<string>();
  for (const b of m.ofKind('PodDisruptionBudget')) {
    const spec = obj(b.value.spec);
    const targets = m.deploymentsSelectedBy(obj(obj(spec.selector).matchLabels));
    if (targets.length === 0) p.push(`${at(b)}: selector matches no Deployment`);
    targets.forEach((t) => pdbTargets.add(t.name));
    if (spec.minAvailable === undefined && spec.maxUnavailable === undefined) p.push(`${at(b)}: needs minAvailable or maxUnavailable`);
  }
  const target = (o: K8sObject): K8sObject | undefined => {
    const ref = obj(obj(o.value.spec).scaleTargetRef);
    const kind = str(ref.kind) ?? 'Deployment';
    const d = kind === 'Deployment' ? m.find('Deployment', str(ref.name) ?? '') : undefined;
    if (!d) p.push(`${at(o)}: scaleTargetRef ${kind}/${String(ref.name)} does not exist`);
    return d;
  };
  for (const h of m.ofKind('HorizontalPodAutoscaler')) {
    const spec = obj(h.value.spec);
    const d = target(h);
    const min = Number(spec.minReplicas ?? 1);
    if (!(min <= Number(spec.maxReplicas))) p.push(`${at(h)}: minReplicas must not exceed maxReplicas`);
    if (d && pdbTargets.has(d.name) && min < 2) p.push(`${at(h)}: minReplicas ${min} with a PodDisruptionBudget blocks node drains; use at least 2`);
    for (const metric of arr(spec.metrics).map(obj)) {
      const res = obj(metric.resource);
      const noRequest = d && containers(d).some((c) => Number.isNaN(quantity(obj(obj(c.resources).requests)[String(res.name)])));
      if (metric.type === 'Resource' && noRequest) p.push(`${at(h)}: scales on ${String(res.name)} utilisation but ${d?.name} has no ${String(res.name)} request`);
    }
    if (arr(spec.metrics).length === 0) p.push(`${at(h)}: no metrics`);
  }
  for (const so of m.ofKind('ScaledObject')) {
    const spec = obj(so.value.spec);
    target(so);
    if (!(Number(spec.minReplicaCount ?? 0) <= Number(spec.maxReplicaCount ?? 100))) p.push(`${at(so)}: minReplicaCount must not exceed maxReplicaCount`);
    const triggers = arr(spec.triggers).map(obj);
    if (triggers.length === 0) p.push(`${at(so)}: no triggers`);
    for (const t of triggers) {
      const md = obj(t.metadata);
      if (t.type !== 'prometheus') continue;
      if (!/^\d+(\.\d+)?$/.test(String(md.threshold))) p.push(`${at(so)}: threshold must be a number in a string`);
      p.push(...checkExpr(`${at(so)} query`, str(md.query) ?? '', facts.catalog, facts.vocab, facts.targetLabels));
    }
  }
  return p;
}

/** Operator-only endpoints: reachable inside the cluster, never through an Ingress. */
const INTERNAL_PATHS = ['/metrics', '/admin/queues', '/readyz'];

/** Ingress backends exist, hosts match the public URLs, and WebSockets outlive the gateway's idle timeout. */
export function checkIngresses(m: Manifests, configMapName: string, secretName: string): string[] {
  const p: string[] = [];
  const env = { ...(m.keyValues('Secret', secretName) ?? {}), ...FAKE_SECRETS, ...(m.keyValues('ConfigMap', configMapName) ?? {}) };
  let config: Config;
  try {
    config = loadConfig(configSchema, Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)])));
  } catch {
    return m.ofKind('Ingress').length > 0 ? [`Ingress: cannot read the public URLs: ConfigMap ${configMapName} fails the config schema`] : [];
  }
  const hostOf: Record<string, string> = {
    'scribe-api': new URL(config.PUBLIC_API_URL).host,
    'scribe-gateway': new URL(config.PUBLIC_GATEWAY_URL).host,
  };
  for (const ing of m.ofKind('Ingress')) {
    const ann = obj(obj(ing.value.metadata).annotations);
    for (const rule of arr(obj(ing.value.spec).rules).map(obj)) {
      for (const path of arr(obj(rule.http).paths).map(obj)) {
        const prefix = String(path.path ?? '/');
        for (const internal of INTERNAL_PATHS) {
          const exposed = path.pathType === 'Exact' ? prefix === internal : internal === prefix || internal.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
          if (exposed) p.push(`${at(ing)}: path ${prefix} exposes ${internal} publicly`);
        }
        const svc: Obj = obj(obj(path.backend).service);
        const s = m.find('Service', str(svc.name) ?? '');
        const port = obj(svc.port);
        if (!s) {
          p.push(`${at(ing)}: backend Service ${String(svc.name)} does not exist`);
          continue;
        }
        const sPorts = arr(obj(s.value.spec).ports).map(obj);
        if (!sPorts.some((sp) => (port.name !== undefined ? sp.name === port.name : sp.port === port.number))) p.push(`${at(ing)}: Service ${s.name} has no port ${String(port.name ?? port.number)}`);
        const want = hostOf[s.name];
        if (want && rule.host !== want) p.push(`${at(ing)}: host ${String(rule.host)} for ${s.name} must match its public URL host ${want}`);
        if (s.name === 'scribe-gateway') {
          const timeout = Number(ann['nginx.ingress.kubernetes.io/proxy-read-timeout'] ?? 60);
          if (!(timeout > config.STREAM_IDLE_TIMEOUT_SEC)) p.push(`${at(ing)}: proxy-read-timeout ${timeout} s would cut idle WebSockets before STREAM_IDLE_TIMEOUT_SEC (${config.STREAM_IDLE_TIMEOUT_SEC} s)`);
        }
      }
    }
  }
  return p;
}
