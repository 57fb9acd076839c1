import { describe, expect, it } from 'vitest';
import { whenSettled } from './settle.ts';

describe('whenSettled', () => {
  it('uses an answer given at once, at once', () => {
    expect(whenSettled(2, (n) => n * 3)).toBe(6);
    expect(whenSettled(null, (n) => n)).toBeNull();
    // An object with a `then` that is not a function is an answer like any other.
    const user = { id: 'u1', then: 'tomorrow' };
    expect(whenSettled(user, (u) => u)).toBe(user);
  });

  it('awaits any thenable, and passes a rejection to onRejected', async () => {
    const foreign = { then: (resolve: (n: number) => void) => resolve(4) };
    const later = whenSettled(foreign as unknown as PromiseLike<number>, (n) => n + 1);
    expect(later).toBeInstanceOf(Promise);
    expect(await later).toBe(5);
    expect(await whenSettled(Promise.reject(new Error('no')), () => 'ok', () => 'refused')).toBe('refused');
    await expect(whenSettled(Promise.reject(new Error('no')), () => 'ok')).rejects.toThrow('no');
  });

  it('awaits thenables only: a function with a then is one, a then that is not a function is not', async () => {
    const callable = Object.assign(() => undefined, { then: (resolve: (n: number) => void) => resolve(7) });
    const settled = whenSettled(callable as unknown as PromiseLike<number>, (n) => n);
    expect(settled).toBeInstanceOf(Promise);
    expect(await settled).toBe(7);
    for (const value of [undefined, null, 0, 'then', {}, { then: 1 }]) expect(whenSettled(value, (settled) => settled)).toBe(value);
  });
});
