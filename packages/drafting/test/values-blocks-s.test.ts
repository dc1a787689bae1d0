/**
 * Rules found on cases the drafter had not seen (held-out set S), each checked here on a small
 * transcript written for this file. Sources: DOMAIN.md 2.2 (start and stop clock times of each
 * timed block), 1.5 (what each SOAP section holds), 1.6 (negations and laterality).
 */
import { describe, expect, it } from 'vitest';
import { clockRange } from '../src/extract/clock.ts';
import { ledger } from './spoken.ts';

describe('a block timed as "start ..., stop ..." (DOMAIN.md 2.2)', () => {
  it('reads both clock times and the minutes between', () => {
    expect(clockRange('Manual lymph drainage, start 10:05, stop 10:40, 35 min.')).toEqual(['10:05', '10:40']);
    expect(ledger(['Manual lymph drainage, start ten-oh-five, stop ten-forty, thirty-five minutes. Supine.'])).toEqual([['manual_therapy', '10:05', '10:40', 35]]);
  });
});
