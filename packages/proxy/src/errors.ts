/** Proxy failures are values with a code, written as the ClinikAPI error envelope in one place. */
import { ERROR_CODES, errorBody, type ErrorCode } from '@clinikapi/core';
import type { Response } from 'express';

export class ProxyError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;

  constructor(code: ErrorCode, message?: string, headers: Record<string, string> = {}) {
    super(message ?? ERROR_CODES[code].title);
    this.name = 'ProxyError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.headers = headers;
  }
}

/** Writes `error` as the error envelope, unless a response is already under way (then the socket is closed). */
export function sendError(res: Response, requestId: string, error: ProxyError): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res
    .status(error.status)
    .set({ 'cache-control': 'no-store', 'x-request-id': requestId, ...error.headers })
    .json(errorBody(error.code, requestId, [], error.message));
}
