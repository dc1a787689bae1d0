/**
 * Case files (FORMAT.md): "An invalid case file is an error naming the file, not a silent skip."
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { caseContext, loadCases } from '../../src/eval/case-file.ts';

const dirs: string[] = [];
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'eval-cases-'));
  dirs.push(dir);
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  return dir;
}
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

const valid = {
  id: 'ok', discipline: 'massage', noteType: 'daily', mode: 'ambient', payer: 'auto',
  context: { icd10: ['S13.4XXA'], goals: ['Turn head'], referral: { from: 'Dr. A' } },
  transcript: [{ id: 'u1', speaker: 'patient', start: 0, end: 1, text: 'Hi' }],
  expected: { facts: [], forbidden: [], codes: [], checks: [] },
};

describe('loadCases (FORMAT.md)', () => {
  it('loads valid cases sorted by file name', () => {
    const dir = folder({ 'b.json': JSON.stringify({ ...valid, id: 'b' }), 'a.json': JSON.stringify({ ...valid, id: 'a' }), 'notes.txt': 'x' });
    expect(loadCases(dir).map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('names the file for broken JSON, a missing field, or a bad regular expression', () => {
    expect(() => loadCases(folder({ 'bad.json': '{ nope' }))).toThrow(/invalid case file .*bad\.json/);
    expect(() => loadCases(folder({ 'x.json': JSON.stringify({ ...valid, mode: 'telepathy' }) }))).toThrow(/x\.json: mode/);
    const badRe = { ...valid, expected: { ...valid.expected, facts: [{ section: 'any', any: ['(unclosed'], what: 'w' }] } };
    expect(() => loadCases(folder({ 're.json': JSON.stringify(badRe) }))).toThrow(/re\.json: expected\.facts\.0\.any\.0/);
  });

  it('maps the case context without inventing anything (a named referral counts as on file)', () => {
    const c = loadCases(folder({ 'a.json': JSON.stringify(valid) }))[0];
    expect(c && caseContext(c)).toEqual({
      discipline: 'massage', noteType: 'daily', mode: 'ambient', payer: { type: 'auto' },
      diagnoses: [{ icd10: 'S13.4XXA' }], goals: [{ id: 'g1', text: 'Turn head' }], referral: { onFile: true, from: 'Dr. A' },
    });
  });
});
