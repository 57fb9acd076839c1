/**
 * The formats of the keys the packages route, authenticate and redact, defined once: the proxy routes by them, the
 * emulator issues and checks them, the React client refuses to hold anything shaped like them.
 *
 * A ClinikAPI key is `clk_test_<secret>` or `clk_live_<secret>` (24–64 base62 characters), optionally followed by
 * a Cliniko-style shard suffix (`-uk1`) naming the shard that issued it. A Cliniko key is an opaque token followed
 * by its shard (`…-au2`); keys issued before sharding have no suffix.
 */

/** The environment a ClinikAPI key belongs to, from its prefix. */
export type KeyEnvironment = 'test' | 'live';

/** A shard name, as Cliniko's sharding guide anchors it: two letters and one or two digits (`au2`, `uk1`). */
export const SHARD_PATTERN = /^[a-z]{2}[0-9]{1,2}$/;

/** The environment, the secret and whatever follows a `-` (checked on its own, so a bad suffix is told apart). */
const CLINIKAPI_KEY = /^clk_(test|live)_([A-Za-z0-9]{24,64})(?:-([^-]*))?$/;

/**
 * A Cliniko token: no `-` (the suffix separator, so the suffix is always what follows the last `-`) and nothing that
 * could break a Basic credential. Cliniko does not document its alphabet, so this is the widest safe one.
 */
const CLINIKO_KEY = /^([A-Za-z0-9_+/=.]{8,256})(?:-([^-]*))?$/;

/** Why a string is not a key of the expected format; never carries the string itself. */
export type KeyFormatFault = 'prefix' | 'format' | 'shard';

/** A ClinikAPI key split into its parts. */
export interface ClinikApiKeyParts {
  readonly environment: KeyEnvironment;
  /** The random part between the prefix and the suffix. */
  readonly secret: string;
  /** The key without its shard suffix: what a stored hash is computed from and what identifies the key. */
  readonly canonical: string;
  /** The shard named by the suffix, when there is one. */
  readonly shard: string | undefined;
}

/** A Cliniko key split into its token and its suffix. */
export interface ClinikoKeyParts {
  /** The key without its suffix. */
  readonly token: string;
  /** The shard named by the suffix, when the key carries one. */
  readonly shard: string | undefined;
}

/** The parts of a key, or why it has none. */
export type KeyParse<Parts> = { readonly ok: true; readonly parts: Parts } | { readonly ok: false; readonly fault: KeyFormatFault };

/**
 * Matches text that holds something beginning like a ClinikAPI key anywhere in it (`clk_test_`, `clk_live_`). Not
 * global, so `test` keeps no state; the React client tests headers with it, where every byte is counted.
 */
export const CLINIKAPI_KEY_MENTION = /clk_(?:test|live)_/;

/** True when `text` holds something that begins like a ClinikAPI key anywhere in it. */
export function mentionsClinikApiKey(text: string): boolean {
  return CLINIKAPI_KEY_MENTION.test(text);
}

/** Splits a ClinikAPI key: `prefix` when it is not `clk_test_`/`clk_live_`, `format` for a bad secret, `shard` for a bad suffix. */
export function parseClinikApiKey(raw: string): KeyParse<ClinikApiKeyParts> {
  if (!raw.startsWith('clk_test_') && !raw.startsWith('clk_live_')) return { ok: false, fault: 'prefix' };
  const match = CLINIKAPI_KEY.exec(raw);
  if (!match) return { ok: false, fault: 'format' };
  const [, environment, secret, shard] = match as unknown as [string, KeyEnvironment, string, string | undefined];
  if (shard !== undefined && !SHARD_PATTERN.test(shard)) return { ok: false, fault: 'shard' };
  return { ok: true, parts: { environment, secret, canonical: `clk_${environment}_${secret}`, shard } };
}

/** Splits a Cliniko key: `format` for a bad token, `shard` for a bad suffix. */
export function parseClinikoKey(raw: string): KeyParse<ClinikoKeyParts> {
  const match = CLINIKO_KEY.exec(raw);
  if (!match) return { ok: false, fault: 'format' };
  const [, token, shard] = match as unknown as [string, string, string | undefined];
  if (shard !== undefined && !SHARD_PATTERN.test(shard)) return { ok: false, fault: 'shard' };
  return { ok: true, parts: { token, shard } };
}

/**
 * A new global pattern for every ClinikAPI key-shaped run inside a text (a log line, an answer), for redaction. It
 * takes secrets from 16 characters, shorter than a valid key, so a truncated key is caught too.
 */
export function clinikApiKeysIn(): RegExp {
  return /clk_(?:live|test)_[A-Za-z0-9]{16,}(?:-[a-z]{2}[0-9]{1,2})?/g;
}
