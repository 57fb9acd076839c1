/**
 * `@clinikapi/proxy/clerk`: sessions from Clerk, on the official `@clerk/express` (`clerkMiddleware` + `getAuth`).
 * `requireAuth` is never used: it redirects, and an API must answer 401. Clerk may also want to answer a request
 * itself (a handshake redirect); the middleware runs against a stand-in response, so nothing it writes reaches the
 * browser and such a request simply counts as signed out.
 *
 * The session token is read by Clerk from `Authorization: Bearer` or the `__session` cookie (which Clerk only
 * trusts together with its `__client_uat` cookie).
 */
import { clerkMiddleware, getAuth, type ClerkMiddlewareOptions } from '@clerk/express';
import type { Request, Response } from 'express';
import type { CredentialTransport, ProxyUser } from '../request-context.ts';
import { createSessionCache, type SessionCache } from './session-cache.ts';
import { isProxyUser, rolesFromClaims, type SessionAdapter, type SessionResult } from './session.ts';

/** What `toUser` receives: the signed-in part of Clerk's auth object. */
export interface ClerkAuth {
  readonly userId: string;
  readonly sessionId: string | null;
  readonly orgId: string | null | undefined;
  readonly orgRole: string | null | undefined;
  readonly sessionClaims: Record<string, unknown>;
}

export interface ClerkSessionOptions
  extends Pick<ClerkMiddlewareOptions, 'publishableKey' | 'secretKey' | 'jwtKey' | 'authorizedParties' | 'audience' | 'clockSkewInMs' | 'domain' | 'isSatellite' | 'proxyUrl' | 'signInUrl' | 'apiUrl'> {
  /** Builds the proxy's user from Clerk's auth. Default: id = userId, roles from claims and the org role. */
  readonly toUser?: (auth: ClerkAuth) => ProxyUser | null;
  /**
   * How long a verified session is remembered (never past the token's `exp`), keyed by everything Clerk decides on:
   * the bearer token, the `__session` and `__client_uat` cookies. Default 30 000 ms; 0 runs Clerk on every request.
   */
  readonly cacheTtlMs?: number;
}

/**
 * Every Clerk cookie (`__session*`, `__client_uat*`, `__clerk*`), sorted: the inputs Clerk decides on when no
 * Authorization header is sent.
 */
function clerkCookies(req: Request): string | undefined {
  const found = (req.headers.cookie ?? '')
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => /^__(session|client_uat|clerk)/.test(pair))
    .sort();
  return found.length === 0 ? undefined : found.join(';');
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
    throw new TypeError('clinikProxy: option "session" (clerk): "authorizedParties" must list the origins of your app, e.g. ["https://app.example.com"]');
  }
  if (typeof toUser !== 'function') throw new TypeError('clinikProxy: option "session" (clerk): "toUser" must be a function');
  const middleware = clerkMiddleware({
    ...clerkOptions,
    ...(clerkOptions.jwtKey ? {} : env.CLERK_JWT_KEY ? { jwtKey: env.CLERK_JWT_KEY } : {}),
  }) as unknown as Middleware;

  /**
   * Verified sessions are remembered by everything Clerk decides on: the Authorization header as sent (Clerk ignores
   * cookies then), else the Clerk cookies. Two maps, so a header value can never be taken for a set of cookies, and
   * the header is its own key — no prefixed copy of a long token to hash on every request.
   */
  const byHeader = createSessionCache(cacheTtlMs, 'session.cacheTtlMs');
  const byCookies = byHeader && createSessionCache(cacheTtlMs, 'session.cacheTtlMs');

  /** The expensive path: Clerk's middleware verifies the session; a success is remembered under `key` of `cache`. */
  async function verifySession(req: Request, transport: CredentialTransport, cache?: SessionCache, key?: string): Promise<SessionResult> {
    const answered = !(await runWithoutResponse(middleware, req));
    if (answered) return { user: null, transport, reason: 'session:clerk-handshake' };
    // Only session tokens sign a user in: machine tokens (API keys, M2M, OAuth) are not end users.
    const auth = getAuth(req, { acceptsToken: 'session_token' });
    if (!auth.isAuthenticated || !auth.userId) return { user: null, transport, reason: 'session:signed-out' };
    const user = toUser({
      userId: auth.userId,
      sessionId: auth.sessionId,
      orgId: auth.orgId,
      orgRole: auth.orgRole,
      sessionClaims: auth.sessionClaims as unknown as Record<string, unknown>,
    });
    if (user === null) return { user: null, transport, reason: 'session:not-mapped' };
    if (!isProxyUser(user)) throw new TypeError('clerk toUser returned something that is not a user { id, roles? }');
    if (key !== undefined) cache?.set(key, user, (auth.sessionClaims as { exp?: unknown }).exp);
    return { user, transport };
  }

  return {
    kind: 'clerk',
    authenticate(req) {
      const authorization = req.headers.authorization;
      const transport = authorization !== undefined && /^Bearer\s/i.test(authorization) ? 'bearer' : 'cookie';
      // Document navigations are handshake territory: Clerk decides those afresh.
      if (!byHeader || !byCookies || req.headers['sec-fetch-dest'] === 'document') return verifySession(req, transport);
      if (authorization !== undefined) {
        const remembered = byHeader.get(authorization);
        return remembered ? { user: remembered, transport } : verifySession(req, transport, byHeader, authorization);
      }
      const cookies = clerkCookies(req);
      const remembered = cookies === undefined ? undefined : byCookies.get(cookies);
      return remembered ? { user: remembered, transport } : verifySession(req, transport, byCookies, cookies);
    },
  };
}
