/** Builds `PolicyRequest`s for the policy tests. */
import { findResource } from '@clinikapi/core';
import { INTERACTION_METHOD, type Interaction } from '../src/call.ts';
import type { ProxyUser } from '../src/request-context.ts';
import type { PolicyRequest } from '../src/policy/policy.ts';

export function policyRequest(
  path: string,
  interaction: Interaction,
  extra: { user?: ProxyUser; id?: string; query?: string; body?: unknown; purpose?: PolicyRequest['purpose'] } = {},
): PolicyRequest {
  const resource = findResource(path);
  if (!resource) throw new Error(`no resource ${path}`);
  return {
    user: extra.user ?? { id: 'u1', roles: [] },
    purpose: extra.purpose ?? 'call',
    method: INTERACTION_METHOD[interaction],
    interaction,
    resource,
    id: extra.id,
    query: new URLSearchParams(extra.query ?? ''),
    body: extra.body,
    action: undefined,
  };
}
