/**
 * Idempotency keys for creates. One key per create *attempt* (the same input object), kept across every retry of
 * it — TanStack Query's automatic ones and a user pressing "Try again" after a failure — so a create whose response
 * was lost is replayed by the API, never applied twice. A new input object is a new create.
 */

const keys = new WeakMap<object, string>();

/** A random RFC 4122 v4 UUID; `getRandomValues` also works on plain-http pages, where `randomUUID` does not exist. */
export function createIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
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
