import { dirname, join, relative, resolve } from 'node:path';
import { arr, obj, rel, ROOT, str } from './files.ts';
import { at, SECRET_KEYS, type Manifests, type RepoFacts } from './k8s-index.ts';

/** ConfigMap keys are config variables, values are strings, and no secret hides in it. */
export function checkConfigMaps(m: Manifests, facts: RepoFacts): string[] {
  const p: string[] = [];
  for (const cm of m.ofKind('ConfigMap')) {
    for (const [k, v] of Object.entries(obj(cm.value.data))) {
      if (!facts.configKeys.has(k)) p.push(`${at(cm)}: ${k} is not a config variable (CONFIG_KEYS)`);
      if (typeof v !== 'string') p.push(`${at(cm)}: ${k} must be a quoted string (ConfigMap data is string-only)`);
      if ((SECRET_KEYS as readonly string[]).includes(k)) p.push(`${at(cm)}: ${k} is a secret; it belongs in the Secret`);
    }
  }
  return p;
}

/** The Secret exists only as a template: every required key, placeholders only. */
export function checkSecretTemplate(m: Manifests, facts: RepoFacts): string[] {
  const p: string[] = [];
  const secrets = m.ofKind('Secret');
  if (secrets.length === 0) p.push('no Secret template');
  for (const s of secrets) {
    if (!s.file.endsWith('.example.yaml')) p.push(`${at(s)}: Secrets live only in *.example.yaml templates`);
    if (s.value.data !== undefined) p.push(`${at(s)}: use stringData placeholders, not data`);
    const keys = obj(s.value.stringData);
    for (const [k, v] of Object.entries(keys)) {
      if (!facts.configKeys.has(k)) p.push(`${at(s)}: ${k} is not a config variable (CONFIG_KEYS)`);
      if (!String(v).includes('REPLACE_ME')) p.push(`${at(s)}: ${k} must be a REPLACE_ME placeholder, not a value`);
    }
    for (const k of SECRET_KEYS) if (!(k in keys)) p.push(`${at(s)}: missing ${k}`);
  }
  return p;
}

/**
 * Every kustomization resource exists, and every YAML file under infra/k8s is either in a
 * kustomization or meant to be applied by hand (namespace.yaml, *.example.yaml).
 */
export function checkKustomizations(m: Manifests, k8sDir: string, allFiles: string[]): string[] {
  const p: string[] = [];
  const covered = new Set<string>();
  for (const k of m.ofKind('Kustomization')) {
    const dir = dirname(resolve(ROOT, k.file));
    covered.add(resolve(ROOT, k.file));
    for (const r of arr(k.value.resources).map((x) => str(x) ?? '')) {
      const file = resolve(dir, r);
      if (!allFiles.includes(file)) p.push(`${k.file}: resource ${r} does not exist`);
      if (relative(dir, file).startsWith('..')) p.push(`${k.file}: resource ${r} is outside the kustomization directory (kustomize refuses it)`);
      covered.add(file);
    }
  }
  const byHand = (f: string) => f === join(k8sDir, 'namespace.yaml') || f.endsWith('.example.yaml');
  for (const f of allFiles) if (!covered.has(f) && !byHand(f)) p.push(`${rel(f)}: not in any kustomization and not a by-hand file`);
  return p;
}
