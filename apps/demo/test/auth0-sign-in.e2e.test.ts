/**
 * The Auth0 mode in Chromium: the real Auth0 SPA SDK (loaded on demand) runs the authorization-code flow against a
 * local issuer, and every call the widgets make reaches the proxy with its access token. Clerk has no such test:
 * its browser SDK loads Clerk's own script from Clerk's servers, which a test here cannot reach.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectNoKeyIn, type DemoUnderTest, type Session, withDemoSession } from './harness.ts';
import { fakeAuth0, type FakeAuth0 } from './identity-providers.ts';

const NS = 'https://clinikapi.dev/';

let idp: FakeAuth0;
let target: DemoUnderTest;
let session: Session;
let page: Page;
const proxyAuthorizations: (string | undefined)[] = [];

// Registered before the demo's hooks: after-hooks run in reverse, so the identity provider closes last.
afterAll(async () => {
  await idp?.close();
});

withDemoSession(
  async () => {
    idp = await fakeAuth0({ signIn: { sub: 'auth0|ada', [`${NS}roles`]: ['clinician'], [`${NS}name`]: 'Dr. Ada Auth0' } });
    return { env: idp.env };
  },
  (started) => {
    ({ target, session, page } = started);
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/clinik')) proxyAuthorizations.push(request.headers().authorization);
    });
  },
);

describe('signing in with Auth0', () => {
  it('offers the provider’s sign-in, not the development login', async () => {
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: /Sign in as/ }).count()).toBe(0);
    await expectAccessible(page, 'the Auth0 sign-in screen');
  });

  it('signs in by redirect, and the widgets reach the proxy with the access token', async () => {
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('grid', { name: 'Patients' }).getByRole('rowheader').first().waitFor();
    await expect.poll(() => page.getByText('Dr. Ada Auth0').count()).toBeGreaterThan(0);
    expect(proxyAuthorizations.length).toBeGreaterThan(0);
    expect(proxyAuthorizations.every((header) => header?.startsWith('Bearer ey'))).toBe(true);
  });

  it('signs out through Auth0 and is back at the sign-in, with no key anywhere on the way', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    expectNoKeyIn(await session.responses(), target.apiKey);
    expect(session.errors).toEqual([]);
  });
});
