/**
 * Chart-style prose: notes are terse ("Pt reports stiffness in mornings"), so articles,
 * filler adverbs and spoken courtesies go; words in quotation marks are the patient's own and
 * stay verbatim (FORMAT.md compression and voice rules).
 */

import { WHILE_CHARTING } from '../extract/cues.ts';
import { symptomMentions } from '../text/negation.ts';

/** What a child or patient is called when spoken to ("Okay, buddy, ...", "And no pain, bud?"): never charted. */
export const NICKNAME = 'buddy|bud|champ|kiddo|sweetie|honey|hon|dear|pal|superstar|soccer star|big guy|little man|my friend';
const ADDRESSED_BY_NICKNAME = new RegExp(`(^|[;,] )(?:(?:okay|alright|so|now),?\\s+)?(?:${NICKNAME}),\\s+`, 'gi');

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A pressure, effort or assist grade: what a "no" in the middle of the phrase takes back. */
const GRADE = 'light|firm|moderate|deep|gentle|heavy|medium|minimal|maximal|min|mod|max';

/**
 * Chart style: notes are terse ("Pt reports stiffness in mornings"), so articles and
 * filler adverbs go; quoted patient words stay verbatim.
 */
export function concise(text: string): string {
  return text
    .split(/("[^"]*")/)
    .map((part) => (part.startsWith('"') ? part : mergeDenials(part
      // ("half the time", "all the time", "most of the time": a share of the time, kept as said; so is "a while";
      // "a little" and "a few" are amounts: "helped a little" is not "helped little")
      .replace(/(?<!\bDr\.?)(?<=\S\s)\b(?:the|a|an)\s+(?=[\w/(-])/g, (m: string, at: number, all: string) =>
        ((/\b(?:half|all|most of|some of) $/i.test(all.slice(0, at)) && /^the\s+time\b/i.test(all.slice(at))) || /^a\s+(?:while|little|few)\b/i.test(all.slice(at)) ? m : ''))
      .replace(/\b(?:really|just|still|actually|pretty|quite|though|totally|definitely|honestly|exactly|okay|so far)\b,?\s*/gi, '')
      .replace(/\bthat is\s+/gi, '')
      // "Same with any coughing with meals, call us." -> "Call if coughing with meals.": the condition, not a report of it
      .replace(/(^|[.;]\s+)(?:and )?same (?:with|for|goes for) (?:any )?([^,.;]+),\s*(call|let (?:me|us|(?:the )?team|(?:the )?clinician) know|tell (?:me|us|(?:the )?team|(?:the )?clinician))(?: (?:us|me|(?:the )?team|(?:the )?clinician|(?:the )?office))?\b/gi, (_m: string, head: string, what: string, act: string) => `${head}${act.charAt(0).toUpperCase()}${act.slice(1)} if ${what}`)
      // "tolerated firm, no, moderate, moderate pressure" -> "tolerated moderate pressure": a grade taken back as it was said
      .replace(new RegExp(String.raw`\b(?:${GRADE}),? no,? (${GRADE})(?:,? \1\b)?`, 'gi'), '$1')
      // a lay word for the part the chart names (never inside a quotation): "right butt cheek" -> "right buttock"
      .replace(/\bbutt cheeks?\b/gi, 'buttock')
      // "like a 4 instead of 6/10" -> "4/10 (was 6/10)": the same scale, and which came first
      .replace(/\b(\d{1,2}) instead of (?:an? )?(\d{1,2})\/10\b/gi, (m: string, a: string, b: string) => (Number(a) <= 10 ? `${a}/10 (was ${b}/10)` : m))
      // "The back's 5/10" -> "Back 5/10": a rating charted after what it rates
      .replace(/\b([a-z]+)'s (?=\d+(?:\.\d+)?\/10\b)/gi, '$1 ')
      // "Neck's maybe 4/10, the arm's like a 2": the next rating in the sentence is on the same scale
      .replace(/(\d\/10\b[^.;]{0,30}?,\s*(?:and\s+)?(?:the |my |his |her )?[a-z]+(?:'s| is)\s+(?:like |about |maybe |around )?(?:a |an )?)(\d{1,2})\b(?![/\d]|\.\d|\s*(?:min|s\b|lb|cm|°|%|x\b|times|days|weeks|hours))/gi, (m: string, head: string, n: string) => (Number(n) <= 10 ? `${head}${n}/10` : m))
      // "jumps to 4/10, maybe 5": a range as said, never a second bare number
      .replace(/\b(\d+)(\/10)?,?\s+(?:or |maybe |possibly )+(?:a )?(\d+)\b(?![/.]\d)/g, (m, a: string, scale: string | undefined, b: string) => (Number(b) > Number(a) && Number(b) - Number(a) <= 2 ? `${a}-${b}${scale ?? ''}` : m))
      .replace(/\b(?:about|maybe|approximately)\s+(?=\d)/gi, '')
      .replace(/\b(?:some|any|at all)\s+(?=[a-z\d])/gi, '')
      .replace(/^The (?=[a-z])/, '')
      // "This is to get the arm up high enough ..." -> "To get the arm up ...": the purpose says it
      .replace(/^This is (?=(?:to|for) [a-z])/, '')
      // "Okay, soccer star, start on shoes": a child or patient called by a nickname, not charted
      .replace(ADDRESSED_BY_NICKNAME, '$1')
      // "Mom, on the Goldman-Fristoe ...": a family member addressed is not part of what is charted
      .replace(/^(?:Mom|Mum|Mommy|Dad|Daddy|Grandma|Grandpa|Nana|Papa),\s+/, '')
      .replace(/^palpation reveals\s+/i, 'Palpation: ')
      // "Filled out the QuickDASH again: 34" -> "QuickDASH: 34": the score is what is charted, not the form filling
      .replace(/^(?:(?:[Pp]atient|[Cc]linician) )?(?:[Ff]illed out|[Cc]ompleted|[Rr]e-?did) (?=[A-Z][\w-]*(?: [A-Z][\w-]*){0,4}(?: again)?:)/, '')
      .replace(/^([A-Z][\w-]*(?: [A-Z][\w-]*){0,4}) again:/, '$1:')
      // "Hot pack on the neck for ten minutes while I write up your report": the clinician's own work meanwhile
      .replace(WHILE_CHARTING, '')
      .replace(/(\d[^\s,;]*) on (right|left)\b/gi, '$1 $2')
      .replace(/^There (?:is|are) /, '')
      // "Pain numbers: back pain 3/10": a dictated label over what it labels
      .replace(/^(?:pain )?(?:numbers|ratings):\s*/i, '')
      // "I've got a sample of 300 syllables" -> "Sample of 300 syllables": "has got" says only that it is there
      .replace(/(^|, (?:and )?)(?:clinician|therapist|we) (?:has|have|'ve) got (?:a |an |the )?/gi, '$1')
      .replace(/\b(?:she|he|they|patient) (?:has|have) got (?:a |an )?/gi, 'has ')
      // "The VISA-A 82", "The LEFS 51/80": a named scale needs no article in a chart
      .replace(/^[Tt]he (?=[A-Z][A-Za-z-]*[A-Z])/, '')
      .replace(/^(?:Clinician|Therapist) (?=[a-z]+ed\b|would|will|called|sent|(?:discharging|continuing|adding|referring|holding|progressing)\b)/, '')
      // "...; this is low complexity evaluation", "This is significant decline": the finding needs no "this is"
      .replace(/(^|[;,] |\b(?:so|and) )this is (?=(?:low|moderate|high)[- ]complexity\b|(?:a )?significant\b)/gi, '$1')
      .replace(/^(?:Will|Plan is) (?=[a-z])/, '')
      .replace(/\s*\b(?:for now|right now|so far)\b/gi, '')
      // spoken time words and courtesies carry nothing in a note of this visit
      // ("0.42 m/s last visit, 0.48 today": "today" is kept where it sets this visit's value against an earlier one)
      .replace(/,?\s*\b(?:today(?!'s)|for me|as far as (?:patient|the patient|he|she) can|as much as (?:patient|the patient|he|she) can|go ahead|right there|please)\b,?/gi, (m) => (/\btoday\b/i.test(m) && /\blast (?:visit|time|week|session)\b/i.test(part) ? m : ''))
      .replace(/(?<=\d\S*) now\b/g, '')
      .replace(/(?<=[a-z0-9°%)] )(?<!\b(?:this|that|it|there|what|which|who) )(?:is|are)\s+(?!not\b|to\b|a\b|an\b|the\b|in\b|on\b|at\b|for\b|from\b|with\b|of\b|so\b|why\b|what\b|how\b|where\b|when\b|because\b)/gi, '')
      .replace(/^(?:For (?:the )?report|So|Then|Now|Today(?!'s)|First|Objectively|Subjectively|Next(?! (?:time|visit|session|week)))[:,]?\s+/i, '')
      // dictation markers: "..., unquote", "End of note."
      .replace(/,?\s*\b(?:end quote|unquote|end of quote)\b/gi, '')
      .replace(/\s*\bend of (?:note|dictation)\b\.?/gi, '')
      .replace(/\b(?:reports|states|says) that\b/gi, (m) => m.split(' ')[0] ?? m)
      .replace(/\band then\b/gi, 'then')
      // "Caregiver reports he picked up his mug": who did it is the patient, not the one reporting
      .replace(/^((?:Caregiver|Interpreter|Family|Spouse|Wife|Husband|Mom|Mother|Dad|Father|Parents?) reports) (?:he|she|they) (?=[a-z]+ed\b)/, '$1 patient ')
      .replace(/(?<=(?:,|;|:|\band|\bso|\bbut|\bthen|^[A-Z][a-z]+ [a-z]+) )(?:he|she|they|clinician|(?<!^(?:Caregiver|Interpreter|Family|Spouse|Wife|Husband|Mom|Mother|Dad|Father|Parents?) reports )patient) (?=[a-z]+(?:ed|s)?\b)(?!is\b|was\b|has\b|can\b|does\b|did\b|will\b|would\b)/g, '')
      .replace(/\b(progressed|moved|advanced|switched|cued|helped|reminded) (?:him|her|them|patient) /g, '$1 ')
      // "..., so she can ..." joins two clauses; "this is so the hand can ..." is a purpose; "using so many pads" is how many
      .replace(/(?<!\b(?:is|are|was|were|or))(?:,? so) (?!(?:many|much|few|little|far|long|often|bad|badly|good|well|hard|tired|sore|stiff|weak|easy|quickly|fast|slowly|nervous|scared|worried|happy|glad|proud)\b)(?=[a-z])/g, '; ')
      .replace(/,? (?:and )?(?:he|she|patient) (?:says|states|feels like) (?=[a-z])/gi, ', ')
      // "4/10, it was a 6 last week" -> "4/10 (was 6/10 last week)": an earlier rating is on the same scale, and says when
      .replace(/(\b\d{1,2}\/10),\s+(?:and |but )?(?:it |that )?was (?:a |an )?(\d{1,2})\b(?![\d/.%°])((?: last (?:week|visit|time|session)| at (?:the )?(?:start(?: of care)?|evaluation|eval|intake|first visit|initial (?:exam|evaluation|eval|visit)))?)/g,
        (m: string, now: string, was: string, when = '') => (Number(was) <= 10 ? `${now} (was ${was}/10${when})` : m))
      // "Abduction 165, it was 95" -> "Abduction 165 (was 95)", "18 s, was 9" -> "18 s (was 9)": a value's earlier reading keeps its "was"
      .replace(/(\d[^\s,;]*(?: (?:s|lb|cm|mm|min|kg|m\/s))?),\s+(?:it |that )?(?:was|were) (-?\d+(?:\.\d+)?[+-]?(?:°|\/\d+)?)(?=[\s,;.]|$)/g, '$1 (was $2)')
      // "Walking 20 min before he has to sit, was 5 min": the earlier reading of what was just said, never a bare "5 min"
      .replace(/,\s+(?:and |but )?(?:it |that )?was (-?\d+(?:\.\d+)?[+-]?(?:°|\/\d+|%| (?:s|lb|cm|mm|min|minutes|kg|m\/s|feet|ft)\b)?)(?=[,;.]|$)/g, ' (was $1)')
      .replace(/(?<!\()\b(?:it )?(?:is|are|was|were) (?=(?:about |approximately )?-?\d)/g, '')
      .replace(/^(?:He|She) and (?:his|her|their) /, 'Patient and ')
      .replace(/^(?:He|She|They) (?!and\b)(?=[a-z])/, '')
      // "Jordan reports headaches ...": the patient's name, which the EMR holds (a relative or other role who reports is kept)
      .replace(/^(?!(?:Patient|Client|Caregiver|Wife|Husband|Partner|Mom|Mother|Dad|Father|Daughter|Son|Teacher|Family|Parents?|Nurse|Aide|Interpreter|Spouse|Grand\w+|Sister|Brother|Coach|Boss|Employer)\b)[A-Z][a-z]+ (?=(?:reports|says|states)\b)/, '')
      // "Her log shows ...", "His Beery VMI standard score 79": whose it is, the note already says
      .replace(/^(?:His|Her|Their) (?=[a-zA-Z])/, '')
      .replace(/^(?:is|are) (?=(?:on|off|back|still|not|able|unable|independent)\b)/i, '')
      .replace(/(?<=\S )\b(?:his|her|their) (?=[a-z])/g, '')
      .replace(/\bDr\. /g, 'Dr ')
      // telegraphic chart style: "has been wearing" -> "wearing", "was throwing up" -> "throwing up"
      .replace(/\b(?:has|have|had) been (?=[a-z]+ing\b)/g, '')
      .replace(/(?<!\b(?:goal|goals|what|that|this|it|there|which|who|What|That|This|It|There|Which|Who)\s)\b(?:is|are|was|were) (?=[a-z]+ing\b)(?!(?:going to|being)\b)/g, '')
      // "Caregiver reports he's been sneaking coffee" -> "Caregiver reports patient sneaking coffee", never "he sneaking"
      .replace(/^((?:Caregiver|Interpreter|Family|Spouse|Wife|Husband|Mom|Mother|Dad|Father|Parents?) reports) (?:he|she|they) (?=[a-z]+ing\b)/, '$1 patient '))))
    .join('');
}

/** The same symptoms said and the same denied, before and after a rewording (DOMAIN.md 1.6: negations must be kept). */
export function sameDenials(before: string, after: string): boolean {
  const count = (t: string, negated: boolean) => symptomMentions(t).filter((m) => m.negated === negated).length;
  return count(before, true) === count(after, true) && count(before, false) === count(after, false);
}

/** "denies dizziness and denies double vision" -> "denies dizziness and double vision", when every symptom stays denied. */
function mergeDenials(text: string): string {
  const merged = text.replace(/(\bdenies [a-z][a-z -]{1,40}?(?:,? and|,)) denies\b/gi, '$1');
  return merged !== text && sameDenials(text, merged) ? merged : text;
}

/** A finished statement: chart style, capitalised, one closing stop. */
/** "Starting massage on low back: ...", "Moving to left hip now: ...": the part a block is on, without the narration of moving to it. */
const MOVING_ON = /^(?:(?:I'm |we're |clinician is )?(?:now )?(?:starting|moving|switching|going|working)(?: (?:the |with )?(massage|soft tissue|manual therapy|myofascial release|stretching|mobili[sz]ations?))? (?:on|onto|to|over to) (?:the )?([^:.;]{2,40}?)(?: now)?:\s+)/i;

export function finish(text: string): string {
  const moved = text.replace(MOVING_ON, (_m, what: string | undefined, part: string) => `${what ? `${cap(what)} to ${part}` : cap(part)}: `)
    // "Next visit will do shirt standing" -> "Next visit: shirt standing" (the plan in chart style)
    .replace(/^Next (visit|week|session|time),? will (?:do |work on )?(?!be\b)/i, (_m, when: string) => `Next ${when.toLowerCase()}: `);
  const t = cap(concise(moved).replace(/\s+/g, ' ').replace(/\s+([,.;:!?])/g, '$1').replace(/,(?:\s*,)+/g, ',').replace(/[,;:]+(?=[.!?]|$)/g, '').replace(/^[,;:\s]+/, '').trim());
  if (/[.!?]"\.$/.test(t)) return t.slice(0, -1);
  return /[.!?]"?$/.test(t) ? t : `${t}.`;
}

