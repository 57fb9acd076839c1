/**
 * Proxy failures are values with a code, written as the ClinikAPI error envelope in exactly one place (`sendError`).
 * Messages are constants chosen by the proxy: they never carry a key, a token, a header value or a submitted value.
 */
import { ApiError, type ApiErrorOptions, type ErrorCode } from '@clinikapi/core';
import type { ServerResponse } from 'node:http';

export interface ProxyErrorDetails extends ApiErrorOptions {
  /** Machine-readable cause for the audit record (`session:expired`, `policy:role`), never shown to the client. */
  readonly reason?: string;
}

/** `@clinikapi/core`'s `ApiError` with the reason the proxy's audit record gives. */
export class ProxyError extends ApiError {
  readonly reason: string;

  constructor(code: ErrorCode, message?: string, details: ProxyErrorDetails = {}) {
    super(code, message, details);
    this.name = 'ProxyError';
    this.reason = details.reason ?? code.toLowerCase();
  }
}

/**
 * Headers every response of the proxy carries, success or failure. Answers are JSON for scripts, never a page: a
 * browser that is made to render one (a top-level navigation, an old browser sniffing) gets no script, no frame, no
 * plugin and an opaque origin.
 */
export const BASE_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox",
};

/**
 * Writes `error` as the error envelope. When the response has already started (a stream broke half way), the only
 * honest signal left is to cut the connection, so the client sees a truncated body rather than a spliced one.
 */
export function sendError(res: ServerResponse, requestId: string, error: ProxyError): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify(error.toBody(requestId));
  // Headers a failed stage may have set for a success (a stale Content-Length, an upstream ETag) must not survive.
  // CORS and the caller's own rate limit (set by the per-user limiter) hold for any answer.
  for (const name of res.getHeaderNames()) {
    if (!name.startsWith('access-control-') && name !== 'vary' && !name.startsWith('x-ratelimit-')) res.removeHeader(name);
  }
  res.writeHead(error.status, {
    ...BASE_RESPONSE_HEADERS,
    ...error.headers,
    'x-request-id': requestId,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
  });
  res.end(body);
}
