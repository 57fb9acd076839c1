/** The ClinikAPI error envelope and its codes, shared by the emulator (which produces them), the proxy (which adds its
 * own) and the React client (which turns them into typed errors), and the error value servers throw to send one. */

/** One problem found in a request, in the FHIR OperationOutcome style. Never carries a submitted value (PHI). */
export interface ErrorIssue {
  readonly severity: 'error' | 'warning';
  /** FHIR issue type, e.g. `invalid`, `required`, `conflict`. */
  readonly code: string;
  /** `field.path: constraint`, e.g. `firstName: Required`. */
  readonly diagnostics: string;
  /** The field the issue is about, as a dotted path (`address.postalCode`), when there is one. */
  readonly path?: string;
}

/** The body of every error response. */
export interface ApiErrorBody {
  /** Short human-readable title, e.g. `Validation Error`. */
  readonly error: string;
  readonly code: ErrorCode;
  readonly requestId: string;
  readonly issues: readonly ErrorIssue[];
  /** Optional longer explanation. */
  readonly message?: string;
}

/**
 * Every error code, with the HTTP status it is sent with and its title. The first block is the documented set of
 * ClinikAPI's error page; the rest are codes this product adds where the docs name a status but no code (403, 409,
 * 412, 413) and for failures only the proxy can see (a session, CSRF, the upstream being down).
 */
export const ERROR_CODES = {
  UNAUTHORIZED: { status: 401, title: 'Unauthorized' },
  INVALID_KEY_FORMAT: { status: 401, title: 'Invalid API key format' },
  INVALID_KEY: { status: 401, title: 'Invalid API key' },
  KEY_REVOKED: { status: 401, title: 'API key revoked' },
  KEY_EXPIRED: { status: 401, title: 'API key expired' },
  VALIDATION_ERROR: { status: 422, title: 'Validation Error' },
  INVALID_JSON: { status: 400, title: 'Invalid JSON' },
  METHOD_OVERRIDE_REJECTED: { status: 400, title: 'Method override rejected' },
  SANDBOX_QUOTA_EXCEEDED: { status: 429, title: 'Sandbox quota exceeded' },
  MONTHLY_QUOTA_EXCEEDED: { status: 429, title: 'Quota exceeded' },
  RATE_LIMITED: { status: 429, title: 'Rate limited' },
  NOT_FOUND: { status: 404, title: 'Not Found' },
  INTERNAL_ERROR: { status: 500, title: 'Internal Error' },

  BAD_REQUEST: { status: 400, title: 'Bad Request' },
  FORBIDDEN: { status: 403, title: 'Forbidden' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method Not Allowed' },
  CONFLICT: { status: 409, title: 'Conflict' },
  PRECONDITION_FAILED: { status: 412, title: 'Precondition Failed' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Payload Too Large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported Media Type' },
  CSRF_REQUIRED: { status: 403, title: 'CSRF check failed' },
  UPSTREAM_UNAVAILABLE: { status: 502, title: 'Upstream unavailable' },
  UPSTREAM_TIMEOUT: { status: 504, title: 'Upstream timeout' },
} as const satisfies Record<string, { status: number; title: string }>;

/** A code of the error envelope. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** The code each error status means when nothing more specific is known; a 410 (gone) reads as a 404. */
const CODE_OF_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  410: 'NOT_FOUND',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'VALIDATION_ERROR',
  429: 'RATE_LIMITED',
};

/**
 * The code a 4xx status means when an answer carries no code of its own (or one that does not fit the status): the
 * proxy's rebuilt upstream errors and the browser Cliniko emulator's envelopes. Any other status is `BAD_REQUEST`.
 */
export function errorCodeOfStatus(status: number): ErrorCode {
  return CODE_OF_STATUS[status] ?? 'BAD_REQUEST';
}

/** True when `value` is one of the known error codes. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

/** True when `body` has the shape of the error envelope, whatever produced it. */
export function isApiErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Record<string, unknown>;
  return typeof candidate.error === 'string' && typeof candidate.code === 'string';
}

/** Builds an error envelope for `code`, with the code's title unless a more specific one is given. */
export function errorBody(code: ErrorCode, requestId: string, issues: readonly ErrorIssue[] = [], message?: string): ApiErrorBody {
  const title = ERROR_CODES[code].title;
  const body: ApiErrorBody = { error: title, code, requestId, issues };
  return message === undefined || message === title ? body : { ...body, message };
}

export interface ApiErrorOptions {
  /** What was wrong with the request, field by field. */
  readonly issues?: readonly ErrorIssue[];
  /** Extra response headers, e.g. `Retry-After` or `Allow`. */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * A failure as a value with a code: thrown by a server's handlers and written as the error envelope in one place
 * (`toBody`). The emulator throws it as is; the proxy's `ProxyError` adds the reason its audit records. The message
 * is chosen by the server, never a submitted value or a credential.
 */
export class ApiError extends Error {
  readonly code: ErrorCode;
  /** The HTTP status of `code`. */
  readonly status: number;
  readonly issues: readonly ErrorIssue[];
  readonly headers: Readonly<Record<string, string>>;

  constructor(code: ErrorCode, message?: string, options: ApiErrorOptions = {}) {
    super(message ?? ERROR_CODES[code].title);
    this.name = 'ApiError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.issues = options.issues ?? [];
    this.headers = options.headers ?? {};
  }

  /** The error envelope this error is sent as. */
  toBody(requestId: string): ApiErrorBody {
    return errorBody(this.code, requestId, this.issues, this.message);
  }
}
