/**
 * A short memory of verified sessions. Verifying an RS256 signature is the single most expensive step of a proxied
 * call; the same token arrives on every call a page makes. A verified result is remembered, keyed by the exact
 * credential the session library verified (never another header's value: the adapters decide that), for at most
 * `ttlMs` and never past the token's own `exp`. Only successes are remembered: a bad token is verified (and
 * refused) every time. A signing key removed from the issuer's JWKS stops being honoured within `ttlMs`; pass
 * `cacheTtlMs: 0` to the adapter to verify every request.
 */
import type { CredentialTransport, ProxyUser } from '../request-context.ts';
import type { SessionResult } from './session.ts';

export const DEFAULT_SESSION_CACHE_MS = 30_000;
const MAX_ENTRIES = 10_000;

export interface SessionCache {
  /** The remembered result for exactly this credential: a frozen signed-in result, handed out as is. */
  get(key: string): SessionResult | undefined;
  /**
   * Remembers that `key` signed `user` in over `transport`, until `expSeconds` (the token's `exp`) or the TTL,
   * whichever comes first.
   */
  set(key: string, user: ProxyUser, transport: CredentialTransport, expSeconds: unknown): void;
}

export function createSessionCache(ttlMs: number | undefined, option: string): SessionCache | undefined {
  const ttl = ttlMs ?? DEFAULT_SESSION_CACHE_MS;
  if (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < 0 || ttl > 300_000) {
    throw new TypeError(`clinikProxy: option "${option}" must be a whole number of ms from 0 (off) to 300000`);
  }
  if (ttl === 0) return undefined;
  // The whole result is kept, frozen, so a hit costs no allocation.
  const entries = new Map<string, { readonly credential: string; readonly result: SessionResult; readonly until: number }>();
  return {
    get(key) {
      const entry = entries.get(slot(key));
      // Only the exact credential counts; another one that merely ends the same way is a miss.
      if (!entry || entry.credential !== key) return undefined;
      if (entry.until <= Date.now()) {
        entries.delete(slot(key));
        return undefined;
      }
      return entry.result;
    },
    set(key, user, transport, expSeconds) {
      // A token without a numeric exp is not remembered: there would be nothing to bound it by but the TTL.
      if (typeof expSeconds !== 'number') return;
      const until = Math.min(Date.now() + ttl, expSeconds * 1000);
      if (until <= Date.now()) return;
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
      entries.set(slot(key), { credential: key, result: Object.freeze({ user: Object.freeze({ ...user }), transport }), until });
    },
  };
}

/**
 * Where a credential is filed: its last 64 characters — a JWT's signature, as good as unique. A Map hashes every
 * character of a key it has not seen before, and the header string is new on every request: for a 700-character
 * token that hash cost about a microsecond per request, four times what the 64-character tail and one exact
 * comparison cost.
 */
function slot(credential: string): string {
  return credential.length > 64 ? credential.slice(-64) : credential;
}
