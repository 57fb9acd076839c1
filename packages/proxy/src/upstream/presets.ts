/**
 * Upstream presets: `upstreams.clinikapi()` for ClinikAPI (x-api-key, ClinikAPI's dialect) and
 * `upstreams.cliniko({ userAgent })` for Cliniko's API v1 (Basic auth, required User-Agent, keys routed to their shard
 * by suffix — keys without one on `au1` — and Cliniko's dialect: its paths, query grammar, answers and links).
 */
import { CLINIKO_REQUESTS_PER_MINUTE, parseClinikApiKey, parseClinikoKey, type KeyFormatFault } from '@clinikapi/core';
import { clinikoDialect } from '../cliniko/dialect.ts';
import type { ApiDialect } from '../dialect.ts';
import { clinikapiDialect } from '../protocol/clinikapi-dialect.ts';
import {
  KeyRoutingError,
  parseBaseUrl,
  shardTable,
  type KeyEnvironment,
  type ResolvedUpstream,
  type ShardUrl,
  type UpstreamConfig,
} from './resolve-upstream.ts';

export const DEFAULT_UPSTREAM = 'https://api.clinikapi.com';
const USER_AGENT = '@clinikapi/proxy';

/** A key whose body or shard suffix is malformed (`@clinikapi/core` `parseClinikApiKey`/`parseClinikoKey` say which). */
function formatError(fault: KeyFormatFault, api: string): KeyRoutingError {
  return new KeyRoutingError(
    'format',
    fault === 'shard' ? 'The API key has a malformed shard suffix' : `The API key is not in the ${api} format`,
  );
}

export interface ClinikApiUpstreamOptions {
  /** Base URL for `clk_test_*` keys. Default `https://api.clinikapi.com`. */
  readonly test?: string;
  /** Base URL for `clk_live_*` keys. Default `https://api.clinikapi.com`. */
  readonly live?: string;
  /** Shards keys may name with a suffix (`-uk1`). Default none: a suffixed key is refused. */
  readonly shards?: readonly string[];
  /** Where a shard lives: a template with `{shard}`, or a function. Default `https://api.{shard}.clinikapi.com`. */
  readonly shardUrl?: ShardUrl;
}

function clinikapi(options: ClinikApiUpstreamOptions = {}): UpstreamConfig {
  const base: Record<KeyEnvironment, ResolvedUpstream> = {
    test: { ...parseBaseUrl(options.test ?? DEFAULT_UPSTREAM, 'upstream.test'), environment: 'test', shard: undefined },
    live: { ...parseBaseUrl(options.live ?? DEFAULT_UPSTREAM, 'upstream.live'), environment: 'live', shard: undefined },
  };
  const shardUrl = options.shardUrl ?? 'https://api.{shard}.clinikapi.com';
  // One table per environment: the environment is part of what the audit record reports.
  const shards = {
    test: shardTable(options.shards ?? [], shardUrl, 'upstream', 'test'),
    live: shardTable(options.shards ?? [], shardUrl, 'upstream', 'live'),
  };
  const parse = (key: string) => {
    const parsed = parseClinikApiKey(key);
    if (parsed.ok) return parsed.parts;
    if (parsed.fault === 'prefix')
      throw new KeyRoutingError('prefix', 'The API key has an unknown prefix (expected clk_test_ or clk_live_)');
    throw formatError(parsed.fault, 'ClinikAPI');
  };
  return {
    preset: 'clinikapi',
    dialect: clinikapiDialect,
    // ClinikAPI's limit depends on the plan, so a budget names its own.
    callsPerMinute: undefined,
    targets: [base.test, base.live, ...shards.test.values(), ...shards.live.values()],
    resolve(key) {
      const { environment, shard } = parse(key);
      if (shard === undefined) return base[environment];
      const target = shards[environment].get(shard);
      if (!target) throw new KeyRoutingError('shard', `The API key names shard "${shard}", which is not in the configured list`);
      return target;
    },
    authHeaders: (key) => ({ 'x-api-key': key, 'user-agent': USER_AGENT }),
    canonical: (key) => parse(key).canonical,
  };
}

/**
 * Cliniko's shards as its developer docs list them: a key of any other shard is refused until the list names it
 * (extend it, with `shards`, as Cliniko adds regions; `us1` appears only in examples).
 */
export const CLINIKO_SHARDS: readonly string[] = ['au1', 'au2', 'au3', 'au4', 'ca1', 'eu1', 'uk1', 'uk2', 'uk3'];

/** Cliniko's rate limit (`@clinikapi/core` `CLINIKO_REQUESTS_PER_MINUTE`): calls per minute per user, every key of the user counted together. */
export const CLINIKO_CALLS_PER_MINUTE: number = CLINIKO_REQUESTS_PER_MINUTE;

export interface ClinikoUpstreamOptions {
  /** Required by Cliniko: who you are and how to reach you, e.g. `"Acme Clinic App (dev@acme.example)"`. */
  readonly userAgent: string;
  /** Shards keys may name. Default `CLINIKO_SHARDS`: au1–au4, ca1, eu1, uk1–uk3. */
  readonly shards?: readonly string[];
  /** Default `https://api.{shard}.cliniko.com`. */
  readonly shardUrl?: ShardUrl;
  /** The shard of keys without a suffix (keys issued before sharding). Default `au1`. */
  readonly defaultShard?: string;
}

function cliniko(options: ClinikoUpstreamOptions): UpstreamConfig {
  const userAgent = options?.userAgent;
  if (typeof userAgent !== 'string' || !/^[\x20-\x7e]{3,200}$/.test(userAgent) || userAgent.trim() !== userAgent) {
    throw new TypeError(
      'clinikProxy: option "upstream.userAgent" is required by Cliniko: a printable name and contact, e.g. "Acme (dev@acme.example)"',
    );
  }
  const table = shardTable(options.shards ?? CLINIKO_SHARDS, options.shardUrl ?? 'https://api.{shard}.cliniko.com', 'upstream', undefined);
  const defaultShard = options.defaultShard ?? 'au1';
  if (!table.has(defaultShard)) throw new TypeError('clinikProxy: option "upstream.defaultShard" must be one of the configured shards');
  const parse = (key: string) => {
    const parsed = parseClinikoKey(key);
    if (!parsed.ok) throw formatError(parsed.fault, 'Cliniko');
    return { token: parsed.parts.token, shard: parsed.parts.shard ?? defaultShard };
  };
  return {
    preset: 'cliniko',
    dialect: clinikoDialect,
    callsPerMinute: CLINIKO_CALLS_PER_MINUTE,
    targets: [...table.values()],
    resolve(key) {
      const { shard } = parse(key);
      const target = table.get(shard);
      if (!target) throw new KeyRoutingError('shard', `The API key names shard "${shard}", which is not in the configured list`);
      return target;
    },
    authHeaders: (key) => ({ authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}`, 'user-agent': userAgent }),
    canonical: (key) => parse(key).token,
  };
}

/** The upstream presets. A plain string `upstream` option means `upstreams.clinikapi({ test: url, live: url })`. */
export const upstreams: {
  /** ClinikAPI: `x-api-key`, `clk_test_`/`clk_live_` keys, optional shards. */
  readonly clinikapi: (options?: ClinikApiUpstreamOptions) => UpstreamConfig;
  /** Cliniko's API v1: Basic auth, a required User-Agent, keys routed to their shard by suffix. */
  readonly cliniko: (options: ClinikoUpstreamOptions) => UpstreamConfig;
} = { clinikapi, cliniko };

const PRESET_DIALECTS: readonly ApiDialect[] = [clinikapiDialect, clinikoDialect];

/**
 * The workings of the dialect `config` carries, or `undefined` when it is none of the presets': the dialect decides
 * what a user may see, so a hand-made one is refused rather than trusted.
 */
export function presetDialect(config: UpstreamConfig): ApiDialect | undefined {
  return PRESET_DIALECTS.find((dialect) => dialect === config.dialect);
}

let defaultConfig: UpstreamConfig | undefined;

/**
 * Routes `key` with `config` (default `upstreams.clinikapi()`): which host, environment and shard it is sent to.
 * Throws `KeyRoutingError` (never echoing the key) for an unknown prefix, a malformed key or an unconfigured shard.
 * Exported so apps can check their keys at deploy time.
 */
export function resolveUpstream(key: string, config?: UpstreamConfig): ResolvedUpstream {
  if (typeof key !== 'string') throw new KeyRoutingError('format', 'The API key must be a string');
  return (config ?? (defaultConfig ??= clinikapi())).resolve(key);
}
