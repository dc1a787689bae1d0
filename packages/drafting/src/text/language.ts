/**
 * Sentences in another language: an interpreter's rendering to the patient, or the patient's own
 * words before the interpreter gives them in English. Only the English turns are drafted.
 */
/** Common function words of Spanish, the usual second language in these visits (an interpreter's turns). */
const SPANISH = /[¿¡ñ]|\b(?:el|la|los|las|que|en|por|para|con|una?|es|está|estoy|me|mi|muy|pero|como|duele|sí|gracias|veces|semana|día|noche|rodilla|hielo|después|más|nada|eso|esto|todas|todos|noches|días|mañana|tengo|tiene|hace|puedo|bien|poco|poquito|dolor|dedo|mano|pierna|espalda|cuello|hombro|usted|yo|también|ahora|cuando|porque|siempre|nunca)\b/gi;
const ENGLISH = /\b(?:the|and|is|are|to|of|it|you|she|he|my|with|for|in|on|at|that|this|was|have|has|but)\b/gi;

/** A sentence in another language (an interpreter's rendering to the patient): not drafted; the English turn is. */
export function foreignSentence(text: string): boolean {
  const es = text.match(SPANISH)?.length ?? 0;
  const en = text.match(ENGLISH)?.length ?? 0;
  return es >= 2 && es > en * 2;
}
