/**
 * `proxyUrl` may only point at the app's own origin: a relative path (`/api/clinik`) or a same-origin absolute URL.
 * Anything else could send patient data, and the user's cookies, to another site.
 */

/** `proxyUrl="demo"`: no network at all, a small built-in data set. */
export const DEMO_PROXY_URL = 'demo';

/**
 * The proxy base without a trailing slash, or a `TypeError` that says what is wrong. `origin` is the page's origin;
 * during server rendering it is unknown, so an absolute URL is let through there and checked again in the browser,
 * before any request is made.
 */
export function normaliseProxyUrl(proxyUrl: string, origin: string | undefined): string {
  if (typeof proxyUrl !== 'string' || proxyUrl.trim() === '') {
    throw new TypeError('ClinikProvider: proxyUrl is required, e.g. proxyUrl="/api/clinik"');
  }
  const value = proxyUrl.trim();
  if (value === DEMO_PROXY_URL) return value;
  // A path: one leading slash, and no backslash a browser would read as a slash (`/\\evil.example`).
  if (/^\/(?!\/)/.test(value) && !value.includes('\\')) return value.replace(/\/+$/, '');
  const url = URL.canParse(value) && !value.includes('\\') ? new URL(value) : undefined;
  if (url && /^https?:$/.test(url.protocol) && !url.username && !url.password && (origin === undefined || url.origin === origin)) {
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  }
  throw new TypeError(
    `ClinikProvider: proxyUrl must be a path on this site, e.g. "/api/clinik", or a URL of this origin; got "${value}"`,
  );
}
