import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSessionCache } from './session-cache.ts';

const user = { id: 'u1', roles: ['clinician'] };
const inSeconds = (seconds: number) => Date.now() / 1000 + seconds;

afterEach(() => vi.useRealTimers());

describe('createSessionCache', () => {
  it('remembers a verified user until the TTL', () => {
    vi.useFakeTimers();
    const cache = createSessionCache(1000, 'x');
    cache?.set('token', user, inSeconds(3600));
    expect(cache?.get('token')).toEqual(user);
    vi.advanceTimersByTime(1001);
    expect(cache?.get('token')).toBeUndefined();
  });

  it('never remembers past the token’s exp, nor a token without one', () => {
    vi.useFakeTimers();
    const cache = createSessionCache(60_000, 'x');
    cache?.set('short', user, inSeconds(2));
    cache?.set('no-exp', user, undefined);
    cache?.set('expired', user, inSeconds(-1));
    expect(cache?.get('no-exp')).toBeUndefined();
    expect(cache?.get('expired')).toBeUndefined();
    expect(cache?.get('short')).toEqual(user);
    vi.advanceTimersByTime(2001);
    expect(cache?.get('short')).toBeUndefined();
  });

  it('answers only the exact credential, not another that ends the same way (a signature pasted onto new claims)', () => {
    const cache = createSessionCache(60_000, 'x');
    const signature = 's'.repeat(86);
    const genuine = `header.${'a'.repeat(600)}.${signature}`;
    const forged = `header.${'b'.repeat(600)}.${signature}`;
    cache?.set(genuine, user, inSeconds(60));
    expect(cache?.get(forged)).toBeUndefined();
    expect(cache?.get(genuine)).toEqual(user);
    // The forged one, verified and remembered for someone else, takes the slot; the genuine one is then verified again.
    const other = { id: 'u2', roles: [] };
    cache?.set(forged, other, inSeconds(60));
    expect(cache?.get(forged)).toEqual(other);
    expect(cache?.get(genuine)).toBeUndefined();
  });

  it('hands out a frozen copy, is off at 0, and validates its option', () => {
    const cache = createSessionCache(undefined, 'x');
    cache?.set('t', user, inSeconds(60));
    expect(Object.isFrozen(cache?.get('t'))).toBe(true);
    expect(createSessionCache(0, 'x')).toBeUndefined();
    expect(() => createSessionCache(-1, 'session.cacheTtlMs')).toThrow('"session.cacheTtlMs"');
  });
});
