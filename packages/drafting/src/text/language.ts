/**
 * Sentences in another language: an interpreter's rendering to the patient, or the patient's own
 * words before the interpreter gives them in English. Only the English turns are drafted.
 */
/** Words of Spanish, the usual second language in these visits (an interpreter's turns); "me", "a" and the like are English too. */
const SPANISH_WORDS = 'el la los las que en por para con un una uno es está estoy mi muy pero como duele sí gracias veces semana día noche rodilla hielo después más nada eso esto todas todos noches días mañana tengo tiene hace puedo bien poco poquito dolor dedo mano pierna piernas espalda cuello hombro usted yo también ahora cuando porque siempre nunca de del al lo le se y aquí abajo arriba medio trabajo minutos difícil cero dos tres cuatro cinco seis siete ocho nueve diez brazo brazos casa hija hijo bonita manejo levanto quema sentada caja hora ay verdad mejor peor anoche ayer hoy bebé';
/** Words only Spanish has, enough on their own in a short turn: "No, nada.", "Está bien.", "¡Ay!". */
const ONLY_SPANISH = new Set('nada gracias bien sí muy pero está estoy también ahora aquí abajo arriba difícil ay duele dolor usted verdad mejor peor anoche ayer hoy bebé'.split(' '));
const ENGLISH_WORDS = new Set('the and is are to of it you she he my with for in on at that this was have has but'.split(' '));
const SPANISH = new Set(SPANISH_WORDS.split(' '));

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/\p{L}+/gu) ?? [];
}

/** A sentence in another language (an interpreter's rendering to the patient): not drafted; the English turn is. */
export function foreignSentence(text: string): boolean {
  const words = wordsOf(text);
  // (a Spanish gerund or -ción noun counts too: "Trabajo limpiando casas.")
  const es = words.filter((w) => SPANISH.has(w) || /^\p{L}{2,}(?:ando|iendo|ción|ciones)$/u.test(w)).length + (/[¿¡ñ]/.test(text) ? 1 : 0);
  const en = words.filter((w) => ENGLISH_WORDS.has(w)).length;
  if (es >= 2 && es > en * 2) return true;
  // a short turn with a word only Spanish has and no English one
  return en === 0 && words.length <= 4 && (words.some((w) => ONLY_SPANISH.has(w)) || /[¿¡]/.test(text));
}
