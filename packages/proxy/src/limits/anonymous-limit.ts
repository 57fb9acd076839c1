/**
 * Requests that end with nobody signed in, limited per client address. Every such request still costs the proxy a
 * session check — for a stranger hammering with made-up tokens, a signature verification each — so once an address
 * is over its limit it is refused before the session stage runs at all. Signed-in users are never counted: a whole
 * clinic behind one address only shares the limit when its requests fail to sign in.
 *
 * The counts may be shared (Redis); the list of refused addresses is this instance's own, learned from the counts,
 * so the check before the session is a lookup in memory, skipped entirely while no address is over.
 */
import type { Request } from 'express';
import type { Logger } from 'pino';
import { ProxyError } from '../errors.ts';
import { addressKey, type ClientAddress } from './client-address.ts';
import { optionsObject, positiveInteger, windowCounter } from './option-checks.ts';
import { memoryWindowCounter, type WindowCount, type WindowCounter } from './window-counter.ts';

export interface AnonymousLimitOptions {
  /** Requests without a signed-in user per client address per window. Default 60. */
  readonly limit?: number;
  /** Window length in ms. Default 60 000. */
  readonly windowMs?: number;
  /** Where the counts live. Default: this process's memory; `redisWindowCounter({...})` to share them between instances. */
  readonly store?: WindowCounter;
}

export interface AnonymousLimit {
  /** Before the session: refuses (throws the 429 for) an address that is over its limit. */
  check(req: Request): void;
  /** Counts a request that found nobody signed in against its address. Never waits for the store. */
  noteFailure(req: Request): void;
}

/** More refused addresses than this and the oldest is forgotten (it is refused again at its next failure). */
const MAX_REFUSED_ADDRESSES = 10_000;

export function createAnonymousLimit(
  value: AnonymousLimitOptions | false | undefined,
  addressOf: ClientAddress,
  logger?: Pick<Logger, 'error'>,
): AnonymousLimit | undefined {
  if (value === false) return undefined;
  const options = optionsObject(value, 'anonymousLimit', '{ limit?, windowMs?, store? }') ?? {};
  const limit = positiveInteger(options.limit, 'anonymousLimit.limit', 60);
  const windowMs = positiveInteger(options.windowMs, 'anonymousLimit.windowMs', 60_000);
  const counter = windowCounter(options.store, 'anonymousLimit.store', () => memoryWindowCounter());
  /** Address key → when its window ends; in insertion order, which is close to the order they end in. */
  const refused = new Map<string, number>();

  const refuse = (key: string, resetAt: number): void => {
    refused.delete(key);
    if (refused.size >= MAX_REFUSED_ADDRESSES) refused.delete(refused.keys().next().value as string);
    refused.set(key, resetAt);
  };
  const counted = (key: string, count: WindowCount): void => {
    if (count.total > limit) refuse(key, count.resetAt);
  };
  const storeFailed = (): void => {
    logger?.error(
      { reason: 'limit:anonymous-store-error' },
      'clinikapi.proxy.rate-limit-store-failed: an unauthenticated request went uncounted',
    );
  };

  return {
    check(req) {
      if (refused.size > 0) {
        const key = addressKey(addressOf(req));
        const resetAt = refused.get(key);
        if (resetAt !== undefined) {
          const seconds = Math.ceil((resetAt - Date.now()) / 1000);
          if (seconds > 0) {
            throw new ProxyError('RATE_LIMITED', 'Too many requests; try again later', {
              headers: {
                'retry-after': String(seconds),
                'x-ratelimit-limit': String(limit),
                'x-ratelimit-remaining': '0',
                'x-ratelimit-reset': String(seconds),
              },
              reason: 'limit:anonymous',
            });
          }
          refused.delete(key);
        }
      }
    },
    noteFailure(req) {
      const key = addressKey(addressOf(req));
      // Never awaited: the request is answered (401) whatever the store does.
      Promise.resolve()
        .then(() => counter.add(`anonymous:${key}`, 1, windowMs))
        .then((count) => counted(key, count), storeFailed);
    },
  };
}
