import type { Request } from 'express';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProxyError } from '../errors.ts';
import { createAnonymousLimit } from './anonymous-limit.ts';
import { clientAddress } from './client-address.ts';
import type { WindowCounter } from './window-counter.ts';

const from = (address: string) => ({ socket: { remoteAddress: address }, headers: {} }) as unknown as Request;

/** Runs the check; answers what it threw, if anything. */
function guard(limit: ReturnType<typeof createAnonymousLimit>, req: Request): unknown {
  try {
    limit?.check(req);
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('createAnonymousLimit', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is on by default and off with false, and names a bad option', () => {
    expect(createAnonymousLimit(undefined, clientAddress(undefined))).toBeDefined();
    expect(createAnonymousLimit(false, clientAddress(undefined))).toBeUndefined();
    expect(() => createAnonymousLimit({ limit: 0 }, clientAddress(undefined))).toThrow('"anonymousLimit.limit"');
    expect(() => createAnonymousLimit({ store: {} as WindowCounter }, clientAddress(undefined))).toThrow('"anonymousLimit.store"');
  });

  it('refuses an address once its failures are over the limit, until its window ends, and no other address', async () => {
    const limit = createAnonymousLimit({ limit: 3, windowMs: 60_000 }, clientAddress(undefined));
    const stranger = from('203.0.113.9');
    // A failure is counted after its request is answered: each count lands once the microtasks of its turn have run.
    const counted = () => vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 3; i += 1) {
      expect(guard(limit, stranger)).toBeUndefined();
      limit?.noteFailure(stranger);
      await counted();
    }
    expect(guard(limit, stranger)).toBeUndefined();
    limit?.noteFailure(stranger);
    await counted();
    vi.advanceTimersByTime(20_000);
    const refused = guard(limit, stranger);
    expect(refused).toBeInstanceOf(ProxyError);
    expect(refused).toMatchObject({
      code: 'RATE_LIMITED',
      reason: 'limit:anonymous',
      headers: { 'retry-after': '40', 'x-ratelimit-remaining': '0' },
    });
    expect(guard(limit, from('198.51.100.1'))).toBeUndefined();
    vi.advanceTimersByTime(40_000);
    expect(guard(limit, stranger)).toBeUndefined();
  });

  it('learns a refusal from a shared count, and goes on when the store fails, saying so', async () => {
    const error = vi.fn();
    let total = 0;
    const shared: WindowCounter = { add: async (_key, amount) => ({ total: (total += amount), resetAt: Date.now() + 60_000 }) };
    const limit = createAnonymousLimit({ limit: 2, store: shared }, clientAddress(undefined), { error });
    total = 5; // other instances' failures
    limit?.noteFailure(from('203.0.113.9'));
    await vi.advanceTimersByTimeAsync(0);
    expect(guard(limit, from('203.0.113.9'))).toMatchObject({ reason: 'limit:anonymous' });

    const broken = createAnonymousLimit({ store: { add: async () => Promise.reject(new Error('down')) } }, clientAddress(undefined), {
      error,
    });
    broken?.noteFailure(from('203.0.113.9'));
    await vi.advanceTimersByTimeAsync(0);
    expect(error).toHaveBeenCalledWith({ reason: 'limit:anonymous-store-error' }, expect.any(String));
    expect(guard(broken, from('203.0.113.9'))).toBeUndefined();
  });
});
