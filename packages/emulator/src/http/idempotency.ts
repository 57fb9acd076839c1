/** `Idempotency-Key`: which requests count as "the same", so a retry replays the first response. */
import { ApiError } from '@clinikapi/core';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** The key a request carries, validated; undefined when there is none. */
export function idempotencyKeyOf(headers: Headers): string | undefined {
  const raw = headers.get('idempotency-key');
  if (raw === null) return undefined;
  const key = raw.trim();
  if (!KEY_PATTERN.test(key)) {
    throw new ApiError('BAD_REQUEST', 'Idempotency-Key must be 1 to 255 visible ASCII characters', {
      issues: [{ severity: 'error', code: 'invalid', diagnostics: 'Idempotency-Key: Must be 1 to 255 visible ASCII characters' }],
    });
  }
  return key;
}

/** JSON with sorted keys: two bodies that differ only in key order or whitespace are the same request. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** SHA-256 of method, path and canonical body. Stored instead of the body, which may be PHI. */
export async function requestFingerprint(method: string, path: string, body: unknown): Promise<string> {
  const text = `${method} ${path}\n${canonicalJson(body)}`;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
