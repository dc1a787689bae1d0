import { describe, expect, it } from 'vitest';
import { selectors, upperThresholds } from './lib/promql.ts';

describe('promql reading (used to check rules against the metrics contract)', () => {
  it('finds metric names and matchers, skipping functions, keywords and grouping', () => {
    const expr = 'sum by (stage) (rate(scribe_stage_outcomes_total{outcome="failed", stage=~"a|b"}[15m])) / on() group_left sum(rate(other_total[5m] offset 1h)) > bool 0.05';
    expect(selectors(expr)).toEqual([
      { metric: 'scribe_stage_outcomes_total', matchers: [{ label: 'outcome', op: '=', value: 'failed' }, { label: 'stage', op: '=~', value: 'a|b' }] },
      { metric: 'other_total', matchers: [] },
    ]);
  });

  it('reports a bare selector and ignores braces inside strings', () => {
    expect(selectors('{job="x"} or label_replace(up, "a", "{b}", "c", "d")').map((s) => s.metric)).toEqual(['', 'up']);
  });

  it('rejects matchers it cannot read rather than skipping them', () => {
    expect(() => selectors('up{job=x}')).toThrow('cannot read label matchers');
  });

  it('lists the numbers compared with > and >=', () => {
    expect(upperThresholds('histogram_quantile(0.99, sum by (le) (rate(x_bucket{le="0.5"}[5m]))) > 0.1 and y >= 10 and z < 3')).toEqual([0.1, 10]);
  });
});
