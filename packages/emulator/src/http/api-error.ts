/** Errors are values with a code; the app turns every one of them into the ClinikAPI error envelope in one place. */
import { ERROR_CODES, type ErrorCode, type ErrorIssue } from '@clinikapi/core';

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly issues: readonly ErrorIssue[];
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    code: ErrorCode,
    message?: string,
    options: { issues?: readonly ErrorIssue[]; headers?: Record<string, string> } = {},
  ) {
    super(message ?? ERROR_CODES[code].title);
    this.name = 'ApiError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.issues = options.issues ?? [];
    this.headers = options.headers ?? {};
  }
}

/** A 404 that looks exactly the same whether the record never existed or belongs to another tenant. */
export function notFound(resourceType: string): ApiError {
  return new ApiError('NOT_FOUND', `${resourceType} not found`);
}
