/**
 * Negation polarity (NegEx-style scope). Source: DOMAIN.md 1.6 (SOAP5: "ensure clinical
 * negations are correct (e.g., 'denies numbness')"; T22 "wrong negations").
 */
import { describe, expect, it } from 'vitest';
import { onlyNegated, symptomMentions } from '../src/text/negation.ts';

const negated = (text: string) => symptomMentions(text).map((m) => [m.key, m.negated]);

describe('symptomMentions: denial vs finding (DOMAIN.md 1.6)', () => {
  it('reads "no X, no Y" as two denials', () => {
    expect(negated('No calf pain, no swelling that I have noticed.')).toEqual([['pain', true], ['swell', true]]);
  });

  it('carries "denies" across "or" and repeats', () => {
    expect(negated('He denies bowel or bladder changes and denies saddle numbness.')).toEqual([['bowel', true], ['bladder', true], ['saddle', true], ['numb', true]]);
  });

  it('reads "doesn\'t hurt much" as a little pain, a hedge, not a denial; "doesn\'t hurt" and "no pain, not much" stay denials', () => {
    expect(negated("It doesn't hurt much.")).toEqual([['pain', false]]);
    expect(negated('It does not hurt that bad.')).toEqual([['pain', false]]);
    expect(negated("It doesn't hurt.")).toEqual([['pain', true]]);
    expect(negated('No pain much at all.')).toEqual([['pain', true]]);
  });

  it('reads a post-negation ("is totally gone") as resolved', () => {
    expect(negated('The night tingling is totally gone.')).toEqual([['tingling', true]]);
  });

  it('keeps a rated symptom as present', () => {
    expect(negated('Pain 6/10 at worst, worse with sitting.')).toEqual([['pain', false]]);
  });

  it('ends the scope at "only"/"but": the exception is a finding', () => {
    expect(negated('No coughing, no choking. Only coughs when I drink too fast.')).toEqual([['cough', true], ['chok', true], ['cough', false]]);
  });

  it('onlyNegated is true when every mention is denied', () => {
    expect(onlyNegated('No numbness or tingling, just stiff.', 'numb')).toBe(true);
    expect(onlyNegated('Some numbness in the thumb.', 'numb')).toBe(false);
  });
});
