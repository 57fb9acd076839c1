import type { Response } from 'express';
import type { Store } from 'express-rate-limit';
import { describe, expect, it, vi } from 'vitest';
import { ProxyError } from './errors.ts';
import { createRateLimiter } from './rate-limit.ts';

/** The headers the limiter set on the last response it saw. */
let headersSet: Record<string, unknown> = {};

/** Counts one request of `userId`; answers the refusal it threw, if any — a store failure rejects. */
async function pass(limiter: ReturnType<typeof createRateLimiter>, userId: string): Promise<unknown> {
  headersSet = {};
  const res = { setHeader: (name: string, value: unknown) => void (headersSet[name] = value) } as unknown as Response;
  try {
    await limiter?.count({ id: userId, roles: [] }, res);
    return undefined;
  } catch (error) {
    if (error instanceof ProxyError) return error;
    throw error;
  }
}

function storeAnswering(increment: Store['increment']): Store {
  return { increment, decrement: async () => undefined, resetKey: async () => undefined };
}

describe('createRateLimiter', () => {
  it('is on by default, off with false', () => {
    expect(createRateLimiter(undefined)?.count).toBeTypeOf('function');
    expect(createRateLimiter(false)).toBeUndefined();
  });

  it('names the bad option', () => {
    expect(() => createRateLimiter({ limit: 0 })).toThrow('"rateLimit.limit"');
    expect(() => createRateLimiter({ windowMs: 1.5 })).toThrow('"rateLimit.windowMs"');
    expect(() => createRateLimiter('fast' as never)).toThrow('"rateLimit"');
    expect(() => createRateLimiter({ store: {} as Store })).toThrow('"rateLimit.store"');
    expect(() => createRateLimiter({ passOnStoreError: 'yes' as never })).toThrow('"rateLimit.passOnStoreError"');
  });

  it("counts per user in express-rate-limit's memory store and refuses the call over the limit with Retry-After", async () => {
    vi.useFakeTimers();
    try {
      const limiter = createRateLimiter({ limit: 2, windowMs: 30_000 });
      expect(await pass(limiter, 'alice')).toBeUndefined();
      expect(headersSet).toEqual({ 'x-ratelimit-limit': '2', 'x-ratelimit-remaining': '1', 'x-ratelimit-reset': '30' });
      vi.advanceTimersByTime(10_500);
      expect(await pass(limiter, 'alice')).toBeUndefined();
      const refused = await pass(limiter, 'alice');
      expect(refused).toBeInstanceOf(ProxyError);
      // The window opened with alice's first call: 19.5 s of it are left, said in whole seconds, rounded up.
      expect(refused).toMatchObject({ code: 'RATE_LIMITED', reason: 'rate-limit:user', headers: { 'retry-after': '20' } });
      // The caller's own limit, on the refusal too (sendError keeps these headers).
      expect(headersSet).toEqual({ 'x-ratelimit-limit': '2', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '20' });
      expect(await pass(limiter, 'bob')).toBeUndefined();
      expect(headersSet).toMatchObject({ 'x-ratelimit-remaining': '1' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('hands a store the window and keys by user id, never by address', async () => {
    const keys: string[] = [];
    const init = vi.fn();
    const store = { ...storeAnswering(async (key) => (keys.push(key), { totalHits: 1, resetTime: undefined })), init };
    const limiter = createRateLimiter({ windowMs: 5_000, store });
    expect(init).toHaveBeenCalledWith(expect.objectContaining({ windowMs: 5_000 }));
    await pass(limiter, 'carol');
    expect(keys).toEqual(['user:carol']);
  });

  it('falls back to the window for Retry-After when the store gives no reset time', async () => {
    const limiter = createRateLimiter({
      limit: 1,
      windowMs: 90_000,
      store: storeAnswering(async () => ({ totalHits: 2, resetTime: undefined })),
    });
    expect(await pass(limiter, 'dave')).toMatchObject({ code: 'RATE_LIMITED', headers: { 'retry-after': '90' } });
  });

  it('fails closed when the store fails, rejecting or throwing', async () => {
    for (const increment of [
      async () => Promise.reject(new Error('redis down')),
      () => {
        throw new Error('redis down');
      },
    ]) {
      const limiter = createRateLimiter({ store: storeAnswering(increment as Store['increment']) });
      await expect(pass(limiter, 'erin')).rejects.toThrow('redis down');
    }
  });

  it('lets the call through uncounted with passOnStoreError, rejecting or throwing, and says so without naming the user', async () => {
    for (const increment of [
      async () => Promise.reject(new Error('redis down')),
      () => {
        throw new Error('redis down');
      },
    ]) {
      const error = vi.fn();
      const limiter = createRateLimiter({ passOnStoreError: true, store: storeAnswering(increment) }, { error } as never);
      expect(await pass(limiter, 'frank')).toBeUndefined();
      expect(error).toHaveBeenCalledTimes(1);
      expect(JSON.stringify(error.mock.calls)).not.toContain('frank');
    }
  });

  it('survives a store whose start-up fails, rejecting or throwing: says so once, and each call answers the failure', async () => {
    for (const init of [
      async () => Promise.reject(new Error('no redis')),
      () => {
        throw new Error('no redis');
      },
    ]) {
      const error = vi.fn();
      const store = { ...storeAnswering(async () => Promise.reject(new Error('no scripts'))), init };
      const limiter = createRateLimiter({ store }, { error } as never);
      await expect(pass(limiter, 'gina')).rejects.toThrow('no scripts');
      expect(error).toHaveBeenCalledOnce();
      expect(error.mock.calls[0]?.[0]).toEqual({ reason: 'rate-limit:store-init-failed' });
    }
  });
});
