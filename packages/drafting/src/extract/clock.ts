/**
 * Clock times and durations as spoken: "it's 10:05" ... "that's 10:23" (DOMAIN.md 2.2:
 * "Actual start and stop time — not an estimate, the real clock times"), ranges
 * ("8:10 to 8:18") and stated minutes ("eighteen minutes on the exercise").
 */

/** A time, not part of a longer one ("10:30:15"); a colon after it ends a header ("9:27 to 9:39: gait"). */
const TIME = /\b([01]?\d|2[0-3]):([0-5]\d)\s*(a\.?m\.?|p\.?m\.?)?(?!\d|:\d)/gi;

export interface ClockTime {
  /** 24-hour "HH:MM". */
  time: string;
  index: number;
}

/**
 * Clinic hours run roughly 7:00-19:00, so an hour from 1 to 6 said without am/pm is read
 * as afternoon; durations between two such times are unaffected by the choice.
 */
function to24(h: number, m: number, suffix: string | undefined): string {
  let hour = h;
  const s = suffix?.toLowerCase().replace(/\./g, '');
  if (s === 'pm' && hour < 12) hour += 12;
  else if (s === 'am' && hour === 12) hour = 0;
  else if (!s && hour >= 1 && hour <= 6) hour += 12;
  return `${String(hour).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Every clock time in the text. */
export function clockTimes(text: string): ClockTime[] {
  const out: ClockTime[] = [];
  TIME.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TIME.exec(text))) out.push({ time: to24(Number(m[1]), Number(m[2]), m[3]), index: m.index });
  return out;
}

/** "8:10 to 8:18" -> both times; null when the text holds no range. */
export function clockRange(text: string): [string, string] | null {
  // "from 2:05 to 2:19", "2:05-2:19", "I started at 4:10 and finished at 4:21", "started at 2:05, finished at 2:17",
  // "in the water at 2:05, out at 2:43", "start 10:05, stop 10:40"
  const m = /\b(\d{1,2}:\d{2}\s*(?:a\.?m\.?|p\.?m\.?)?)\s*(?:to|-|–|until|till|through|,?\s*(?:and )?(?:I )?(?:finished|finish|stopped|stop|ended|end|was done|out(?: of the (?:water|pool))?|off)(?: time)?(?: at)?)\s*(\d{1,2}:\d{2}\s*(?:a\.?m\.?|p\.?m\.?)?)/i.exec(text);
  if (!m) return null;
  const a = clockTimes(m[1] ?? '')[0];
  const b = clockTimes(m[2] ?? '')[0];
  return a && b ? [a.time, b.time] : null;
}

/** Minutes from start to stop ("10:05" -> "10:23" = 18); null when stop is not after start. */
export function minutesBetween(start: string, stop: string): number | null {
  const mins = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  const d = mins(stop) - mins(start);
  return d > 0 && d < 240 ? d : null;
}

/** What follows minutes that are a dose repeated inside a block, not its duration: "3 min each", "2 min times 3". */
export const DOSE_AFTER_MINUTES = String.raw` each\b| at a time\b| apiece\b|,? (?:times|x) ?\d`;

/**
 * Minutes said: "18 min", "an 8-minute block". Not a test's name ("6-min walk", "2-min step
 * test"), not a dose inside the block ("two rounds of three minutes", "3 min each", "putty,
 * 2 min times 3") and not a time inside a goal ("his goal of sitting 30 min").
 */
const STATED_MINUTES = new RegExp(String.raw`\b(\d+(?:\.\d+)?)(?: |-)min\b(?!\w|[- ](?:walk|step|test|stair|delay\w*|recall|break|rest|nap|drive|commute)\b|\s+(?:to|before it) (?:settle|settled|calm|clear|go away|resolve|ease|subside)\b|${DOSE_AFTER_MINUTES})`
  + String.raw`(?<!\b(?:rested|rest|resting|after|every|within|for the first|from|from about|(?:rounds?|sets?|bouts?|intervals?|reps?) of)\s+\d+(?:\.\d+)?[ -]min)`
  // ... and not a time inside the goal a service is for ("aimed at your goal of feeding her for 30 min", "so she can stand 20 min")
  + String.raw`(?<!\b(?:goals?|so (?:that )?(?:he|she|you|they|I|we) can)\b[^.!?;]{0,80})`, 'i');

/** Minutes stated in the text; the first one, or null. */
export function statedMinutes(text: string): number | null {
  const m = STATED_MINUTES.exec(text);
  return m ? Number(m[1]) : null;
}
