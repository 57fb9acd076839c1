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
  const value = typeof proxyUrl === 'string' ? proxyUrl.trim() : '';
  if (!value) throw new TypeError('ClinikProvider: proxyUrl is required, e.g. proxyUrl="/api/clinik"');
  if (value === DEMO_PROXY_URL) return value;
  // No backslash anywhere: a browser reads it as a slash (`/\\evil.example`).
  if (!value.includes('\\')) {
    // A path with one leading slash.
    if (/^\/(?!\/)/.test(value)) return value.replace(/\/+$/, '');
    // Or an http(s) URL of this origin without credentials in it.
    const url = URL.canParse(value) ? new URL(value) : undefined;
    if (url && /^https?:$/.test(url.protocol) && !url.username && !url.password && (origin === undefined || url.origin === origin)) {
      return url.origin + url.pathname.replace(/\/+$/, '');
    }
  }
  throw new TypeError(`ClinikProvider: proxyUrl must be a path on this site, e.g. "/api/clinik", or a URL of this origin; got "${value}"`);
}
