/**
 * Idempotency keys for creates. One key per create *attempt* (the same input object), kept across every retry of
 * it — TanStack Query's automatic ones and a user pressing "Try again" after a failure — so a create whose response
 * was lost is replayed by the API, never applied twice. A new input object is a new create.
 */

const keys = new WeakMap<object, string>();

/**
 * 128 random bits as 32 hex digits: unique enough that two creates never share a key. `getRandomValues` also works
 * on plain-http pages, where `crypto.randomUUID` does not exist.
 */
export function createIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The key for this create input: the one it already has, or a new one. */
export function idempotencyKeyFor(input: object): string {
  let key = keys.get(input);
  if (!key) {
    key = createIdempotencyKey();
    keys.set(input, key);
  }
  return key;
}

/** Forgets the key once the create succeeded: sending the same object again is then a deliberate second create. */
export function forgetIdempotencyKey(input: object): void {
  keys.delete(input);
}
