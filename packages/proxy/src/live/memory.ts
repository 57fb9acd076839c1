/**
 * What the live routes remember for a while — delivery ids already seen, the patients of records — in this process,
 * or in Redis when several instances must agree. Both are bounded: memory evicts the oldest entry past its size,
 * Redis expires every key.
 */
import type { LiveRedisOptions } from './options.ts';

export interface ExpiringStore {
  /** Sets `key` only when it is not set; true when this call set it (the first to see a delivery id). */
  claim(key: string, ttlMs: number): Promise<boolean>;
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
}

export function memoryExpiringStore(now: () => number, maxEntries = 100_000): ExpiringStore {
  // Insertion order is age order: a re-set key is deleted and inserted again, so the first key is always the oldest.
  const entries = new Map<string, { value: string; until: number }>();
  const live = (key: string): { value: string; until: number } | undefined => {
    const entry = entries.get(key);
    if (entry && entry.until <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  const put = (key: string, value: string, ttlMs: number): void => {
    entries.delete(key);
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
    entries.set(key, { value, until: now() + ttlMs });
  };
  return {
    async claim(key, ttlMs) {
      if (live(key)) return false;
      put(key, '1', ttlMs);
      return true;
    },
    async get(key) {
      return live(key)?.value;
    },
    async set(key, value, ttlMs) {
      put(key, value, ttlMs);
    },
  };
}

export function redisExpiringStore(redis: LiveRedisOptions & { readonly prefix: string }): ExpiringStore {
  const command = (...args: string[]) => Promise.resolve(redis.sendCommand(...args));
  return {
    async claim(key, ttlMs) {
      return (await command('SET', `${redis.prefix}${key}`, '1', 'NX', 'PX', String(ttlMs))) === 'OK';
    },
    async get(key) {
      const value = await command('GET', `${redis.prefix}${key}`);
      return typeof value === 'string' ? value : undefined;
    },
    async set(key, value, ttlMs) {
      await command('SET', `${redis.prefix}${key}`, value, 'PX', String(ttlMs));
    },
  };
}
