/** What every `WindowCounter` must do, run against the memory counter and against a real Redis. */
import { expect, it } from 'vitest';
import type { WindowCounter } from '../src/limits/window-counter.ts';

/**
 * `wait` lets `ms` pass for the counter: a fake clock for memory, real time for Redis. A window that must stay open
 * across several calls is a minute long — with Redis that is real time, and a loaded machine can take a second between
 * two calls — and only windows that must end are short.
 */
export function windowCounterContract(counter: () => WindowCounter, wait: (ms: number) => Promise<void>): void {
  it('counts per key within a window that opens with the first hit', async () => {
    const store = counter();
    const first = await store.add('a', 2, 60_000);
    expect(first.total).toBe(2);
    expect(first.resetAt - Date.now()).toBeGreaterThan(30_000);
    expect((await store.add('a', 3, 60_000)).total).toBe(5);
    expect((await store.add('b', 1, 60_000)).total).toBe(1);
  });

  it('starts again once the window is over', async () => {
    const store = counter();
    await store.add('a', 4, 200);
    await wait(250);
    expect((await store.add('a', 1, 200)).total).toBe(1);
  });

  it('gives back without going below zero, and a give-back opens no window', async () => {
    const store = counter();
    await store.add('a', 3, 60_000);
    expect((await store.add('a', -2, 60_000)).total).toBe(1);
    expect((await store.add('a', -5, 60_000)).total).toBe(0);
    expect((await store.add('fresh', -1, 200)).total).toBe(0);
    await wait(250);
    // Had the give-back opened a window, this hit would land in it or after it; either way it counts from zero.
    expect((await store.add('fresh', 1, 200)).total).toBe(1);
  });

  it('keeps a key whose window is longer than another key’s', async () => {
    const store = counter();
    await store.add('long', 1, 60_000);
    await store.add('short', 1, 200);
    await wait(450);
    await store.add('short', 1, 200);
    expect((await store.add('long', 1, 60_000)).total).toBe(2);
  });
}
