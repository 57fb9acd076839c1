/**
 * Request-target hygiene, run before anything else looks at the path. A path that could mean one thing to this
 * proxy and another to a server behind it (dot-segments, encoded slashes or dots, backslashes, NUL, an absolute or
 * scheme-relative target) is refused with 400 instead of being normalised: the proxy's own paths are plain ASCII
 * (`/patients/0b6c…`), so nothing legitimate needs any of these.
 */
import { ProxyError } from '../errors.ts';

export interface RequestTarget {
  /** The mount-relative path, e.g. `/patients/123`. */
  readonly path: string;
  /** The parsed query. Names and values are decoded; control characters have been refused. */
  readonly query: URLSearchParams;
}

/** One path segment: the catalogue's resource names, FHIR ids and `$operation` names need nothing more. */
const SEGMENT = /^[A-Za-z0-9\-._~$]+$/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;
const ENCODED_CONTROL = /%(?:[01][0-9a-f]|7f)/i;
/** `/`, or one or more SEGMENTs each after a slash, with at most one trailing slash. */
const PLAIN_PATH = /^(?:\/[A-Za-z0-9\-._~$]+)*\/?$/;
const DOT_SEGMENT = /\/\.\.?(?:\/|$)/;

function refuse(reason: string, message: string): never {
  throw new ProxyError('BAD_REQUEST', message, { reason: `target:${reason}` });
}

/**
 * Checks `url` (the request target relative to the mount) and `originalUrl` (the target as received).
 * Throws a 400 `ProxyError` naming the problem class, never echoing the target.
 */
export function checkRequestTarget(url: string, originalUrl: string): RequestTarget {
  // Absolute-form (`GET http://host/…`) and anything else that does not start with one slash is not a path.
  if (!originalUrl.startsWith('/') || originalUrl.startsWith('//')) refuse('absolute-form', 'The request target must be a path');
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const search = queryAt === -1 ? '' : url.slice(queryAt + 1);

  if (!path.startsWith('/')) refuse('absolute-form', 'The request target must be a path');
  if (path.startsWith('//')) refuse('scheme-relative', 'The request target must not start with //');
  if (path.includes('\\')) refuse('backslash', 'Backslashes are not allowed in the path');
  if (path.includes('%')) refuse('percent-encoding', 'Encoded characters are not allowed in the path');
  if (CONTROL.test(path) || CONTROL.test(search)) refuse('control-character', 'Control characters are not allowed in the request target');

  // The common case in one pass: plain segments, none of them `.` or `..`, at most a trailing slash.
  if (PLAIN_PATH.test(path) && !DOT_SEGMENT.test(path)) {
    if (ENCODED_CONTROL.test(search)) refuse('control-character', 'Control characters are not allowed in the query');
    return { path: path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path, query: new URLSearchParams(search) };
  }
  // Anything else is classified segment by segment, so the 400 names what was wrong.
  const segments = path.split('/').slice(1);
  // A single trailing slash (`/patients/`) is harmless; an empty segment anywhere else (`/a//b`) is not.
  if (segments.length > 1 && segments.at(-1) === '') segments.pop();
  for (const segment of segments) {
    if (segment === '' && segments.length === 1) continue;
    if (segment === '') refuse('empty-segment', 'Empty path segments are not allowed');
    if (segment === '.' || segment === '..') refuse('dot-segment', 'Dot-segments are not allowed in the path');
    if (!SEGMENT.test(segment)) refuse('path-character', 'The path contains characters that are not allowed');
  }

  // Percent-encoded control characters (`%0d%0a`, `%00`) would decode into the values the policy and upstream see.
  if (ENCODED_CONTROL.test(search)) refuse('control-character', 'Control characters are not allowed in the query');
  return { path: segments.length === 0 ? '/' : `/${segments.join('/')}`, query: new URLSearchParams(search) };
}
