/**
 * The `live` option of `clinikProxy`: ClinikAPI webhooks in, a policy-filtered event stream out. Checked once, at
 * start-up, like every other option; each error names the option at fault and never echoes a secret or a key.
 */
import { invalidOption, positiveInteger } from '../limits/option-checks.ts';
import type { ApiKeyOption, KeySource, PreparedKey } from '../upstream/api-key.ts';
import { createKeyProvider } from '../upstream/api-key.ts';
import type { UpstreamConfig } from '../upstream/resolve-upstream.ts';

/** Redis, for several proxy instances: deliveries are shared by pub/sub, duplicates and patient lookups by keys. */
export interface LiveRedisOptions {
  /** One command on an ordinary connection, e.g. `(...args) => client.sendCommand(args)` (node-redis). */
  readonly sendCommand: (...args: string[]) => PromiseLike<unknown>;
  /**
   * Subscribes a connection of its own to a channel, e.g. `(channel, listener) => subscriber.subscribe(channel,
   * listener)` with node-redis' `client.duplicate()`. A subscribed connection can run no other command.
   */
  readonly subscribe: (channel: string, listener: (message: string) => void) => PromiseLike<unknown>;
  /** Prefix of the channel and of every key. Default `clinik-live:`. */
  readonly prefix?: string;
}

export interface LiveOptions {
  /** The signing secret ClinikAPI gave when the endpoint `<mount>/webhooks/clinikapi` was registered. Required. */
  readonly webhookSecret: string;
  /**
   * The tenants whose events this app's users may hear of: the organisation id, or the sub-organisations' ids when
   * the endpoint serves several. Events of any other tenant are dropped. Required.
   */
  readonly tenantId: string | readonly string[];
  /** Events of the other environment are dropped. Default: the environment of the key records are read with. */
  readonly environment?: 'live' | 'test';
  /**
   * The key the proxy reads a changed record with, to learn its patient. Default: the proxy's own `apiKey`, which
   * must then be a key rather than a function of the user.
   */
  readonly apiKey?: KeySource;
  /** Refuse deliveries that carry only the body signature (`X-Clinik-Signature`). Default true. */
  readonly strict?: boolean;
  /** How far a signature's time may be from now, in seconds. Default 300. */
  readonly toleranceSeconds?: number;
  /** Several proxy instances behind a load balancer. Default: this process only. */
  readonly redis?: LiveRedisOptions;
  /** A comment line on idle streams this often, so proxies in between keep them open. Default 20 000 ms. */
  readonly heartbeatMs?: number;
  /** Streams one user may hold open on this instance. Default 5. */
  readonly connectionsPerUser?: number;
  /** How often each stream's session is checked again; an ended or revoked one closes its stream. Default 30 000 ms. */
  readonly sessionCheckMs?: number;
  /** Events kept for `Last-Event-ID` resumption: the newest `size`, none older than `maxAgeMs`. Default 1000, 5 min. */
  readonly replay?: { readonly size?: number; readonly maxAgeMs?: number };
  /** How long a record's patient is remembered (for deletes, which cannot be read). Default 10 min. */
  readonly patientCacheMs?: number;
  /** How long a delivery id is remembered, to drop duplicates. Default 24 h. */
  readonly dedupeMs?: number;
  /** The clock, in epoch ms (tests). Default `Date.now`. */
  readonly now?: () => number;
}

export interface LiveSettings {
  readonly secret: string;
  readonly tenants: ReadonlySet<string>;
  readonly environment: 'live' | 'test';
  readonly key: PreparedKey;
  readonly strict: boolean;
  readonly toleranceSeconds: number;
  readonly redis: (LiveRedisOptions & { readonly prefix: string }) | undefined;
  readonly heartbeatMs: number;
  readonly connectionsPerUser: number;
  readonly sessionCheckMs: number;
  readonly replaySize: number;
  readonly replayMaxAgeMs: number;
  readonly patientCacheMs: number;
  readonly dedupeMs: number;
  readonly now: () => number;
}

const KNOWN = new Set([
  'webhookSecret',
  'tenantId',
  'environment',
  'apiKey',
  'strict',
  'toleranceSeconds',
  'redis',
  'heartbeatMs',
  'connectionsPerUser',
  'sessionCheckMs',
  'replay',
  'patientCacheMs',
  'dedupeMs',
  'now',
]);

function tenantsOf(value: unknown): ReadonlySet<string> {
  const list = typeof value === 'string' ? [value] : value;
  if (
    !Array.isArray(list) ||
    list.length === 0 ||
    list.some((tenant) => typeof tenant !== 'string' || !/^[A-Za-z0-9_-]{1,128}$/.test(tenant))
  ) {
    invalidOption('live.tenantId', 'must be your organisation id (or a list of sub-organisation ids), e.g. "org_…"');
  }
  return new Set(list as string[]);
}

function redisOf(value: LiveOptions['redis']): LiveSettings['redis'] {
  if (value === undefined) return undefined;
  if (typeof value?.sendCommand !== 'function' || typeof value.subscribe !== 'function') {
    invalidOption(
      'live.redis',
      'must be { sendCommand, subscribe }: (...args) => client.sendCommand(args) and (channel, listener) => subscriber.subscribe(channel, listener)',
    );
  }
  const prefix = value.prefix ?? 'clinik-live:';
  if (typeof prefix !== 'string') invalidOption('live.redis.prefix', 'must be a string');
  return { ...value, prefix };
}

/** Checks `live` against the rest of the options; `apiKey` and `upstream` are the proxy's own. */
export function resolveLiveOptions(
  live: LiveOptions,
  proxyKey: ApiKeyOption | undefined,
  upstream: UpstreamConfig,
  env: NodeJS.ProcessEnv,
): LiveSettings {
  if (typeof live !== 'object' || live === null) invalidOption('live', 'must be { webhookSecret, tenantId }');
  for (const name of Object.keys(live))
    if (!KNOWN.has(name)) invalidOption(`live.${name}`, `is not an option (known: ${[...KNOWN].join(', ')})`);
  if (typeof live.webhookSecret !== 'string' || live.webhookSecret.length < 16) {
    invalidOption('live.webhookSecret', 'must be the signing secret of the webhook endpoint (at least 16 characters)');
  }
  const tenants = tenantsOf(live.tenantId);
  const source = live.apiKey ?? proxyKey;
  if (typeof source === 'function')
    invalidOption(
      'live.apiKey',
      'is required when "apiKey" is a function of the user: the key records are read with when no user is asking',
    );
  // A static source: the provider prepares it here, once, and ignores the (absent) user.
  const key = createKeyProvider(source, upstream, env)({ id: 'clinik-live' }, undefined as never) as PreparedKey;
  const environment = live.environment ?? key.upstream.environment;
  if (environment !== 'live' && environment !== 'test') invalidOption('live.environment', 'must be "live" or "test"');
  // A record of one environment cannot be read with the other's key: every compartment would go untold.
  if (key.upstream.environment !== undefined && environment !== key.upstream.environment) {
    invalidOption('live.environment', `must be the environment of the key records are read with (${key.upstream.environment})`);
  }
  if (live.strict !== undefined && typeof live.strict !== 'boolean') invalidOption('live.strict', 'must be true or false');
  if (live.now !== undefined && typeof live.now !== 'function')
    invalidOption('live.now', 'must be a function returning epoch milliseconds');
  const toleranceSeconds = positiveInteger(live.toleranceSeconds, 'live.toleranceSeconds', 300);
  const dedupeMs = positiveInteger(live.dedupeMs, 'live.dedupeMs', 24 * 3_600_000);
  // A delivery replayed within the tolerance must still be remembered, or it would be accepted a second time.
  if (dedupeMs < 2 * toleranceSeconds * 1000) invalidOption('live.dedupeMs', 'must be at least twice live.toleranceSeconds');
  return {
    secret: live.webhookSecret,
    tenants,
    environment,
    key,
    strict: live.strict ?? true,
    toleranceSeconds,
    redis: redisOf(live.redis),
    heartbeatMs: positiveInteger(live.heartbeatMs, 'live.heartbeatMs', 20_000),
    connectionsPerUser: positiveInteger(live.connectionsPerUser, 'live.connectionsPerUser', 5),
    sessionCheckMs: positiveInteger(live.sessionCheckMs, 'live.sessionCheckMs', 30_000),
    replaySize: positiveInteger(live.replay?.size, 'live.replay.size', 1000),
    replayMaxAgeMs: positiveInteger(live.replay?.maxAgeMs, 'live.replay.maxAgeMs', 5 * 60_000),
    patientCacheMs: positiveInteger(live.patientCacheMs, 'live.patientCacheMs', 10 * 60_000),
    dedupeMs,
    now: live.now ?? Date.now,
  };
}
