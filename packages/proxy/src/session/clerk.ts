/**
 * `@clinikapi/proxy/clerk`: sessions from Clerk, on the official `@clerk/express` (`clerkMiddleware` + `getAuth`).
 * `requireAuth` is never used: it redirects, and an API must answer 401. Clerk may also want to answer a request
 * itself (a handshake redirect); the middleware runs against a stand-in response, so nothing it writes reaches the
 * browser and such a request simply counts as signed out.
 *
 * The session token is read by Clerk from `Authorization: Bearer` or, when the header carries no token, from the
 * `__session` cookie (which Clerk only trusts together with its `__client_uat` cookie): `clerk-credential.ts`
 * reads a request the same way before Clerk runs, to key the cache and to know how the credential travelled.
 */
import { clerkMiddleware, getAuth, type ClerkMiddlewareOptions } from '@clerk/express';
import type { Request, Response } from 'express';
import type { CredentialTransport, ProxyUser } from '../request-context.ts';
import { clerkCookies, clerkHeaderToken, isSessionCookieValue } from './clerk-credential.ts';
import { createSessionCache, type SessionCache } from './session-cache.ts';
import { isProxyUser, rolesFromClaims, type SessionAdapter, type SessionResult } from './session.ts';

// What `clerk()` answers, nameable from this entry (an app that wraps or tests the adapter types it).
export type { MaybePromise } from '../maybe-promise.ts';
export type { CredentialTransport, ProxyUser } from '../request-context.ts';
export type { SessionAdapter, SessionResult } from './session.ts';

/** What `toUser` receives: the signed-in part of Clerk's auth object. */
export interface ClerkAuth {
  readonly userId: string;
  readonly sessionId: string | null;
  readonly orgId: string | null | undefined;
  readonly orgRole: string | null | undefined;
  readonly sessionClaims: Record<string, unknown>;
}

export interface ClerkSessionOptions extends Pick<
  ClerkMiddlewareOptions,
  | 'publishableKey'
  | 'secretKey'
  | 'jwtKey'
  | 'authorizedParties'
  | 'audience'
  | 'clockSkewInMs'
  | 'domain'
  | 'isSatellite'
  | 'proxyUrl'
  | 'signInUrl'
  | 'apiUrl'
> {
  /** Builds the proxy's user from Clerk's auth. Default: id = userId, roles from claims and the org role. */
  readonly toUser?: (auth: ClerkAuth) => ProxyUser | null;
  /**
   * How long a verified session is remembered (never past the token's `exp`), keyed by the credential Clerk verified:
   * the bearer token, or Clerk's cookies as sent. Default 30 000 ms; 0 runs Clerk on every request.
   */
  readonly cacheTtlMs?: number;
}

type Next = (error?: unknown) => void;
type Middleware = (req: Request, res: Response, next: Next) => void;

/** Runs Clerk's middleware without letting it touch the real response; resolves false if it tried to answer. */
function runWithoutResponse(middleware: Middleware, req: Request): Promise<boolean> {
  return new Promise((resolve, reject) => {
    let ended = false;
    const end = () => {
      ended = true;
      resolve(false);
    };
    const standIn = {
      headersSent: false,
      get writableEnded() {
        return ended;
      },
      appendHeader: () => standIn,
      setHeader: () => standIn,
      getHeader: () => undefined,
      status: () => ({ end, send: end, json: end }),
      end,
    };
    middleware(req, standIn as unknown as Response, (error?: unknown) => (error ? reject(error) : resolve(true)));
  });
}

function defaultUser(auth: ClerkAuth): ProxyUser {
  return {
    id: auth.userId,
    roles: rolesFromClaims(auth.sessionClaims, [auth.orgRole]),
    sessionId: auth.sessionId,
    orgId: auth.orgId ?? null,
  };
}

export function clerk(options: ClerkSessionOptions = {}): SessionAdapter {
  const env = process.env;
  const { toUser = defaultUser, cacheTtlMs, ...clerkOptions } = options;
  if (!(clerkOptions.publishableKey ?? env.CLERK_PUBLISHABLE_KEY)) {
    throw new TypeError('clinikProxy: option "session" (clerk): "publishableKey" is missing: pass it or set CLERK_PUBLISHABLE_KEY');
  }
  // Clerk needs the secret key even when `jwtKey` makes verification networkless.
  if (!(clerkOptions.secretKey ?? env.CLERK_SECRET_KEY)) {
    throw new TypeError('clinikProxy: option "session" (clerk): "secretKey" is missing: pass it or set CLERK_SECRET_KEY');
  }
  const parties = clerkOptions.authorizedParties;
  if (!Array.isArray(parties) || parties.length === 0 || parties.some((party) => typeof party !== 'string' || party === '')) {
    throw new TypeError(
      'clinikProxy: option "session" (clerk): "authorizedParties" must list the origins of your app, e.g. ["https://app.example.com"]',
    );
  }
  if (typeof toUser !== 'function') throw new TypeError('clinikProxy: option "session" (clerk): "toUser" must be a function');
  const middleware = clerkMiddleware({
    ...clerkOptions,
    ...(clerkOptions.jwtKey ? {} : env.CLERK_JWT_KEY ? { jwtKey: env.CLERK_JWT_KEY } : {}),
  }) as unknown as Middleware;

  /**
   * Verified sessions are remembered by the credential Clerk verified: the bearer token it takes from the header,
   * else its cookies. Two maps, so a token can never be taken for a set of cookies.
   */
  const byToken = createSessionCache(cacheTtlMs, 'session.cacheTtlMs');
  const byCookies = byToken && createSessionCache(cacheTtlMs, 'session.cacheTtlMs');

  /**
   * The expensive path: Clerk's middleware verifies the session. `headerToken` is what Clerk will read from the
   * Authorization header (undefined: it decides by the cookies); a success is remembered under `key` of `cache` only
   * when the token Clerk verified is that credential.
   */
  async function verifySession(req: Request, headerToken: string | undefined, cache?: SessionCache, key?: string): Promise<SessionResult> {
    const expected: CredentialTransport = headerToken === undefined ? 'cookie' : 'bearer';
    const answered = !(await runWithoutResponse(middleware, req));
    if (answered) return { user: null, transport: expected, reason: 'session:clerk-handshake' };
    // Only session tokens sign a user in: machine tokens (API keys, M2M, OAuth) are not end users.
    const auth = getAuth(req, { acceptsToken: 'session_token' });
    if (!auth.isAuthenticated || !auth.userId) return { user: null, transport: expected, reason: 'session:signed-out' };
    // The token Clerk verified (no network call without a template). A bearer session is one whose verified token
    // is the header's; anything else — a cookie, a handshake — travelled the way a browser attaches by itself.
    const verified = await auth.getToken();
    const transport: CredentialTransport = verified !== null && verified === headerToken ? 'bearer' : 'cookie';
    const user = toUser({
      userId: auth.userId,
      sessionId: auth.sessionId,
      orgId: auth.orgId,
      orgRole: auth.orgRole,
      sessionClaims: auth.sessionClaims as unknown as Record<string, unknown>,
    });
    if (user === null) return { user: null, transport, reason: 'session:not-mapped' };
    if (!isProxyUser(user)) throw new TypeError('clerk toUser returned something that is not a user { id, roles? }');
    const verifiedIsKey =
      verified !== null && key !== undefined && (headerToken === undefined ? isSessionCookieValue(key, verified) : verified === key);
    if (verifiedIsKey) cache?.set(key, user, transport, (auth.sessionClaims as { exp?: unknown }).exp);
    return { user, transport };
  }

  return {
    kind: 'clerk',
    authenticate(req) {
      const headerToken = clerkHeaderToken(req.headers.authorization);
      // Document navigations are handshake territory: Clerk decides those afresh.
      if (!byToken || !byCookies || req.headers['sec-fetch-dest'] === 'document') return verifySession(req, headerToken);
      const cache = headerToken === undefined ? byCookies : byToken;
      const key = headerToken ?? clerkCookies(req.headers.cookie);
      return (key !== undefined && cache.get(key)) || verifySession(req, headerToken, cache, key);
    },
  };
}
