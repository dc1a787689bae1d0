/**
 * Evidence coverage (FORMAT.md): does a statement's cited text support it? Written apart
 * from the verifier on purpose, so the metric is not the drafter grading itself: every
 * number and side in the statement must appear in the cited utterances, and at least half
 * of the statement's content words (min. 1) must appear there too.
 */
import { normalizeClinical } from '../text/normalize.ts';
import { numbersIn } from '../text/numbers.ts';

const STOP = new Set(('a an the and or but of to in on at for with by from as is are was were be been being it its this that these those ' +
  'there here then than so very also still now today just about per each x min s lb cm mm patient patients reports reported report states ' +
  'denies denied clinician caregiver noted note will would can could should may might has have had does did do not no into over under ' +
  'after before during while when if up down out off again more less all both some any his her their them they he she who which what ' +
  'one two first second').split(' '));

/** Word stems that differ between speech and clinical prose, mapped to one form. */
const SYNONYM: Record<string, string> = {
  pound: 'lb', pounds: 'lb', lbs: 'lb', minute: 'min', minutes: 'min', second: 's', seconds: 's', degree: 'deg', degrees: 'deg',
  centimeter: 'cm', centimeters: 'cm', quadriceps: 'quad', quads: 'quad', bend: 'flexion', percent: '%', severity: 'severe', soreness: 'sore',
  hurt: 'pain', hurts: 'pain', hurting: 'pain',
  rotate: 'rotation', rotates: 'rotation', rotating: 'rotation', rotated: 'rotation',
};

function stem(w: string): string {
  const s = SYNONYM[w] ?? w;
  // "getting" -> "get", "stopped" -> "stop": a consonant doubled before -ing/-ed is the base's (Porter step 1b)
  return s.replace(/(?:ing|ed|es|s)$/, '').replace(/([bdgmnprt])\1$/, (m, c: string, at: number) => (/(?:ing|ed)$/.test(s) && at > 1 ? c : m)).slice(0, 7);
}

/** Content-word stems of a text. */
export function contentWords(text: string): string[] {
  return (normalizeClinical(text).toLowerCase().match(/[a-z][a-z'-]+/g) ?? [])
    .map((w) => w.replace(/'s$/, ''))
    .filter((w) => w.length > 2 && !STOP.has(w))
    .map(stem);
}

function sides(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/\b(?:left|right|bilateral)\b/g) ?? []));
}

/** True when the cited text supports the statement. */
export function isSupported(statement: string, citedTexts: string[]): boolean {
  if (citedTexts.length === 0) return false;
  const cited = normalizeClinical(citedTexts.join(' \n '));
  const have = new Set(numbersIn(cited).map(Math.abs));
  if (numbersIn(normalizeClinical(statement)).some((n) => !have.has(Math.abs(n)))) return false;
  const citedSides = sides(cited);
  for (const s of sides(statement)) if (!citedSides.has(s) && !(s === 'bilateral' && /\bboth\b/i.test(cited))) return false;
  const words = [...new Set(contentWords(statement))];
  if (words.length === 0) return true;
  const pool = new Set(contentWords(cited));
  const shared = words.filter((w) => pool.has(w)).length;
  return shared >= 1 && shared / words.length >= 0.5;
}
