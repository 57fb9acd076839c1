/**
 * Who is signed in. A session is an adapter over the host app's own login: `clerk()` and `auth0()` (in their own
 * entry points, so apps that use neither never load them) or any `(req) => user | null` function. Every adapter
 * reports how the credential travelled, because only cookie sessions need the CSRF header.
 */
import type { Request, Response } from 'express';
import type { CredentialTransport, ProxyUser } from '../request-context.ts';
import type { MaybePromise } from '../maybe-promise.ts';

/** What a session adapter answers for a request: who is signed in (or nobody, and why) and how they proved it. */
export interface SessionResult {
  readonly user: ProxyUser | null;
  /**
   * How the credential that signed the user in travelled — the one the session library verified, whatever other
   * header the request carried: `bearer` only for a token from a header the browser never attaches by itself;
   * `cookie` or `app` otherwise, and those need the CSRF header on state-changing calls.
   */
  readonly transport: CredentialTransport;
  /** Why nobody is signed in (`session:expired`), for the audit record only. */
  readonly reason?: string;
}

/** A session library's adapter (`clerk()`, `auth0()`, or one of your own): tells the proxy who sent a request. */
export interface SessionAdapter {
  /** `clerk`, `auth0` or `custom`: shown in start-up errors. */
  readonly kind: string;
  /**
   * Must never write to `res` or redirect: the proxy answers 401 itself. May answer synchronously (a remembered
   * session), which spares the request a promise.
   */
  authenticate(req: Request, res: Response): MaybePromise<SessionResult>;
}

/** Resolves the signed-in user of the host app (express-session, passport, ...); `null` when nobody is. */
export type SessionResolver = (req: Request) => MaybePromise<ProxyUser | null | undefined>;

/** The `session` option: an adapter, or a function answering the signed-in user. */
export type SessionOption = SessionAdapter | SessionResolver;

/** A usable user: a non-empty string id, and roles (when given) a list of strings. */
export function isProxyUser(value: unknown): value is ProxyUser {
  if (typeof value !== 'object' || value === null) return false;
  const user = value as Partial<ProxyUser>;
  if (typeof user.id !== 'string' || user.id === '') return false;
  return user.roles === undefined || (Array.isArray(user.roles) && user.roles.every((role) => typeof role === 'string'));
}

function isAdapter(value: unknown): value is SessionAdapter {
  return typeof value === 'object' && value !== null && typeof (value as SessionAdapter).authenticate === 'function';
}

export function toSessionAdapter(option: SessionOption): SessionAdapter {
  if (isAdapter(option)) return option;
  if (typeof option !== 'function') {
    throw new TypeError('clinikProxy: option "session" must be clerk({...}), auth0({...}) or a function (req) => user | null');
  }
  // The app's own session is typically a cookie: treat it as one, so state-changing calls need X-CSRF.
  const toResult = (user: ProxyUser | null | undefined): SessionResult =>
    user ? { user, transport: 'app' } : { user: null, transport: 'app', reason: 'session:none' };
  return {
    kind: 'custom',
    async authenticate(req) {
      return toResult(await option(req));
    },
  };
}

/** Roles from common claim shapes: `roles`, `metadata.roles`/`metadata.role`, `publicMetadata.role`, `org_role`. */
export function rolesFromClaims(
  claims: Record<string, unknown> | null | undefined,
  extra: readonly (string | null | undefined)[] = [],
): string[] {
  const roles = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === 'string' && value !== '') roles.add(value.replace(/^org:/, ''));
    else if (Array.isArray(value)) value.forEach(add);
  };
  if (claims) {
    add(claims.roles);
    for (const container of [claims.metadata, claims.publicMetadata, claims.public_metadata]) {
      if (typeof container === 'object' && container !== null) {
        add((container as Record<string, unknown>).roles);
        add((container as Record<string, unknown>).role);
      }
    }
  }
  extra.forEach(add);
  return [...roles];
}
