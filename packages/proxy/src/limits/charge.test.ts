import { describe, expect, it } from 'vitest';
import { chargeAll, type Charge } from './charge.ts';
import { memoryWindowCounter, type WindowCounter } from './window-counter.ts';

const charge = (counter: WindowCounter, key: string, amount: number, limit: number, reason = `over:${key}`): Charge => ({
  counter,
  key,
  amount,
  limit,
  windowMs: 60_000,
  reason,
});

/** The memory counter behind a promise, as a shared store answers. */
function later(counter: WindowCounter, failOn?: string): WindowCounter {
  return {
    add: async (key, amount, windowMs) => {
      if (key === failOn && amount > 0) throw new Error('store down');
      return counter.add(key, amount, windowMs);
    },
  };
}

describe('chargeAll', () => {
  it('lets a request through while every count stays within its limit, synchronously for memory counters', () => {
    const counter = memoryWindowCounter();
    expect(chargeAll([charge(counter, 'user', 2, 3), charge(counter, 'key', 2, 10)])).toBeUndefined();
    expect(counter.add('user', 0, 60_000)).toMatchObject({ total: 2 });
  });

  it('refuses with the first charge over its limit, and gives back what it took everywhere', () => {
    const counter = memoryWindowCounter();
    chargeAll([charge(counter, 'user', 2, 3), charge(counter, 'key', 2, 10)]);
    const refusal = chargeAll([charge(counter, 'user', 2, 3, 'budget:user-share'), charge(counter, 'key', 2, 10, 'budget:key')]);
    expect(refusal).toEqual({ reason: 'budget:user-share', retryAfterSeconds: 60 });
    // The refused request took nothing: another user of the key still has the whole rest of it.
    expect(counter.add('key', 0, 60_000)).toMatchObject({ total: 2 });
    expect(counter.add('user', 0, 60_000)).toMatchObject({ total: 2 });
    expect(chargeAll([charge(counter, 'user', 1, 3)])).toBeUndefined();
  });

  it('does the same through a store that answers later', async () => {
    const memory = memoryWindowCounter();
    const store = later(memory);
    expect(await chargeAll([charge(store, 'a', 5, 5), charge(store, 'b', 5, 6)])).toBeUndefined();
    expect(await chargeAll([charge(store, 'a', 1, 10), charge(store, 'b', 2, 6, 'b-over')])).toMatchObject({ reason: 'b-over' });
    expect(memory.add('a', 0, 60_000)).toMatchObject({ total: 5 });
    expect(memory.add('b', 0, 60_000)).toMatchObject({ total: 5 });
  });

  it('passes a store failure on, having given back what the other counts took', async () => {
    const memory = memoryWindowCounter();
    const store = later(memory, 'b');
    await expect(chargeAll([charge(store, 'a', 3, 10), charge(store, 'b', 3, 10)])).rejects.toThrow('store down');
    await Promise.resolve();
    expect(memory.add('a', 0, 60_000)).toMatchObject({ total: 0 });
  });
});
