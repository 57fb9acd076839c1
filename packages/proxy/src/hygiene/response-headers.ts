/**
 * Outbound header hygiene: the browser sees only the upstream headers on this list. Everything else — Set-Cookie,
 * Server, X-Powered-By, anything a future upstream adds — is dropped by default. A Location is kept only when it
 * points back into the API on the same upstream host, rewritten to the proxy's own mount.
 */
import type { IncomingHttpHeaders } from 'node:http';

const PASSED_HEADERS = [
  'content-type',
  'etag',
  'last-modified',
  'retry-after',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
];
/** Quota and sandbox usage headers (`X-Quota-Used`, `X-Sandbox-Remaining`, ...): the app may want to show them. */
const PASSED_PREFIXES = ['x-quota-', 'x-sandbox-'];
const UPSTREAM_REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface UpstreamLocation {
  /** `https://api.clinikapi.com` */
  readonly origin: string;
  /** The upstream's path prefix before `/v1`, usually `''`. */
  readonly basePath: string;
}

export type LocationVerdict = { readonly kind: 'none' } | { readonly kind: 'rewritten'; readonly location: string } | { readonly kind: 'off-host' };

/**
 * Where an upstream `Location` may send the browser: back into the API on the same host (rewritten to the mount),
 * or nowhere. A Location to any other host (or scheme) is reported as `off-host` so the caller can refuse it.
 */
export function rewriteLocation(location: string | undefined, upstream: UpstreamLocation, mountPath: string): LocationVerdict {
  if (location === undefined || location === '') return { kind: 'none' };
  let url: URL;
  try {
    url = new URL(location, `${upstream.origin}${upstream.basePath}/`);
  } catch {
    return { kind: 'off-host' };
  }
  if (url.origin !== upstream.origin) return { kind: 'off-host' };
  const apiPrefix = `${upstream.basePath}/v1/`;
  if (!url.pathname.startsWith(apiPrefix)) return { kind: 'none' };
  return { kind: 'rewritten', location: `${mountPath}/${url.pathname.slice(apiPrefix.length)}${url.search}` };
}

/** The upstream response headers the browser may see, plus the upstream's request id under its own name. */
export function passedResponseHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const passed: Record<string, string> = {};
  for (const name of PASSED_HEADERS) {
    const value = headers[name];
    if (typeof value === 'string') passed[name] = value;
  }
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === 'string' && PASSED_PREFIXES.some((prefix) => name.startsWith(prefix))) passed[name] = value;
  }
  const upstreamId = headers['x-request-id'];
  if (typeof upstreamId === 'string' && UPSTREAM_REQUEST_ID.test(upstreamId)) passed['x-upstream-request-id'] = upstreamId;
  return passed;
}
