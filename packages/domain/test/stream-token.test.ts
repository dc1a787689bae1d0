import { describe, expect, it } from 'vitest';
import { issueStreamToken, verifyStreamToken } from '../src/index.ts';

const secret = 'a-test-secret-of-sufficient-length-000';
const sid = '6f1c2d8e-1b2a-4c3d-9e8f-0a1b2c3d4e5f';

describe('stream tokens', () => {
  const now = 1_800_000_000;
  const token = issueStreamToken(secret, { sid, org: 'org-1', exp: now + 60 });

  it('verifies for its own session before expiry', () => {
    expect(verifyStreamToken(secret, token, sid, now)).toEqual({ ok: true, claims: { sid, org: 'org-1', exp: now + 60 } });
  });
  it('refuses another session, an expired token, a forged or malformed one', () => {
    expect(verifyStreamToken(secret, token, '00000000-0000-4000-8000-000000000000', now)).toMatchObject({ reason: 'wrong_session' });
    expect(verifyStreamToken(secret, token, sid, now + 60)).toMatchObject({ reason: 'expired' });
    expect(verifyStreamToken('another-secret-of-sufficient-length', token, sid, now)).toMatchObject({ reason: 'bad_signature' });
    const [body] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sid, org: 'org-1', exp: now + 9999 })).toString('base64url');
    expect(verifyStreamToken(secret, `${forged}.${token.split('.')[1]}`, sid, now)).toMatchObject({ reason: 'bad_signature' });
    expect(verifyStreamToken(secret, `${body}`, sid, now)).toMatchObject({ reason: 'malformed' });
    expect(verifyStreamToken(secret, `${token}.x`, sid, now)).toMatchObject({ reason: 'malformed' });
  });
  it('carries ids only', () => {
    const claims = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString());
    expect(Object.keys(claims).sort()).toEqual(['exp', 'org', 'sid']);
  });
});
