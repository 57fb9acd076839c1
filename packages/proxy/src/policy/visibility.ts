/**
 * Which records of other types a user may be shown when an answer carries them (`_include`, `_revinclude`, a
 * Bundle): the policy is asked, as for a read of that type with `purpose: 'include'`, once per type and request.
 * Role grants therefore hold for every record a response carries, not only for the type the call asked for, and a
 * policy written for calls (roles, grants, compartments, the app's own) needs nothing new to cover answers.
 */
import type { ResourceDefinition } from '@clinikapi/core';
import type { ProxyUser } from '../request-context.ts';
import { decide, type Policy, type PolicyDecision } from './policy.ts';

/** The policy's decision on showing records of a type to the user of one request. */
export type Visibility = (definition: ResourceDefinition) => Promise<PolicyDecision>;

export function createVisibility(policy: Policy, user: ProxyUser): Visibility {
  // Made on first use: most answers carry no record of another type, and this is built for every request.
  let decided: Map<string, Promise<PolicyDecision>> | undefined;
  return (definition) => {
    decided ??= new Map();
    let decision = decided.get(definition.path);
    if (decision === undefined) {
      decision = decide(policy, {
        user,
        purpose: 'include',
        method: 'GET',
        interaction: 'read',
        resource: definition,
        id: undefined,
        query: new URLSearchParams(),
        body: undefined,
        action: undefined,
      });
      decided.set(definition.path, decision);
    }
    return decision;
  };
}
