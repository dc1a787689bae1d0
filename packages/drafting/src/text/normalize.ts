/**
 * Clinical shorthand for spoken measures, applied after wordsToDigits:
 * "3 plus out of 5" -> "3+/5" (MMT grades, DOMAIN.md 1.5 "manual muscle testing grades"),
 * "6 out of 10" -> "6/10", "3 sets of 15" -> "3x15", "42 percent" -> "42%",
 * "108 degrees" -> "108°", "40 pounds" -> "40 lb", "twice a week" -> "2x/week".
 * The verifier runs the same function over the cited utterances, so a statement and its
 * source always compare in one notation.
 */
import { spokenClockTimes } from './clock-words.ts';
import { wordsToDigits } from './numbers.ts';

type Rule = [RegExp, string | ((...m: string[]) => string)];

const FREQ: Record<string, string> = { once: '1', twice: '2' };

const SMALL: Record<string, string> = { one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10' };

const RULES: Rule[] = [
  // "one and a half pounds" -> "1.5 pounds", "nine and a half" -> "9.5"
  [/\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten) and (a half|a quarter|three quarters)\b/gi, (_m: string, n: string, part: string) =>
    `${SMALL[n.toLowerCase()] ?? n}${part.toLowerCase() === 'a half' ? '.5' : part.toLowerCase() === 'a quarter' ? '.25' : '.75'}`],
  // grades with plus/minus: "3 plus out of 5", "3 plus", "2 plus" (reflexes), "4 minus"
  [/\b(\d) plus(?= out of| over| \/|\/)/gi, '$1+'],
  [/\b(\d) minus(?= out of| over| \/|\/)/gi, '$1-'],
  [/\b(\d) plus\b(?! \d)/gi, '$1+'],
  [/\b([0-5]) minus\b(?! \d)/gi, '$1-'],
  [/\bminus (\d+)/gi, '-$1'],
  [/\b(\d+(?:\.\d+)?[+-]?) (?:out of|over) (\d+)\b/gi, '$1/$2'],
  // "Five for five." scores trials: 5/5 (a sentence of its own, the first number no more than the second)
  [/(^|[.!?]\s+)(\d{1,2}) for (\d{1,2})(?=\s*[.!;,]|$)/g, (m: string, lead = '', a = '', b = '') => (Number(a) <= Number(b) ? `${lead}${a}/${b}` : m)],
  // "six and a half minutes"
  [/\b(\d+) and a half\b/gi, '$1.5'],
  [/\b(\d+) sets? of (\d+)\b/gi, '$1x$2'],
  // "three by ten", "2 by 6": sets by repetitions
  // ("a seven by three o'clock" is a time of day, not sets by reps)
  [/\b(\d{1,2}) by (\d{1,3})\b(?!:\d|\s*(?:%|percent|°|degrees?|cm|mm|inch|inches|feet|ft|weeks?|days?|months?|years?|visits?|sessions?|hours?|minutes?|min))/gi, '$1x$2'],
  // "point nine two meters per second": a decimal said without its leading zero
  [/(?<!\b(?:a|one|some|that|this|any|what|the|\d)\s)\bpoint ((?:\d\s)*\d)\b(?!\d|\.\d)/gi, (_m, d = '') => `0.${d.replace(/\s/g, '')}`],
  [/\b(\d+(?:\.\d+)?)[ -]kilo(?:gram)?s?\b/gi, '$1 kg'],
  [/\b(\d+(?:\.\d+)?) meters? per second\b/gi, '$1 m/s'],
  [/\b(\d+) times (\d+) (seconds?|s)\b/gi, '$1x$2 s'],
  [/\b(\d+(?:\.\d+)?) ?(?:percent|per cent)\b/gi, '$1%'],
  [/\b(\d+(?:\.\d+)?)[ -]degrees?\b/gi, '$1°'],
  [/\b(\d+(?:\.\d+)?)-pounds?\b/gi, '$1-lb'],
  [/\b(\d+(?:\.\d+)?) (?:pounds?|lbs?)\b/gi, '$1 lb'],
  [/\b(\d+(?:\.\d+)?)[ -]centimet(?:er|re)s?\b/gi, '$1 cm'],
  // a pressure: "one hundred eighty-six millimeters of mercury" -> "186 mmHg"
  [/\b(\d+(?:\.\d+)?)[ -](?:millimet(?:er|re)s?|mm) of mercury\b/gi, '$1 mmHg'],
  [/\b(\d+(?:\.\d+)?)[ -]millimet(?:er|re)s?\b/gi, '$1 mm'],
  [/\b(\d+(?:\.\d+)?) seconds?\b/gi, '$1 s'],
  [/\b(\d+(?:\.\d+)?)-seconds?\b/gi, '$1-s'],
  [/\b(\d+(?:\.\d+)?)[ -]minutes?\b/gi, '$1 min'],
  [/\b(once|twice) (?:a|per|each) (week|day)\b/gi, (_m, f = '', p = '') => `${FREQ[f.toLowerCase()]}x/${p.toLowerCase()}`],
  [/\b(once|twice) (?:daily)\b/gi, (_m, f = '') => `${FREQ[f.toLowerCase()]}x/day`],
  [/\b(\d+) times (?:a|per|each) (week|day)\b/gi, '$1x/$2'],
  [/\b(\d+) (?:a|per) (week|day)\b/gi, '$1x/$2'],
  [/\b(\d+) times daily\b/gi, '$1x/day'],
  // "five days a week", "three nights a week": how many days, not a frequency of care
  [/\b(\d+) (days|nights|hours) (?:a|per|each) (week|day)\b/gi, '$1 $2/$3'],
  [/\b0 to 10\b/g, '0-10'],
  // a value taken back as the earlier one: "Abduction 84... no wait, that's the evaluation number in my notes. Today it's 104°."
  // -> "Abduction 104°, it was 84 at the evaluation." (what was read out is the baseline, DOMAIN.md 2.4)
  [/(^|[.!?]\s+)([^.!?]*?)(\d+(?:\.\d+)?)((?: ?(?:%|°|lb|s|cm|kg))?)(?:\.\.\.|[.,])\s+(?:no,?\s+)?(?:wait|sorry|hang on|hold on)[,.]?\s+(?:that's|that is|that was) (?:the |my |his |her |your )?(evaluation|eval|intake|initial|baseline|first visit|last visit|old) (?:number|value|reading|measurement|one|score)\b[^.!?]*[.!?]\s+(?:today(?:'s| it's| it is| is)?|now(?: it's| it is)?|it's)\s+(\d+(?:\.\d+)?)((?: ?(?:%|°|lb|s|cm|kg))?)/gi,
    (_m: string, head: string, before: string, old: string, unit: string, when: string, now: string, unitNow: string) => `${head}${before}${now}${unitNow || unit}, it was ${old} at the ${when.toLowerCase()}`],
  // a number corrected as it is said: "running total is 118. Scratch that, 116" -> "116"
  // ... a clock time first: "Stopped at 9:50, no, scratch that, nine fifty-two" -> "Stopped at 9:52"
  // ("Start 11:02, stop 11:26. No, 11:28, I went a couple minutes over" -> "stop 11:28")
  [/\b\d{1,2}:\d{2}[.,]?\s+(?:no[,.]?\s+(?:(?:scratch that|correction|I mean|make that|sorry)[,:]?\s+)?|(?:scratch that|correction|I mean|make that|sorry)[,:]?\s+)(\d{1,2})[ :](\d{2})\b/gi, '$1:$2'],
  // a dose corrected: "three sets of twelve. Correction, three sets of fifteen" -> "3x15"
  [/\b\d+x\d+[.,]?\s+(?:no,?\s+)?(?:correction|sorry|I mean|scratch that|make that)[,:]?\s+(?=\d+x\d+)/gi, ''],
  // an ordinal corrected: "after the second sip, no, sorry, that was the third sip" -> "after the third sip"
  [/\b(?:first|second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th)) ([a-z]+),?\s+(?:no,?\s+)?(?:sorry|I mean|correction|wait)[,]?\s+(?:that was |it was )?(?:the )?(first|second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th)) \1\b/gi, '$2 $1'],
  // ("stuttered 2.1%. Sorry, correction, 2.4%" -> "stuttered 2.4%")
  [/\b\d+(?:\.\d+)?(%|°)?[.,]?\s+(?:(?:no|sorry),?\s+)*(?:scratch that|correction|I mean|make that)[,:]?\s+(\d+(?:\.\d+)?)(?:\1(?!\w))?/gi, (_m: string, unit: string | undefined, v: string) => `${v}${unit ?? ''}`],
  // ... or with what was wrong said before the right one: "35, no, hold on, I read that wrong, 29 mm." -> "29 mm."
  // ("Grip, right: 58 lb. No, I read the wrong dial, that's 52." -> "Grip, right: 52")
  [/\b\d+(?:\.\d+)?(?: ?(?:%|°|lb|s|cm|mm|kg))?[.,]\s+(?:(?:no|sorry|hold on|wait|oops)[,.]?\s+)*(?:I (?:read|wrote|had|said|measured) (?:that|it) wrong|I (?:read|looked at|had) the wrong (?:dial|line|row|number|side|needle|column)|I misread (?:that|it)|(?:that's|that was) the wrong (?:line|row|number|side))[,.]?\s+(?:that's |it's |it is )?(?=\d)/gi, ''],
  // ... or measured again: "55. Hmm, you're turning your shoulders, let me measure again. 50." -> "50.";
  // "24.1. Sorry, let me look at my sheet again. 24.2 after." -> "24.2 after." (never "Let me check the right side.")
  [/\b\d+(?:\.\d+)?(?: ?(?:%|°|lb|s|cm|mm|kg))?\.\s+(?:(?:hmm|hm|oh|okay|sorry|no|wait)[,.]?\s+)*[^.!?]{0,60}?\blet me (?:(?:measure|check|do|take|read) (?:that |it |this )?again|look at my (?:sheet|notes|chart) again|re-?measure(?: that| it)?)\b[^.!?]{0,30}[.!]\s+(?=\d)/gi, ''],
  // a value taken back with the right one said before why: "standard score is 76, sorry, 79, I was reading the wrong row." ->
  // "standard score is 79."
  [/\b\d+(?:\.\d+)?((?: ?(?:%|°|lb|s|cm|kg))?),\s+(?:no,?\s+)?sorry,\s+(\d+(?:\.\d+)?)\1,\s+(?:I was|I'm|I am|I had|that was)\b[^.!?]*?\b(?:wrong|misread|mis-read|backwards)\b[^.!?]*/gi, '$2$1'],
  // ... with its unit said first, or taken back with "no": "TUG 11.4 s... correction, 10.8 s" -> "TUG 10.8 s",
  // "right hand 34... no, 43 s" -> "right hand 43 s" (never inside a scale or a dose: "6/10", "3x10")
  // ("Elbow extension -30... sorry, -25": a value below zero taken back, for another below zero)
  [/(?<![\w/.])(?:-(?=\d))?\d+(?:\.\d+)?(?: ?(?:s|min|cm|mm|lb|kg|°|%|feet|ft|m|reps)\b)?(?:\.\.\.|,)\s+(?:(?:no|sorry|actually),?\s+)*(?:no|sorry|correction|scratch that|I mean|make that),?\s+(?=-?\d)/gi, ''],
  // ... a spinal level taken back: "a compression fracture at T11... no, T12" -> "at T12"
  [/\b[CTLS]\d{1,2}(?:-[CTLS]?\d{1,2})?(?:\.\.\.|,)\s+(?:(?:no|sorry|actually),?\s+)*(?:no|sorry|correction|I mean|make that|actually)[,]?\s+(?=[CTLS]\d)/g, ''],
  // ... and a value said again with its name: "DIP 45, no, correction, DIP 50" -> "DIP 50"
  [/\b([A-Za-z][\w-]*) \d+(?:\.\d+)?[.,]?\s+(?:no,?\s+)?(?:scratch that|correction|I mean|make that)[,:]?\s+\1 (\d+(?:\.\d+)?)\b/g, '$1 $2'],
  // ... with a name of more words: "Baseline was 9, correction, baseline was 11 s" -> "Baseline was 11 s"
  [/\b([A-Za-z][\w-]*(?: [a-z][\w-]*){1,2}) \d+(?:\.\d+)?[.,]?\s+(?:(?:no|sorry),?\s+)*(?:scratch that|correction|I mean|make that)[,:]?\s+\1 (\d+(?:\.\d+)?)\b/gi, '$1 $2'],
  // a dictation corrected as it is said: "then a, sorry, let me back up, then a mock lesson" -> "then a mock lesson"
  [/(?:^|(?<=[\s,]))[^,.;]{0,20},\s*sorry,\s*(?:let me back up|let me start (?:over|again)|scratch that)[,.]?\s*/gi, ''],
  // a side corrected as it is said: "restricted in left... no, right rotation" -> "restricted in right rotation";
  // "the right... sorry, the left ankle", "On the left... no, sorry, the right" keep the side meant
  // ... "on the left... scratch that, on the right", "of the right index... correction, the left index finger"
  [/\b(left|right)\b(?:\.\.\.|,)?\s+(?:(?:um|uh)[,.]?\s+)?(?:no,?\s+(?:sorry|wait|actually)|wait,?\s+no|no|sorry|scratch that|correction|I mean),?\s+(?:(?:on|to|at|in|of) )?(?:the\s+)?(right|left)\b/gi, (m: string, a = '', b = '') => (a.toLowerCase() === b.toLowerCase() ? m : b)],
  // ... said again with the words after it: "the right index... correction, the left index finger" -> "the left index finger"
  [/\b(left|right)((?: [a-z]+){1,2})(?:\.\.\.|,)\s+(?:no,?\s+(?:sorry|wait|actually)|wait,?\s+no|no|sorry|scratch that|correction|I mean),?\s+(?:the\s+)?(right|left)\2\b/gi, '$3$2'],
  // ... or with the body part first: "My right knee is... I mean my left, ugh, the left one." -> "My left knee is."
  [/\b(left|right)( [a-z]+)((?: (?:is|was|are|has been))?)(?:\.\.\.|,)\s+(?:no|sorry|I mean|wait),?\s+(?:my|the|your|his|her)\s+(right|left)\b(?:,\s*(?:(?:ugh|um|uh)[,]?\s+)?(?:the|my)\s+\4(?: one)?)?/gi,
    (m: string, a: string, part: string, verb: string, b: string) => (a.toLowerCase() === b.toLowerCase() ? m : `${b}${part}${verb}`)],
  // a reading corrected with its scale or unit said again: "6/10... sorry, 5/10 today" -> "5/10 today"
  [/\b\d+(?:\.\d+)?(\/10|°| ?(?:cm|mm|lb|kg|s|min|feet|reps))(?:\.\.\.|,)?\s+(?:no,?\s+sorry|no|sorry),?\s+(\d+(?:\.\d+)?)\1(?![\w/])/gi, '$2$1'],
  // ... with what went wrong said between: "9.8 s. No, sorry, I'm reading that backwards, 8.9 s" -> "8.9 s"
  [/\b\d+(?:\.\d+)?(\/10|°| ?(?:cm|mm|lb|kg|s|min|feet|reps))[.,]?\s+(?:no,?\s+)?sorry,?\s+(?:I'm|I am|I was|I had|that's|that was|let me)\b[^,.;]{0,40},\s+(?=\d+(?:\.\d+)?\1(?![\w/]))/gi, ''],
  // a count corrected: "3 times no, 2 times this week" -> "2 times this week"
  [/\b(\d+) (times|days|nights|weeks|hours|min|visits|sets|reps),?\s+(?:no|sorry|I mean),?\s+(\d+)\s+\2\b/gi, '$3 $2'],
  // ... taken back with "make it": "Twenty-five minutes. No, make it twenty-eight, I ran over on the QL." -> "28 min, I ran over on the QL."
  [/\b\d+(?:\.\d+)? (min|s|cm|lb|reps)[.,]\s+(?:no,?\s+)?(?:make (?:it|that)|I mean|correction|scratch that),?\s+(\d+(?:\.\d+)?)\b(?! ?(?:min|s|cm|lb|reps)\b)/gi, '$2 $1'],
  // ... or in the next sentence, with its unit said once: "Two miles. No wait, three, I did the whole lake loop." -> "3 miles, I did ..."
  // ... "six weeks ago, actually no, closer to seven" -> "7 weeks ago"; "five lines, no wait, let me check, it was six lines" -> "6 lines"
  [/\b(\d+(?:\.\d+)?) ([a-z]+)( ago)?[.,]\s+(?:no,?\s+wait|wait,?\s+no|no,?\s+sorry|(?:actually,?\s+)?no(?:,?\s+actually)?|sorry)[,.]?\s+(?:let me (?:check|see|look)(?: again)?[,.]?\s+)?(?:(?:closer to|more like|it was|it's|it is)\s+)?(\d+(?:\.\d+)?)(?![\d/x:]|\.\d| [a-z]+\/)(?=[,.!?]|\s+\2\b)(?: \2\b)?/gi, '$4 $2$3'],
  // ... said again in the same words around it: "at the 12-week mark, no, sorry, at the 10-week mark" -> "at the 10-week mark"
  [/(\b(?:[a-z]+ ){0,2})\d+(?:\.\d+)?([- ]?[a-z]+(?: [a-z]+)?)(?:\.\.\.|,)\s+(?:(?:no|sorry|wait|actually)[,.]?\s+)+\1(\d+(?:\.\d+)?)\2\b/gi, '$1$3$2'],
  // ... or corrected in the next sentence: "I leaked twice this week. No, actually 3 times, Tuesday was twice."
  // ("He tripped twice at recess on the wood chips. No, three times, the aide texted me" -> "3 times at recess on the wood chips.")
  [/\b(once|twice|\d+ times)\b([^.!?]{0,30})[.!?]\s+(?:no,?\s+actually|actually,?\s+no|wait,?\s+no|sorry,?\s+no|no),?\s+(once|twice|\d+ times)\b[,.]?\s*([a-z])?/gi, (_m: string, _a: string, rest: string, b: string, c?: string) => `${b}${rest}. ${c ? c.toUpperCase() : ''}`],
  // the last item of a list taken back: "manipulation to C5-6 and T4-5, and L4... scratch that, I did not adjust the lumbar" ->
  // "manipulation to C5-6 and T4-5. I did not adjust the lumbar" (the items said before it stand)
  [/,\s*(?:and\s+)?[^,.!?]{1,25}\.\.\.\s+(?:scratch that|actually,?\s+no|no,?\s+actually|wait,?\s+no|no,?\s+wait)[,.]?\s+([a-z])/gi, (_m: string, c: string) => `. ${c.toUpperCase()}`],
  // a start taken back as it is said: "Last one, mini squats at the counter... actually no, let's hold the squats" -> "Let's hold the squats"
  [/(^|[.!?]\s+)[^.!?]*?\.\.\.\s+(?:actually,?\s+no|no,?\s+actually|wait,?\s+no|no,?\s+wait|scratch that)[,.]?\s+([a-z])/gi, (_m: string, head: string, c: string) => `${head}${c.toUpperCase()}`],
  // a correction an interpreter passes on: "When I reach up it's a 7. No, wait, she's correcting herself, she says 6. 6 when she reaches up."
  // -> "6 when she reaches up."; "About an hour... she's correcting herself: more like an hour and a half." -> "More like an hour and a half."
  [/(^|[.!?]\s+)[^.!?]*\d[^.!?]*[.!?]\s+(?:(?:no,?\s+)?wait,?\s+)?(?:she's|he's|she is|he is) correcting (?:herself|himself)\b[^.!?]*?(\d+)[^.!?\d]*[.!?]\s+(?=\2\b)/gi, '$1'],
  [/(^|[.!?]\s+)[^.!?]*?(?:\.\.\.|[.!?])\s+(?:(?:no,?\s+)?wait,?\s+)?(?:she's|he's|she is|he is) correcting (?:herself|himself)[,:]?\s+(?:(?:she|he) says,?\s+)?(?:(?:more like|rather|actually),?\s+)?([a-z\d])/gi, (_m: string, head: string, c: string) => `${head}${c.toUpperCase()}`],
  // a value said wrong, with what was wrong said after it: "Oswestry today is 22%. Sorry, I added that wrong, it's 24%." -> "Oswestry today is 24%.";
  // "Left is 14... no, sorry, I read the wrong needle. 12 lb on the left." -> "12 lb on the left."; "Turn to the left... 65. No, hang on,
  // I wrote that on the wrong line, 65 was the right side. Left rotation is 50°." -> "Left rotation is 50°."
  [/(^|[.!?]\s+|\.\.\.\s+)([^.!?]*?)(?<!\bno,?\s|[\d.])(\d+(?:\.\d+)?)((?: ?(?:%|°|lb|s|cm|kg))?)(?:\.\.\.|[.!?,])\s+((?:no[,.]?\s+)?(?:(?:sorry|hang on|hold on|wait)[,.]?\s+|(?=I'm|I am|I was|I had|that's|that was))[^.!?]*?\b(?:wrong|misread|mis-read|backwards)\b[^.!?]*?)([.!?])\s*(?:(\d+(?:\.\d+)?)((?: ?(?:%|°|lb|s|cm|kg))?)[.!](?=\s|$)\s*)?/gi,
    (_m: string, head: string, before: string, n: string, unit: string, apology: string, stop: string, next?: string, nextUnit?: string) => {
      const again = /,\s+(?:it's|it is|that's|that is|make it|should be)\s+(\d+(?:\.\d+)?)(\s?(?:%|°|lb|s|cm|kg))?\s*$/i.exec(apology);
      // the value meant, said in the apology, takes the place of the one said wrong; else both go and what follows says it
      // ("Left shoulder flexion, 120... no, I'm reading the wrong line on the goniometer. 110." -> "Left shoulder flexion, 110.": the value said next alone)
      if (again && again[1] !== n) return `${head}${before}${again[1]}${unit || (again[2] ?? '')}${stop} `;
      return next && next !== n ? `${head}${before}${next}${unit || (nextUnit ?? '')}. ` : head;
    }],
  // ... or with only what went wrong left of it: "I had the arm on the wrong landmark. Let me redo it. Right rotation 45°." -> "Right rotation 45°."
  [/(^|[.!?]\s+)[^.!?]*\b(?:wrong|misread|mis-read|off the landmark)\b[^.!?]*[.!?]\s+let me (?:redo|re-?measure|re-?take|retake|do|take|try|measure) (?:that|it)(?: (?:again|over))?[.!?]\s+(?=[^.!?]*\d)/gi, '$1'],
  // a reading taken again: "Flexion is 90. Hang on, my goniometer was off the landmark, let me redo that. 95° flexion." -> "95° flexion."
  // (... or after a short instruction: "35. Wait, your elbow came off your side, let me redo that. Elbow in. Okay, 25°")
  [/(^|[.!?]\s+)[^.!?]*\d[^.!?]*[.!?]\s+[^.!?]*?\blet me (?:redo|re-?measure|re-?take|retake|do|take|try|measure) (?:that|it)(?: (?:again|over))?\b[^.!?]*[.!?]\s+(?=(?:[^.!?\d]{1,30}[.!?]\s+)?[^.!?]*\d)/gi, '$1'],
  // a sentence taken back: "He still gets tired writing. No, actually, not since Christmas." -> "Not since Christmas."
  [/(^|[.!?]\s+)[^.!?]+\.\s+(?:no,?\s+actually|actually,?\s+no|wait,?\s+no)[,.]?\s+([a-z])/gi, (_m: string, head: string, c: string) => `${head}${c.toUpperCase()}`],
  // a phrase restarted after "no": "after shoveling, um, no, after moving mulch" -> "after moving mulch"
  [/\b(after|before|at|on|in|into|to|with|from|for|during|while|when)\b[^.;!?]{1,40}?[,.]*\s+(?:(?:um|uh)[,.]?\s+)?no,\s+(?=\1\b)/gi, ''],
  // a phrase struck: "sit first then swing with the right leg leading. Um, no, scratch the right leg leading, he sits first ..."
  // -> "he sits first ...", in the place of the clause that said it
  [/,\s*[^,.!?]*?\b([a-z]+(?: [a-z]+){1,4})\b[^,.!?]*[.!?]\s+(?:(?:um|uh|oh)[,.]?\s+)?(?:no,?\s+)?(?:scratch|strike) (?:the |that )?\1,\s*/gi, ', '],
  // a sentence said again: "L4 slightly restricted in right rotation. Let me restate that. L4 restricted ..." keeps the second
  [/(^|[.!?]\s+)[^.!?]*[.!?]+\s+(?:let me (?:restate|rephrase|say) (?:that|it)(?: again)?|strike that)[.!]\s*/gi, '$1'],
  // letters spelled out: "the T M J", "the P I P adjuster", "E H L 4/5" -> "TMJ", "PIP", "EHL 4/5" (three or
  // more capitals, or two without the words "I" and "A" and not before a number)
  [/\b[A-Z](?: [A-Z]){2,}\b|\b[B-HJ-Z] [B-HJ-Z]\b(?! ?\d)/g, (m: string) => m.replace(/ /g, '')],
  // spinal levels: "C 5 6" -> "C5-6", "T 4 through T 6" -> "T4-T6", "C 1 C 2" -> "C1-C2" (capital C, T, L or S)
  [/\b([CTLS]) one\b/g, '$1 1'],
  [/\b([CTLS]) (\d{1,2})\b(?!\d|\.\d|[:%°/]| (?:\d|through|to|-)\b)/g, (m: string, r = '', n = '') => (Number(n) <= ({ C: 8, T: 12, L: 5, S: 5 } as Record<string, number>)[r]! ? `${r}${n}` : m)],
  [/\b([CTLS]) ?(\d{1,2})(?:,? (?:through|to|-) |\s)(?:(\1) ?)?(\d{1,2})\b(?!\d|\.\d|[:%°/])/g, (m: string, r = '', a = '', again = '', b = '') =>
    (Number(b) > Number(a) && Number(b) <= Number(a) + 6 ? `${r}${a}-${again}${b}` : m)],
  // a distance said with an article: "walk a mile" -> "walk 1 mile" (chart style drops articles; the number stays)
  [/\bhalf a mile\b/gi, '0.5 mile'],
  [/\ba mile\b(?! and a half)/gi, '1 mile'],
  // loudness as a sound level meter reads it: "91 decibels" -> "91 dB"
  [/\b(\d+(?:\.\d+)?) decibels?\b/gi, '$1 dB'],
  // "an hour and a half" -> "1.5 hours", "a year and a half" -> "1.5 years" (chart style drops articles; the duration stays)
  [/\b(?:an|a|one) (hour|minute|week|month|year|day) and a half\b/gi, (_m: string, unit: string) => `1.5 ${unit.toLowerCase()}s`],
  // the Functional Oral Intake Scale said in words: "on the oral intake scale, level three" -> "on FOIS, level 3"
  [/\b(?:the )?(?:functional )?oral intake scale\b/gi, 'FOIS'],
  // a score said as a count of a count: "That was ten questions, and you got eight of them" -> "8/10 questions correct"
  [/\b(?:(?:that|it) was |there were )?(\d+) (questions|trials|items|words|sentences|pictures|cards|tries|attempts|steps|prompts)\b,? and (?:you|he|she|they) (?:got|had|did|named|answered|said) (\d+)(?: of them| right| correct(?:ly)?)?\b/gi,
    (m: string, total: string, what: string, got: string) => (Number(got) <= Number(total) ? `${got}/${total} ${what} correct` : m)],
  // a quotation dictated aloud: 'he said, quote, I want to bank my voice, end quote'
  // (single quotes a transcriber put around it go: "quote, 'it takes me an hour,' end quote")
  [/\bquote[,:]?\s+['\u2018]?([^"]+?)[,.]?['\u2019]?[,.]?\s+(?:end quote|unquote|end of quote)\b/gi, '"$1"'],
  // ... and one dictated without its end: 'in his words, quote, my balance is off up there.' runs to the sentence's end
  [/(?<!")\bquote[,:]\s+(?!["'\u2018\u201c])(?![\s\S]*\b(?:end quote|unquote|end of quote)\b)([^".!?]+)([.!?])/gi, '"$1"$2'],
];

/** Normalise spoken numbers and measure notation; idempotent. */
export function normalizeClinical(text: string): string {
  let out = wordsToDigits(spokenClockTimes(text));
  for (const [re, to] of RULES) out = out.replace(re, to as string);
  return onTheSameScale(out);
}

/**
 * "Pain is about 3/10 at rest and it goes up to a 5 after she walks": a rating said after one on
 * the 0-10 scale, in the same sentence, is on that scale.
 */
function onTheSameScale(text: string): string {
  return text.replace(/\b\d+(?:\.\d+)?\/10\b[^.!?]*?\b(?:up to|down to|goes to|as high as|as much as|to) an? (\d{1,2})\b(?![\d/.%°:]|\s*(?:min|minutes?|s|seconds?|hours?|days?|weeks?|times|x|lb|cm|feet|reps?|sets?)\b)/g,
    (m, n: string) => (Number(n) <= 10 ? `${m}/10` : m));
}
