/** The Clerk adapter on the real @clerk/express, with session tokens minted locally and verified with `jwtKey`. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_KEY, allowAll, json, proxyApp, recordingUpstream, settled, type ProxyApp } from '../../test/harness.ts';
import { CLERK_APP_ORIGIN, clerkInstance, type ClerkInstance } from '../../test/identity-providers.ts';
import { hmacWithPublicKey, now, sign, signingKey, tampered, unsigned, type SigningKey } from '../../test/tokens.ts';
import { clerk } from './clerk.ts';

let key: SigningKey;
let instance: ClerkInstance;
let upstream: Awaited<ReturnType<typeof recordingUpstream>>;
let app: ProxyApp;

const claims = (overrides: Record<string, unknown> = {}) => instance.claims('user_clerk_1', overrides);

beforeAll(async () => {
  key = await signingKey();
  instance = clerkInstance(key);
  upstream = await recordingUpstream();
  app = await proxyApp({ upstream: upstream.url, apiKey: FAKE_KEY, policy: allowAll, session: clerk(instance.options) });
});
afterAll(async () => {
  await app.close();
  await upstream.close();
});

const get = (headers: Record<string, string>, query = '') =>
  fetch(`${app.url}/api/clinik/patients${query}`, { headers, redirect: 'manual' });

/** Who the proxy signed in for `headers` (null: nobody), from the request's audit record. */
async function signedInAs(headers: Record<string, string>, query = ''): Promise<string | null> {
  const before = app.log.records().length;
  await (await get(headers, query)).arrayBuffer();
  return (await settled(app.log, before + 1)).at(-1)?.userId ?? null;
}

describe('clerk() session', () => {
  it('signs in a valid bearer token and maps claims to the user', async () => {
    const before = app.log.records().length;
    const response = await get({ authorization: `Bearer ${await sign(key, claims())}` });
    expect(response.status).toBe(200);
    expect((await settled(app.log, before + 1))[before]).toMatchObject({ userId: 'user_clerk_1', roles: ['clinician'] });
  });

  it('signs in from the __session cookie (with Clerk’s __client_uat)', async () => {
    const token = await sign(key, claims());
    expect((await get({ cookie: `__session=${token}; __client_uat=${now() - 20}` })).status).toBe(200);
  });

  it.each([
    ['no token', async () => ({})],
    [
      'an expired token',
      async () => ({ authorization: `Bearer ${await sign(key, claims({ exp: now() - 120, iat: now() - 300, nbf: now() - 300 }))}` }),
    ],
    ['a token not yet valid', async () => ({ authorization: `Bearer ${await sign(key, claims({ nbf: now() + 600 }))}` })],
    [
      'a token for another authorized party',
      async () => ({ authorization: `Bearer ${await sign(key, claims({ azp: 'https://evil.example' }))}` }),
    ],
    ['a tampered token', async () => ({ authorization: `Bearer ${tampered(await sign(key, claims()), { sub: 'user_admin' })}` })],
    ['an alg:none token', async () => ({ authorization: `Bearer ${unsigned(claims(), key.kid)}` })],
    ['an HS256 token signed with the public key', async () => ({ authorization: `Bearer ${await hmacWithPublicKey(key, claims())}` })],
    ['a token signed by another key', async () => ({ authorization: `Bearer ${await sign(await signingKey(key.kid), claims())}` })],
    ['a machine token', async () => ({ authorization: 'Bearer ak_notasessiontoken' })],
    ['a session cookie without __client_uat', async () => ({ cookie: `__session=${await sign(key, claims())}` })],
  ])('answers %s with 401 JSON', async (_name, headers) => {
    const response = await get(await headers());
    expect(response.status).toBe(401);
    expect(await json(response)).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('never redirects, even a document navigation Clerk would send to its handshake', async () => {
    const expired = await sign(key, claims({ exp: now() - 120, iat: now() - 300, nbf: now() - 300 }));
    const response = await get({
      cookie: `__session=${expired}; __client_uat=${now() - 400}`,
      'sec-fetch-dest': 'document',
      accept: 'text/html',
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('set-cookie')).toBeNull();
    expect([...response.headers.keys()].filter((name) => name.startsWith('x-clerk'))).toEqual([]);
  });

  it('requires X-CSRF for cookie sessions only', async () => {
    const token = await sign(key, claims());
    const post = (headers: Record<string, string>) =>
      fetch(`${app.url}/api/clinik/patients`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: '{"firstName":"a","lastName":"b"}',
      });
    expect((await post({ cookie: `__session=${token}; __client_uat=${now() - 20}` })).status).toBe(403);
    expect((await post({ cookie: `__session=${token}; __client_uat=${now() - 20}`, 'x-csrf': '1' })).status).toBe(200);
    expect((await post({ authorization: `Bearer ${token}` })).status).toBe(200);
  });

  it('forgets a remembered cookie session as soon as Clerk signs the client out (__client_uat=0)', async () => {
    const token = await sign(key, claims());
    expect((await get({ cookie: `__session=${token}; __client_uat=${now() - 20}` })).status).toBe(200);
    expect((await get({ cookie: `__session=${token}; __client_uat=0` })).status).toBe(401);
  });

  it('never takes a remembered cookie session for an Authorization header spelling the same cookies', async () => {
    const cookies = `__client_uat=${now() - 20};__session=${await sign(key, claims())}`;
    expect((await get({ cookie: cookies })).status).toBe(200);
    // Clerk reads only the header when one is sent, and this one is no token: it must be verified, and refused.
    const response = await get({ authorization: cookies, cookie: cookies });
    expect(response.status).toBe(401);
  });

  it('remembers a bearer session without letting a changed token ride on it', async () => {
    const token = await sign(key, claims({ sub: 'user_clerk_2' }));
    expect((await get({ authorization: `Bearer ${token}` })).status).toBe(200);
    expect((await get({ authorization: `Bearer ${token}` })).status).toBe(200);
    expect((await get({ authorization: `Bearer ${tampered(token, { sub: 'user_admin' })}` })).status).toBe(401);
  });

  it('takes the first of two __session cookies, as Clerk does, so swapping them is another credential', async () => {
    const genuine = await sign(key, claims({ sub: 'user_first' }));
    const forged = tampered(genuine, { sub: 'user_admin' });
    const uat = `__client_uat=${now() - 20}`;
    expect(await signedInAs({ cookie: `__session=${genuine}; __session=${forged}; ${uat}` })).toBe('user_first');
    // Clerk reads the forged one first here and refuses it; the session remembered above must not answer instead.
    expect(await signedInAs({ cookie: `__session=${forged}; __session=${genuine}; ${uat}` })).toBeNull();
  });

  it('never files a user signed in by a handshake in the URL under the request’s own cookies', async () => {
    const own = await sign(key, claims({ sub: 'user_own' }));
    const other = await sign(key, claims({ sub: 'user_other' }));
    // A handshake token (what Clerk's frontend API hands a redirect) whose cookies sign in someone else.
    const handshake = await sign(key, { handshake: [`__session=${other}; Path=/`] });
    const cookie = instance.cookies(own);
    expect(await signedInAs({ cookie }, `?__clerk_handshake=${handshake}`)).toBe('user_other');
    expect(await signedInAs({ cookie })).toBe('user_own');
  });

  it('validates its options at start-up', () => {
    const { publishableKey, secretKey } = instance.options;
    expect(() => clerk({ secretKey, jwtKey: key.spki, authorizedParties: [CLERK_APP_ORIGIN] })).toThrow(/publishableKey/);
    expect(() => clerk({ publishableKey, secretKey, jwtKey: key.spki })).toThrow(/authorizedParties/);
    expect(() => clerk({ publishableKey, jwtKey: key.spki, authorizedParties: [CLERK_APP_ORIGIN] })).toThrow(/secretKey/);
  });
});
