import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

/** Repository root (test/infra/lib -> ../../..). */
export const ROOT = resolve(import.meta.dirname, '../../..');

/** One YAML document of a multi-document file, with where it came from (for messages). */
export interface YamlDoc {
  file: string;
  index: number;
  value: unknown;
}

/** A plain object view of unknown YAML: `{}` for anything that is not a mapping. */
export type Obj = Record<string, unknown>;
export const obj = (v: unknown): Obj => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Path relative to the repository root, for messages. */
export const rel = (path: string): string => relative(ROOT, path);

/** True when `repoPath` (relative to the repository root) is an existing file. */
export const repoFileExists = (repoPath: string): boolean => {
  const p = resolve(ROOT, repoPath);
  return existsSync(p) && statSync(p).isFile();
};

/**
 * Every document of a YAML file. Throws on a syntax error or a duplicate key (both are real
 * mistakes kubectl or Prometheus would also reject), naming the file.
 */
export function readYamlDocs(path: string): YamlDoc[] {
  const docs = parseAllDocuments(readFileSync(path, 'utf8'), { merge: true, uniqueKeys: true });
  const list = Array.isArray(docs) ? docs : [docs];
  const out: YamlDoc[] = [];
  list.forEach((d, index) => {
    if (d.errors.length > 0) throw new Error(`${rel(path)} (document ${index + 1}): ${d.errors.map((e) => e.message).join('; ')}`);
    const value: unknown = d.toJS();
    if (value !== null && value !== undefined) out.push({ file: rel(path), index, value });
  });
  return out;
}

/** A single-document YAML file (compose, Prometheus config), with `<<` merge keys resolved. */
export function readYaml(path: string): unknown {
  return parse(readFileSync(path, 'utf8'), { merge: true, uniqueKeys: true });
}

/** Every `*.yaml`/`*.yml` file under `dir`, recursively, as absolute paths, sorted. */
export function listYamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listYamlFiles(p));
    else if (/\.ya?ml$/.test(entry.name)) out.push(p);
  }
  return out.sort();
}
