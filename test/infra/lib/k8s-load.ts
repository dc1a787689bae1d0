import { resolve } from 'node:path';
import { listYamlFiles, readYamlDocs, ROOT, type YamlDoc } from './files.ts';
import { Manifests, type RepoFacts } from './k8s-index.ts';
import { checkPods } from './k8s-pods.ts';
import { checkConfigMaps, checkKustomizations, checkSecretTemplate } from './k8s-config.ts';
import { checkBasics, checkIngresses, checkScaling, checkServices } from './k8s-routing.ts';

export const K8S_DIR = resolve(ROOT, 'infra/k8s');

/** Every YAML document under infra/k8s (throws on a syntax error). */
export function loadK8sDocs(): { files: string[]; docs: YamlDoc[] } {
  const files = listYamlFiles(K8S_DIR);
  return { files, docs: files.flatMap(readYamlDocs) };
}

/** Every problem the structural checks find in these documents. */
export function checkAllK8s(docs: YamlDoc[], files: string[], facts: RepoFacts): string[] {
  const m = new Manifests(docs);
  return [
    ...checkBasics(m),
    ...checkConfigMaps(m, facts),
    ...checkSecretTemplate(m, facts),
    ...checkKustomizations(m, K8S_DIR, files),
    ...checkPods(m, facts),
    ...checkServices(m),
    ...checkScaling(m, facts),
    ...checkIngresses(m, 'scribe-config', 'scribe-secrets'),
  ];
}
