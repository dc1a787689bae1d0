import { describe, expect, it } from 'vitest';
import { boardSigningKey, signBoardToken, verifyBoardToken } from '../src/admin/board-tokens.ts';
import { readCookie } from '../src/admin/board-auth.ts';

const key = boardSigningKey('test-stream-token-secret-0123456789abcdef');
const keyId = '3f1c2a7e-9b0d-4c55-8a11-2f6e8d7c9b10';

describe('board tokens', () => {
  it('round-trips the key id and expiry for its own kind only', () => {
    const t = signBoardToken(key, 'ticket', keyId, 60_000, 1_800_000_000_000);
    expect(verifyBoardToken(key, 'ticket', t.token, 1_800_000_000_000)).toEqual({ keyId, exp: 1_800_000_060_000, nonce: t.nonce });
    expect(verifyBoardToken(key, 'cookie', t.token, 1_800_000_000_000)).toBeNull();
    expect(verifyBoardToken(key, 'cookie', t.token.replace(/^ticket/, 'cookie'), 1_800_000_000_000)).toBeNull();
  });

  it('refuses expired, tampered and foreign-key tokens', () => {
    const t = signBoardToken(key, 'cookie', keyId, 1_000, 1_800_000_000_000);
    expect(verifyBoardToken(key, 'cookie', t.token, 1_800_000_001_000)).toBeNull();
    const other = boardSigningKey('another-secret-of-sufficient-length-000000');
    expect(verifyBoardToken(other, 'cookie', t.token, 1_800_000_000_000)).toBeNull();
    const swapped = t.token.replace(keyId, '00000000-0000-4000-8000-000000000000');
    expect(verifyBoardToken(key, 'cookie', swapped, 1_800_000_000_000)).toBeNull();
    expect(verifyBoardToken(key, 'cookie', 'garbage', 1_800_000_000_000)).toBeNull();
  });

  it('a board key differs from the secret it is derived from (no token type passes as another)', () => {
    expect(key.equals(Buffer.from('test-stream-token-secret-0123456789abcdef'))).toBe(false);
  });

  it('reads one cookie among several', () => {
    expect(readCookie('a=1; scribe_board=v.1; b=2', 'scribe_board')).toBe('v.1');
    expect(readCookie('xscribe_board=1', 'scribe_board')).toBeUndefined();
    expect(readCookie(undefined, 'scribe_board')).toBeUndefined();
  });
});
