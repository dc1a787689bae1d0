/**
 * Dialogue to clinical prose. FORMAT.md "voice leaks": a statement must not carry first- or
 * second-person words (I, I'm, me, my, we, our, you, your) outside quotation marks. This
 * module moves a spoken sentence to the third person ("I'm still going one at a time" ->
 * "Patient is still going one at a time"; "You're lacking 15°" -> "Patient is lacking 15°";
 * "we'll bump the machine" -> "will bump the machine") and detects what remains.
 */
import { ADVERBS, gerund, isModal, isPast, thirdPerson } from './verbs.ts';

export type Voice = 'patient' | 'other' | 'clinician';

const LEAK = /\b(?:I|I'm|I'd|I've|I'll)\b|\b(?:me|my|mine|myself|we|we're|we'll|we've|our|ours|us|you|you're|you've|you'll|you'd|your|yours|yourself)\b/gi;

/** First/second-person words outside quotation marks (the FORMAT.md voice-leak rule). */
export function voiceLeaks(text: string): string[] {
  const unquoted = text.replace(/"[^"]*"|\u201c[^\u201d]*\u201d|(^|[^\p{L}])'[^']+'(?![\p{L}])/gu, '$1 ');
  const hits = unquoted.match(LEAK) ?? [];
  // "US" as in ultrasound or a country never occurs lower-case in our prose; "I" must be upper-case.
  return hits.filter((h) => h !== 'i' && h !== 'US');
}

const PEOPLE = /^(?:wife|husband|partner|daughter|son|granddaughter|grandson|mom|mother|dad|father|boss|family|kids?|children|neighbou?r|doctor|friend|sister|brother|teacher|coach|employer|adjuster|attorney|lawyer|case manager|dentist)\b/i;
const SUBJECT_CONTEXT = /(?:^|[,;:]\s*|\b(?:and|but|so|when|if|because|that|since|while|before|after|until|as|where|now|then|or|though|although|once|how|what)\s+)$/i;
const SUBORDINATE = /\b(?:when|while|after|before|until|if|once)\s+$/i;

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Replace a subject pronoun and conjugate the verb after it (skipping adverbs). subject null
 * drops the pronoun (clinician "we": "we targeted /k/" -> "targeted /k/"). Object uses
 * ("I'll show you") become "the patient"/"the clinician".
 */
function replaceSubjects(text: string, pronoun: RegExp, subject: string | null, objectWord: string): string {
  let out = '';
  let rest = text;
  for (let guard = 0; guard < 20; guard++) {
    const m = pronoun.exec(rest);
    if (!m) break;
    const before = out + rest.slice(0, m.index);
    const contraction = (m[1] ?? '').toLowerCase();
    let tail = rest.slice(m.index + m[0].length);
    const next = /^\s*([a-z']+)/i.exec(tail)?.[1] ?? '';
    const alwaysSubject = !/^you/i.test(m[0]);
    if (!alwaysSubject && !contraction && !SUBJECT_CONTEXT.test(before) && !looksLikeVerb(next)) {
      out = before + objectWord + (contraction ? ` ${thirdPerson(contraction)}` : '');
      rest = tail;
      continue;
    }
    const advs: string[] = [];
    for (;;) {
      const w = /^\s+([a-z]+)/i.exec(tail);
      if (!w || !ADVERBS.has((w[1] ?? '').toLowerCase())) break;
      advs.push(w[1] ?? '');
      tail = tail.slice(w[0].length);
    }
    const verbMatch = /^\s*([a-z']+)/i.exec(tail);
    const verb = contraction || (verbMatch?.[1] ?? '');
    let afterVerb = contraction ? tail : tail.slice(verbMatch?.[0].length ?? 0);
    const adv = advs.join(' ');
    const going = /^(?:'m|am|are|'re)$/i.test(verb) && /^\s+going to\b/i.test(afterVerb);
    if (/^(?:'ll|will)$/i.test(verb) || going) {
      afterVerb = afterVerb.replace(/^\s+going to\b/i, '');
      out = before + ['will', adv].filter(Boolean).join(' ');
      rest = afterVerb;
      continue;
    }
    if (SUBORDINATE.test(before) && verb && !contraction && /^[a-z]+$/i.test(verb) && !isModal(verb) && !isPast(verb) && !/^(?:am|are|have|do|did|can)$/i.test(verb)) {
      out = before + [adv, gerund(verb)].filter(Boolean).join(' ');
      rest = afterVerb;
      continue;
    }
    if (subject === null) {
      const keep = /^(?:'re|'ve|'d|are|have)$/i.test(verb) ? '' : contraction ? '' : verb;
      out = before + [adv, keep].filter(Boolean).join(' ');
      rest = afterVerb;
      continue;
    }
    // ("we're still on Velcro" -> "they are still on Velcro": a plural subject keeps the plural verb)
    const conjugate = (v: string) => (subject === 'they' ? (({ "'re": 'are', "'ve": 'have', "'d": 'would', am: 'are' } as Record<string, string>)[v.toLowerCase()] ?? v) : thirdPerson(v));
    out = before + (contraction ? [subject, conjugate(verb), adv] : [subject, adv, verb ? conjugate(verb) : '']).filter(Boolean).join(' ');
    rest = afterVerb;
  }
  return out + rest;
}

const COMMON_VERBS = /^(?:are|were|have|had|do|did|need|want|feel|look|seem|keep|get|go|use|make|take|hold|know|see|can|still|also|just|really|now|only|usually|always|never|scored|went|tolerated|completed|managed|walked|held)$/i;

function looksLikeVerb(word: string): boolean {
  return COMMON_VERBS.test(word) || isModal(word) || isPast(word);
}

/** Capitalised words that start a clause but are not names. */
/** What follows a name said to someone at the start of a sentence: a request, a question, an instruction. */
const ADDRESSED = /^(?:you|your|at home|can|could|would|will|do|did|does|how|what|when|where|let's|I|I'm|I'll|we|please|ask|tell|try|keep|remember|look|come|go|turn|sit|stand|lie|give|show|hold|push|pull|bend|lift|breathe|relax|take|put|stop|wait|see|thank|thanks|hi|hello|good|great|nice|ready|okay|ok|yes|no|now|this|that|here|watch|listen|say|make)\b/i;
const NOT_A_NAME = /^(?:Before|After|Since|Still|Sometimes|Usually|Normally|Yesterday|Tonight|Lately|Recently|Otherwise|Also|Actually|Honestly|Afterwards|Earlier|Later|Mostly|Overall|Again|Anyway|Besides|Luckily|Unfortunately|Hopefully|Basically|Apparently|Eventually|Finally|Meanwhile|Initial|Daily|Progress|Speech|Treatment|Assessment|Plan|Subjective|Objective|Today|Good|Okay|Alright|Right|Left|Last|First|Next|Now|Then|Block|Quick|Pre|Post|Neuromuscular|Therapeutic|Manual|Home|Star|Joint|Single|Grip|Palm|Forward|Total|Both|Mom|Dad|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|QuickDASH|Oswestry|Berg|Plus|Yes|No|Flexion|Extension|Abduction|Adduction|Rotation|Supination|Pronation|Dorsiflexion|Plantarflexion|Strength|Sensation|Range|Swelling|Edema|Posture|Gait)\b/;

const FILLER_START = /^(?:okay|ok|alright|all right|(?:good|great|nice|perfect)(?=[,.!])|so|well|oh|um|uh|yeah|yes|hmm|huh|sure|honestly|now(?!,?\s+(?:(?:maybe|about|around|only|just|down to|up to)\s+)*\d)|and|then|also|anyway|whoa|wow|right(?=,)|last thing|first(?=,))\b(?!-)[,.!:]?\s*/i;

/** Discourse clean-up shared by all voices: fillers, hedges, vocatives. */
export function tidy(text: string): string {
  let s = text.trim();
  for (let i = 0; i < 4; i++) s = s.replace(FILLER_START, '');
  // speaking through an interpreter: "Please tell her: ...", "Can you ask her ..."
  // ... also addressed by name, and to the family: "Ana, please tell Mom: ..."
  s = s.replace(/^(?:[A-Z][a-z]+,\s*)?(?:please )?(?:tell|ask) (?:her|him|them|mom|dad|the family)(?: that)?[:,]?\s*/i, '');
  s = s
    .replace(/\b(?:I'd|I would) (?:say|call|estimate|put)(?: (?:it|that|this)\b(?!'))?\s*/gi, '')
    .replace(/\b(?:I think|I guess|I mean|you know|kind of|sort of)\b,?\s*/gi, '')
    .replace(/,?\s*\bI know\b(?:,\s*I know\b)?/g, '')
    .replace(/\s*\b(?:that I can see|that I've noticed|that I noticed|that I can feel)\b/gi, '')
    .replace(/\bfor me\b\s*/gi, '')
    .replace(/\b(?:really|pretty|definitely|basically|actually|honestly)\s+/gi, '')
    .replace(/\blike (?=an? \d|\d)/gi, '')
    .replace(/\bwithout (?:me|us) (?:reminding|cueing|cuing|telling|prompting) (?:you|him|her|them)\b/gi, 'without cues')
    .replace(/,\s*(?:Mr\.?|Mrs\.?|Ms\.?)?\s*[A-Z][a-z]+(?=[.!?]?$)/, '')
    // a name said to someone ("Tom, ask him ...", "... good, Mr. Novak, ..."); a sentence opening "Stiff, mornings" or "Numbness, tingling" is no name
    .replace(/(^|,\s*)(?:[A-Z][a-z]+(?:[- ][A-Z][a-z]+){1,2}|[A-Z][a-z]+)(?=,(.*))/g, (m, lead: string, rest: string) =>
      (NOT_A_NAME.test(m.replace(/^,\s*/, '')) || (!lead.trim() && !ADDRESSED.test(rest.trim())) ? m : ''))
    .replace(/\b(?:note|evaluation|report|visit) for (?:[A-Z][a-z]+ ){1,2}(?=\S)/g, (m) => m.replace(/ for .*/, ' '))
    .replace(/\b(?:Mr|Mrs|Ms)\.? [A-Z][a-z]+,?\s*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return s;
}

/** A quotation: "..." or '...' opened after a space, comma or colon (apostrophes inside are kept). */
const QUOTE = /"[^"]+"|\u201c[^\u201d]+\u201d|(?<=^|[\s,:(])'(.+?)'(?=[\s.,;:!?)]|$)/g;
/** "In his words, '...'", "He told me today, quote, '...'": the patient's own words follow. */
const QUOTE_LEAD = /\b(?:in (?:his|her|their|the patient's) (?:own )?words|(?:he|she|they|patient) (?:told (?:me|us)|said|says|states|put it)(?: today)?|quote)[,:]?\s*(?:(?:and )?(?:I'm |I am )?quoting (?:him|her|them)[,:]?\s*)?(?:quote[,:]?\s*)?(?=["'\u201c])/gi;

/**
 * Words in quotation marks are the patient's own (DOMAIN.md 5.B item 5: "verbatim patient
 * quotes kept for S"): they are set aside before any rewriting and put back in double quotes.
 */
function protectQuotes(text: string): { text: string; restore: (s: string) => string } {
  const kept: string[] = [];
  // ... but "is still, quote, '...'" carries the quotation inside the sentence: only the word "quote" goes
  const out = text.replace(QUOTE_LEAD, (m: string, at: number) => (/^quote\b/i.test(m) && /\w[\s,]*$/.test(text.slice(0, at)) ? '' : 'patient states: ')).replace(QUOTE, (m, single: string | undefined) => {
    kept.push((single ?? m.replace(/^["\u201c]|["\u201d]$/g, '')).trim());
    return `QZ${kept.length - 1}Z`;
  });
  return { text: out, restore: (s) => s.replace(/QZ(\d+)Z/g, (_m, i: string) => `"${kept[Number(i)] ?? ''}"`) };
}

/** The sentence in the third person for its speaker; the caller decides what to keep. */
export function toThirdPerson(text: string, voice: Voice): string {
  const quoted = protectQuotes(text);
  return quoted.restore(rewrite(quoted.text, voice));
}

function rewrite(text: string, voice: Voice): string {
  let s = tidy(text);
  s = s
    .replace(/\b(?:I'm|I am) (?:feeling|palpating)\b/g, 'palpation reveals')
    .replace(/\bI (?:can )?feel\b/g, 'palpation reveals')
    .replace(/\blet's\b\s*/gi, '')
    .replace(/\blet me\b\s*/gi, '');
  if (voice === 'clinician') {
    // "Ray, Dr. Adeyemi tells me you finished chemo" -> "Per Dr Adeyemi, patient finished chemo": history the physician or the chart gave
    s = s.replace(/^(?:[A-Z][a-z]+,\s*)?(Dr\.? [A-Z][a-z]+|(?:[Yy]our|[Hh]is|[Hh]er|[Tt]he) (?:doctor|surgeon|physician|PCP|oncologist|neurologist|orthopedist|referral|chart)(?:'s note)?) (?:tells? (?:me|us)|told (?:me|us)|says|said|mentions?|mentioned|notes?|noted)(?: that)? (?=(?:you|he|she|they)\b)/,
      (_m, who: string) => `Per ${who.replace(/^(?:your|his|her|the) /i, 'the ')}, `);
    s = s.replace(/\bwhen (?:we|you) (?:first )?(?:started|began)\b/gi, 'at the start');
    // "..., what we call subacromial pain or impingement" -> "...: subacromial pain or impingement" (the impression named)
    s = s.replace(/,\s*what (?:we|I|they) call\s+/gi, ': ');
    // "we still don't have a referral on file" -> "no referral on file": what the clinic lacks, in chart style
    s = s.replace(/\b(?:we|I) (?:still )?(?:don't|do not) have (?:a |an |any |the )?(?=[a-z])/gi, 'no ');
    // ("I'll teach you to do ten minutes of practice with him": said to a parent, with the patient in the third person)
    // ("You two filled out the EAT-10": said to the patient and the family member with him, charted without the subject)
    s = s.replace(/\b[Yy]ou (?:two|2) (?=(?:filled|did|can|should|need|have|are|were|both|will)\b)/g, '');
    const addressee = /\b(?:with|to|for|help|helping|remind|watch) (?:him|her)\b/i.test(s) && /\byou\b/i.test(s) ? 'caregiver' : 'patient';
    s = replaceSubjects(s, /\byou(?:('re|'ve|'ll|'d))?\b/i, addressee, `the ${addressee}`);
    s = replaceSubjects(s, /\bI(?:('m|'ve|'d|'ll))?\b/, 'clinician', 'the clinician');
    s = replaceSubjects(s, /\bwe(?:('re|'ve|'ll|'d))?\b/i, null, 'the team');
    s = s.replace(/\byour\b/gi, (m) => (m[0] === 'Y' ? 'The' : 'the')).replace(/\byourself\b/gi, 'self');
    s = s.replace(/\bmy\b/gi, 'the clinician\'s').replace(/\bour\b/gi, 'the').replace(/\bus\b/gi, 'the team').replace(/\bme\b/gi, 'the clinician');
    s = s.replace(/\bmine\b/gi, "the clinician's").replace(/\bours\b/gi, "the team's").replace(/\byours\b/gi, "the patient's");
  } else {
    const who = voice === 'patient' ? 'patient' : 'caregiver';
    s = s.replace(/\bwhen I (?:first )?(?:started|began)\b/g, 'at the start').replace(/\bme I\b/g, 'me that I');
    // "the back is killing me": the idiom for pain, said as what it means
    s = s.replace(/\bwithout (?:it|them|that) killing (?:me|him|her)\b/gi, 'without pain').replace(/\b(?:(is|are|was|were|has been|have been)\s+)?killing (?:me|him|her)\b/gi, (_m, verb?: string) => `${verb ? `${verb} ` : ''}very painful`);
    s = replaceSubjects(s, /\bI(?:('m|'ve|'d|'ll))?\b/, who, `the ${who}`);
    s = replaceSubjects(s, /\bwe(?:('re|'ve|'ll|'d))?\b/i, 'they', 'them');
    s = replaceSubjects(s, /\byou(?:('re|'ve|'ll|'d))?\b/i, 'clinician', 'the clinician');
    // ("My brother did." said by the mother is her brother, not the patient's)
    s = s.replace(/\bmy (\w+)/gi, (_m, n: string) => (PEOPLE.test(n) ? `the ${who}'s ${n}` : `the ${n}`));
    s = s.replace(/\bmyself\b/gi, 'self').replace(/\bme\b/gi, voice === 'patient' ? 'the patient' : 'the caregiver');
    s = s.replace(/\bour\b/gi, 'their').replace(/\bus\b/gi, 'them').replace(/\byour\b/gi, "the clinician's");
    // "that low couch of mine" -> "that low couch of the patient's"
    s = s.replace(/\b(?:that|this|the|a) ((?:[a-z-]+ ){0,2}[a-z-]+) of mine\b/gi, `the ${who}'s $1`).replace(/\bmine\b/gi, `the ${who}'s`).replace(/\bours\b/gi, 'theirs').replace(/\byours\b/gi, "the clinician's");
  }
  s = expandContractions(s);
  return cap(s.replace(/\s+/g, ' ').replace(/\s+([,.;:!?])/g, '$1').trim());
}

function expandContractions(s: string): string {
  return s
    .replace(/\bisn't\b/gi, 'is not').replace(/\baren't\b/gi, 'are not').replace(/\bhasn't\b/gi, 'has not')
    .replace(/\bwasn't\b/gi, 'was not').replace(/\bcan't\b/gi, 'cannot').replace(/\bwon't\b/gi, 'will not')
    .replace(/\bdoesn't\b/gi, 'does not').replace(/\bdidn't\b/gi, 'did not').replace(/\bdon't\b/gi, 'do not')
    .replace(/\b(it|that|there|what|she|he)'s (?=been|got|had)\b/gi, '$1 has ').replace(/\b(it|that|there|what|she|he)'s\b/gi, '$1 is').replace(/\bthey're\b/gi, 'they are').replace(/\bthey'll\b/gi, 'they will')
    .replace(/\b(\w+)'ve\b/gi, '$1 have');
}
