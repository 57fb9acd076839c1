import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { windowCounterContract } from '../../test/window-counter-contract.ts';
import { memoryWindowCounter } from './window-counter.ts';

describe('memoryWindowCounter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  windowCounterContract(
    () => memoryWindowCounter(),
    async (ms) => {
      vi.advanceTimersByTime(ms);
    },
  );

  it('answers at once, without a promise', () => {
    const answer = memoryWindowCounter().add('a', 1, 1_000);
    expect(answer).not.toBeInstanceOf(Promise);
    expect(answer).toEqual({ total: 1, resetAt: Date.now() + 1_000 });
  });

  it('holds only the keys of the last two periods, however many strangers came before', () => {
    const store = memoryWindowCounter();
    // A thousand one-off keys a minute for ten minutes, as a stranger rotating addresses would make.
    for (let minute = 0; minute < 10; minute += 1) {
      for (let i = 0; i < 1_000; i += 1) store.add(`m${minute}-k${i}`, 1, 60_000);
      vi.advanceTimersByTime(60_000);
    }
    expect(store.size).toBeLessThanOrEqual(2_000);
    // A key still inside its window survives a rotation: its count goes on.
    store.add('steady', 1, 60_000);
    vi.advanceTimersByTime(59_000);
    store.add('other', 1, 60_000);
    expect(store.add('steady', 1, 60_000).total).toBe(2);
  });
});
