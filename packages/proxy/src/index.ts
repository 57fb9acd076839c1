export { clinikProxy } from './clinik-proxy.ts';
export type { ClinikProxyOptions } from './options.ts';
export type { ProxyUser, CredentialTransport } from './request-context.ts';
export { isClinikoResource, type ApiCall, type CallParent, type CallResource, type HttpMethod, type Interaction } from './call.ts';
export type { SessionAdapter, SessionOption, SessionResolver, SessionResult } from './session/session.ts';
export {
  allOf,
  allow,
  deny,
  type Allow,
  type Deny,
  type Policy,
  type PolicyDecision,
  type PolicyPurpose,
  type PolicyRequest,
} from './policy/policy.ts';
export { grants, roles, type RoleGrants, type RolesOptions } from './policy/roles.ts';
export { patientCompartment, type PatientCompartmentOptions } from './policy/patient-compartment.ts';
export {
  CLINIKO_CALLS_PER_MINUTE,
  CLINIKO_SHARDS,
  DEFAULT_UPSTREAM,
  resolveUpstream,
  upstreams,
  type ClinikApiUpstreamOptions,
  type ClinikoUpstreamOptions,
} from './upstream/presets.ts';
export {
  KeyRoutingError,
  SHARD_PATTERN,
  type KeyEnvironment,
  type KeyRoutingProblem,
  type ResolvedUpstream,
  type ShardUrl,
  type UpstreamConfig,
} from './upstream/resolve-upstream.ts';
export { keyFingerprint, type ApiKeyOption, type KeyScope, type KeySource, type ScopedKey } from './upstream/api-key.ts';
export type { UpstreamDialect } from './dialect.ts';
export type { MaybePromise } from './maybe-promise.ts';
export type { UpstreamAgents, UpstreamTimeouts } from './upstream/transport.ts';
export type { CorsOptions } from './hygiene/cors.ts';
export type { RateLimitOptions } from './rate-limit.ts';
export type { UpstreamBudgetOptions } from './limits/upstream-budget.ts';
export type { PatientWritesOptions } from './limits/patient-writes.ts';
export type { AnonymousLimitOptions } from './limits/anonymous-limit.ts';
export type { TrustProxyOption } from './limits/client-address.ts';
export { memoryWindowCounter, type MemoryWindowCounter, type WindowCount, type WindowCounter } from './limits/window-counter.ts';
export { redisWindowCounter, type RedisWindowCounterOptions } from './limits/redis-window-counter.ts';
export { AUDIT_MESSAGE, type AuditRecord } from './audit.ts';
export { ACCESS_PATH, type AccessAnswer } from './access.ts';
export type { LiveOptions, LiveRedisOptions } from './live/options.ts';
export { LIVE_AUDIT_MESSAGE, type LiveAuditRecord } from './live/live-audit.ts';
export { auditDestination, type AuditDestination, type AuditDestinationOptions } from './audit-destination.ts';
export { FORWARDED_REQUEST_HEADERS } from './hygiene/request-headers.ts';
