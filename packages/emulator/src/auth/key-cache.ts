/**
 * The 60-second cache in front of the key table (the seed's "keys are cached for 60 seconds"). A revoked key keeps
 * working until its entry expires — exactly the documented behaviour — and unknown keys are cached too, so a flood
 * of made-up keys costs one lookup each per minute at most.
 */
import type { EmulatorStore, KeyWithOrganisation } from '../store/types.ts';

export const KEY_CACHE_TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  readonly value: KeyWithOrganisation | undefined;
  readonly expiresAt: number;
}

export interface KeyCache {
  lookup(keyHash: string): Promise<KeyWithOrganisation | undefined>;
}

export function createKeyCache(store: EmulatorStore, now: () => number, ttlMs = KEY_CACHE_TTL_MS): KeyCache {
  const entries = new Map<string, Entry>();
  const pending = new Map<string, Promise<KeyWithOrganisation | undefined>>();

  return {
    async lookup(keyHash) {
      const cached = entries.get(keyHash);
      if (cached && cached.expiresAt > now()) return cached.value;
      // Concurrent misses for one key share a single database lookup.
      const inFlight = pending.get(keyHash);
      if (inFlight) return inFlight;
      const lookup = store.findKeyByHash(keyHash).then((value) => {
        entries.delete(keyHash);
        if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
        entries.set(keyHash, { value, expiresAt: now() + ttlMs });
        return value;
      });
      pending.set(keyHash, lookup);
      try {
        return await lookup;
      } finally {
        pending.delete(keyHash);
      }
    },
  };
}
