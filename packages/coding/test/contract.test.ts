/**
 * The engine's output is the `coding` object of a note (API.md): it must parse with the
 * domain package's `Coding` schema unchanged (coding itself imports nothing of ours; only this
 * test reads the domain schema, to catch drift between the two).
 */
import { Coding } from '@scribe/domain';
import { describe, expect, it } from 'vitest';
import { codeVisit } from '../src/index.ts';
import { devFixtures } from './support.ts';

describe('CodingResult is structurally a domain Coding', () => {
  it.each(devFixtures())('$id parses as a note coding object with the same lines and checks', ({ input }) => {
    const result = codeVisit(input);
    const parsed = Coding.parse(result);
    expect(parsed.lines).toEqual(result.lines);
    expect(parsed.checks).toEqual(result.checks);
    expect(parsed.unitMethod).toBe(result.unitMethod);
    expect(parsed.totalTimedMinutes).toBe(result.totalTimedMinutes);
  });
});
