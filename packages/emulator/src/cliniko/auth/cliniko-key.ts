/**
 * Cliniko keys as the emulator issues them: an opaque token, `-`, the shard that issued it (`…-au2`); the format
 * itself is `@clinikapi/core`'s (`api-keys.ts`), which the proxy routes by. The token here is 40 characters of
 * base62. Only the SHA-256 of the token is stored, as for ClinikAPI keys (`auth/api-key.ts`): the suffix is routing,
 * not secret.
 */
import { parseClinikoKey as parseKey } from '@clinikapi/core';
import { hashApiKey } from '../../auth/api-key.ts';
import { randomBase62 } from '../../auth/random-base62.ts';

const TOKEN_LENGTH = 40;

export interface PresentedClinikoKey {
  /** The key without its suffix: what the stored hash is computed from. */
  readonly token: string;
  /** The suffix, when the key was sent with one. */
  readonly shard: string | undefined;
}

/** Splits a presented key into token and shard suffix; undefined when it cannot be a key at all. */
export function parseClinikoKey(raw: string): PresentedClinikoKey | undefined {
  const parsed = parseKey(raw);
  return parsed.ok ? parsed.parts : undefined;
}

/** A new key for `shard`: 40 random base62 characters and the suffix. */
export function generateClinikoKey(shard: string): string {
  return `${randomBase62(TOKEN_LENGTH)}-${shard}`;
}

/** Hex SHA-256 of the token. */
export const hashClinikoToken = (token: string): Promise<string> => hashApiKey(token);

/** What listings show of a key: its last four characters and its shard, `…a1B2-au2`. */
export function clinikoKeyHint(token: string, shard: string): string {
  return `…${token.slice(-4)}-${shard}`;
}
