/**
 * Build an LLM drafter for the eval command from its environment: OPENAI_BASE_URL (any
 * OpenAI-compatible server), OPENAI_API_KEY, OPENAI_DRAFT_MODEL. Services build the drafter
 * from the config package instead; this is for the command line only.
 */
import OpenAI from 'openai';
import { OpenAiDrafter } from './openai-drafter.ts';

/** An OpenAiDrafter from env; throws naming what is missing. */
export function llmDrafterFromEnv(env: NodeJS.ProcessEnv): OpenAiDrafter {
  const apiKey = env.OPENAI_API_KEY;
  const model = env.OPENAI_DRAFT_MODEL;
  if (!apiKey || !model) throw new Error('the llm engine needs OPENAI_API_KEY and OPENAI_DRAFT_MODEL (and OPENAI_BASE_URL for a compatible server)');
  const client = new OpenAI({ apiKey, ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : {}), maxRetries: 2, timeout: 120_000 });
  return new OpenAiDrafter({ client, model });
}
