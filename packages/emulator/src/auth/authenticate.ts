/** Establishes the caller from `x-api-key` (or Cliniko-style Basic auth), with the documented error codes. */
import { ApiError } from '@clinikapi/core';
import { hashApiKey, parseApiKey } from './api-key.ts';
import type { KeyCache } from './key-cache.ts';
import { principalOf, type Principal } from './principal.ts';

/** The key a request presents: `x-api-key`, else `Authorization: Basic base64(key + ":")`. */
export function presentedKey(headers: Headers): string | undefined {
  const direct = headers.get('x-api-key');
  if (direct !== null) return direct.trim();
  const authorization = headers.get('authorization');
  const basic = authorization && /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization.trim());
  if (!basic?.[1]) return undefined;
  try {
    const decoded = atob(basic[1]);
    const separator = decoded.indexOf(':');
    return separator === -1 ? decoded : decoded.slice(0, separator);
  } catch {
    return undefined;
  }
}

export interface AuthenticateOptions {
  readonly keys: KeyCache;
  readonly now: () => number;
  /** The shard this instance owns, when it runs as one; keys issued by other shards are refused. */
  readonly shard?: string | undefined;
}

export async function authenticate(headers: Headers, options: AuthenticateOptions): Promise<Principal> {
  const raw = presentedKey(headers);
  if (!raw) throw new ApiError('UNAUTHORIZED', 'Missing x-api-key header');
  const parsed = parseApiKey(raw);
  if (!parsed) throw new ApiError('INVALID_KEY_FORMAT', 'API key must look like clk_test_… or clk_live_…');
  if (parsed.shard !== undefined && parsed.shard !== options.shard) {
    throw new ApiError('INVALID_KEY', 'API key belongs to another shard');
  }
  const found = await options.keys.lookup(await hashApiKey(parsed.canonical));
  if (!found || (found.key.shard ?? undefined) !== options.shard) throw new ApiError('INVALID_KEY');
  if (found.key.revokedAt !== null) throw new ApiError('KEY_REVOKED');
  if (found.key.expiresAt !== null && Date.parse(found.key.expiresAt) <= options.now()) {
    throw new ApiError('KEY_EXPIRED');
  }
  return principalOf(found);
}
