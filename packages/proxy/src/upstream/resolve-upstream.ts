/**
 * Which upstream a key is sent to. The host always comes from server configuration (a preset's base URLs and shard
 * list, fixed at start-up); the request contributes nothing, and the key contributes only its environment prefix
 * and shard suffix, each checked against what was configured. Errors say what is wrong and never echo the key.
 */
import { SHARD_PATTERN, type KeyEnvironment } from '@clinikapi/core';
import type { UpstreamDialect } from '../dialect.ts';

export { SHARD_PATTERN, type KeyEnvironment };

export interface ResolvedUpstream {
  /** `https://api.clinikapi.com` */
  readonly origin: string;
  /** Path prefix before `/v1`, without a trailing slash (usually `''`). */
  readonly basePath: string;
  /** `test`/`live` for ClinikAPI keys; undefined for Cliniko, whose keys carry no environment. */
  readonly environment: KeyEnvironment | undefined;
  readonly shard: string | undefined;
}

export type KeyRoutingProblem = 'format' | 'prefix' | 'shard';

/** A key the configuration cannot route. The message names the problem, never the key. */
export class KeyRoutingError extends Error {
  readonly problem: KeyRoutingProblem;
  constructor(problem: KeyRoutingProblem, message: string) {
    super(message);
    this.name = 'KeyRoutingError';
    this.problem = problem;
  }
}

export interface UpstreamConfig {
  /** `clinikapi` sends `x-api-key`; `cliniko` sends `Authorization: Basic` and a `User-Agent`. */
  readonly preset: 'clinikapi' | 'cliniko';
  /** The API the upstream speaks: its paths, query grammar, answers and links (a preset's; see `dialect.ts`). */
  readonly dialect: UpstreamDialect;
  /** The upstream's own limit of calls per minute per key, the `budget.perMinute` default; `undefined` when unknown. */
  readonly callsPerMinute: number | undefined;
  /** Every upstream this configuration can route to, for start-up checks and documentation. */
  readonly targets: readonly ResolvedUpstream[];
  /** Routes a key; throws `KeyRoutingError`. */
  resolve(key: string): ResolvedUpstream;
  /** The authentication (and identification) headers for `key`. */
  authHeaders(key: string): Record<string, string>;
  /** The part of the key that identifies it across shards (the secret without its suffix), for fingerprints. */
  canonical(key: string): string;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Parses one configured base URL. Plain HTTP is accepted only for loopback hosts (an emulator on this machine) unless
 * `allowHttp` — a key or patient data must never cross a network in clear text by accident.
 */
export function parseBaseUrl(value: unknown, option: string, allowHttp = false): Pick<ResolvedUpstream, 'origin' | 'basePath'> {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw new TypeError(`clinikProxy: option "${option}" must be an absolute URL such as https://api.clinikapi.com`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError(`clinikProxy: option "${option}" must be an http(s) URL`);
  if (url.protocol === 'http:' && !allowHttp && !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new TypeError(`clinikProxy: option "${option}" must use https (plain http is allowed only for localhost)`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new TypeError(`clinikProxy: option "${option}" must be a plain base URL without credentials, query or fragment`);
  }
  return { origin: url.origin, basePath: url.pathname.replace(/\/+$/, '') };
}

export type ShardUrl = string | ((shard: string) => string);

/** Builds the shard → upstream table once; each shard is validated against the rule and its URL parsed. */
export function shardTable(
  shards: readonly string[],
  shardUrl: ShardUrl,
  option: string,
  environment: KeyEnvironment | undefined,
): Map<string, ResolvedUpstream> {
  if (!Array.isArray(shards)) throw new TypeError(`clinikProxy: option "${option}.shards" must be a list such as ['uk1', 'au1']`);
  const table = new Map<string, ResolvedUpstream>();
  for (const shard of shards) {
    if (typeof shard !== 'string' || !SHARD_PATTERN.test(shard)) {
      throw new TypeError(`clinikProxy: option "${option}.shards" entries must be two letters and one or two digits, such as uk1`);
    }
    const raw = typeof shardUrl === 'function' ? shardUrl(shard) : shardUrl.replaceAll('{shard}', shard);
    table.set(shard, { ...parseBaseUrl(raw, `${option}.shardUrl`), environment, shard });
  }
  return table;
}
