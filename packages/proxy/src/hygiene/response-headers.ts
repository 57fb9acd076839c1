/**
 * Outbound header hygiene: the browser sees only the upstream headers on this list. Everything else — Set-Cookie,
 * Server, X-Powered-By, anything a future upstream adds — is dropped by default. (A Location is rewritten to the
 * proxy's own mount or refused: `answer/links.ts`.)
 */
import type { IncomingHttpHeaders } from 'node:http';

// Not the upstream's X-RateLimit-*, X-Quota-* or X-Sandbox-*: they count the whole clinic's calls this minute and this
// month, which are no business of one user's browser (and would show anyone signed in, a patient included, how close
// the clinic is to its limits). The proxy sets the caller's own X-RateLimit-* instead; the clinic's quota is for the
// server to watch (the upstream's headers are on the answer the proxy reads).
const PASSED_HEADERS = ['content-type', 'etag', 'last-modified', 'retry-after'];
const UPSTREAM_REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The upstream's request id, when it is a plain token: it is shown to the browser and kept in the audit record. */
export function upstreamRequestId(headers: IncomingHttpHeaders): string | undefined {
  const id = headers['x-request-id'];
  return typeof id === 'string' && UPSTREAM_REQUEST_ID.test(id) ? id : undefined;
}

/**
 * The upstream response headers the browser may see, plus the upstream's request id under its own name, added to
 * `into` (the proxy's own response headers) or to a new object. A caller that has read the request id already
 * passes it as `upstreamId`.
 */
export function passedResponseHeaders(
  headers: IncomingHttpHeaders,
  into: Record<string, string> = {},
  upstreamId: string | undefined = upstreamRequestId(headers),
): Record<string, string> {
  for (const name of PASSED_HEADERS) {
    const value = headers[name];
    if (typeof value === 'string') into[name] = value;
  }
  if (upstreamId !== undefined) into['x-upstream-request-id'] = upstreamId;
  return into;
}
