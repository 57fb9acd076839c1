/**
 * Inbound header hygiene. Outgoing headers are built from an allow-list, never copied and stripped, so the upstream
 * sees none of the browser's Cookie, Authorization or x-api-key, no Host or X-Forwarded-* it could be routed by, and
 * no method override. Methods outside the API's four are refused here, before any session or policy work.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { ProxyError } from '../errors.ts';

export const ALLOWED_METHODS = ['GET', 'POST', 'PATCH', 'DELETE'] as const;

/** Client headers that carry meaning for the API and are copied to the upstream request (after validation). */
export const FORWARDED_REQUEST_HEADERS: readonly string[] = ['if-match', 'if-none-match', 'idempotency-key'];

/** The documented method-override headers: ClinikAPI answers them with 400, and so does the proxy. */
const METHOD_OVERRIDE_HEADERS = ['x-http-method-override', 'x-http-method', 'x-method-override'];

/** Visible ASCII and spaces: what an ETag or an idempotency key is made of. */
const SAFE_VALUE = /^[\x21-\x7e](?:[\x20-\x7e]{0,254}[\x21-\x7e])?$/;
const LINE_BREAK_OR_NUL = /[\r\n\0]/;

export function checkMethod(method: string): void {
  if (!(ALLOWED_METHODS as readonly string[]).includes(method)) {
    throw new ProxyError('METHOD_NOT_ALLOWED', 'This method is not allowed', {
      headers: { allow: ALLOWED_METHODS.join(', ') },
      reason: 'method:not-allowed',
    });
  }
}

/**
 * Refuses method overrides (header or `_method` query parameter) and any header value carrying CR, LF or NUL. Node's
 * parser already rejects most of these on the wire; this is the line that holds if a host app or a front proxy
 * hands over a request that was put together some other way.
 */
export function checkRequestHeaders(headers: IncomingHttpHeaders, query: URLSearchParams): void {
  for (const name of METHOD_OVERRIDE_HEADERS) {
    if (headers[name] !== undefined) {
      throw new ProxyError('METHOD_OVERRIDE_REJECTED', 'Send the HTTP method you mean; method overrides are refused', {
        reason: 'method:override-header',
      });
    }
  }
  if (query.has('_method')) {
    throw new ProxyError('METHOD_OVERRIDE_REJECTED', 'Send the HTTP method you mean; method overrides are refused', {
      reason: 'method:override-query',
    });
  }
  for (const name in headers) {
    const value = headers[name];
    if (
      typeof value === 'string'
        ? LINE_BREAK_OR_NUL.test(value)
        : Array.isArray(value) && value.some((entry) => LINE_BREAK_OR_NUL.test(entry))
    ) {
      throw new ProxyError('BAD_REQUEST', 'A header value contains a line break or NUL', { reason: 'header:line-break' });
    }
  }
}

/** The allow-listed client headers to send upstream; an allow-listed header with a malformed value is a 400. */
export function forwardedHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const forwarded: Record<string, string> = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = headers[name];
    if (value === undefined) continue;
    if (typeof value !== 'string' || !SAFE_VALUE.test(value)) {
      throw new ProxyError('BAD_REQUEST', `The ${name} header has an invalid value`, { reason: 'header:invalid-value' });
    }
    forwarded[name] = value;
  }
  return forwarded;
}
