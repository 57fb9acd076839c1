/**
 * `clinikProxy` options, validated once at start-up. Every error names the option at fault and never echoes a key.
 * Everything the request path needs (agents, key lookups, the rate limiter, the logger) is built here, once.
 */
import pino, { type Logger } from 'pino';
import { auditDestination } from './audit-destination.ts';
import { DEFAULT_BODY_LIMIT } from './hygiene/body.ts';
import type { ApiDialect } from './dialect.ts';
import { createCors, type Cors, type CorsOptions } from './hygiene/cors.ts';
import { createAnonymousLimit, type AnonymousLimit, type AnonymousLimitOptions } from './limits/anonymous-limit.ts';
import { clientAddress, type TrustProxyOption } from './limits/client-address.ts';
import { createPatientWrites, type PatientWrites, type PatientWritesOptions } from './limits/patient-writes.ts';
import { createUpstreamBudget, type UpstreamBudget, type UpstreamBudgetOptions } from './limits/upstream-budget.ts';
import { resourcesNamedBy } from './policy/named-resources.ts';
import type { Policy } from './policy/policy.ts';
import { resolveLiveOptions, type LiveOptions, type LiveSettings } from './live/options.ts';
import { createRateLimiter, type RateLimiter, type RateLimitOptions } from './rate-limit.ts';
import { toSessionAdapter, type SessionAdapter, type SessionOption } from './session/session.ts';
import { createKeyProvider, type ApiKeyOption, type KeyProvider } from './upstream/api-key.ts';
import { createAgents, type UpstreamAgents, type UpstreamTimeouts } from './upstream/transport.ts';
import { presetDialect, upstreams } from './upstream/presets.ts';
import type { UpstreamConfig } from './upstream/resolve-upstream.ts';

export interface ClinikProxyOptions {
  /** Who is signed in: `clerk({...})`, `auth0({...})` or `(req) => user | null`. Required. */
  readonly session: SessionOption;
  /** Decides every call: `roles({...})`, `patientCompartment({...})`, `allOf(...)` or your own function. Required. */
  readonly policy: Policy;
  /**
   * The ClinikAPI key: a string, `{ key, scopes }`, or `(user, req) => key` for one key per clinic account.
   * Default: `CLINIKAPI_SECRET_KEY` (scopes from `CLINIKAPI_KEY_SCOPES`, default `*`).
   */
  readonly apiKey?: ApiKeyOption;
  /** Where keys go: `upstreams.clinikapi({...})`, `upstreams.cliniko({...})`, or one base URL. Default `upstreams.clinikapi()`. */
  readonly upstream?: string | UpstreamConfig;
  /** Require `X-CSRF: 1` on state-changing requests of cookie (and custom) sessions. Default true. */
  readonly csrf?: boolean;
  /** Cross-origin browser access for the listed origins. Default: off (same-origin only). */
  readonly cors?: CorsOptions;
  /** Per-user rate limit. Default 300 requests per minute per user, in memory; `false` turns it off. */
  readonly rateLimit?: RateLimitOptions | false;
  /**
   * The upstream budget of each key, shared by all its users, with shares for non-staff roles:
   * `{ perMinute: 1000, staffRoles: ['clinician', 'frontDesk'], shares: { patient: 0.2 } }`. Default: off (it needs
   * your plan's limit and your staff roles).
   */
  readonly budget?: UpstreamBudgetOptions | false;
  /** Writes per patient user (a write the policy confined to their compartment). Default 30 and 4 MiB per hour; `false` turns it off. */
  readonly patientWrites?: PatientWritesOptions | false;
  /** Requests that end with nobody signed in, per client address. Default 60 per minute; `false` turns it off. */
  readonly anonymousLimit?: AnonymousLimitOptions | false;
  /** Which proxies in front of the app may name the client's address in X-Forwarded-For (hops or addresses). Default: none. */
  readonly trustProxy?: TrustProxyOption;
  /**
   * Check create and update bodies against the request schemas before anything is sent (422 with the upstream's
   * issues). Default true for ClinikAPI upstreams; Cliniko's bodies are Cliniko's to check, so false there (a Cliniko
   * body must be a JSON object either way).
   */
  readonly validateBodies?: boolean;
  /** Largest request body in bytes. Default 1 MiB. */
  readonly bodyLimit?: number;
  /** Upstream timeouts in ms. Default `{ responseMs: 30_000, idleMs: 30_000 }`. */
  readonly timeouts?: Partial<UpstreamTimeouts>;
  /**
   * The audit logger. Default `pino({ name: 'clinikapi-proxy' }, auditDestination())`: stdout, each event-loop turn's
   * records in one synchronous write.
   */
  readonly logger?: Logger;
  /** Keep-alive agents for the upstream hop (e.g. to add a CA). Default: created once per proxy. */
  readonly agents?: Partial<UpstreamAgents>;
  /**
   * Largest upstream answer in bytes. Every answer is read whole and examined before it is sent on; a larger one is
   * a 502. Default 8 MiB (a page of 100 records is far below it).
   */
  readonly responseLimit?: number;
  /**
   * Live updates: ClinikAPI webhooks at `POST <mount>/webhooks/clinikapi`, and `GET <mount>/events`, a stream telling
   * each signed-in user of the changes the policy lets them see. `{ webhookSecret, tenantId }`. Default: off.
   */
  readonly live?: LiveOptions;
}

export interface ProxySettings {
  /** The API the upstream speaks, which the upstream preset brings. */
  readonly dialect: ApiDialect;
  readonly session: SessionAdapter;
  readonly policy: Policy;
  readonly keys: KeyProvider;
  readonly csrf: boolean;
  readonly cors: Cors | undefined;
  readonly rateLimiter: RateLimiter | undefined;
  readonly budget: UpstreamBudget | undefined;
  readonly patientWrites: PatientWrites | undefined;
  readonly anonymousLimit: AnonymousLimit | undefined;
  readonly validateBodies: boolean;
  readonly bodyLimit: number;
  readonly timeouts: UpstreamTimeouts;
  readonly logger: Logger;
  readonly agents: UpstreamAgents;
  readonly responseLimit: number;
  readonly live: LiveSettings | undefined;
}

const KNOWN_OPTIONS = new Set([
  'session',
  'policy',
  'apiKey',
  'upstream',
  'csrf',
  'cors',
  'rateLimit',
  'budget',
  'patientWrites',
  'anonymousLimit',
  'trustProxy',
  'validateBodies',
  'bodyLimit',
  'timeouts',
  'logger',
  'agents',
  'responseLimit',
  'live',
]);

function invalid(option: string, problem: string): never {
  throw new TypeError(`clinikProxy: option "${option}" ${problem}`);
}

function milliseconds(value: unknown, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 600_000)
    invalid(option, 'must be a whole number of ms between 1 and 600000');
  return value;
}

function upstreamConfig(value: ClinikProxyOptions['upstream']): UpstreamConfig {
  if (value === undefined) return upstreams.clinikapi();
  if (typeof value === 'string') return upstreams.clinikapi({ test: value, live: value });
  if (typeof value !== 'object' || value === null || typeof value.resolve !== 'function') {
    invalid('upstream', 'must be a base URL or upstreams.clinikapi({...}) / upstreams.cliniko({...})');
  }
  return value;
}

export function resolveOptions(options: ClinikProxyOptions, env: NodeJS.ProcessEnv = process.env): ProxySettings {
  if (typeof options !== 'object' || options === null) invalid('options', 'must be an object');
  for (const name of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(name)) invalid(name, `is not an option (known: ${[...KNOWN_OPTIONS].join(', ')})`);
  }
  if (options.session === undefined) invalid('session', 'is missing: pass clerk({...}), auth0({...}) or (req) => user | null');
  const session = toSessionAdapter(options.session);
  if (typeof options.policy !== 'function') {
    invalid('policy', 'is missing: pass roles({...}), patientCompartment({...}), allOf(...) or (request) => decision');
  }
  const upstream = upstreamConfig(options.upstream);
  const dialect = presetDialect(upstream);
  if (!dialect) invalid('upstream', 'carries a dialect none of upstreams.clinikapi({...}) / upstreams.cliniko({...}) made');
  // Grants and shared lists were checked against both catalogues when they were made; now the API is known.
  for (const name of resourcesNamedBy(options.policy)) {
    if (!dialect.findResource(name))
      invalid('policy', `names "${name}", which is not a resource of the ${dialect.name} API this upstream speaks`);
  }
  const keys = createKeyProvider(options.apiKey, upstream, env);
  if (options.csrf !== undefined && typeof options.csrf !== 'boolean') invalid('csrf', 'must be true or false');
  if (options.validateBodies !== undefined && typeof options.validateBodies !== 'boolean')
    invalid('validateBodies', 'must be true or false');
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  if (!Number.isInteger(bodyLimit) || bodyLimit < 1 || bodyLimit > 64 * 1024 * 1024)
    invalid('bodyLimit', 'must be a whole number of bytes up to 64 MiB');
  const responseLimit = options.responseLimit ?? 8 * 1024 * 1024;
  if (!Number.isInteger(responseLimit) || responseLimit < 1024 || responseLimit > 256 * 1024 * 1024) {
    invalid('responseLimit', 'must be a whole number of bytes from 1 KiB to 256 MiB');
  }
  if (options.timeouts !== undefined && (typeof options.timeouts !== 'object' || options.timeouts === null))
    invalid('timeouts', 'must be { responseMs, idleMs }');
  const timeouts = {
    responseMs: milliseconds(options.timeouts?.responseMs, 'timeouts.responseMs', 30_000),
    idleMs: milliseconds(options.timeouts?.idleMs, 'timeouts.idleMs', 30_000),
  };
  const logger = options.logger ?? pino({ name: 'clinikapi-proxy' }, auditDestination());
  if (typeof logger.info !== 'function' || typeof logger.warn !== 'function' || typeof logger.error !== 'function')
    invalid('logger', 'must be a pino logger');
  const defaults = createAgents();
  return {
    dialect,
    session,
    policy: options.policy,
    keys,
    csrf: options.csrf ?? true,
    cors: options.cors === undefined ? undefined : createCors(options.cors),
    rateLimiter: createRateLimiter(options.rateLimit, logger),
    budget: createUpstreamBudget(options.budget, upstream.callsPerMinute),
    patientWrites: createPatientWrites(options.patientWrites),
    anonymousLimit: createAnonymousLimit(options.anonymousLimit, clientAddress(options.trustProxy), logger),
    validateBodies: options.validateBodies ?? upstream.preset === 'clinikapi',
    bodyLimit,
    timeouts,
    logger,
    agents: { http: options.agents?.http ?? defaults.http, https: options.agents?.https ?? defaults.https },
    responseLimit,
    live: options.live === undefined ? undefined : resolveLiveOptions(options.live, options.apiKey, upstream, env),
  };
}
