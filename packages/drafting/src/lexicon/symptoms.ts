/**
 * Symptom words whose polarity matters: a denied symptom must never be stated as present
 * (DOMAIN.md 1.6, SOAP5 "ensure clinical negations are correct (e.g., 'denies numbness')").
 */
export const SYMPTOM = /\b(?:pain(?:ful)?|aches?|aching|numbness|numb|tingling|pins and needles|swelling|swollen|headaches?|dizz(?:y|iness)|vertigo|falls?|fell|coughing|cough(?:ed|s)?|chok(?:ing|ed|e)|fevers?|weakness|radiat\w*|bowel|bladder|saddle|nausea|clicking|clicks|clicked|clench(?:ing|es)?|grinding (?:my |her |his |the )?teeth|bruxism|locking|catching|giving way|give way|instability|stiffness|tightness|cramp(?:ing|s)?|shortness of breath|congestion|aspirat\w*|pneumonia|penetration|residue|throat clearing|wet voice|bruising|redness|warmth|burning|hurts?|hurting|soreness|heartburn|reflux|sour taste|hoarse(?:ness)?|crampy|heaviness|night pain|ringing|tinnitus|hearing loss|fullness|leak(?:s|ing|age)?|urgency|incontinence|double vision|blurred vision|vision changes|spasms?|creak(?:ing|y)?|nystagmus|shortness of breath|fatigue|gag(?:s|ged|ging)?|dry mouth|mouth[,:]? (?:still |is |feels |so |very |bone )?dry|wounds?|pressure (?:sores?|injur(?:y|ies)|ulcers?)|sore on|(?:the )?room (?:just )?(?:took off|spins?|spinning|started spinning|was spinning)|clears? (?:my |her |his |the )?throat|clearing (?:my |her |his |the )?throat)\b/gi;

/** Canonical stem so "coughing" and "cough" compare equal. */
export function symptomKey(word: string): string {
  const w = word.toLowerCase();
  if (w.startsWith('numb')) return 'numb';
  if (w.startsWith('cough')) return 'cough';
  if (w.startsWith('chok')) return 'chok';
  if (w.startsWith('headache')) return 'headache';
  // "the room just took off" is vertigo said in the patient's words
  if (w.startsWith('dizz') || /\broom\b/.test(w)) return 'dizz';
  if (w === 'fell' || w.startsWith('fall')) return 'fall';
  if (w.startsWith('fever')) return 'fever';
  if (w.startsWith('radiat')) return 'radiat';
  if (w.startsWith('aspirat')) return 'aspirat';
  if (w.startsWith('swell') || w === 'swollen') return 'swell';
  if (w.startsWith('ach')) return 'pain';
  if (w.startsWith('pain')) return 'pain';
  if (w.startsWith('cramp')) return 'cramp';
  if (w.startsWith('click')) return 'clicking';
  if (w.startsWith('clench') || w.startsWith('grinding') || w === 'bruxism') return 'clench';
  if (w.startsWith('hurt') || w === 'soreness' || w === 'night pain') return 'pain';
  if (w.startsWith('hoarse')) return 'hoarse';
  if (w.includes('throat')) return 'throat clearing';
  if (w.includes('give') || w.includes('giving')) return 'giveway';
  if (w.includes('mouth')) return 'dry mouth';
  if (w.startsWith('wound') || w.startsWith('pressure') || w === 'sore on') return 'wound';
  return w;
}
