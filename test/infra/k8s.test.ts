import { beforeAll, describe, expect, it } from 'vitest';
import { obj, arr, type Obj, type YamlDoc } from './lib/files.ts';
import type { RepoFacts } from './lib/k8s-index.ts';
import { checkAllK8s, loadK8sDocs } from './lib/k8s-load.ts';
import { repoFacts } from './lib/repo-facts.ts';

let facts: RepoFacts;
let files: string[];
let docs: YamlDoc[];
beforeAll(async () => {
  facts = await repoFacts();
  ({ files, docs } = loadK8sDocs());
});

/** A deep copy of the manifests with one object changed by `edit`. */
function mutate(kind: string, name: string, edit: (o: Obj) => void): YamlDoc[] {
  const copy = structuredClone(docs);
  const target = copy.find((d) => obj(d.value).kind === kind && obj(obj(d.value).metadata).name === name);
  if (!target) throw new Error(`no ${kind}/${name} to mutate`);
  edit(obj(target.value));
  return copy;
}
const podOf = (o: Obj) => obj(obj(obj(o.spec).template).spec);
const firstContainer = (o: Obj) => obj(arr(podOf(o).containers)[0]);
const problemsOf = (d: YamlDoc[]) => checkAllK8s(d, files, facts);

describe('infra/k8s manifests', () => {
  it('parse as YAML and hold the expected objects', () => {
    const kinds = docs.map((d) => `${String(obj(d.value).kind)}/${String(obj(obj(d.value).metadata).name ?? '')}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'Namespace/scribe', 'ConfigMap/scribe-config', 'Secret/scribe-secrets', 'Job/scribe-migrate', 'ScaledObject/scribe-worker',
        ...['api', 'gateway', 'worker'].map((s) => `Deployment/scribe-${s}`),
        ...['api', 'gateway'].flatMap((s) => [`Service/scribe-${s}`, `PodDisruptionBudget/scribe-${s}`, `HorizontalPodAutoscaler/scribe-${s}`, `Ingress/scribe-${s}`]),
      ]),
    );
  });

  it('pass every structural check (schema, references, ports, probes, config, hardening)', () => {
    expect(problemsOf(docs)).toEqual([]);
  });
});

// Each case is a real mistake; the checks must name it. These prove the suite can fail.
describe('infra/k8s checks catch real mistakes', () => {
  const cases: [string, () => YamlDoc[], string][] = [
    ['a typo in a ConfigMap variable', () => mutate('ConfigMap', 'scribe-config', (o) => { obj(o.data).STORAGE_DRIVR = 's3'; }), 'STORAGE_DRIVR is not a config variable'],
    ['a typo in a container env name', () => mutate('Deployment', 'scribe-gateway', (o) => { arr(firstContainer(o).env).push({ name: 'SHUTDOWN_TIMEOUT', value: '1' }); }), 'env SHUTDOWN_TIMEOUT is not a config variable'],
    ['a wrong container port', () => mutate('Deployment', 'scribe-api', (o) => { obj(arr(firstContainer(o).ports)[0]).containerPort = 8080; }), 'needs a port named http = API_PORT (3000)'],
    ['a probe on the wrong path', () => mutate('Deployment', 'scribe-worker', (o) => { obj(obj(firstContainer(o).readinessProbe).httpGet).path = '/ready'; }), 'readinessProbe must GET /readyz'],
    ['a command to a missing file', () => mutate('Deployment', 'scribe-worker', (o) => { firstContainer(o).command = ['node', '--import', 'tsx', 'services/workers/src/main.ts']; }), 'services/workers/src/main.ts, which does not exist'],
    ['a Service targeting a port the pod lacks', () => mutate('Service', 'scribe-gateway', (o) => { obj(arr(obj(o.spec).ports)[0]).targetPort = 'ws'; }), 'targetPort ws is not a container port'],
    ['an HPA scaling a missing Deployment', () => mutate('HorizontalPodAutoscaler', 'scribe-api', (o) => { obj(obj(o.spec).scaleTargetRef).name = 'scribe-apis'; }), 'Deployment/scribe-apis does not exist'],
    ['a secret key missing from the template', () => mutate('Job', 'scribe-migrate', (o) => { obj(obj(obj(arr(firstContainer(o).env)[0]).valueFrom).secretKeyRef).key = 'DB_URL'; }), 'reads key DB_URL, missing from Secret scribe-secrets'],
    ['a real-looking value in the secret template', () => mutate('Secret', 'scribe-secrets', (o) => { obj(o.stringData).AUDIO_KEK = 'c2VjcmV0'; }), 'AUDIO_KEK must be a REPLACE_ME placeholder'],
    ['a pod running as root', () => mutate('Deployment', 'scribe-api', (o) => { obj(podOf(o).securityContext).runAsUser = 0; }), 'runAsUser must be the image\'s uid'],
    ['a grace period shorter than the drain', () => mutate('Deployment', 'scribe-gateway', (o) => { podOf(o).terminationGracePeriodSeconds = 30; }), 'terminationGracePeriodSeconds 30 < preStop 10 s'],
    ['a ConfigMap value the config rejects', () => mutate('ConfigMap', 'scribe-config', (o) => { obj(o.data).S3_SSE = 'aes256'; }), 'S3_SSE'],
    ['an unquoted ConfigMap boolean', () => mutate('ConfigMap', 'scribe-config', (o) => { obj(o.data).S3_FORCE_PATH_STYLE = false; }), 'must be a quoted string'],
    ['listening on localhost only', () => mutate('ConfigMap', 'scribe-config', (o) => { delete obj(o.data).HOST; }), 'HOST=127.0.0.1 is unreachable'],
    ['a migrate Job without a TTL', () => mutate('Job', 'scribe-migrate', (o) => { delete obj(o.spec).ttlSecondsAfterFinished; }), 'needs ttlSecondsAfterFinished'],
    ['a worker scaler on a misspelt metric', () => mutate('ScaledObject', 'scribe-worker', (o) => { obj(arr(obj(o.spec).triggers)[0]).metadata = { query: 'sum(scribe_queue_job{state="waiting"})', threshold: '8' }; }), 'unknown metric scribe_queue_job'],
    ['a gateway Ingress timeout below the idle timeout', () => mutate('Ingress', 'scribe-gateway', (o) => { obj(obj(o.metadata).annotations)['nginx.ingress.kubernetes.io/proxy-read-timeout'] = '60'; }), 'would cut idle WebSockets'],
    ['an Ingress exposing /metrics', () => mutate('Ingress', 'scribe-api', (o) => { obj(obj(arr(obj(o.spec).rules)[0]).http).paths = [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'scribe-api', port: { name: 'http' } } } }]; }), 'path / exposes /metrics publicly'],
    ['an image without a fixed tag', () => mutate('Deployment', 'scribe-worker', (o) => { firstContainer(o).image = 'registry.example.com:5000/therapy-scribe'; }), 'must carry a fixed tag'],
    ['a fixed replica count under an autoscaler', () => mutate('Deployment', 'scribe-api', (o) => { obj(o.spec).replicas = 3; }), 'sets replicas although an autoscaler owns them'],
  ];
  it.each(cases)('%s', (_name, make, expected) => {
    expect(problemsOf(make()).join('\n')).toContain(expected);
  });
});
