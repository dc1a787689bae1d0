import { configSchema, loadConfig, type Config } from '@scribe/config';
import { arr, obj, str, type Obj } from './files.ts';
import { at, containers, FAKE_SECRETS, PORT_KEY, podSpec, quantity, type K8sObject, type Manifests, type RepoFacts } from './k8s-index.ts';

const SERVICE_COMMAND = /^services\/([a-z0-9-]+)\/src\/main\.ts$/;
const MIGRATE_CLI = 'packages/db/src/migrate-cli.ts';
/** Seconds between the end of a graceful shutdown and SIGKILL. */
const GRACE_MARGIN_SEC = 5;

/** The environment a container starts with: envFrom sources in order, then `env`. */
export function effectiveEnv(m: Manifests, c: Obj): Record<string, string> {
  const env: Record<string, string> = {};
  const put = (k: string, v: unknown) => {
    env[k] = String(v).includes('REPLACE_ME') && FAKE_SECRETS[k] ? FAKE_SECRETS[k] : String(v);
  };
  for (const src of arr(c.envFrom).map(obj)) {
    const cm = str(obj(src.configMapRef).name);
    const sec = str(obj(src.secretRef).name);
    for (const [k, v] of Object.entries((cm && m.keyValues('ConfigMap', cm)) || (sec && m.keyValues('Secret', sec)) || {})) put(k, v);
  }
  for (const e of arr(c.env).map(obj)) {
    const name = str(e.name) ?? '';
    const ref = obj(obj(e.valueFrom).secretKeyRef);
    const cmRef = obj(obj(e.valueFrom).configMapKeyRef);
    if (typeof e.value === 'string') put(name, e.value);
    else if (str(ref.name)) put(name, m.keyValues('Secret', String(ref.name))?.[String(ref.key)] ?? '');
    else if (str(cmRef.name)) put(name, m.keyValues('ConfigMap', String(cmRef.name))?.[String(cmRef.key)] ?? '');
  }
  return env;
}

/** Problems with the env wiring of one container: names, ConfigMap/Secret references. */
function checkEnvRefs(o: K8sObject, c: Obj, m: Manifests, facts: RepoFacts): string[] {
  const p: string[] = [];
  for (const src of arr(c.envFrom).map(obj)) {
    const cm = str(obj(src.configMapRef).name);
    const sec = str(obj(src.secretRef).name);
    if (cm && !m.find('ConfigMap', cm)) p.push(`${at(o)}: envFrom ConfigMap ${cm} does not exist`);
    if (sec && !m.find('Secret', sec)) p.push(`${at(o)}: envFrom Secret ${sec} does not exist (not in the secret template)`);
  }
  for (const e of arr(c.env).map(obj)) {
    const name = str(e.name) ?? '';
    if (!facts.configKeys.has(name)) p.push(`${at(o)}: env ${name} is not a config variable (CONFIG_KEYS)`);
    const ref = obj(obj(e.valueFrom).secretKeyRef);
    if (str(ref.name)) {
      const keys = m.keyValues('Secret', String(ref.name));
      if (!keys) p.push(`${at(o)}: env ${name} reads Secret ${String(ref.name)}, which does not exist`);
      else if (!(String(ref.key) in keys)) p.push(`${at(o)}: env ${name} reads key ${String(ref.key)}, missing from Secret ${String(ref.name)}`);
    }
  }
  return p;
}

/** Non-root, read-only, resources, /tmp: what every pod of ours must have. */
function checkHardening(o: K8sObject, m: Manifests, facts: RepoFacts): string[] {
  const p: string[] = [];
  const spec = podSpec(o);
  const sc = obj(spec.securityContext);
  if (sc.runAsNonRoot !== true) p.push(`${at(o)}: securityContext.runAsNonRoot must be true`);
  if (sc.runAsUser !== facts.uid) p.push(`${at(o)}: runAsUser must be the image's uid ${facts.uid}`);
  if (sc.runAsGroup !== undefined && sc.runAsGroup !== facts.gid) p.push(`${at(o)}: runAsGroup must be the image's gid ${facts.gid}`);
  const volumes = new Map(arr(spec.volumes).map(obj).map((v) => [str(v.name) ?? '', v]));
  if (containers(o).length === 0) p.push(`${at(o)}: no containers`);
  for (const c of containers(o)) {
    const image = str(c.image) ?? '';
    // The tag sits after the last `/` (a registry may have a port); a digest pins too.
    const tag = image.includes('@sha256:') ? 'digest' : (image.split('/').pop() ?? '').split(':')[1];
    if (!tag || tag === 'latest' || /\s/.test(image)) p.push(`${at(o)}: image "${image}" must carry a fixed tag`);
    const csc = obj(c.securityContext);
    if (csc.allowPrivilegeEscalation !== false) p.push(`${at(o)}: allowPrivilegeEscalation must be false`);
    if (csc.readOnlyRootFilesystem !== true) p.push(`${at(o)}: readOnlyRootFilesystem must be true`);
    if (!arr(obj(csc.capabilities).drop).includes('ALL')) p.push(`${at(o)}: capabilities must drop ALL`);
    const res = obj(c.resources);
    for (const r of ['cpu', 'memory']) {
      const req = quantity(obj(res.requests)[r]);
      const lim = quantity(obj(res.limits)[r]);
      if (Number.isNaN(req) || Number.isNaN(lim)) p.push(`${at(o)}: resources.requests and limits need ${r}`);
      else if (req > lim) p.push(`${at(o)}: ${r} request exceeds its limit`);
    }
    const mounts = arr(c.volumeMounts).map(obj);
    for (const vm of mounts) if (!volumes.has(str(vm.name) ?? '')) p.push(`${at(o)}: volumeMount ${String(vm.name)} has no volume`);
    const tmp = mounts.find((vm) => vm.mountPath === '/tmp');
    if (!tmp || !('emptyDir' in (volumes.get(str(tmp.name) ?? '') ?? {}))) p.push(`${at(o)}: /tmp must be an emptyDir (the root filesystem is read-only)`);
    p.push(...checkEnvRefs(o, c, m, facts));
  }
  return p;
}

/** Seconds a `preStop: exec: sleep N` hook waits (0 without one). */
const preStopSeconds = (c: Obj): number => {
  const cmd = arr(obj(obj(obj(c.lifecycle).preStop).exec).command).map(String);
  return cmd[0] === 'sleep' ? Number(cmd[1] ?? 0) : 0;
};

/** Problems with one Deployment: command, selector, ports, probes, config, shutdown budget. */
function checkDeployment(o: K8sObject, m: Manifests, facts: RepoFacts, scaled: ReadonlySet<string>): string[] {
  const p: string[] = [];
  const spec = obj(o.value.spec);
  const tplLabels = obj(obj(obj(spec.template).metadata).labels);
  const sel = obj(obj(spec.selector).matchLabels);
  if (Object.keys(sel).length === 0) p.push(`${at(o)}: selector.matchLabels is empty`);
  for (const [k, v] of Object.entries(sel)) if (tplLabels[k] !== v) p.push(`${at(o)}: selector ${k}=${String(v)} does not match the pod template labels`);
  if (scaled.has(o.name) && spec.replicas !== undefined) p.push(`${at(o)}: sets replicas although an autoscaler owns them (every apply would reset the scale)`);
  for (const c of containers(o)) {
    const cmd = arr(c.command).map(String);
    const svc = SERVICE_COMMAND.exec(cmd[3] ?? '')?.[1];
    if (cmd.slice(0, 3).join(' ') !== 'node --import tsx' || !svc || cmd.length !== 4) {
      p.push(`${at(o)}: command must be node --import tsx services/<name>/src/main.ts (got ${cmd.join(' ')})`);
      continue;
    }
    if (!facts.fileExists(cmd[3] ?? '')) p.push(`${at(o)}: command runs ${cmd[3]}, which does not exist`);
    if (tplLabels['app.kubernetes.io/component'] !== svc) p.push(`${at(o)}: component label must be ${svc} (the service it runs)`);
    let config: Config;
    try {
      config = loadConfig(configSchema, effectiveEnv(m, c));
    } catch (err) {
      p.push(`${at(o)}: its environment fails the config schema: ${(err as Error).message.replace(/\s+/g, ' ')}`);
      continue;
    }
    if (config.HOST !== '0.0.0.0' && config.HOST !== '::') p.push(`${at(o)}: HOST=${config.HOST} is unreachable from probes and Services; use 0.0.0.0`);
    const portKey = PORT_KEY[svc];
    const want = portKey ? Number(config[portKey as keyof Config]) : Number.NaN;
    const ports = arr(c.ports).map(obj);
    const http = ports.find((pt) => pt.name === 'http');
    if (!http || http.containerPort !== want) p.push(`${at(o)}: needs a port named http = ${portKey} (${want})`);
    const resolve = (port: unknown) => (typeof port === 'string' ? ports.find((pt) => pt.name === port)?.containerPort : port);
    for (const [probe, path] of [['livenessProbe', '/healthz'], ['readinessProbe', '/readyz'], ['startupProbe', '/healthz']] as const) {
      const get = obj(obj(c[probe]).httpGet);
      if (probe === 'startupProbe' && c[probe] === undefined) continue;
      if (get.path !== path || resolve(get.port) !== want) p.push(`${at(o)}: ${probe} must GET ${path} on port ${want}`);
    }
    const grace = Number(podSpec(o).terminationGracePeriodSeconds ?? 30); // the Kubernetes default
    const needed = preStopSeconds(c) + config.SHUTDOWN_TIMEOUT_MS / 1000 + GRACE_MARGIN_SEC;
    if (grace < needed) p.push(`${at(o)}: terminationGracePeriodSeconds ${grace} < preStop ${preStopSeconds(c)} s + SHUTDOWN_TIMEOUT_MS ${config.SHUTDOWN_TIMEOUT_MS / 1000} s + ${GRACE_MARGIN_SEC} s`);
  }
  return p;
}

/** Problems with a Job: only the migration Job is expected. */
function checkJob(o: K8sObject, facts: RepoFacts): string[] {
  const p: string[] = [];
  const spec = obj(o.value.spec);
  if (typeof spec.backoffLimit !== 'number') p.push(`${at(o)}: needs backoffLimit`);
  if (typeof spec.ttlSecondsAfterFinished !== 'number') p.push(`${at(o)}: needs ttlSecondsAfterFinished`);
  if (!['Never', 'OnFailure'].includes(String(podSpec(o).restartPolicy))) p.push(`${at(o)}: restartPolicy must be Never or OnFailure`);
  for (const c of containers(o)) {
    const cmd = arr(c.command).map(String);
    if (cmd.join(' ') !== `node --import tsx ${MIGRATE_CLI}`) p.push(`${at(o)}: must run node --import tsx ${MIGRATE_CLI}`);
    if (!facts.fileExists(MIGRATE_CLI)) p.push(`${at(o)}: ${MIGRATE_CLI} does not exist`);
    if (!arr(c.env).map(obj).some((e) => e.name === 'DATABASE_URL') && arr(c.envFrom).length === 0) p.push(`${at(o)}: migrations need DATABASE_URL`);
  }
  return p;
}

/** Problems with every Deployment and Job. */
export function checkPods(m: Manifests, facts: RepoFacts): string[] {
  const scaled = new Set([
    ...m.ofKind('HorizontalPodAutoscaler').map((h) => str(obj(obj(h.value.spec).scaleTargetRef).name) ?? ''),
    ...m.ofKind('ScaledObject').map((s) => str(obj(obj(s.value.spec).scaleTargetRef).name) ?? ''),
  ]);
  return [
    ...m.ofKind('Deployment').flatMap((d) => [...checkHardening(d, m, facts), ...checkDeployment(d, m, facts, scaled)]),
    ...m.ofKind('Job').flatMap((j) => [...checkHardening(j, m, facts), ...checkJob(j, facts)]),
  ];
}
