/** Who is calling, as established from their API key. */
import type { KeyEnvironment } from './api-key.ts';
import type { KeyWithOrganisation, Plan } from '../store/types.ts';

export interface Principal {
  readonly keyId: string;
  readonly organisationId: string;
  readonly plan: Plan;
  /** Whether live traffic past the monthly quota is billed rather than refused. */
  readonly overageBilling: boolean;
  readonly environment: KeyEnvironment;
  readonly scopes: readonly string[];
  /** Where this caller's data lives: `test`, `live`, or `dedicated:<org>` for enterprise live keys. */
  readonly datastore: string;
}

/**
 * The seed's datastore routing: test keys share the test datastore, live keys share the production datastore,
 * except on the enterprise plan, whose live data gets a datastore of its own.
 */
export function datastoreFor(environment: KeyEnvironment, plan: Plan, organisationId: string): string {
  if (environment === 'test') return 'test';
  return plan === 'enterprise' ? `dedicated:${organisationId}` : 'live';
}

export function principalOf({ key, organisation }: KeyWithOrganisation): Principal {
  return {
    keyId: key.id,
    organisationId: organisation.id,
    plan: organisation.plan,
    overageBilling: organisation.overageBilling ?? false,
    environment: key.environment,
    scopes: key.scopes,
    datastore: datastoreFor(key.environment, organisation.plan, organisation.id),
  };
}

/** `read` allows safe methods only, `write` allows the rest, `*` allows everything. */
export function scopeAllows(scopes: readonly string[], method: string): boolean {
  if (scopes.includes('*')) return true;
  const safe = method === 'GET' || method === 'HEAD';
  return scopes.includes(safe ? 'read' : 'write');
}
