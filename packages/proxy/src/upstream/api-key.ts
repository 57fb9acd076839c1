/**
 * The ClinikAPI key of a request: one static key (the default, from `CLINIKAPI_SECRET_KEY`), or a function of the
 * signed-in user for apps that hold one key per clinic account. A key is prepared once — routed to its upstream,
 * its authentication headers built, its fingerprint computed — so a request only looks it up.
 *
 * Scopes: ClinikAPI keys may be `read`-only or `write`-only, but nothing in the key string says so, and asking the
 * API would cost a call. So the scopes are configuration: `{ key, scopes: ['read'] }` (or `CLINIKAPI_KEY_SCOPES`),
 * default `['*']` like the dashboard's. A call the scopes do not cover is refused before it leaves.
 */
import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { createRedactor, type Redactor } from '../answer/redact.ts';
import { isStateChanging } from '../call.ts';
import { ProxyError } from '../errors.ts';
import type { ProxyUser } from '../request-context.ts';
import type { MaybePromise } from '../maybe-promise.ts';
import { KeyRoutingError, type ResolvedUpstream, type UpstreamConfig } from './resolve-upstream.ts';

export type KeyScope = 'read' | 'write' | '*';

export interface ScopedKey {
  readonly key: string;
  /** What the key was created with in the dashboard. Default `['*']`. */
  readonly scopes?: readonly KeyScope[];
}

export type KeySource = string | ScopedKey;
export type ApiKeyOption = KeySource | ((user: ProxyUser, req: Request) => MaybePromise<KeySource>);

export interface PreparedKey {
  /** Authentication headers for the upstream. The only place the key travels. */
  readonly headers: Readonly<Record<string, string>>;
  readonly upstream: ResolvedUpstream;
  readonly scopes: ReadonlySet<KeyScope>;
  /** `kfp_` + the first 12 hex digits of SHA-256 of the canonical key: identifies a key in logs, reveals nothing. */
  readonly fingerprint: string;
  /** Finds this key (and any ClinikAPI-shaped key) in an answer, to redact it. */
  readonly redactor: Redactor;
}

export type KeyProvider = (user: ProxyUser, req: Request) => PreparedKey | Promise<PreparedKey>;

const SCOPES: readonly KeyScope[] = ['read', 'write', '*'];
/** Enough for one key per clinic account of a large app; beyond it the oldest entry is prepared again on next use. */
const PREPARED_CACHE_SIZE = 1000;

export function keyFingerprint(canonical: string): string {
  return `kfp_${createHash('sha256').update(canonical).digest('hex').slice(0, 12)}`;
}

function parseScopes(value: unknown, option: string): ReadonlySet<KeyScope> {
  if (value === undefined) return new Set(['*']);
  if (!Array.isArray(value) || value.length === 0 || value.some((scope) => !SCOPES.includes(scope as KeyScope))) {
    throw new TypeError(`clinikProxy: option "${option}" must list scopes from read, write, *`);
  }
  return new Set(value as KeyScope[]);
}

function prepare(source: KeySource, upstream: UpstreamConfig, option: string): PreparedKey {
  const key = typeof source === 'string' ? source : source?.key;
  if (typeof key !== 'string' || key === '') throw new TypeError(`clinikProxy: option "${option}" must be a key string or { key, scopes }`);
  const scopes = parseScopes(typeof source === 'string' ? undefined : source.scopes, `${option}.scopes`);
  const target = upstream.resolve(key);
  const canonical = upstream.canonical(key);
  return {
    headers: upstream.authHeaders(key),
    upstream: target,
    scopes,
    fingerprint: keyFingerprint(canonical),
    redactor: createRedactor([key, canonical]),
  };
}

/**
 * Builds the per-request key lookup. A static key is prepared here, so a bad one fails at start-up with an error
 * naming the option and the problem — never the key.
 */
export function createKeyProvider(option: ApiKeyOption | undefined, upstream: UpstreamConfig, env: NodeJS.ProcessEnv): KeyProvider {
  if (typeof option === 'function') return dynamicProvider(option, upstream);
  const source: KeySource | undefined =
    option ??
    (env.CLINIKAPI_SECRET_KEY
      ? {
          key: env.CLINIKAPI_SECRET_KEY,
          scopes: env.CLINIKAPI_KEY_SCOPES?.split(',').map((scope) => scope.trim()) as KeyScope[] | undefined,
        }
      : undefined);
  if (source === undefined || source === '')
    throw new TypeError('clinikProxy: option "apiKey" is missing: pass it or set CLINIKAPI_SECRET_KEY');
  let prepared: PreparedKey;
  try {
    prepared = prepare(source, upstream, 'apiKey');
  } catch (error) {
    if (error instanceof KeyRoutingError) throw new TypeError(`clinikProxy: option "apiKey" cannot be used: ${error.message}`);
    throw error;
  }
  return () => prepared;
}

function dynamicProvider(select: (user: ProxyUser, req: Request) => MaybePromise<KeySource>, upstream: UpstreamConfig): KeyProvider {
  const cache = new Map<string, PreparedKey>();
  return async (user, req) => {
    let source: KeySource;
    try {
      source = await select(user, req);
    } catch {
      throw new ProxyError('INTERNAL_ERROR', 'The API key for this request could not be looked up', { reason: 'key:lookup-failed' });
    }
    const key = typeof source === 'string' ? source : source?.key;
    const scopesKey = typeof source === 'object' && source !== null ? (source.scopes ?? []).join(',') : '';
    const cacheKey = `${scopesKey}\u0000${String(key)}`;
    const cached = cache.get(cacheKey);
    if (cached) return cached;
    let prepared: PreparedKey;
    try {
      prepared = prepare(source, upstream, 'apiKey');
    } catch (error) {
      const problem = error instanceof KeyRoutingError ? error.problem : 'invalid';
      throw new ProxyError('INTERNAL_ERROR', 'The API key for this request cannot be used', { reason: `key:${problem}` });
    }
    if (cache.size >= PREPARED_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(cacheKey, prepared);
    return prepared;
  };
}

/** Refuses a call the key's scopes do not cover, before anything is sent. */
export function checkScope(scopes: ReadonlySet<KeyScope>, method: string): void {
  if (scopes.has('*')) return;
  const needed: KeyScope = isStateChanging(method) ? 'write' : 'read';
  if (!scopes.has(needed)) {
    throw new ProxyError('FORBIDDEN', `The API key for this request does not have ${needed} scope`, {
      reason: `key:missing-${needed}-scope`,
    });
  }
}
