export type * from './input.ts';
export type * from './output.ts';
export { codeVisit } from './engine.ts';
export type { CodingOptions, DistinctModifierStyle, PayerModifierRule } from './options.ts';
export { DEFAULT_UNIT_METHODS, DEFAULT_DISTINCT_MODIFIERS } from './options.ts';
export { CATALOGUE, type CatalogueEntry } from './catalogue.ts';
export { NCCI_EDITS, NCCI_TABLE_VERSION, PAYER_POLICY_PAIRS, type NcciEdit } from './ncci-edits.ts';
export { unitsForMinutes, cmsTotalTimeUnits, perCodeUnits } from './units.ts';
export { validateIcd10 } from './icd10.ts';
