/**
 * ICD-10-CM structure validation: shape, required 7th character, valid 7th character for the
 * category, and the placeholder X. It does not check that a code exists, and it never picks
 * A vs D (DOMAIN.md 2.9: follow the referring provider's documentation).
 * Sources: DOMAIN.md 2.9 [003/AUTO] "Injury codes from the S chapter require a 7th character:
 * A, D, S"; [003/HIP] fracture letters; [outside seeds] the full fracture letter sets.
 */

export interface Icd10Result {
  valid: boolean;
  /** Why not, in plain words (no patient data: only the code's structure). */
  problem: string | null;
}

const INJURY = ['A', 'D', 'S'];
/** Open-fracture categories (femur, forearm, lower leg): Gustilo types. */
const FRACTURE_OPEN_TYPES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'M', 'N', 'P', 'Q', 'R', 'S'];
/** Other fracture categories. */
const FRACTURE = ['A', 'B', 'D', 'G', 'K', 'P', 'S'];
/** Pathological, stress and osteoporotic fractures. */
const PATHOLOGICAL = ['A', 'D', 'G', 'K', 'P', 'S'];
const VERTEBRAL_COLLAPSE = ['A', 'D', 'G', 'S'];

/** The valid 7th characters of a code's category, or null when it takes no 7th character. */
export function seventhCharacters(code: string): readonly string[] | null {
  const c = code.replace('.', '');
  const cat = c.slice(0, 3);
  const sub = c.slice(0, 4);
  if (['S52', 'S72', 'S82'].includes(cat)) return FRACTURE_OPEN_TYPES;
  if (['S02', 'S12', 'S22', 'S32', 'S42', 'S62', 'S92'].includes(cat)) return FRACTURE;
  if (['S490', 'S491', 'S590', 'S591', 'S592', 'S790', 'S791', 'S890', 'S891', 'S892', 'S893', 'S990', 'S991', 'S992'].includes(sub)) return FRACTURE;
  if (cat.startsWith('S')) return INJURY;
  if (cat.startsWith('T') && !['T07', 'T30', 'T31', 'T32'].includes(cat)) return INJURY;
  // External causes V00-Y38 take A/D/S too.
  if (/^[VWX]/.test(cat) || (cat.startsWith('Y') && cat <= 'Y38')) return INJURY;
  if (cat === 'M80' || ['M843', 'M844', 'M845', 'M846'].includes(sub)) return PATHOLOGICAL;
  if (['M484', 'M485'].includes(sub)) return VERTEBRAL_COLLAPSE;
  return null;
}

/** Validate the structure of one ICD-10-CM code ("S13.4XXA" or "S134XXA"). */
export function validateIcd10(raw: string): Icd10Result {
  const code = raw.trim().toUpperCase();
  const m = /^([A-Z][0-9][0-9A-Z])(?:\.?([0-9A-Z]{1,4}))?$/.exec(code);
  if (!m) return { valid: false, problem: 'is not shaped like an ICD-10-CM code (letter, two characters, optional dot and up to four more)' };
  if (m[1]!.startsWith('U')) return { valid: true, problem: null };
  const tail = m[2] ?? '';
  const chars = m[1]! + tail;
  const sevenths = seventhCharacters(chars);
  if (sevenths === null) {
    // Other categories with 7th characters exist (obstetric fetus, coma scale, glaucoma stage):
    // a seven-character code there is not flagged, since a false alarm costs the clinician more.
    if (tail.length < 4 && /X$/.test(tail)) {
      return { valid: false, problem: 'ends with the placeholder X, which only pads a code to its 7th character' };
    }
    return { valid: true, problem: null };
  }
  if (chars.length < 7) {
    return {
      valid: false,
      problem: /X$/.test(tail)
        ? 'ends with the placeholder X but lacks its required 7th character (encounter)'
        : `lacks its required 7th character (${sevenths.join('/')}); pad with X when the code is shorter than six characters`,
    };
  }
  const seventh = chars[6]!;
  if (!sevenths.includes(seventh)) {
    return { valid: false, problem: `has 7th character ${seventh}, which is not valid for its category (${sevenths.join('/')})` };
  }
  return { valid: true, problem: null };
}
