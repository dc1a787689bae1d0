/**
 * No source, no assertion. Every draft, whatever engine wrote it, passes through here:
 * a statement must cite utterances that exist; each number, side and named test in it must
 * appear in those utterances (numbers compared after words -> digits); a symptom the cited
 * utterances only deny must not be stated as present; no first/second person outside
 * quotes. A statement that fails is dropped and reported, never shown as fact.
 * Sources: DOMAIN.md 1.6 (SOAP5: "incorrect laterality, auto-populated vitals, or tests not
 * actually performed"; "ensure clinical negations are correct"), FORMAT.md voice leaks.
 */
import type { SectionName, Utterance } from '@scribe/domain';
import { testsIn } from '../lexicon/tests.ts';
import { stripMarkers } from '../text/markers.ts';
import { symptomMentions } from '../text/negation.ts';
import { normalizeClinical } from '../text/normalize.ts';
import { numbersIn } from '../text/numbers.ts';
import { splitSentences } from '../text/sentences.ts';
import { sidesIn } from '../text/laterality.ts';
import { voiceLeaks } from '../text/voice.ts';
import type { DraftSections, DraftStatement, DroppedStatement, VerifyReason } from '../types.ts';
import { SECTION_NAMES } from '../types.ts';

export interface VerifyOutcome {
  sections: DraftSections;
  dropped: DroppedStatement[];
}

type Problem = { reason: VerifyReason; detail: string };

function sideSet(text: string): Set<string> {
  const set = new Set<string>();
  for (const s of sidesIn(text)) set.add(s.side);
  if (/\bboth\b|\bbilateral/i.test(text)) set.add('bilateral');
  return set;
}

/** Problems with one statement against the utterances it cites. */
export function checkStatement(statement: Pick<DraftStatement, 'text' | 'evidence'>, byId: Map<string, string>): Problem[] {
  const problems: Problem[] = [];
  if (statement.evidence.length === 0) return [{ reason: 'no_evidence', detail: 'cites no utterance' }];
  const unknown = statement.evidence.filter((id) => !byId.has(id));
  if (unknown.length) problems.push({ reason: 'unknown_utterance', detail: unknown.join(', ') });
  const cited = statement.evidence.map((id) => byId.get(id) ?? '').join(' \n ');
  const text = normalizeClinical(statement.text);

  const have = new Set(numbersIn(cited).map((n) => Math.abs(n)));
  const missing = [...new Set(numbersIn(text).map((n) => Math.abs(n)))].filter((n) => !have.has(n));
  if (missing.length) problems.push({ reason: 'unsupported_number', detail: missing.map((n) => (n >= 10000 ? 'a clock time' : String(n))).join(', ') });

  const citedSides = sideSet(cited);
  const sides = [...sideSet(text)].filter((s) => !citedSides.has(s));
  if (sides.length) problems.push({ reason: 'unsupported_side', detail: sides.join(', ') });

  const citedTests = new Set(testsIn(cited).map((t) => t.name));
  const tests = testsIn(text).map((t) => t.name).filter((n) => !citedTests.has(n));
  if (tests.length) problems.push({ reason: 'unsupported_test', detail: tests.join(', ') });

  // polarity: only statements (not questions) in the source count
  const assertions = splitSentences(cited).filter((s) => !/\?\s*$/.test(s)).join(' ');
  const sourceMentions = symptomMentions(assertions);
  for (const m of symptomMentions(text)) {
    if (m.negated) continue;
    const same = sourceMentions.filter((s) => s.key === m.key);
    if (same.length > 0 && same.every((s) => s.negated)) problems.push({ reason: 'denied_symptom_asserted', detail: m.word });
  }

  const leaks = voiceLeaks(statement.text);
  if (leaks.length) problems.push({ reason: 'voice_leak', detail: [...new Set(leaks)].join(', ') });
  return problems;
}

/** Normalised text of each usable utterance, by id. */
export function utteranceIndex(utterances: Utterance[]): Map<string, string> {
  return new Map(utterances.map((u) => [u.id, normalizeClinical(stripMarkers(u.text))]));
}

/** Keep the statements that pass; renumber them; report the rest. */
export function verifySections(sections: DraftSections, utterances: Utterance[]): VerifyOutcome {
  const byId = utteranceIndex(utterances);
  const kept: DraftSections = { subjective: [], objective: [], assessment: [], plan: [] };
  const dropped: DroppedStatement[] = [];
  for (const section of SECTION_NAMES as SectionName[]) {
    for (const st of sections[section]) {
      const problems = checkStatement(st, byId);
      if (problems.length) {
        dropped.push({ section, text: st.text, evidence: st.evidence, reasons: problems });
        continue;
      }
      kept[section].push({ ...st, id: `${section[0]}${kept[section].length + 1}`, origin: 'ai' });
    }
  }
  return { sections: kept, dropped };
}
