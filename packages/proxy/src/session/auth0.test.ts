/** The Auth0 adapter on the real express-oauth2-jwt-bearer, against a discovery document and JWKS on 127.0.0.1. */
import { SignJWT, base64url, calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FAKE_KEY, allowAll, json, proxyApp, recordingUpstream, settled, type ProxyApp } from '../../test/harness.ts';
import { auth0Issuer, type Auth0Issuer } from '../../test/identity-providers.ts';
import { hmacWithPublicKey, now, sign, signingKey, tampered, unsigned, type SigningKey } from '../../test/tokens.ts';
import { auth0 } from './auth0.ts';

let key: SigningKey;
let idp: Auth0Issuer;
let upstream: Awaited<ReturnType<typeof recordingUpstream>>;
let app: ProxyApp;

const claims = (overrides: Record<string, unknown> = {}) => idp.claims('auth0|user-1', overrides);

beforeAll(async () => {
  key = await signingKey();
  idp = await auth0Issuer(key);
  upstream = await recordingUpstream();
  app = await proxyApp({
    upstream: upstream.url,
    apiKey: FAKE_KEY,
    policy: allowAll,
    session: auth0({ issuerBaseURL: idp.issuer, audience: idp.audience }),
  });
});
afterAll(async () => {
  await app.close();
  await upstream.close();
  await idp.close();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const get = (headers: Record<string, string>, path = '/api/clinik/patients') => fetch(`${app.url}${path}`, { headers, redirect: 'manual' });

describe('auth0() session', () => {
  it('signs in a valid access token and maps sub and roles', async () => {
    const before = app.log.records().length;
    expect((await get(bearer(await sign(key, claims())))).status).toBe(200);
    expect((await settled(app.log, before + 1)).at(-1)).toMatchObject({ userId: 'auth0|user-1', roles: ['clinician'], decision: 'allow' });
  });

  it.each([
    ['no token', async () => ({})],
    ['an expired token', async () => bearer(await sign(key, claims({ exp: now() - 120, iat: now() - 300 })))],
    ['a token not yet valid', async () => bearer(await sign(key, claims({ nbf: now() + 600 })))],
    ['a token for another audience', async () => bearer(await sign(key, claims({ aud: 'https://other.api' })))],
    ['a token from another issuer', async () => bearer(await sign(key, claims({ iss: 'https://evil.example/' })))],
    ['a tampered token', async () => bearer(tampered(await sign(key, claims()), { sub: 'auth0|admin' }))],
    ['an alg:none token', async () => bearer(unsigned(claims(), key.kid))],
    ['an HS256 token signed with the public key', async () => bearer(await hmacWithPublicKey(key, claims()))],
    ['a token signed by another key', async () => bearer(await sign(await signingKey(key.kid), claims()))],
    ['a Basic credential', async () => ({ authorization: 'Basic dXNlcjpwdw==' })],
  ])('answers %s with 401 JSON, never a redirect', async (_name, headers) => {
    const response = await get(await headers());
    expect(response.status).toBe(401);
    expect(response.headers.get('location')).toBeNull();
    expect(await json(response)).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('refuses a token in the query string even when it is valid', async () => {
    const token = await sign(key, claims());
    const before = app.log.records().length;
    const response = await get({}, `/api/clinik/patients?access_token=${token}`);
    expect(response.status).toBe(401);
    const record = (await settled(app.log, before + 1)).at(-1);
    expect(record?.reason).toBe('session:token-outside-header');
    expect(JSON.stringify(app.log.lines)).not.toContain(token);
  });

  it('refuses a token in the query string under a percent-encoded name too', async () => {
    const token = await sign(key, claims());
    const before = app.log.records().length;
    const response = await get(bearer(token), `/api/clinik/patients?name=a&acc%65ss%5Ftoken=${token}`);
    expect(response.status).toBe(401);
    expect((await settled(app.log, before + 1)).at(-1)?.reason).toBe('session:token-outside-header');
  });

  it('needs no CSRF header: a bearer token is never sent by the browser on its own', async () => {
    const response = await fetch(`${app.url}/api/clinik/patients`, {
      method: 'POST',
      headers: { ...bearer(await sign(key, claims())), 'content-type': 'application/json' },
      body: '{"firstName":"a","lastName":"b"}',
    });
    expect(response.status).toBe(200);
  });

  it('remembers a verified token no longer than its exp', async () => {
    const strict = await proxyApp({
      upstream: upstream.url,
      apiKey: FAKE_KEY,
      policy: allowAll,
      session: auth0({ issuerBaseURL: idp.issuer, audience: idp.audience, clockTolerance: 0 }),
    });
    // Ten seconds ahead — time enough for the first call on any machine — and well inside the memory's 30 s, so only
    // the exp can end it. The clock (Date only: sockets and timers keep real time) then moves past the exp, instead of
    // the test sleeping until it and the first call racing it.
    const exp = now() + 10;
    const token = await sign(key, claims({ exp }));
    expect((await fetch(`${strict.url}/api/clinik/patients`, { headers: bearer(token) })).status).toBe(200);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(exp * 1000 + 1_000);
      expect((await fetch(`${strict.url}/api/clinik/patients`, { headers: bearer(token) })).status).toBe(401);
    } finally {
      vi.useRealTimers();
      await strict.close();
    }
  });

  it('answers a remembered token only in the header shapes the library itself accepts', async () => {
    const token = await sign(key, claims({ sub: 'auth0|shapes' }));
    expect((await get(bearer(token))).status).toBe(200);
    const shapes: [string, number][] = [
      [`bearer ${token}`, 200],
      [`BEARER ${token}`, 200],
      [`Bearer  ${token}`, 401],
      [`Bearer\t${token}`, 401],
      [`Bearer ${token} x`, 401],
      [`Bearer ${token}, Basic dXNlcjpwdw==`, 401],
      [`Basic ${token}`, 401],
      [token, 401],
    ];
    for (const [authorization, status] of shapes) {
      expect({ authorization, status: (await get({ authorization })).status }).toEqual({ authorization, status });
    }
  });

  it('verifies a DPoP-bound token with its proof on every request, never from memory', async () => {
    // The client's proof-of-possession key, and an access token bound to it (`cnf.jkt`).
    const client = await generateKeyPair('ES256');
    const jwk = await exportJWK(client.publicKey);
    const token = await sign(key, claims({ sub: 'auth0|dpop-user', cnf: { jkt: await calculateJwkThumbprint(jwk) } }));
    const url = `${app.url}/api/clinik/patients`;
    const proof = (method: string) =>
      new SignJWT({ htm: method, htu: url, jti: crypto.randomUUID(), ath: base64url.encode(createHash('sha256').update(token).digest()) })
        .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk })
        .setIssuedAt()
        .sign(client.privateKey);
    const dpop = { authorization: `DPoP ${token}` };
    expect((await fetch(url, { headers: { ...dpop, dpop: await proof('GET') } })).status).toBe(200);
    // Whoever copied the token without the key: no proof, or a proof made for another request.
    expect((await fetch(url, { headers: dpop })).status).toBe(401);
    const post = { method: 'POST', body: '{"firstName":"a","lastName":"b"}' };
    expect((await fetch(url, { ...post, headers: { ...dpop, 'content-type': 'application/json', dpop: await proof('GET') } })).status).toBe(
      401,
    );
    expect(
      (await fetch(url, { ...post, headers: { ...dpop, 'content-type': 'application/json', dpop: await proof('POST') } })).status,
    ).toBe(200);
  });

  it('verifies a certificate-bound token against the client certificate on every request, never from memory', async () => {
    // As behind a load balancer that terminates mutual TLS and passes the client's certificate on in a header.
    const certificate = Buffer.from('client certificate, DER');
    const mtls = await proxyApp({
      upstream: upstream.url,
      apiKey: FAKE_KEY,
      policy: allowAll,
      session: auth0({
        issuerBaseURL: idp.issuer,
        audience: idp.audience,
        mtls: { enabled: true },
        getCertificate: (req) => (req.headers['x-client-cert'] === 'present' ? certificate : undefined),
      }),
    });
    try {
      const thumbprint = base64url.encode(createHash('sha256').update(certificate).digest());
      const headers = bearer(await sign(key, claims({ sub: 'auth0|mtls-user', cnf: { 'x5t#S256': thumbprint } })));
      const url = `${mtls.url}/api/clinik/patients`;
      expect((await fetch(url, { headers: { ...headers, 'x-client-cert': 'present' } })).status).toBe(200);
      expect((await fetch(url, { headers })).status).toBe(401);
    } finally {
      await mtls.close();
    }
  });

  it('validates its options at start-up', () => {
    expect(() => auth0({ issuerBaseURL: 'not a url', audience: idp.audience })).toThrow(/issuerBaseURL/);
    expect(() => auth0({ issuerBaseURL: 'http://idp.example.com/', audience: idp.audience })).toThrow(/https/);
    expect(() => auth0({ issuerBaseURL: idp.issuer, audience: '' })).toThrow(/audience/);
  });
});
