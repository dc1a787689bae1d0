/**
 * "Nothing in the system signs on its own" (API.md Notes; DOMAIN.md §1.6 human in the loop):
 * a scan of every service and package source file proves that exactly one SQL statement sets
 * a note's status to signed (markNoteSigned), that only the review service calls it, and that
 * only the sign route (POST /v1/notes/{id}/sign, a clinician's call) calls the review service's
 * signNote. A new signing path anywhere makes this fail.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'test' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.(ts|sql)$/.test(name)) out.push(path);
  }
  return out;
}

const files = [...sources(join(ROOT, 'packages')), ...sources(join(ROOT, 'services'))];
const where = (re: RegExp) => files.filter((f) => re.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f)).sort();

describe('only a clinician signs', () => {
  it('scans a real tree', () => expect(files.length).toBeGreaterThan(20));

  it("one statement sets status 'signed', in markNoteSigned", () => {
    expect(where(/status\s*=\s*'signed'(?!\))/)).toEqual(['packages/db/src/notes.repo.ts']);
    const repo = readFileSync(join(ROOT, 'packages/db/src/notes.repo.ts'), 'utf8');
    expect(repo.match(/status\s*=\s*'signed'/g)).toHaveLength(1);
    expect(repo).toMatch(/export async function markNoteSigned[\s\S]*?UPDATE notes SET status = 'signed'/);
  });

  it('markNoteSigned is called only by the review service, whose signNote is called only by the sign route', () => {
    expect(where(/\bmarkNoteSigned\(/)).toEqual(['packages/db/src/notes.repo.ts', 'services/api/src/notes/review-service.ts']);
    expect(where(/\bsignNote\(/)).toEqual(['services/api/src/notes/review-service.ts', 'services/api/src/routes/notes.routes.ts']);
    const route = readFileSync(join(ROOT, 'services/api/src/routes/notes.routes.ts'), 'utf8');
    expect(route).toMatch(/r\.post\('\/notes\/:id\/sign',[\s\S]*?requireScope\('notes:sign'\), clinicianRequired[\s\S]*?signNote\(/);
  });
});
