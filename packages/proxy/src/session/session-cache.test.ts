import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSessionCache } from './session-cache.ts';

const user = { id: 'u1', roles: ['clinician'] };
const signedIn = { user, transport: 'bearer' };
const inSeconds = (seconds: number) => Date.now() / 1000 + seconds;

afterEach(() => vi.useRealTimers());

describe('createSessionCache', () => {
  it('remembers a verified user until the TTL', () => {
    vi.useFakeTimers();
    const cache = createSessionCache(1000, 'x');
    cache?.set('token', user, 'bearer', inSeconds(3600));
    expect(cache?.get('token')).toEqual(signedIn);
    vi.advanceTimersByTime(1001);
    expect(cache?.get('token')).toBeUndefined();
  });

  it('never remembers past the token’s exp, nor a token without one', () => {
    vi.useFakeTimers();
    const cache = createSessionCache(60_000, 'x');
    cache?.set('short', user, 'bearer', inSeconds(2));
    cache?.set('no-exp', user, 'bearer', undefined);
    cache?.set('expired', user, 'bearer', inSeconds(-1));
    expect(cache?.get('no-exp')).toBeUndefined();
    expect(cache?.get('expired')).toBeUndefined();
    expect(cache?.get('short')).toEqual(signedIn);
    vi.advanceTimersByTime(2001);
    expect(cache?.get('short')).toBeUndefined();
  });

  it('answers only the exact credential, not another that ends the same way (a signature pasted onto new claims)', () => {
    const cache = createSessionCache(60_000, 'x');
    const signature = 's'.repeat(86);
    const genuine = `header.${'a'.repeat(600)}.${signature}`;
    const forged = `header.${'b'.repeat(600)}.${signature}`;
    cache?.set(genuine, user, 'bearer', inSeconds(60));
    expect(cache?.get(forged)).toBeUndefined();
    expect(cache?.get(genuine)).toEqual(signedIn);
    // The forged one, verified and remembered for someone else, takes the slot; the genuine one is then verified again.
    const other = { id: 'u2', roles: [] };
    cache?.set(forged, other, 'bearer', inSeconds(60));
    expect(cache?.get(forged)).toEqual({ user: other, transport: 'bearer' });
    expect(cache?.get(genuine)).toBeUndefined();
  });

  it('hands out one frozen result, is off at 0, and validates its option', () => {
    const cache = createSessionCache(undefined, 'x');
    cache?.set('t', user, 'cookie', inSeconds(60));
    const remembered = cache?.get('t');
    expect(remembered).toEqual({ user, transport: 'cookie' });
    expect(Object.isFrozen(remembered) && Object.isFrozen(remembered?.user)).toBe(true);
    expect(cache?.get('t')).toBe(remembered);
    expect(createSessionCache(0, 'x')).toBeUndefined();
    expect(() => createSessionCache(-1, 'session.cacheTtlMs')).toThrow('"session.cacheTtlMs"');
  });
});
