/**
 * LLM drafter over any OpenAI-compatible chat completions endpoint (OpenAI, Azure OpenAI,
 * a local model server by base URL), with structured output from a zod schema. The model's
 * draft goes through the same verifier as the offline one: a statement citing an unknown
 * utterance or an unsupported number, side or test is dropped, never shown as fact.
 */
import type OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { BodyPartMention, LedgerEntry, Measure } from '@scribe/coding';
import type { Utterance } from '@scribe/domain';
import { speechUtterances } from '../extract/units.ts';
import { makeProvenance } from '../provenance.ts';
import type { Drafter, DraftInput, DraftResult, DraftSections } from '../types.ts';
import { SECTION_NAMES } from '../types.ts';
import { verifySections } from '../verify/verifier.ts';
import { LlmDraft } from './schema.ts';
import { PROMPT_VERSION, systemPrompt, userPrompt } from './prompts.ts';

export const LLM_ENGINE = 'openai-compatible-drafter';

export interface OpenAiDrafterOptions {
  client: Pick<OpenAI, 'chat'>;
  model: string;
  promptVersion?: string;
  temperature?: number;
}

function keepKnown(ids: string[], known: Set<string>): string[] {
  return ids.filter((id) => known.has(id));
}

/** Structured data whose evidence points nowhere is dropped too. */
function extraction(d: LlmDraft, utterances: Utterance[]) {
  const known = new Set(utterances.map((u) => u.id));
  const ledger: LedgerEntry[] = d.ledger
    .map((e, i) => ({ ...e, id: `L${i + 1}`, evidence: keepKnown(e.evidence, known) }))
    .filter((e) => e.evidence.length > 0);
  const measures: Measure[] = d.measures.map((m) => ({ ...m, evidence: keepKnown(m.evidence, known) })).filter((m) => m.evidence.length > 0);
  const bodyParts: BodyPartMention[] = d.bodyParts.map((b) => ({ ...b, evidence: keepKnown(b.evidence, known) })).filter((b) => b.evidence.length > 0);
  return { ledger, measures, bodyParts, evaluationComplexity: d.evaluationComplexity };
}

/** Drafts with a chat model; the transcript goes out with utterance ids and minimal context. */
export class OpenAiDrafter implements Drafter {
  readonly engine = LLM_ENGINE;
  private readonly opts: OpenAiDrafterOptions;

  constructor(opts: OpenAiDrafterOptions) {
    this.opts = opts;
  }

  async draft(input: DraftInput, signal?: AbortSignal): Promise<DraftResult> {
    const started = performance.now();
    const version = this.opts.promptVersion ?? PROMPT_VERSION;
    const speech = speechUtterances(input.utterances);
    const empty: DraftSections = { subjective: [], objective: [], assessment: [], plan: [] };
    if (speech.length === 0) {
      // No usable speech: nothing to send and nothing to draft (FORMAT.md silent_or_empty_audio).
      return {
        sections: empty,
        extraction: { ledger: [], measures: [], bodyParts: [], evaluationComplexity: null, speechUtteranceCount: 0 },
        dropped: [],
        provenance: makeProvenance(this.engine, this.opts.model, version, input.utterances, started),
      };
    }
    const completion = await this.opts.client.chat.completions.parse(
      {
        model: this.opts.model,
        temperature: this.opts.temperature ?? 0,
        messages: [
          { role: 'system', content: systemPrompt(input.context, version) },
          { role: 'user', content: userPrompt(input.context, speech) },
        ],
        response_format: zodResponseFormat(LlmDraft, 'soap_draft'),
      },
      signal ? { signal } : undefined,
    );
    const parsed = completion.choices[0]?.message.parsed;
    if (!parsed) throw new Error(`model returned no structured draft (finish_reason ${completion.choices[0]?.finish_reason ?? 'none'})`);
    const sections: DraftSections = { subjective: [], objective: [], assessment: [], plan: [] };
    for (const s of SECTION_NAMES) {
      sections[s] = parsed[s].map((st, i) => ({ id: `${s[0]}${i + 1}`, text: st.text.trim(), origin: 'ai' as const, evidence: st.evidence }));
    }
    const verified = verifySections(sections, input.utterances);
    return {
      sections: verified.sections,
      extraction: { ...extraction(parsed, input.utterances), speechUtteranceCount: speech.length },
      dropped: verified.dropped,
      provenance: makeProvenance(this.engine, completion.model || this.opts.model, version, input.utterances, started),
    };
  }
}
