/** How a Cliniko error answer reads in the ClinikAPI error envelope, for everything that speaks Cliniko on the envelope's side. */
import type { ErrorIssue } from './errors.ts';

/**
 * Cliniko's 422 `errors` map as envelope issues: `{ "starts_at": "overlaps …" }` → `starts_at: overlaps …`, one issue
 * a field; anything that is not a field → text entry is left out. The proxy's Cliniko dialect and the browser Cliniko
 * emulator (which answers as the proxy would) both read errors this way.
 */
export function clinikoErrorIssues(body: unknown): ErrorIssue[] {
  const errors = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as { errors?: unknown }).errors : undefined;
  if (typeof errors !== 'object' || errors === null || Array.isArray(errors)) return [];
  return Object.entries(errors)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([field, problem]) => ({ severity: 'error', code: 'invalid', diagnostics: `${field}: ${problem}`, path: field }));
}
