/**
 * The patient's position for treatment, said as an instruction ("Let's get you on your left side
 * with the pillows", "Roll onto your stomach"): patient position is one of the parameters a
 * treatment record holds (DOMAIN.md 2.4, item 8 of the structured extraction), and side-lying with
 * pillows is how a pregnant patient is treated.
 */
const WHO = String.raw`(?:you|him|her|them)`;
const MOVE = String.raw`(?:get|have|put|roll|turn|flip|lay|position)\s+${WHO}\s+(?:over\s+)?(?:on(?:to)?|to)`;
const LIE = String.raw`(?:lie|lay|lying|roll|turn)\s+(?:over\s+)?(?:down\s+)?on(?:to)?`;
const SIDE_LYING = new RegExp(String.raw`\b(?:${MOVE}|${LIE})\s+(?:your|his|her|their|the)\s+(left|right)\s+side\b`, 'i');
const PRONE = new RegExp(String.raw`\b(?:${MOVE}|${LIE})\s+(?:your|his|her|their|the)\s+(?:stomach|belly|tummy)\b|\b(?:lie|lay|lying|roll|turn|flip)\s+(?:${WHO}\s+)?(?:over\s+)?face[- ]down\b`, 'i');
const SUPINE = new RegExp(String.raw`\b(?:${MOVE}|${LIE})\s+(?:your|his|her|their|the)\s+back\b|\b(?:lie|lay|lying|roll|turn|flip)\s+(?:${WHO}\s+)?(?:over\s+)?face[- ]up\b`, 'i');
/** "with the pillows, one between the knees and one under the belly": the support, as said. */
const SUPPORT = /\bwith (?:a |the |some )?(?:pillows?|bolsters?|wedges?|towel rolls?)\b[^.?!;]*/i;

/** "Positioned left side lying with pillows between knees and under belly.", "Positioned prone with pillow under ankles.", or null. */
export function positioning(text: string): string | null {
  if (/\?\s*$/.test(text)) return null;
  const side = SIDE_LYING.exec(text);
  const position = side ? `${side[1]?.toLowerCase()} side lying` : PRONE.test(text) ? 'prone' : SUPINE.test(text) ? 'supine' : null;
  if (!position) return null;
  const said = SUPPORT.exec(text)?.[0];
  // "with the pillows, one between the knees and one under the belly" -> "with pillows between knees and under belly"
  const what = said ? /\b(?:pillows?|bolsters?|wedges?|towel rolls?)\b/i.exec(said)?.[0] : undefined;
  const places = said ? [...said.matchAll(/\b(between|under|behind|beneath) (?:the |his |her |your |their )?([a-z]+)/gi)].map((m) => `${m[1]?.toLowerCase()} ${m[2]}`) : [];
  const support = said && what ? `with ${what}${places.length ? ` ${places.join(' and ')}` : ''}` : undefined;
  // lying on the back or the stomach for an exam says little; a side or the supports used say how the patient was treated
  if (!side && !support) return null;
  return `Positioned ${position}${support ? ` ${support}` : ''}.`;
}
