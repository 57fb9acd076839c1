/**
 * The small client every hook uses: it speaks the proxy's REST passthrough (`<proxyUrl>/<path>`), marks writes for
 * the proxy's CSRF check, makes creates idempotent and updates conditional, and never carries a key.
 */
import { CLINIKAPI_KEY_MENTION, type ApiResponse, type HttpMethod } from '@clinikapi/core';
import { ClinikApiError, ClinikNetworkError, ClinikTimeoutError, errorFromResponse } from './errors.ts';

/** `@clinikapi/core`'s, re-exported under the name the hooks entry has always used. */
export type { HttpMethod };

export type QueryValue = string | number | boolean | undefined | null;

export interface RequestOptions {
  /** Query parameters; arrays repeat the parameter (`_revinclude=a&_revinclude=b`); empty values are left out. */
  readonly query?: Readonly<Record<string, QueryValue | readonly QueryValue[]>>;
  /** Sent as JSON. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal | undefined;
  /** Sent as `Idempotency-Key`. Send the same key when retrying the same create, so it is applied once. */
  readonly idempotencyKey?: string | undefined;
  /** The version (`meta.versionId`) a change is based on; sent as `If-Match`, so a stale change is refused (409). */
  readonly ifMatch?: string | undefined;
  /** Overrides the client's timeout for this call, in milliseconds. */
  readonly timeoutMs?: number | undefined;
}

export interface ClinikClient {
  /** The normalised proxy base, e.g. `/api/clinik`, or `demo`. */
  readonly proxyUrl: string;
  /** Calls `<proxyUrl>/<path>` and returns the envelope (undefined for 204), or throws a `ClinikApiError`. */
  request<T>(method: HttpMethod, path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
}

export interface ClinikClientOptions {
  /** Already validated by `normaliseProxyUrl`. */
  readonly proxyUrl: string;
  /** Defaults to the global `fetch`, looked up per call (so test doubles and polyfills installed later are used). */
  readonly fetch?: typeof fetch | undefined;
  /** Extra headers sent on every call (e.g. a tenant hint your proxy reads). A key-shaped header is refused. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** Milliseconds before a call gives up with `ClinikTimeoutError`. Default 30 000. */
  readonly timeoutMs?: number | undefined;
}

/**
 * Default request timeout: 30 s, the same as the proxy's default upstream timeouts (`timeouts.responseMs`/`idleMs`).
 * The browser's clock starts first, so on a stalled upstream it gives up first, with `ClinikTimeoutError`, not the
 * proxy's 504.
 */
export const DEFAULT_TIMEOUT_MS = 30_000;

const KEY_HEADERS = new Set(['x-api-key', 'authorization', 'cookie']);

/** The browser must never hold a key: refuse configuration that would send one, without echoing its value. */
function assertNoKey(headers: Readonly<Record<string, string>> | undefined): void {
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (KEY_HEADERS.has(name.toLowerCase()) || CLINIKAPI_KEY_MENTION.test(value)) {
      throw new TypeError(`ClinikProvider: the header "${name}" looks like a credential. Keys stay on your server: the proxy adds them.`);
    }
  }
}

function queryString(query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    for (const item of [value].flat()) {
      if (item !== undefined && item !== null && item !== '') params.append(name, String(item));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Creates the client. `ClinikProvider` does this for you; call it yourself to prefetch outside React. */
export function createClinikClient(options: ClinikClientOptions): ClinikClient {
  const { proxyUrl } = options;
  assertNoKey(options.headers);
  return {
    proxyUrl,
    async request<T>(method: HttpMethod, path: string, request: RequestOptions = {}): Promise<ApiResponse<T>> {
      assertNoKey(request.headers);
      const fetcher = options.fetch ?? globalThis.fetch;
      const headers: Record<string, string> = { accept: 'application/json', ...options.headers, ...request.headers };
      // The proxy refuses state-changing requests without it (CSRF): a cross-site form cannot set a custom header.
      if (method !== 'GET') headers['x-csrf'] = '1';
      if (request.body !== undefined) headers['content-type'] = 'application/json';
      if (request.idempotencyKey) headers['idempotency-key'] = request.idempotencyKey;
      if (request.ifMatch) headers['if-match'] = `W/"${request.ifMatch}"`;

      const timeoutMs = request.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
      let response: Response;
      try {
        response = await fetcher(`${proxyUrl}/${path}${queryString(request.query)}`, {
          method,
          headers,
          credentials: 'same-origin',
          signal,
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
        });
      } catch (error) {
        throw failure(error, request.signal, timeout.aborted, timeoutMs);
      }
      if (!response.ok) throw await errorFromResponse(response);
      if (response.status === 204) return undefined as unknown as ApiResponse<T>;
      try {
        return (await response.json()) as ApiResponse<T>;
      } catch (error) {
        if (signal.aborted) throw failure(error, request.signal, timeout.aborted, timeoutMs);
        throw new ClinikApiError({ status: response.status, code: 'INVALID_RESPONSE', message: 'The proxy answered with invalid JSON' });
      }
    },
  };
}

/** What a failed fetch means: the caller gave up (rethrown as is, so TanStack Query sees a cancel), a timeout, or the network. */
function failure(error: unknown, outer: AbortSignal | undefined, timedOut: boolean, timeoutMs: number): unknown {
  if (outer?.aborted) return outer.reason ?? error;
  if (timedOut) return new ClinikTimeoutError(timeoutMs);
  return new ClinikNetworkError('The clinic server could not be reached', { cause: error });
}
