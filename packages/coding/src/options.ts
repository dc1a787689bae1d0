/**
 * Payer-dependent choices, with defaults, overridable per call. Defaults:
 * - unit method: Medicare and Medicaid -> CMS total timed minutes (CMS Pub. 100-04 Ch. 5
 *   §20.2; Medicaid programs mostly follow it); commercial, auto, workers' comp and self-pay
 *   -> per code (DOMAIN.md 2.2). A plan that follows CMS (e.g. Medicare Advantage sold as
 *   commercial) is configured by name.
 * - distinct-procedure modifier: Medicare -> X{EPSU} (XS separate structure, XU otherwise);
 *   everyone else -> 59, which every payer accepts (DOMAIN.md 2.5).
 */
import type { PayerType, VisitInput } from './input.ts';
import { NCCI_EDITS, NCCI_TABLE_VERSION, type NcciEdit } from './ncci-edits.ts';
import type { UnitMethod } from './output.ts';

export type DistinctModifierStyle = 'x_modifiers' | '59';

/** A payer that wants a modifier on a pair that has no NCCI edit (the clinic's payer table). */
export interface PayerModifierRule {
  payerType?: PayerType;
  /** Matched case-insensitively against `payer.name`. */
  payerName?: string;
  codes: readonly [string, string];
  /** The code that carries the modifier. */
  modifierOn: string;
}

export interface CodingOptions {
  unitMethodByPayer?: Partial<Record<PayerType, UnitMethod>>;
  /** By payer name, case-insensitive; wins over the payer type. */
  unitMethodByPayerName?: Record<string, UnitMethod>;
  distinctModifierByPayer?: Partial<Record<PayerType, DistinctModifierStyle>>;
  /** The edit table; defaults to the bundled subset. */
  ncciEdits?: readonly NcciEdit[];
  /** Date used when the visit has no dateOfService. */
  editsAsOf?: string;
  payerModifierRules?: readonly PayerModifierRule[];
  /**
   * Seeds demand start and stop times for every timed code [000/VS]; Medicare asks only for
   * total timed minutes. Default true (raise `missing_clock_times`).
   */
  requireClockTimes?: boolean;
}

export interface ResolvedOptions {
  unitMethod: UnitMethod;
  distinctModifier: DistinctModifierStyle;
  ncciEdits: readonly NcciEdit[];
  editsDate: string;
  payerModifierRules: readonly PayerModifierRule[];
  requireClockTimes: boolean;
}

export const DEFAULT_UNIT_METHODS: Readonly<Record<PayerType, UnitMethod>> = {
  medicare: 'cms_total_time',
  medicaid: 'cms_total_time',
  commercial: 'per_code',
  auto: 'per_code',
  workers_comp: 'per_code',
  self_pay: 'per_code',
};

export const DEFAULT_DISTINCT_MODIFIERS: Readonly<Record<PayerType, DistinctModifierStyle>> = {
  medicare: 'x_modifiers',
  medicaid: '59',
  commercial: '59',
  auto: '59',
  workers_comp: '59',
  self_pay: '59',
};

/** Resolve the options that apply to one visit. */
export function resolveOptions(input: VisitInput, options: CodingOptions = {}): ResolvedOptions {
  const type = input.payer.type;
  const name = input.payer.name?.trim().toLowerCase();
  const byName = name
    ? Object.entries(options.unitMethodByPayerName ?? {}).find(([k]) => k.trim().toLowerCase() === name)?.[1]
    : undefined;
  const rules = (options.payerModifierRules ?? []).filter(
    (r) => (r.payerType === undefined || r.payerType === type) && (r.payerName === undefined || r.payerName.trim().toLowerCase() === name),
  );
  const date = input.dateOfService && /^\d{4}-\d{2}-\d{2}$/.test(input.dateOfService) ? input.dateOfService : undefined;
  return {
    unitMethod: byName ?? options.unitMethodByPayer?.[type] ?? DEFAULT_UNIT_METHODS[type],
    distinctModifier: options.distinctModifierByPayer?.[type] ?? DEFAULT_DISTINCT_MODIFIERS[type],
    ncciEdits: options.ncciEdits ?? NCCI_EDITS,
    editsDate: date ?? options.editsAsOf ?? NCCI_TABLE_VERSION.asOf,
    payerModifierRules: rules,
    requireClockTimes: options.requireClockTimes ?? true,
  };
}
