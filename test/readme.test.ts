import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS } from '@scribe/config';
import { ROOT } from './helpers/db.ts';

const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('shows the two commands at the top', () => {
    const top = readme.slice(0, 1500);
    expect(top).toContain('scripts/demo');
    expect(top).toContain('scripts/test');
  });

  it('documents every configuration variable', () => {
    expect(CONFIG_KEYS.length).toBeGreaterThan(20);
    const missing = CONFIG_KEYS.filter((k) => !readme.includes(`\`${k}\``));
    expect(missing).toEqual([]);
  });
});
