/**
 * Contract test of the LLM drafter against a local HTTP server speaking the chat
 * completions wire format. It shows what we send (structured output with a strict JSON
 * schema, utterance ids, no patient name) and that the verifier catches a model that cites a
 * non-existent utterance or a number its source never said. It does not show how a real
 * model drafts.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAiDrafter, PROMPT_VERSION } from '../src/index.ts';
import type { DraftContext } from '../src/index.ts';

const utterances = [
  { id: 'u1', speaker: 'patient' as const, start: 0, end: 3, text: 'My right knee is about a three out of ten today.' },
  { id: 'u2', speaker: 'patient' as const, start: 3, end: 5, text: 'No numbness in the leg.' },
  { id: 'u3', speaker: 'clinician' as const, start: 6, end: 9, text: 'Quad strength is four out of five on the right.' },
];
const context: DraftContext = {
  discipline: 'pt', noteType: 'daily', mode: 'ambient', payer: { type: 'commercial' },
  diagnoses: [{ icd10: 'M17.11' }], goals: [{ id: 'g1', text: 'Stairs without rail' }], referral: null,
};

const modelDraft = {
  subjective: [
    { text: 'Patient reports right knee pain 3/10.', evidence: ['u1'] },
    { text: 'Patient reports knee pain 7/10 at night.', evidence: ['u1'] },
    { text: 'Patient reports numbness in the leg.', evidence: ['u2'] },
  ],
  objective: [
    { text: 'Quadriceps MMT 4/5 right.', evidence: ['u3'] },
    { text: 'Knee flexion 110 degrees.', evidence: ['u99'] },
    { text: 'Quadriceps MMT 4/5 left.', evidence: ['u3'] },
  ],
  assessment: [],
  plan: [],
  ledger: [],
  measures: [{ kind: 'strength', name: 'quadriceps MMT', value: '4/5', baseline: null, side: 'right', evidence: ['u3'] }],
  bodyParts: [{ region: 'knee', side: 'right', evidence: ['u1', 'u77'] }],
  evaluationComplexity: null,
};

let server: Server;
let baseURL: string;
const requests: { url: string; body: Record<string, unknown> }[] = [];

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

beforeAll(async () => {
  server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      requests.push({ url: req.url ?? '', body: JSON.parse(raw) as Record<string, unknown> });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({
        id: 'chatcmpl-test', object: 'chat.completion', created: 1, model: 'test-model',
        choices: [{ index: 0, finish_reason: 'stop', logprobs: null, message: { role: 'assistant', content: JSON.stringify(modelDraft), refusal: null } }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
});

describe('OpenAiDrafter against a chat-completions server (contract)', () => {
  it('sends a strict JSON schema, cited utterance ids and no patient identifier; the verifier drops unsupported statements', async () => {
    const client = new OpenAI({ apiKey: 'sk-test', baseURL, maxRetries: 0 });
    const drafter = new OpenAiDrafter({ client, model: 'test-model' });
    const draft = await drafter.draft({ utterances, context });

    const req = requests.at(-1);
    expect(req?.url).toBe('/v1/chat/completions');
    const rf = req?.body.response_format as { type: string; json_schema: { name: string; strict: boolean; schema: { required: string[] } } };
    expect(rf.type).toBe('json_schema');
    expect(rf.json_schema.strict).toBe(true);
    expect(rf.json_schema.schema.required).toEqual(expect.arrayContaining(['subjective', 'objective', 'assessment', 'plan', 'ledger', 'measures']));
    const messages = req?.body.messages as { role: string; content: string }[];
    expect(messages[1]?.content).toContain('u3 [clinician 6.0-9.0]: Quad strength is four out of five on the right.');
    expect(JSON.stringify(req?.body)).not.toMatch(/patientRef|encounterRef/);

    expect(draft.sections.subjective.map((s) => s.text)).toEqual(['Patient reports right knee pain 3/10.']);
    expect(draft.sections.objective.map((s) => s.text)).toEqual(['Quadriceps MMT 4/5 right.']);
    const reasons = Object.fromEntries(draft.dropped.map((d) => [d.text, d.reasons.map((r) => r.reason)]));
    expect(reasons['Knee flexion 110 degrees.']).toEqual(expect.arrayContaining(['unknown_utterance', 'unsupported_number']));
    expect(reasons['Patient reports knee pain 7/10 at night.']).toEqual(['unsupported_number']);
    expect(reasons['Patient reports numbness in the leg.']).toEqual(['denied_symptom_asserted']);
    expect(reasons['Quadriceps MMT 4/5 left.']).toEqual(['unsupported_side']);
    expect(draft.extraction.bodyParts[0]?.evidence).toEqual(['u1']);
    expect(draft.provenance).toMatchObject({ engine: 'openai-compatible-drafter', model: 'test-model', promptVersion: PROMPT_VERSION });
    expect(draft.provenance.transcriptSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('sends nothing for a transcript with no usable speech', async () => {
    const before = requests.length;
    const client = new OpenAI({ apiKey: 'sk-test', baseURL, maxRetries: 0 });
    const draft = await new OpenAiDrafter({ client, model: 'test-model' }).draft({
      utterances: [{ id: 'u1', speaker: 'other', start: 0, end: 1, text: '[inaudible] [noise]' }], context,
    });
    expect(requests.length).toBe(before);
    expect(Object.values(draft.sections).flat()).toEqual([]);
    expect(draft.extraction.speechUtteranceCount).toBe(0);
  });
});
