/**
 * Outbound header hygiene: the browser sees only the upstream headers on this list. Everything else — Set-Cookie,
 * Server, X-Powered-By, anything a future upstream adds — is dropped by default. A Location is kept only when it
 * points back into the API on the same upstream host, rewritten to the proxy's own mount.
 */
import type { IncomingHttpHeaders } from 'node:http';

// Not the upstream's X-RateLimit-*: they count the whole clinic's calls, which are no business of one user's browser
// (and would show an attacker how close the clinic is to its limit). The proxy sets the caller's own instead.
const PASSED_HEADERS = ['content-type', 'etag', 'last-modified', 'retry-after'];
/** Header families passed whole — the quota and sandbox counters (`X-Quota-Used`, `X-Sandbox-Remaining`, ...) the app may show. */
const PASSED_PREFIX = /^x-(?:quota|sandbox)-/;
const UPSTREAM_REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface UpstreamLocation {
  /** `https://api.clinikapi.com` */
  readonly origin: string;
  /** The upstream's path prefix before `/v1`, usually `''`. */
  readonly basePath: string;
}

export type LocationVerdict = { readonly kind: 'none' } | { readonly kind: 'rewritten'; readonly location: string } | { readonly kind: 'off-host' };
const NO_LOCATION: LocationVerdict = Object.freeze({ kind: 'none' });

/**
 * Where an upstream `Location` may send the browser: back into the API on the same host (rewritten to the mount),
 * or nowhere. A Location to any other host (or scheme) is reported as `off-host` so the caller can refuse it.
 */
export function rewriteLocation(location: string | undefined, upstream: UpstreamLocation, mountPath: string): LocationVerdict {
  if (location === undefined || location === '') return NO_LOCATION;
  let url: URL;
  try {
    url = new URL(location, `${upstream.origin}${upstream.basePath}/`);
  } catch {
    return { kind: 'off-host' };
  }
  if (url.origin !== upstream.origin) return { kind: 'off-host' };
  const apiPrefix = `${upstream.basePath}/v1/`;
  if (!url.pathname.startsWith(apiPrefix)) return NO_LOCATION;
  return { kind: 'rewritten', location: `${mountPath}/${url.pathname.slice(apiPrefix.length)}${url.search}` };
}

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
  for (const name in headers) {
    const value = headers[name];
    if (typeof value === 'string' && PASSED_PREFIX.test(name)) into[name] = value;
  }
  if (upstreamId !== undefined) into['x-upstream-request-id'] = upstreamId;
  return into;
}
