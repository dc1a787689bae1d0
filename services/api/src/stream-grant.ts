import { issueStreamToken } from '@scribe/domain';
import type { Config } from '@scribe/config';

/** The `stream` object returned with a session: where to open the audio socket, and a token for it. */
export function streamGrant(config: Pick<Config, 'PUBLIC_GATEWAY_URL' | 'STREAM_TOKEN_SECRET' | 'STREAM_TOKEN_TTL_SEC'>, sessionId: string, orgId: string) {
  const exp = Math.floor(Date.now() / 1000) + config.STREAM_TOKEN_TTL_SEC;
  return {
    url: `${config.PUBLIC_GATEWAY_URL.replace(/\/$/, '')}/v1/sessions/${sessionId}/audio`,
    token: issueStreamToken(config.STREAM_TOKEN_SECRET, { sid: sessionId, org: orgId, exp }),
    expiresAt: new Date(exp * 1000).toISOString(),
  };
}
