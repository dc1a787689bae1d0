/**
 * Just enough English verb morphology to move a sentence from first/second person to the
 * third person ("I still take the cane" -> "still takes the cane") and to a gerund
 * ("when I grip" -> "when gripping").
 */

const IRREGULAR_PAST = new Set(
  ('saw went got had did was were came took made said felt fell ran hit put told knew thought brought left kept held sat stood ' +
    'began gave found ate drove heard lost slept woke wore broke caught drank forgot grew hurt let meant met paid read rode rose ' +
    'sent shook slid spent swam threw tore understood won wrote bought fought led lay lit quit set shut split spread struck swung ' +
    'taught cut passed sang rang sprang stuck dug fed fled bled bent built chose flew froze hid hung spoke stole sold').split(' '),
);

/** Base verbs that end in -ing but are not gerunds. */
const ING_VERBS = new Set(['bring', 'sing', 'ring', 'swing', 'sting', 'wring', 'string', 'cling', 'fling', 'sling', 'spring']);

const MODALS = new Set(['can', 'could', 'will', 'would', 'should', 'must', 'might', 'may', 'cannot']);

export const ADVERBS = new Set(
  ('still also just really now only usually always never often sometimes already even definitely actually currently mostly ' +
    'finally barely hardly totally honestly probably first then almost nearly simply rarely seldom generally normally').split(' '),
);

const THIRD: Record<string, string> = {
  am: 'is', are: 'is', "'m": 'is', "'re": 'is', were: 'was', have: 'has', "'ve": 'has', do: 'does', go: 'goes',
  "don't": 'does not', "haven't": 'has not', "aren't": 'is not', "weren't": 'was not', "didn't": 'did not',
  "can't": 'cannot', "couldn't": 'could not', "won't": 'will not', "wouldn't": 'would not', "shouldn't": 'should not',
  "'d": 'would', "'ll": 'will', "i'm": 'is', "i've": 'has', "i'd": 'would', "i'll": 'will', "isn't": 'is not', "doesn't": 'does not',
};

/** True for a past-tense form: regular "-ed" or a common irregular. */
export function isPast(word: string): boolean {
  const w = word.toLowerCase();
  return IRREGULAR_PAST.has(w) || (/ed$/.test(w) && !/eed$/.test(w) && w.length > 3);
}

/** Third-person singular of a verb said after "I" or "you" ("take" -> "takes", "'m" -> "is"). */
export function thirdPerson(word: string): string {
  const w = word.toLowerCase();
  if (w in THIRD) return THIRD[w] ?? w;
  if (MODALS.has(w) || isPast(w) || (/ing$/.test(w) && !ING_VERBS.has(w))) return word;
  if (w === 'be') return 'is';
  if (/(?:s|sh|ch|x|z|o)$/.test(w)) return `${word}es`;
  if (/[^aeiou]y$/.test(w)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/** Past participles asked about in "Has it given way?", "Have you fallen?": their gerunds. */
const PARTICIPLE: Record<string, string> = {
  given: 'giving', gone: 'going', done: 'doing', been: 'being', taken: 'taking', fallen: 'falling', had: 'having', made: 'making',
  seen: 'seeing', gotten: 'getting', got: 'getting', woken: 'waking', broken: 'breaking', worn: 'wearing', swollen: 'swelling',
  felt: 'feeling', caught: 'catching', slept: 'sleeping', kept: 'keeping', lost: 'losing', hurt: 'hurting', noticed: 'noticing',
};

/** Gerund ("grip" -> "gripping", "make" -> "making", "reach" -> "reaching", "squat" -> "squatting", "given" -> "giving", "locked" -> "locking"). */
export function gerund(word: string): string {
  const w = word.toLowerCase();
  if (/ing$/.test(w)) return word;
  if (w in PARTICIPLE) return PARTICIPLE[w] ?? word;
  // a regular participle: "locked" -> "locking", "buckled" -> "buckling"
  if (/[^e]ed$/.test(w) && w.length > 4) {
    const base = w.slice(0, -2);
    return gerund(/(?:[bcdfgkptz]l|[^aeiou]u|v)$/.test(base) ? `${base}e` : base);
  }
  // "qu" sounds as a consonant: "squat" -> "squatting"
  if (/^s?qu[aeiou][^aeiouwxy]$/.test(w)) return `${word}${w.slice(-1)}ing`;
  if (/ie$/.test(w)) return `${word.slice(0, -2)}ying`;
  if (/[^aeiouy]e$/.test(w) && w !== 'be') return `${word.slice(0, -1)}ing`;
  const syllables = (w.match(/[aeiouy]+/g) ?? []).length;
  if (syllables === 1 && /[^aeiou][aeiou][^aeiouwxy]$/.test(w)) return `${word}${w.slice(-1)}ing`;
  return `${word}ing`;
}

/** Modal or auxiliary that keeps its form after any subject. */
export function isModal(word: string): boolean {
  return MODALS.has(word.toLowerCase());
}
