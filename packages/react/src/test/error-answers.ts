/**
 * The proxy answering with an error, for component tests and stories: the status and envelope come from core's
 * `ERROR_CODES` and `errorBody`, so a test's failure looks exactly like the API's. Browser-safe (stories use it).
 */
import { ERROR_CODES, errorBody, type ErrorCode, type ErrorIssue } from '@clinikapi/core';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { TEST_PROXY_URL } from './proxy-url.ts';

export interface ErrorAnswerOptions {
  /** Default `req_fail`; a test that shows the reference to the user says which. */
  readonly requestId?: string;
  readonly issues?: readonly ErrorIssue[];
  readonly message?: string;
  /** Another status than the code's own (a 503 the client reads as a server error). */
  readonly status?: number;
  readonly headers?: Record<string, string>;
}

/** The response the proxy sends for `code`: its status and the error envelope. */
export function errorAnswer(code: ErrorCode, options: ErrorAnswerOptions = {}): Response {
  const { requestId = 'req_fail', issues = [], message, status = ERROR_CODES[code].status, headers } = options;
  return HttpResponse.json(errorBody(code, requestId, issues, message), { status, headers });
}

const ROUTE_BY_METHOD = { GET: http.get, POST: http.post, PATCH: http.patch, PUT: http.put, DELETE: http.delete };

export interface FailingRoute extends ErrorAnswerOptions {
  /** Default `INTERNAL_ERROR`. */
  readonly code?: ErrorCode;
  /** How many calls fail before the rest reach the emulator again; default: every call. */
  readonly times?: number;
  /** Only calls this says yes to fail (say, the widget's own and not a story's set-up); the rest go on. */
  readonly when?: (request: Request) => boolean;
  /** Where the proxy is mounted; default the tests' `TEST_PROXY_URL`. */
  readonly proxyUrl?: string;
}

/** A handler failing `method <proxy>/<path>` with an error answer; the calls it lets through reach the emulator. */
export function failing(method: keyof typeof ROUTE_BY_METHOD, path: string, route: FailingRoute = {}): HttpHandler {
  const { code = 'INTERNAL_ERROR', times = Infinity, when = () => true, proxyUrl = TEST_PROXY_URL, ...answer } = route;
  let left = times;
  return ROUTE_BY_METHOD[method](`${proxyUrl}/${path}`, ({ request }) => {
    if (left <= 0 || !when(request)) return undefined;
    left -= 1;
    return errorAnswer(code, answer);
  });
}
