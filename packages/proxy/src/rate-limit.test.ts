import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit.ts';

describe('createRateLimiter', () => {
  it('is on by default, off with false', () => {
    expect(createRateLimiter(undefined)).toBeTypeOf('function');
    expect(createRateLimiter(false)).toBeUndefined();
  });

  it('names the bad option', () => {
    expect(() => createRateLimiter({ limit: 0 })).toThrow('"rateLimit.limit"');
    expect(() => createRateLimiter({ windowMs: 1.5 })).toThrow('"rateLimit.windowMs"');
    expect(() => createRateLimiter('fast' as never)).toThrow('"rateLimit"');
  });
});
