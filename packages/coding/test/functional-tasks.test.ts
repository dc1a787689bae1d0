/**
 * Functional tasks as therapists word them. Source: DOMAIN.md 2.3 (97530 covers ADL and
 * home management simulation, work simulation and lifting tasks "regardless of the strength
 * component involved"; OT use: "home management simulation").
 */
import { describe, expect, it } from 'vitest';
import { codeVisit, type LedgerEntry } from '../src/index.ts';
import { entry, visit } from './support.ts';

const codeOf = (over: Partial<LedgerEntry>) =>
  codeVisit(visit({ discipline: 'ot', payer: { type: 'commercial' }, ledger: [entry({ minutes: 12, ...over })] })).lines.map((l) => l.code);

describe('home management and lifting tasks are 97530 (DOMAIN.md 2.3)', () => {
  it('folding laundry items at a counter is home management simulation', () => {
    expect(codeOf({ intervention: 'standing at the counter folding the towels, one hand holding the corners', kindHint: 'unknown' })).toEqual(['97530']);
  });

  it('a lift from the floor to the counter is a lifting task, with or without an article', () => {
    expect(codeOf({ intervention: 'crate, 10 lb, 6 lifts from the floor to the counter', kindHint: 'therapeutic_exercise' })).toEqual(['97530']);
    expect(codeOf({ intervention: 'crate, 10 lb, 6 lifts floor to counter', kindHint: 'therapeutic_exercise' })).toEqual(['97530']);
  });
});
