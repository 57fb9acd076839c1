/** Typed errors for everything a call to the proxy can end in. */
import { isApiErrorBody, type ErrorIssue } from '@clinikapi/core';

/** An error answer from the proxy or the API, in the ClinikAPI error envelope. */
export class ClinikApiError extends Error {
  /** HTTP status; 0 when no response arrived (network failure, timeout, abort). */
  readonly status: number;
  /** The envelope's `code`, e.g. `VALIDATION_ERROR`; `NETWORK_ERROR` when no response arrived. */
  readonly code: string;
  /** One entry per bad field for validation errors. */
  readonly issues: readonly ErrorIssue[];
  /** Quote this in support requests; absent when no response arrived. */
  readonly requestId: string | undefined;

  constructor(init: { status: number; code: string; message: string; issues?: readonly ErrorIssue[]; requestId?: string | undefined }) {
    super(init.message);
    this.name = 'ClinikApiError';
    this.status = init.status;
    this.code = init.code;
    this.issues = init.issues ?? [];
    this.requestId = init.requestId;
  }
}

/** No response arrived: the network failed, the request timed out or was aborted. */
export class ClinikNetworkError extends ClinikApiError {
  constructor(message: string, options?: { cause?: unknown }) {
    super({ status: 0, code: 'NETWORK_ERROR', message });
    this.name = 'ClinikNetworkError';
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** Builds the error for a non-2xx response, whether or not its body is the envelope. */
export async function errorFromResponse(response: Response): Promise<ClinikApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (isApiErrorBody(body)) {
    return new ClinikApiError({
      status: response.status,
      code: body.code,
      message: body.message ?? body.error,
      issues: Array.isArray(body.issues) ? body.issues : [],
      requestId: body.requestId ?? response.headers.get('x-request-id') ?? undefined,
    });
  }
  return new ClinikApiError({
    status: response.status,
    code: response.status >= 500 ? 'INTERNAL_ERROR' : 'HTTP_ERROR',
    message: `Request failed with HTTP ${response.status}`,
    requestId: response.headers.get('x-request-id') ?? undefined,
  });
}
