/**
 * The resource names a built-in policy was written against. `roles()`, `grants()` and `patientCompartment()` are
 * made before the proxy knows its upstream, so they check their names against both APIs' catalogues; they note them
 * here, and `clinikProxy()` checks them again against the API its upstream speaks — a Cliniko grant behind a
 * ClinikAPI upstream (or a typo valid in the other API) fails at start-up, not by denying every call.
 */
import { findClinikoResource, findResource } from '@clinikapi/core';
import type { Policy } from './policy.ts';

const NAMED = new WeakMap<Policy, ReadonlySet<string>>();

/** True when `name` is a resource of ClinikAPI's or Cliniko's catalogue. */
export function isCatalogueName(name: string): boolean {
  return findResource(name) !== undefined || findClinikoResource(name) !== undefined;
}

/** Notes that `policy` names `names` (and whatever the policies it is made of name); returns `policy`. */
export function namingResources<P extends Policy>(policy: P, names: Iterable<string>, parts: Iterable<unknown> = []): P {
  const all = new Set(names);
  for (const part of parts) if (typeof part === 'function') for (const name of resourcesNamedBy(part as Policy)) all.add(name);
  NAMED.set(policy, all);
  return policy;
}

/** The resource names `policy` was written against; none for a policy of the app's own. */
export function resourcesNamedBy(policy: Policy): ReadonlySet<string> {
  return NAMED.get(policy) ?? new Set();
}
