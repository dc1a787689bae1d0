/**
 * Claim prerequisites: referral_missing and icd10_invalid.
 * Sources: DOMAIN.md 2.6 T23 ("the single most common reason PIP and liability claims are
 * denied outright"), 2.10, 2.11; T24 and 2.9 (7th character).
 */
import { validateIcd10 } from '../icd10.ts';
import { makeCheck, type CheckRule } from './context.ts';

/**
 * An auto claim, or a massage claim to any payer but self-pay, without a referral on file.
 * `referral: null` (the EMR said nothing) counts as not on file: the payer needs proof.
 */
export const referralMissing: CheckRule = ({ model }) => {
  const { payer, discipline, referral } = model.input;
  const needs = payer.type === 'auto' || (discipline === 'massage' && payer.type !== 'self_pay');
  if (!needs || referral?.onFile === true) return [];
  const who = payer.type === 'auto' ? 'Auto-accident payers' : 'Payers covering massage';
  return [
    makeCheck('referral_missing', 'error', model.groups.filter((g) => g.units > 0).map((g) => g.code),
      `${who} require a written physician referral or prescription on file before treatment; none is recorded. Obtain it before submitting the claim.`, []),
  ];
};

/** A diagnosis code that is malformed or lacks its required 7th character. */
export const icd10Invalid: CheckRule = ({ model }) =>
  [...model.input.diagnoses]
    .map((d) => ({ code: d.icd10.trim().toUpperCase(), result: validateIcd10(d.icd10) }))
    .filter((d) => !d.result.valid)
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((d) => makeCheck('icd10_invalid', 'error', [], `Diagnosis code ${d.code} ${d.result.problem}; a claim with it is denied.`, []));
