/**
 * Cliniko's key format: an opaque token, `-`, the shard that issued it (`…-au2`). The token here is 40 characters
 * of base62 — no `-` inside it, so the suffix is always what follows the last `-`, and a token presented without
 * its suffix can never be mistaken for one with a suffix. Only the SHA-256 of the token is stored, as for
 * ClinikAPI keys (`auth/api-key.ts`): the suffix is routing, not secret.
 */
import { hashApiKey } from '../../auth/api-key.ts';

/** Two letters and one or two digits: the form the sharding guide anchors, and the only one put in a URL here. */
export const SHARD_PATTERN = /^[a-z]{2}[0-9]{1,2}$/;

const TOKEN_LENGTH = 40;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const PRESENTED = /^([A-Za-z0-9]{16,128})(?:-([a-z]{2}[0-9]{1,2}))?$/;

export interface PresentedClinikoKey {
  /** The key without its suffix: what the stored hash is computed from. */
  readonly token: string;
  /** The suffix, when the key was sent with one. */
  readonly shard: string | undefined;
}

/** Splits a presented key into token and shard suffix; undefined when it cannot be a key at all. */
export function parseClinikoKey(raw: string): PresentedClinikoKey | undefined {
  const match = PRESENTED.exec(raw);
  return match ? { token: match[1] as string, shard: match[2] } : undefined;
}

/** A new key for `shard`: 40 random base62 characters and the suffix. */
export function generateClinikoKey(shard: string): string {
  // Rejection sampling keeps every character equally likely (256 is not a multiple of 62).
  const limit = 256 - (256 % ALPHABET.length);
  let token = '';
  while (token.length < TOKEN_LENGTH) {
    for (const byte of crypto.getRandomValues(new Uint8Array(TOKEN_LENGTH))) {
      if (byte < limit && token.length < TOKEN_LENGTH) token += ALPHABET[byte % ALPHABET.length];
    }
  }
  return `${token}-${shard}`;
}

/** Hex SHA-256 of the token. */
export const hashClinikoToken = (token: string): Promise<string> => hashApiKey(token);

/** What listings show of a key: its last four characters and its shard, `…a1B2-au2`. */
export function clinikoKeyHint(token: string, shard: string): string {
  return `…${token.slice(-4)}-${shard}`;
}
