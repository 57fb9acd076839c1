/**
 * The credential reader against the real @clerk/express: over a generated space of Authorization values, what
 * `clerkHeaderToken` predicts must be what Clerk then verifies. Run on every Clerk upgrade by `npm test`.
 */
import { clerkMiddleware, getAuth } from '@clerk/express';
import express from 'express';
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type Listening } from '../../test/harness.ts';
import { clerkInstance, type ClerkInstance } from '../../test/identity-providers.ts';
import { signingKey } from '../../test/tokens.ts';
import { clerkCookies, clerkHeaderToken, isSessionCookieValue } from './clerk-credential.ts';

let instance: ClerkInstance;
let clerkApp: Listening;

beforeAll(async () => {
  instance = clerkInstance(await signingKey());
  const app = express();
  app.use(clerkMiddleware(instance.options));
  app.get('/', async (req, res) => {
    const auth = getAuth(req, { acceptsToken: 'session_token' });
    res.json({ userId: auth.userId, verified: auth.isAuthenticated ? await auth.getToken() : null });
  });
  clerkApp = await listen(createServer(app));
});
afterAll(() => clerkApp.close());

/** What the real Clerk makes of a request: who it signed in, and the token it verified. */
async function clerkSays(headers: Record<string, string>): Promise<{ userId: string | null; verified: string | null }> {
  return (await (await fetch(clerkApp.url, { headers })).json()) as { userId: string | null; verified: string | null };
}

describe('clerkHeaderToken', () => {
  it('predicts, for every shape of Authorization header, the token Clerk verifies or that Clerk reads the cookies', async () => {
    const valid = await instance.token('user_header');
    const cookieToken = await instance.token('user_cookie');
    const cookie = instance.cookies(cookieToken);
    const values = ['', 'Bearer', 'Basic', valid, `${valid},`];
    for (const scheme of ['Bearer', 'bearer', 'BEARER', 'BeArEr', 'Basic', 'DPoP', 'Token']) {
      for (const separator of [' ', '  ', '\t', ', ', '']) {
        for (const tail of [valid, `${valid} trailing`, `${valid}, Basic dXNlcjpwdw==`]) values.push(`${scheme}${separator}${tail}`);
      }
    }
    const outcomes = { header: 0, cookie: 0, refused: 0 };
    for (const authorization of values) {
      const predicted = clerkHeaderToken(authorization);
      const actual = await clerkSays({ authorization, cookie });
      if (predicted === undefined) {
        // Clerk ignored the header: the cookie decided.
        expect({ authorization, ...actual }).toEqual({ authorization, userId: 'user_cookie', verified: cookieToken });
        outcomes.cookie += 1;
      } else if (predicted === valid) {
        expect({ authorization, ...actual }).toEqual({ authorization, userId: 'user_header', verified: valid });
        outcomes.header += 1;
      } else {
        // Clerk verified what it took from the header, refused it, and never fell back to the cookie.
        expect({ authorization, ...actual }).toEqual({ authorization, userId: null, verified: null });
        outcomes.refused += 1;
      }
    }
    // The space reaches all three outcomes, so none of the branches above is vacuous.
    expect(Object.values(outcomes).every((count) => count > 0)).toBe(true);
  });
});

describe('clerkCookies', () => {
  it('keeps only Clerk’s cookies, trimmed, in the order sent', () => {
    expect(clerkCookies('theme=dark; __session=b;__client_uat=1 ; __session=a; __clerk_db_jwt=d; __refresh_x=r; x__session=no')).toBe(
      '__session=b;__client_uat=1;__session=a;__clerk_db_jwt=d;__refresh_x=r',
    );
    expect(clerkCookies('theme=dark; __other=1')).toBeUndefined();
    expect(clerkCookies(undefined)).toBeUndefined();
  });

  it('finds a verified token only among the __session cookies', () => {
    const cookies = '__session=t1;__client_uat=t2;__session_abc=t3;__clerk_db_jwt=t4';
    expect(isSessionCookieValue(cookies, 't1')).toBe(true);
    expect(isSessionCookieValue(cookies, 't3')).toBe(true);
    expect(isSessionCookieValue(cookies, 't2')).toBe(false);
    expect(isSessionCookieValue(cookies, 't4')).toBe(false);
  });
});
