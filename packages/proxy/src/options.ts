/** `clinikProxy` options, validated once at start-up with errors that name the bad option. */
import type { Request } from 'express';
import type { ProxyUser } from './request-context.ts';

/** Resolves the signed-in user of the host app from a request; `null` when nobody is signed in. */
export type SessionResolver = (req: Request) => ProxyUser | null | undefined | Promise<ProxyUser | null | undefined>;

export interface ClinikProxyOptions {
  /** The ClinikAPI secret key. Defaults to `process.env.CLINIKAPI_SECRET_KEY`. */
  readonly apiKey?: string;
  /** Base URL of the API (or of an emulator), e.g. `https://api.clinikapi.com`. */
  readonly upstream?: string;
  /** Who is signed in. Every request without a user is refused with 401. */
  readonly session: SessionResolver;
}

export interface ResolvedOptions {
  readonly apiKey: string;
  readonly upstream: URL;
  readonly session: SessionResolver;
}

export const DEFAULT_UPSTREAM = 'https://api.clinikapi.com';
const KEY_PATTERN = /^clk_(test|live)_[A-Za-z0-9]{24,64}(-[a-z]{2}[0-9]{1,2})?$/;

function invalid(option: string, problem: string): never {
  throw new TypeError(`clinikProxy: option "${option}" ${problem}`);
}

export function resolveOptions(options: ClinikProxyOptions, env: NodeJS.ProcessEnv = process.env): ResolvedOptions {
  if (typeof options !== 'object' || options === null) invalid('options', 'must be an object');
  if (typeof options.session !== 'function') invalid('session', 'must be a function (req) => user | null');

  const apiKey = options.apiKey ?? env.CLINIKAPI_SECRET_KEY;
  if (apiKey === undefined || apiKey === '') {
    invalid('apiKey', 'is missing: pass it or set CLINIKAPI_SECRET_KEY');
  }
  // The message never echoes the key: start-up errors end up in logs.
  if (typeof apiKey !== 'string' || !KEY_PATTERN.test(apiKey)) {
    invalid('apiKey', 'is not a ClinikAPI key (expected clk_test_… or clk_live_…)');
  }

  let upstream: URL;
  try {
    upstream = new URL(options.upstream ?? DEFAULT_UPSTREAM);
  } catch {
    invalid('upstream', 'must be an absolute URL such as https://api.clinikapi.com');
  }
  if (upstream.protocol !== 'https:' && upstream.protocol !== 'http:') invalid('upstream', 'must be http(s)');
  if (upstream.username || upstream.password || upstream.search || upstream.hash) {
    invalid('upstream', 'must be a plain base URL without credentials, query or fragment');
  }
  return { apiKey, upstream, session: options.session };
}
