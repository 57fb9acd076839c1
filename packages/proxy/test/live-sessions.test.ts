/**
 * A stream outlives the token it was opened with: with real Auth0-style access tokens (minted locally, verified by
 * express-oauth2-jwt-bearer through the proxy's adapter), the stream of a token that expires is closed and told why,
 * and a new one needs a fresh token; a stream whose token is still good stays open.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { roles } from '../src/policy/roles.ts';
import { auth0 } from '../src/session/auth0.ts';
import { FAKE_KEY, proxyApp, recordingUpstream, type ProxyApp } from './harness.ts';
import { auth0Issuer, type Auth0Issuer } from './identity-providers.ts';
import { openStream } from './live-helpers.ts';
import { now, signingKey } from './tokens.ts';

let idp: Auth0Issuer;
let upstream: Awaited<ReturnType<typeof recordingUpstream>>;
let proxy: ProxyApp;

beforeAll(async () => {
  idp = await auth0Issuer(await signingKey());
  upstream = await recordingUpstream();
  proxy = await proxyApp({
    apiKey: FAKE_KEY,
    upstream: upstream.url,
    // No leeway past `exp`, so the test need not wait out the library's default tolerance.
    session: auth0({ issuerBaseURL: idp.issuer, audience: idp.audience, clockTolerance: 0 }),
    policy: roles({ clinician: '*' }),
    live: { webhookSecret: `whsec_${randomBytes(24).toString('hex')}`, tenantId: 'org_tokens', sessionCheckMs: 100 },
  });
}, 30_000);

afterAll(async () => {
  await proxy?.close();
  await upstream?.close();
  await idp?.close();
});

it('closes the stream of an expired access token, and keeps the one of a valid token open', async () => {
  const url = `${proxy.url}/api/clinik/events`;
  // Ten seconds ahead, time enough to open both streams on any machine; then the clock (Date only: sockets and
  // timers keep real time) moves past it, instead of the opening racing an exp one to two seconds away.
  const exp = now() + 10;
  const shortLived = await idp.token('auth0|short', { exp });
  const longLived = await idp.token('auth0|long');
  const expiring = await openStream(url, { authorization: `Bearer ${shortLived}` });
  const lasting = await openStream(url, { authorization: `Bearer ${longLived}` });
  expect([expiring.status, lasting.status]).toEqual([200, 200]);
  await Promise.all([expiring.next((event) => event.event === 'ready'), lasting.next((event) => event.event === 'ready')]);

  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    vi.setSystemTime(exp * 1000 + 1_000);
    await expiring.next((event) => event.event === 'session-ended', 10_000);
    await expiring.ended;
    expect((await openStream(url, { authorization: `Bearer ${shortLived}` })).status).toBe(401);
  } finally {
    vi.useRealTimers();
  }
  // Checked as often as the other: still open, still answering heartbeats' checks.
  expect(lasting.events.some((event) => event.event === 'session-ended')).toBe(false);
  lasting.close();
});
