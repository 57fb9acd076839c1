/**
 * Inbound header hygiene. The upstream sees only headers on this list — never the browser's Cookie, Authorization
 * or x-api-key, nor anything that could redirect or re-route the call.
 */
export const FORWARDED_REQUEST_HEADERS: ReadonlySet<string> = new Set([
  'accept',
  'accept-encoding',
  'content-type',
  'content-length',
  'transfer-encoding',
  'if-match',
  'if-none-match',
  'idempotency-key',
]);

/**
 * Headers the proxy machinery itself sets on the outgoing request (the upstream Host) and must keep.
 */
const TRANSPORT_HEADERS: ReadonlySet<string> = new Set(['host', 'connection']);

/** Removes from an outgoing request every header that is neither allow-listed nor set by the transport. */
export function stripDisallowedHeaders(request: {
  getHeaderNames(): string[];
  removeHeader(name: string): void;
}): void {
  for (const name of request.getHeaderNames()) {
    const lower = name.toLowerCase();
    if (!FORWARDED_REQUEST_HEADERS.has(lower) && !TRANSPORT_HEADERS.has(lower)) request.removeHeader(name);
  }
}
