/**
 * Optional CORS for apps whose pages live on another origin than their API. Only origins on the allow-list get an
 * `Access-Control-Allow-Origin`; `null` is never on it, whatever the configuration says.
 */
import type { Request, Response } from 'express';
import { ProxyError } from '../errors.ts';

export interface CorsOptions {
  /** Exact origins allowed to call the proxy from the browser, e.g. `['https://app.example.com']`. */
  readonly origins: readonly string[];
  /** Seconds a browser may cache a preflight answer. Default 600. */
  readonly maxAgeSeconds?: number;
}

export interface Cors {
  /** Adds CORS headers for an allowed origin; answers preflights. Returns true when the request has been answered. */
  handle(req: Request, res: Response): boolean;
}

const ALLOWED_REQUEST_HEADERS = 'authorization, content-type, if-match, if-none-match, idempotency-key, x-csrf';

/** Checks the allow-list once and returns the per-request handler. */
export function createCors(options: CorsOptions): Cors {
  if (!Array.isArray(options.origins) || options.origins.length === 0) {
    throw new TypeError('clinikProxy: option "cors.origins" must list at least one origin; leave "cors" out to turn CORS off');
  }
  const origins = new Set<string>();
  for (const origin of options.origins) {
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      throw new TypeError(`clinikProxy: option "cors.origins" has an entry that is not an origin such as https://app.example.com`);
    }
    if (
      origin === 'null' ||
      origin.includes('*') ||
      parsed.origin !== origin ||
      (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    ) {
      throw new TypeError(
        `clinikProxy: option "cors.origins" entries must be exact origins (scheme://host[:port]), never null or a pattern`,
      );
    }
    origins.add(origin);
  }
  const maxAge = String(options.maxAgeSeconds ?? 600);

  return {
    handle(req, res) {
      const origin = req.headers.origin;
      const allowed = origin !== undefined && origins.has(origin);
      if (allowed) {
        res.setHeader('access-control-allow-origin', origin);
        res.setHeader('access-control-allow-credentials', 'true');
        res.setHeader('access-control-expose-headers', 'x-request-id, retry-after, etag, location');
      }
      res.setHeader('vary', 'Origin');
      if (req.method !== 'OPTIONS') return false;
      if (!allowed) {
        throw new ProxyError('FORBIDDEN', 'This origin may not call the API', { reason: 'cors:origin-not-allowed' });
      }
      res.setHeader('access-control-allow-methods', 'GET, POST, PATCH, DELETE');
      res.setHeader('access-control-allow-headers', ALLOWED_REQUEST_HEADERS);
      res.setHeader('access-control-max-age', maxAge);
      res.setHeader('cache-control', 'no-store');
      res.status(204).end();
      return true;
    },
  };
}
