/**
 * The client of a proxy mounted with `upstreams.cliniko()`: Cliniko's paths under the mount, and the links the
 * proxy rewrote onto it (paging is `get(page.links.next)`). It rides on the ClinikAPI client — the same CSRF header,
 * timeout, typed errors and refusal of anything key-shaped — and follows no link that leaves the mount.
 */
import { createClinikClient, type ClinikClientOptions, type QueryValue } from '../../client/client.ts';
import { ClinikApiError, ClinikRateLimitError } from '../../client/errors.ts';
import { ClinikoRateLimitError } from './errors.ts';

export type ClinikoMethod = 'GET' | 'POST' | 'PATCH';

export interface ClinikoRequestOptions {
  /** Query parameters; an array repeats the parameter (`q[]`). */
  readonly query?: Readonly<Record<string, QueryValue | readonly QueryValue[]>>;
  readonly body?: unknown;
  readonly signal?: AbortSignal | undefined;
}

export interface ClinikoClient {
  /** The normalised mount, e.g. `/api/cliniko`. */
  readonly proxyUrl: string;
  /**
   * Calls `target`: a Cliniko path without the leading slash (`patients`, `businesses/1001/practitioners`) or a
   * link from an answer (`/api/cliniko/patients?page=2`). Answers the parsed JSON (undefined for 204), or throws a
   * `ClinikApiError`.
   */
  request<T>(method: ClinikoMethod, target: string, options?: ClinikoRequestOptions): Promise<T>;
}

/** The mount's path, whether the proxy URL is a path or a same-origin URL. */
const mountPath = (proxyUrl: string): string => (proxyUrl.startsWith('/') ? proxyUrl : new URL(proxyUrl).pathname);

/** Creates the client; `ClinikoProvider` does this for you. `proxyUrl` must already be normalised. */
export function createClinikoClient(options: ClinikClientOptions): ClinikoClient {
  const transport = createClinikClient(options);
  const mount = `${mountPath(options.proxyUrl)}/`;
  return {
    proxyUrl: options.proxyUrl,
    async request<T>(method: ClinikoMethod, target: string, request: ClinikoRequestOptions = {}): Promise<T> {
      let path = target;
      if (target.startsWith('/')) {
        // A link: the proxy put it on its own mount. Anything else was not written by the proxy.
        if (!target.startsWith(mount) || target.includes('\\')) {
          throw new ClinikApiError({ status: 0, code: 'INVALID_LINK', message: 'A link outside the Cliniko proxy was not followed' });
        }
        path = target.slice(mount.length);
      }
      try {
        return (await transport.request(method, path, request)) as T;
      } catch (error) {
        throw error instanceof ClinikRateLimitError ? new ClinikoRateLimitError({ ...error, message: error.message }) : error;
      }
    },
  };
}
