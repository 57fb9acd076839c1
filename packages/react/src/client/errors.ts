/**
 * Typed errors for everything a call to the proxy can end in: one base class with the envelope's fields, and a
 * subclass per status a UI treats differently, so `instanceof` (or `error.code`) picks the message and the action.
 */
import type { ApiErrorBody, ErrorIssue } from '@clinikapi/core';

/** What every ClinikAPI error is built from. */
export interface ClinikApiErrorInit {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly issues?: readonly ErrorIssue[] | undefined;
  readonly requestId?: string | undefined;
  readonly cause?: unknown;
  /** For `ClinikConflictError`: the record's current version, from the response's `ETag`. */
  readonly currentVersion?: string | undefined;
  /** For `ClinikRateLimitError`: seconds to wait, from `Retry-After`. */
  readonly retryAfter?: number | undefined;
}

/*
 * The fields each constructor assigns are `declare`d: a plain declaration would also emit a class field that sets
 * them to undefined first, only to be overwritten a line later — bytes in every app for no behaviour.
 */

/** An error answer from the proxy or the API, in the ClinikAPI error envelope. */
export class ClinikApiError extends Error {
  override readonly name: string = 'ClinikApiError';
  /** HTTP status; 0 when no response arrived (network failure, timeout). */
  declare readonly status: number;
  /** The envelope's `code`, e.g. `VALIDATION_ERROR`; `NETWORK_ERROR` or `TIMEOUT` when no response arrived. */
  declare readonly code: string;
  /** One entry per bad field for validation errors; never carries a submitted value. */
  declare readonly issues: readonly ErrorIssue[];
  /** Quote this in support requests; absent when no response arrived. */
  declare readonly requestId: string | undefined;

  constructor(init: ClinikApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.issues = init.issues ?? [];
    this.requestId = init.requestId;
  }
}

/** 401: the user's session with your app has ended (or your proxy's key was refused). */
export class ClinikUnauthorizedError extends ClinikApiError {
  override readonly name = 'ClinikUnauthorizedError';
}

/** 403: the user may not do this (your proxy's policy, a read-only key, or a missing CSRF header). */
export class ClinikForbiddenError extends ClinikApiError {
  override readonly name = 'ClinikForbiddenError';
}

/** 404: no such record, or one that belongs to another clinic (the API does not tell them apart). */
export class ClinikNotFoundError extends ClinikApiError {
  override readonly name = 'ClinikNotFoundError';
}

/**
 * 409 (or 412): the record changed since the version this change was based on. Show "changed by someone else",
 * let the user look at the latest version, and never resend blindly.
 */
export class ClinikConflictError extends ClinikApiError {
  /** The record's current version when the server said so (its `ETag`), else undefined. */
  declare readonly currentVersion: string | undefined;

  override readonly name = 'ClinikConflictError';

  constructor(init: ClinikApiErrorInit) {
    super(init);
    this.currentVersion = init.currentVersion;
  }
}

/** 422: the request body failed validation. `fieldErrors` is keyed by the field's dotted path. */
export class ClinikValidationError extends ClinikApiError {
  /** Constraint texts per field path, e.g. `{ firstName: ['Required'], 'address.postalCode': ['At most 20 characters'] }`. */
  declare readonly fieldErrors: Readonly<Record<string, readonly string[]>>;
  /** Problems that concern no single field. */
  declare readonly formErrors: readonly string[];

  override readonly name = 'ClinikValidationError';

  constructor(init: ClinikApiErrorInit) {
    super(init);
    const fieldErrors: Record<string, string[]> = {};
    const formErrors: string[] = [];
    for (const issue of this.issues) {
      const { path, text } = splitIssue(issue);
      if (path) (fieldErrors[path] ??= []).push(text);
      else formErrors.push(text);
    }
    this.fieldErrors = fieldErrors;
    this.formErrors = formErrors;
  }
}

/** 429: too many requests. `retryAfter` is in seconds, when the server said. */
export class ClinikRateLimitError extends ClinikApiError {
  declare readonly retryAfter: number | undefined;

  override readonly name: string = 'ClinikRateLimitError';

  constructor(init: ClinikApiErrorInit) {
    super(init);
    this.retryAfter = init.retryAfter;
  }
}

/** No response arrived: the network failed or the proxy could not be reached. */
export class ClinikNetworkError extends ClinikApiError {
  override readonly name: string = 'ClinikNetworkError';

  constructor(message: string, options: { cause?: unknown; code?: string } = {}) {
    super({ status: 0, code: options.code ?? 'NETWORK_ERROR', message, cause: options.cause });
  }
}

/** No response arrived within the request timeout. */
export class ClinikTimeoutError extends ClinikNetworkError {
  declare readonly timeoutMs: number;

  override readonly name = 'ClinikTimeoutError';

  constructor(timeoutMs: number) {
    super(`The clinic server did not answer within ${timeoutMs} ms`, { code: 'TIMEOUT' });
    this.timeoutMs = timeoutMs;
  }
}

/** True for any error this library throws for a request. */
export function isClinikApiError(error: unknown): error is ClinikApiError {
  return error instanceof ClinikApiError;
}

/** `{ path, text }` of an issue: the envelope's `path` when present, else the `field: rule` form of `diagnostics`. */
function splitIssue(issue: ErrorIssue): { path: string; text: string } {
  const [prefix, ...rest] = issue.diagnostics.split(': ');
  const path = issue.path ?? (rest.length > 0 && !prefix?.includes(' ') ? (prefix as string) : '');
  return { path, text: path && prefix === path ? rest.join(': ') : issue.diagnostics };
}

/** Seconds from `Retry-After` (delta-seconds or an HTTP date), else from `X-RateLimit-Reset`. */
export function retryAfterSeconds(headers: Headers, now: number = Date.now()): number | undefined {
  const value = (headers.get('retry-after') ?? headers.get('x-ratelimit-reset'))?.trim();
  const seconds = value ? (/^\d+$/.test(value) ? Number(value) : Math.ceil((Date.parse(value) - now) / 1000)) : NaN;
  return Number.isNaN(seconds) ? undefined : Math.max(0, seconds);
}

/** `3` from `W/"3"`, `"3"` or `3`. */
function versionFromEtag(etag: string | null): string | undefined {
  const match = etag ? /^(?:W\/)?"?([^"]+)"?$/.exec(etag.trim()) : null;
  return match?.[1];
}

/** The error class per status; anything else is a plain `ClinikApiError`. */
const ERROR_CLASSES: Readonly<Record<number, typeof ClinikApiError>> = {
  401: ClinikUnauthorizedError,
  403: ClinikForbiddenError,
  404: ClinikNotFoundError,
  409: ClinikConflictError,
  412: ClinikConflictError,
  422: ClinikValidationError,
  429: ClinikRateLimitError,
};

/** Builds the typed error for a non-2xx response, whether or not its body is the envelope. */
export async function errorFromResponse(response: Response): Promise<ClinikApiError> {
  const { status, headers } = response;
  // The envelope's shape is checked here rather than imported: a runtime import of @clinikapi/core brings zod along.
  const body = (await response.json().catch(() => undefined)) as Partial<ApiErrorBody> | undefined;
  const requestId = headers.get('x-request-id') ?? undefined;
  const envelope =
    typeof body?.error === 'string' && typeof body.code === 'string'
      ? {
          code: body.code,
          message: body.message ?? body.error,
          issues: Array.isArray(body.issues) ? body.issues : [],
          requestId: body.requestId ?? requestId,
        }
      : { code: status >= 500 ? 'INTERNAL_ERROR' : 'HTTP_ERROR', message: `Request failed with HTTP ${status}`, requestId };
  const ErrorClass = ERROR_CLASSES[status] ?? ClinikApiError;
  // Each subclass reads the field it knows about; the others ignore it.
  return new ErrorClass({
    status,
    ...envelope,
    currentVersion: versionFromEtag(headers.get('etag')),
    retryAfter: retryAfterSeconds(headers),
  });
}
