/**
 * ClinikAPI key format: `clk_test_<secret>` or `clk_live_<secret>`, optionally followed by a Cliniko-style shard
 * suffix (`-uk1`: two letters and one or two digits) naming the shard that issued it.
 *
 * Only a SHA-256 digest of the key (without the suffix) is ever stored. A fast hash is the right tool here: the
 * secret is 190 bits of randomness, so there is nothing for a slow password hash to protect, and every request pays
 * for the hash on a cache miss.
 */

export type KeyEnvironment = 'test' | 'live';

export interface ParsedApiKey {
  readonly environment: KeyEnvironment;
  /** The key without its shard suffix: what the stored hash is computed from. */
  readonly canonical: string;
  /** The shard named by the suffix, when there is one. */
  readonly shard: string | undefined;
}

const KEY_PATTERN = /^clk_(test|live)_([A-Za-z0-9]{24,64})(?:-([a-z]{2}[0-9]{1,2}))?$/;
const SECRET_LENGTH = 32;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Parses a presented key, or returns `undefined` when it does not have the ClinikAPI format. */
export function parseApiKey(raw: string): ParsedApiKey | undefined {
  const match = KEY_PATTERN.exec(raw);
  if (!match) return undefined;
  const [, environment, secret, shard] = match;
  return { environment: environment as KeyEnvironment, canonical: `clk_${environment}_${secret}`, shard };
}

/** A new random key for `environment`, with the issuing shard's suffix when there is one. */
export function generateApiKey(environment: KeyEnvironment, shard?: string): string {
  // Rejection sampling keeps every character equally likely (256 is not a multiple of 62).
  const limit = 256 - (256 % ALPHABET.length);
  let secret = '';
  while (secret.length < SECRET_LENGTH) {
    for (const byte of crypto.getRandomValues(new Uint8Array(SECRET_LENGTH))) {
      if (byte < limit && secret.length < SECRET_LENGTH) secret += ALPHABET[byte % ALPHABET.length];
    }
  }
  return `clk_${environment}_${secret}${shard ? `-${shard}` : ''}`;
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
