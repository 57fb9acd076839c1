/**
 * `@clinikapi/proxy/auth0`: sessions from Auth0 (or any OIDC issuer) access tokens, on the official
 * `express-oauth2-jwt-bearer`. The signing algorithm is pinned to RS256 unless configured otherwise, so a token
 * signed with HS256 using the public key as the secret, or with `alg: none`, is refused. Tokens are accepted only in
 * the Authorization header: the library would also take `?access_token=` or a form field, and a token in a URL
 * ends up in logs and Referer headers. Cookies are never read, so every session here is a bearer one.
 *
 * The library takes the header as exactly two space-separated parts, `Bearer` (any case) or `DPoP` and the token,
 * and refuses anything else (`Basic …`, `Bearer` alone, two spaces, two schemes, an empty header). Only a plain
 * `Bearer <token>` request whose token is bound to nothing (no `cnf` claim) is remembered, under the token: a DPoP-
 * or certificate-bound token is only as good as the proof that comes with each request, so the library checks
 * those every time.
 */
import type { Request } from 'express';
import {
  auth,
  InvalidRequestError,
  InvalidTokenError,
  UnauthorizedError,
  type AuthOptions,
  type JWTPayload,
} from 'express-oauth2-jwt-bearer';
import type { ProxyUser } from '../request-context.ts';
import { parseBaseUrl } from '../upstream/resolve-upstream.ts';
import { createSessionCache } from './session-cache.ts';
import { isProxyUser, rolesFromClaims, type SessionAdapter, type SessionResult } from './session.ts';

// What `auth0()` answers, nameable from this entry (an app that wraps or tests the adapter types it).
export type { MaybePromise } from '../maybe-promise.ts';
export type { CredentialTransport, ProxyUser } from '../request-context.ts';
export type { SessionAdapter, SessionResult } from './session.ts';

export interface Auth0SessionOptions extends Omit<AuthOptions, 'authRequired' | 'issuerBaseURL' | 'audience'> {
  /** e.g. `https://your-tenant.eu.auth0.com/`: discovery and JWKS are fetched from here. */
  readonly issuerBaseURL: string;
  /** The API identifier tokens must be issued for. */
  readonly audience: string | string[];
  /** Builds the proxy's user from the verified token payload. Default: id = sub, roles from `rolesClaim`. */
  readonly toUser?: (payload: JWTPayload) => ProxyUser | null;
  /** Claim holding the role names (Auth0 requires custom claims to be namespaced). Default `roles`. */
  readonly rolesClaim?: string;
  /** How long a verified token is remembered (never past its `exp`). Default 30 000 ms; 0 verifies every request. */
  readonly cacheTtlMs?: number;
}

type Next = (error?: unknown) => void;

// What express-oauth2-jwt-bearer accepts as a bearer credential: `/^(Bearer|DPoP) (.+)$/i` on a value with
// exactly one space — here only the Bearer half; a DPoP request is never served from the cache.
const BEARER_SCHEME = /^bearer /i;

/** The token of a plain bearer request, the way the library reads it; undefined for anything else. */
function plainBearerToken(req: Request): string | undefined {
  const authorization = req.headers.authorization;
  // A `DPoP` header makes the library check a proof even for a Bearer-scheme request.
  if (authorization === undefined || req.headers.dpop !== undefined || !BEARER_SCHEME.test(authorization)) return undefined;
  // The anchored test reads seven characters; `indexOf` finds a second space (two spaces, two schemes) fast.
  return authorization.length > 7 && authorization.indexOf(' ', 7) === -1 ? authorization.slice(7) : undefined;
}

function reasonOf(error: unknown): string {
  if (error instanceof InvalidTokenError) return 'session:invalid-token';
  if (error instanceof InvalidRequestError) return 'session:malformed-credentials';
  if (error instanceof UnauthorizedError) return 'session:missing';
  return 'session:verification-failed';
}

function tokenOutsideHeader(req: Request): boolean {
  const queryAt = req.url.indexOf('?');
  if (queryAt !== -1) {
    const search = req.url.slice(queryAt + 1);
    // Without a `%` nothing is encoded, so a plain substring test settles it without parsing the query again.
    if ((search.includes('%') || search.includes('access_token')) && new URLSearchParams(search).has('access_token')) return true;
  }
  const body = (req as Request & { body?: unknown }).body;
  return typeof body === 'object' && body !== null && 'access_token' in body;
}

export function auth0(options: Auth0SessionOptions): SessionAdapter {
  if (typeof options !== 'object' || options === null)
    throw new TypeError('clinikProxy: option "session" (auth0): pass { issuerBaseURL, audience }');
  const { toUser, rolesClaim = 'roles', cacheTtlMs, ...authOptions } = options;
  const cache = createSessionCache(cacheTtlMs, 'session.cacheTtlMs');
  parseBaseUrl(options.issuerBaseURL, 'session.issuerBaseURL');
  const audiences = Array.isArray(options.audience) ? options.audience : [options.audience];
  if (audiences.length === 0 || audiences.some((audience) => typeof audience !== 'string' || audience === '')) {
    throw new TypeError('clinikProxy: option "session" (auth0): "audience" must be your API identifier');
  }
  if (toUser !== undefined && typeof toUser !== 'function')
    throw new TypeError('clinikProxy: option "session" (auth0): "toUser" must be a function');
  const mapUser =
    toUser ??
    ((payload: JWTPayload): ProxyUser | null =>
      typeof payload.sub === 'string' ? { id: payload.sub, roles: rolesFromClaims({ roles: payload[rolesClaim] }) } : null);
  const verify = auth({
    ...authOptions,
    tokenSigningAlg: authOptions.tokenSigningAlg ?? (authOptions.secret ? undefined : 'RS256'),
    authRequired: true,
  }) as unknown as (req: Request, res: unknown, next: Next) => Promise<void>;

  /**
   * The expensive path: the library verifies the token (RS256, JWKS). A success is remembered under `token` when
   * the request was a plain bearer one and the token is not bound to a key or certificate.
   */
  async function verifyToken(req: Request, res: unknown, token: string | undefined): Promise<SessionResult> {
    const error = await new Promise<unknown>((resolve) => {
      void verify(req, res, (failure?: unknown) => resolve(failure));
    });
    if (error !== undefined) return { user: null, transport: 'bearer', reason: reasonOf(error) };
    const payload = (req as Request & { auth?: { payload?: JWTPayload } }).auth?.payload;
    if (!payload) return { user: null, transport: 'bearer', reason: 'session:missing' };
    const user = mapUser(payload);
    if (user === null) return { user: null, transport: 'bearer', reason: 'session:not-mapped' };
    if (!isProxyUser(user)) throw new TypeError('auth0 toUser returned something that is not a user { id, roles? }');
    if (token !== undefined && payload.cnf === undefined) cache?.set(token, user, 'bearer', payload.exp);
    return { user, transport: 'bearer' };
  }

  return {
    kind: 'auth0',
    authenticate(req, res) {
      if (tokenOutsideHeader(req)) return { user: null, transport: 'bearer', reason: 'session:token-outside-header' };
      const token = plainBearerToken(req);
      return (token !== undefined && cache?.get(token)) || verifyToken(req, res, token);
    },
  };
}
