/**
 * `proxyUrl` may only point at the app's own origin: a relative path (`/api/clinik`) or a same-origin absolute URL.
 * Anything else could send patient data, and the user's cookies, to another site.
 */
export function normaliseProxyUrl(proxyUrl: string, origin: string | undefined): string {
  if (typeof proxyUrl !== 'string' || proxyUrl.trim() === '') {
    throw new TypeError('ClinikProvider: proxyUrl is required, e.g. proxyUrl="/api/clinik"');
  }
  const value = proxyUrl.trim();
  if (value.startsWith('/') && !value.startsWith('//') && !value.includes('\\')) return value.replace(/\/+$/, '');
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url && origin !== undefined && url.origin === origin && (url.protocol === 'https:' || url.protocol === 'http:')) {
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  }
  throw new TypeError(
    `ClinikProvider: proxyUrl must be a path on this site such as "/api/clinik" or a URL with this page's origin; got "${value}"`,
  );
}
