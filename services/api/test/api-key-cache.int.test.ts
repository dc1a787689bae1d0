import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeApiKey, type Queryable } from '@scribe/db';
import { createApiKeyAuthenticator } from '../src/plugins/api-key-cache.ts';
import { bearer, createTestApi, type TestApi } from '../../../test/helpers/api.ts';

let t: TestApi;
let uncached: TestApi;
beforeAll(async () => {
  t = await createTestApi(import.meta.filename, { config: { API_KEY_CACHE_TTL_SEC: '1' } });
  uncached = await createTestApi(import.meta.filename, { config: { API_KEY_CACHE_TTL_SEC: '0' } });
});
afterAll(async () => {
  await t.close();
  await uncached.close();
});

const prefixOf = (key: string) => key.slice(3, 19);

/** The test database, counting the key lookups that reach it; a clock the test moves. */
function setup(ttlMs: number) {
  let lookups = 0;
  let now = 1_000_000;
  const db = { query: (...args: unknown[]) => { lookups++; return (t.db.pool.query as (...a: unknown[]) => unknown)(...args); } } as unknown as Queryable;
  const authenticate = createApiKeyAuthenticator(db, { ttlMs, now: () => now });
  return { authenticate, lookups: () => lookups, advance: (ms: number) => { now += ms; } };
}

describe('API-key cache', () => {
  it('trusts a verified key for the TTL; a revocation takes effect once the TTL has passed', async () => {
    const key = await t.key('clinic-cache', ['notes:read']);
    const c = setup(10_000);
    expect((await c.authenticate(key))?.scopes).toEqual(['notes:read']);
    await revokeApiKey(t.db.pool, prefixOf(key));
    c.advance(9_999);
    // Within the TTL the verified key is still trusted, and answered at once: no promise, no lookup.
    const cached = c.authenticate(key);
    expect(cached).not.toBeInstanceOf(Promise);
    expect(cached).toMatchObject({ scopes: ['notes:read'] });
    expect(c.lookups()).toBe(1);
    c.advance(1);
    expect(await c.authenticate(key)).toBeNull();
    expect(c.lookups()).toBe(2);
  });

  it('sees a scope change after the TTL, and shares one lookup among concurrent first requests', async () => {
    const key = await t.key('clinic-cache', ['notes:read']);
    const c = setup(5_000);
    const principals = await Promise.all(Array.from({ length: 10 }, () => c.authenticate(key)));
    expect(principals.every((p) => p?.scopes.includes('notes:read'))).toBe(true);
    expect(c.lookups()).toBe(1);
    await t.db.pool.query(`UPDATE api_keys SET scopes = '{sessions:write}' WHERE prefix = $1`, [prefixOf(key)]);
    c.advance(5_000);
    expect((await c.authenticate(key))?.scopes).toEqual(['sessions:write']);
  });

  it('never caches a failure: a wrong, unknown or revoked key reaches the database every time', async () => {
    const key = await t.key('clinic-cache');
    const c = setup(60_000);
    const wrongSecret = `${key.slice(0, 20)}${key[20] === 'A' ? 'B' : 'A'}${key.slice(21)}`;
    expect(await c.authenticate(wrongSecret)).toBeNull();
    expect(await c.authenticate(wrongSecret)).toBeNull();
    expect(c.lookups()).toBe(2);
    // The right key still verifies after the wrong one was refused for the same prefix.
    expect(await c.authenticate(key)).not.toBeNull();
    expect(await c.authenticate('sk_nothex_x')).toBeNull();
  });

  it('with TTL 0 reads the key on every call', async () => {
    const key = await t.key('clinic-cache');
    const c = setup(0);
    await c.authenticate(key);
    await c.authenticate(key);
    expect(c.lookups()).toBe(2);
  });

  it('hands out a frozen principal, so no request can change what the next one sees', async () => {
    const c = setup(10_000);
    const p = (await c.authenticate(await t.key('clinic-cache', ['notes:read'])))!;
    expect(Object.isFrozen(p) && Object.isFrozen(p.scopes)).toBe(true);
  });
});

describe('API-key cache in the api (API_KEY_CACHE_TTL_SEC)', () => {
  const get = (api: TestApi, key: string) => api.app.inject({ method: 'GET', url: '/v1/sessions?limit=1', headers: bearer(key) });

  it('refuses a revoked key within the TTL, even one that was just used', async () => {
    const key = await t.key('clinic-cache-app', ['notes:read']);
    expect((await get(t, key)).statusCode).toBe(200);
    const revokedAt = Date.now();
    await revokeApiKey(t.db.pool, prefixOf(key));
    let status = 200;
    while (status === 200 && Date.now() - revokedAt < 5_000) {
      status = (await get(t, key)).statusCode;
      if (status === 200) await new Promise((r) => setTimeout(r, 50));
    }
    expect(status).toBe(401);
    expect(Date.now() - revokedAt).toBeLessThan(2_000); // TTL 1 s, plus slack for a busy machine
  });

  it('with API_KEY_CACHE_TTL_SEC=0 refuses a revoked key on the very next request', async () => {
    const key = await uncached.key('clinic-cache-app', ['notes:read']);
    expect((await get(uncached, key)).statusCode).toBe(200);
    await revokeApiKey(uncached.db.pool, prefixOf(key));
    expect((await get(uncached, key)).statusCode).toBe(401);
  });
});
