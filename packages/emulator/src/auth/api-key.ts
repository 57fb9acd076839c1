/**
 * ClinikAPI keys as the emulator issues and checks them; the format itself is `@clinikapi/core`'s (`api-keys.ts`).
 *
 * Only a SHA-256 digest of the key (without the suffix) is ever stored. A fast hash is the right tool here: the
 * secret is 190 bits of randomness, so there is nothing for a slow password hash to protect, and every request pays
 * for the hash on a cache miss.
 */
import { parseClinikApiKey, type KeyEnvironment } from '@clinikapi/core';
import { randomBase62 } from './random-base62.ts';

export type { KeyEnvironment };

export interface ParsedApiKey {
  readonly environment: KeyEnvironment;
  /** The key without its shard suffix: what the stored hash is computed from. */
  readonly canonical: string;
  /** The shard named by the suffix, when there is one. */
  readonly shard: string | undefined;
}

const SECRET_LENGTH = 32;

/** Parses a presented key, or returns `undefined` when it does not have the ClinikAPI format. */
export function parseApiKey(raw: string): ParsedApiKey | undefined {
  const parsed = parseClinikApiKey(raw);
  if (!parsed.ok) return undefined;
  const { environment, canonical, shard } = parsed.parts;
  return { environment, canonical, shard };
}

/** A new random key for `environment`, with the issuing shard's suffix when there is one. */
export function generateApiKey(environment: KeyEnvironment, shard?: string): string {
  return `clk_${environment}_${randomBase62(SECRET_LENGTH)}${shard ? `-${shard}` : ''}`;
}

/** Hex SHA-256 of the canonical key: the only form a key is stored in. */
export async function hashApiKey(canonical: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A display form that identifies a key without revealing it: `clk_test_…a1b2`. */
export function keyHint(canonical: string): string {
  return `${canonical.slice(0, 9)}…${canonical.slice(-4)}`;
}
