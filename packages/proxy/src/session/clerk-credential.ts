/**
 * Which credential Clerk will verify for a request, and how it travelled — read before verification, by the rules
 * `@clerk/backend` (3.x, under `@clerk/express` 2.x) applies, so the verified-session cache is keyed by exactly what
 * Clerk verifies and a cookie session can never pass for a bearer one.
 *
 * Clerk reads `Authorization` first, and when it finds a token there it never looks at a cookie:
 * - `Bearer <token>` (that exact case) → the text up to the next space;
 * - a value without a space, or whose first space is followed by another (`Bearer  <token>`) → its first word,
 *   verified as a token: `Bearer` alone and `Bearer  <token>` are refused, not retried with the cookie;
 * - any other `<scheme> <rest>` (`Basic …`, `bearer …`, `BEARER …`, `DPoP …`) → nothing: the header is ignored as
 *   if it had not been sent, and the cookies decide (`__session*`, trusted only with `__client_uat*`);
 * - an empty header is no header.
 * Node keeps the first of two `Authorization` lines; Clerk reads the same `req.headers` this module does.
 */

/**
 * The session token Clerk takes from this `Authorization` value, or `undefined` when Clerk will decide by the
 * cookies instead. Mirrors `AuthenticateContext.parseAuthorizationHeader`: `value.split(' ', 2)`, then the second
 * part if the first is `Bearer`, the first if there is no (non-empty) second, else nothing.
 */
export function clerkHeaderToken(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  const space = authorization.indexOf(' ');
  // No second part (no space, or nothing between the first space and the next): the first part is the token.
  if (space === -1) return authorization;
  const end = authorization.indexOf(' ', space + 1);
  const second = end === -1 ? authorization.slice(space + 1) : authorization.slice(space + 1, end);
  if (second === '') return authorization.slice(0, space);
  return space === 6 && authorization.startsWith('Bearer') ? second : undefined;
}

// The cookies Clerk reads: `__session`, `__client_uat`, `__refresh` (each possibly suffixed) and every `__clerk_*`.
const CLERK_COOKIE = /^__(?:session|client_uat|refresh|clerk)/;

/**
 * Clerk's cookies as sent, in their order (Clerk takes the first of two cookies with one name, so order matters),
 * joined by `;`: the key of a cookie session. `undefined` when there are none (Clerk then signs nobody in).
 */
export function clerkCookies(cookieHeader: string | undefined): string | undefined {
  if (cookieHeader === undefined || !cookieHeader.includes('__')) return undefined;
  let found: string | undefined;
  for (let start = 0; start < cookieHeader.length;) {
    const semicolon = cookieHeader.indexOf(';', start);
    const end = semicolon === -1 ? cookieHeader.length : semicolon;
    const pair = cookieHeader.slice(start, end).trim();
    if (CLERK_COOKIE.test(pair)) found = found === undefined ? pair : `${found};${pair}`;
    start = end + 1;
  }
  return found;
}

/**
 * Whether `token` is the value of one of the `__session*` cookies in `cookies` (a `clerkCookies` key), compared as
 * sent: the check that a cookie session was verified from these cookies and not, say, from a handshake.
 */
export function isSessionCookieValue(cookies: string, token: string): boolean {
  for (const pair of cookies.split(';')) {
    const equals = pair.indexOf('=');
    if (equals !== -1 && pair.startsWith('__session') && pair.slice(equals + 1).trim() === token) return true;
  }
  return false;
}
