/**
 * A local server speaking the OpenAI `/audio/transcriptions` wire format (the transcription
 * package's contract tests check the adapter against it), scripted per request: the
 * pipeline tests use it as the speech provider to inject 5xx, 429, 400 and slow answers.
 */
import type { ServerResponse } from 'node:http';
import { StubServer, type Recorded } from '../../packages/transcription/test/helpers/stub-server.ts';

export type Step = { status: number; retryAfter?: string } | { delayMs: number } | 'ok';

/** What a good answer says: a transcript line marked PHI-TEXT so scans can prove it never leaks. */
export const STUB_TEXT = 'Patient reports PHI-TEXT right knee pain three out of ten.';

export class OpenAIStub {
  readonly stub = new StubServer();
  /** Steps for the next requests, in order; afterwards every request gets `ok`. */
  steps: Step[] = [];
  baseUrl = '';

  get transcriptionRequests(): Recorded[] {
    return this.stub.requests.filter((r) => r.url.pathname.endsWith('/audio/transcriptions'));
  }

  async start(): Promise<string> {
    this.stub.reply = (req, res) => this.answer(req, res);
    this.baseUrl = `${await this.stub.start()}/v1`;
    return this.baseUrl;
  }

  stop() {
    return this.stub.stop();
  }

  private answer(_req: Recorded, res: ServerResponse) {
    const step = this.steps.shift() ?? 'ok';
    const ok = () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ text: STUB_TEXT }));
    };
    if (step === 'ok') return ok();
    if ('delayMs' in step) return void setTimeout(ok, step.delayMs);
    res.writeHead(step.status, { 'content-type': 'application/json', ...(step.retryAfter ? { 'retry-after': step.retryAfter } : {}) });
    res.end(JSON.stringify({ error: { message: 'scripted failure', type: 'test', code: 'scripted' } }));
  }
}

/** Config that points the stack's transcriber at the stub. */
export const openAIConfig = (baseUrl: string): Record<string, string> => ({
  TRANSCRIBER: 'openai', OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: baseUrl, OPENAI_TRANSCRIBE_MODEL: 'gpt-4o-transcribe',
});
