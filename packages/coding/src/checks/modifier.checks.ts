/**
 * modifier_59_consideration: both codes of a commonly bundled same-day pair are billed
 * (units > 0), for exactly the pairs of eval/FORMAT.md. The message says whether an NCCI edit
 * applies, what modifier (if any) is suggested and on which code, and the documentation the
 * modifier needs. Sources: DOMAIN.md 2.5 (pairs, 4-step check), 2.4 (four requirements).
 */
import { SEPARATE_DOCS } from '../modifiers.ts';
import { considerationPairsAmong } from '../same-day-pairs.ts';
import { makeCheck, type CheckRule } from './context.ts';

export const modifier59Consideration: CheckRule = ({ billed, pairs }) =>
  considerationPairsAmong(billed.map((g) => g.code)).map(([a, b]) => {
    const analysis = pairs.find((p) => p.codes.includes(a) && p.codes.includes(b));
    const groups = billed.filter((g) => g.code === a || g.code === b);
    const reason = analysis?.reason ?? `Payer bundling rules vary for ${a} + ${b}; no national (NCCI) edit applies.`;
    return makeCheck('modifier_59_consideration', 'warning', [a, b],
      `${a} and ${b} are billed the same day, a commonly bundled pair. ${reason} A distinct-service modifier needs ${SEPARATE_DOCS}; check this payer's policy before the claim goes out.`,
      groups.flatMap((g) => g.evidence));
  });
