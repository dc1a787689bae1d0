import { flag, UsageError, type Args } from './args.ts';
import { ApiClient } from './http.ts';

/** API URL and key from --api/--key or SCRIBE_API_URL/SCRIBE_API_KEY. */
export function apiFrom(args: Args): ApiClient {
  const url = flag(args, 'api') ?? process.env.SCRIBE_API_URL ?? `http://127.0.0.1:${process.env.API_PORT ?? 3000}`;
  const key = flag(args, 'key') ?? process.env.SCRIBE_API_KEY;
  if (!key) throw new UsageError('an API key is needed: --key sk_... or SCRIBE_API_KEY (create one with: scripts/scribe keys create --org NAME)');
  return new ApiClient(url.replace(/\/$/, ''), key, flag(args, 'clinician') ?? process.env.SCRIBE_CLINICIAN_ID);
}
