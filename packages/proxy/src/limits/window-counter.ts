/**
 * Counts per key over fixed windows: a key's window opens with its first hit and lasts `windowMs`, as ClinikAPI's own
 * per-minute limit does. The upstream budget, the anonymous limit and the patient write caps all count through this
 * one interface: in this process's memory by default, or in Redis (`redisWindowCounter`) so that several proxy
 * instances share the counts.
 */
import type { MaybePromise } from '../maybe-promise.ts';

export interface WindowCount {
  /** The key's count in its current window, after the change. */
  readonly total: number;
  /** When that window ends, in ms since the epoch. */
  readonly resetAt: number;
}

export interface WindowCounter {
  /**
   * Adds `amount` to `key`'s count in its current window, opening a window of `windowMs` when none is open. A
   * negative amount gives back what a refused request took: it never opens a window, and a count never goes below 0.
   */
  add(key: string, amount: number, windowMs: number): MaybePromise<WindowCount>;
}

export interface MemoryWindowCounter extends WindowCounter {
  /** Always at once, never a promise. */
  add(key: string, amount: number, windowMs: number): WindowCount;
  /** Keys held now: those hit in about the last two periods. For monitoring, and to show the memory stays bounded. */
  readonly size: number;
}

interface Entry {
  total: number;
  readonly resetAt: number;
}

/**
 * In memory, O(1) per call and bounded by the keys seen in the last two periods, with no timer: every `period` (the
 * longest window asked for) the current map becomes the previous one and the previous is dropped. A key touched
 * since moves back to the current map; one left behind has seen its window end by the time its map is dropped.
 */
export function memoryWindowCounter(now: () => number = Date.now): MemoryWindowCounter {
  let current = new Map<string, Entry>();
  let previous = new Map<string, Entry>();
  let rotatedAt = now();
  let period = 0;
  return {
    get size() {
      return current.size + previous.size;
    },
    add(key, amount, windowMs) {
      const time = now();
      if (windowMs > period) period = windowMs;
      if (time - rotatedAt >= period) {
        previous = current;
        current = new Map();
        rotatedAt = time;
      }
      let entry = current.get(key);
      if (entry === undefined) {
        entry = previous.get(key);
        if (entry !== undefined) {
          previous.delete(key);
          current.set(key, entry);
        }
      }
      if (entry === undefined || time >= entry.resetAt) {
        if (amount <= 0) return { total: 0, resetAt: time + windowMs };
        entry = { total: 0, resetAt: time + windowMs };
        current.set(key, entry);
      }
      entry.total = Math.max(0, entry.total + amount);
      return { total: entry.total, resetAt: entry.resetAt };
    },
  };
}
