import { DeepgramError } from '@deepgram/sdk';
import { errorForStatus, networkError, type Deadline } from '../errors.ts';
import { TranscriptionError } from '../transcriber.ts';

export const DEEPGRAM = 'Deepgram';

/**
 * Map anything the Deepgram SDK throws to a TranscriptionError. Our own deadline is checked
 * first because the SDK reports an abort and a timeout alike ("The user aborted a request").
 * A DeepgramError with a status is classified by status (its body's `err_code` is kept when it
 * is a plain identifier); without a status it is a network failure.
 */
export function fromDeepgramError(err: unknown, deadline: Deadline): TranscriptionError {
  if (err instanceof TranscriptionError) return err;
  const aborted = deadline.abortError(DEEPGRAM);
  if (aborted) return aborted;
  if (err instanceof DeepgramError && typeof err.statusCode === 'number') {
    const headers = err.rawResponse?.headers;
    const body = err.body as { err_code?: unknown } | undefined;
    return errorForStatus(DEEPGRAM, err.statusCode, {
      retryAfter: headers?.get?.('retry-after'),
      providerCode: body && typeof body === 'object' ? body.err_code : undefined,
    });
  }
  return networkError(DEEPGRAM, err);
}
