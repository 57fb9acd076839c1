/** The small client every hook uses: it speaks the proxy's REST passthrough and never carries a key. */
import type { ApiResponse } from '@clinikapi/core';
import { ClinikNetworkError, errorFromResponse } from './errors.ts';

export type QueryValue = string | number | boolean | undefined | null;

export interface RequestOptions {
  readonly query?: Readonly<Record<string, QueryValue | readonly QueryValue[]>>;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
}

export interface ClinikClient {
  /** The normalised proxy base, e.g. `/api/clinik`. */
  readonly proxyUrl: string;
  /** Calls `<proxyUrl>/<path>` and returns the envelope, or throws a `ClinikApiError`. */
  request<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
}

export interface ClinikClientOptions {
  /** Already validated by `normaliseProxyUrl`. */
  readonly proxyUrl: string;
  /** Defaults to the global `fetch`. */
  readonly fetch?: typeof fetch;
  /** Extra headers sent on every call (e.g. a tenant hint your proxy reads). */
  readonly headers?: Readonly<Record<string, string>>;
}

function queryString(query: RequestOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null && item !== '') params.append(name, String(item));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function createClinikClient(options: ClinikClientOptions): ClinikClient {
  const { proxyUrl } = options;
  return {
    proxyUrl,
    async request<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, request: RequestOptions = {}) {
      const fetcher = options.fetch ?? globalThis.fetch;
      const headers: Record<string, string> = { accept: 'application/json', ...options.headers, ...request.headers };
      if (method !== 'GET') headers['x-csrf'] = '1';
      if (request.body !== undefined) headers['content-type'] = 'application/json';
      let response: Response;
      try {
        response = await fetcher(`${proxyUrl}/${path}${queryString(request.query)}`, {
          method,
          headers,
          credentials: 'same-origin',
          ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
          ...(request.signal ? { signal: request.signal } : {}),
        });
      } catch (error) {
        throw new ClinikNetworkError('The clinic server could not be reached', { cause: error });
      }
      if (!response.ok) throw await errorFromResponse(response);
      if (response.status === 204) return undefined as unknown as ApiResponse<T>;
      return (await response.json()) as ApiResponse<T>;
    },
  };
}
