/**
 * Authorization is one function: a `Policy` sees every call — who, which interaction on which resource and id, the
 * query and the body — and allows or denies it. Both protocols reach it as the same `PolicyRequest`. Built-ins
 * (`roles`, `grants`, `patientCompartment`) are policies too, and `allOf` composes them.
 */
import type { WidgetAction } from '@clinikapi/core';
import type { CallParent, CallResource, HttpMethod, Interaction } from '../call.ts';
import type { ProxyUser } from '../request-context.ts';
import type { MaybePromise } from '../maybe-promise.ts';
import { namingResources } from './named-resources.ts';

/**
 * Why the policy is asked:
 * - `call`: the request itself.
 * - `include`: records of `resource` would be carried in the answer to another call (`_include`, `_revinclude`, a
 *   `_has` filter over them, a Bundle). The interaction is `read`, there is no id, query or body; an allow may
 *   still confine them to a compartment, and each record is then checked.
 * - `embed`: a write body carries a whole resource of this type (FHIR `contained`, a Bundle entry, a patch value);
 *   `body` is that resource and the interaction the one it would take to write it on its own (`create`).
 * - `ask`: nothing is being done; the user's app wants to know what to offer (`GET <mount>/_access`). "Would this
 *   user be allowed this interaction on some record of this type?" There is no id, query or body. The answer is
 *   advisory — the call itself is decided again when it comes — so a policy that cannot tell should deny.
 */
export type PolicyPurpose = 'call' | 'include' | 'embed' | 'ask';

export interface PolicyRequest<Resource extends CallResource = CallResource> {
  readonly user: ProxyUser;
  readonly purpose: PolicyPurpose;
  readonly method: HttpMethod;
  readonly interaction: Interaction;
  /** The catalogue entry: ClinikAPI's, or Cliniko's (`resource.api === 'cliniko'`) behind `upstreams.cliniko()`. */
  readonly resource: Resource;
  readonly id: string | undefined;
  /** The query as it will be sent (after earlier policies in an `allOf` rewrote it). Do not mutate: return `query`. */
  readonly query: URLSearchParams;
  /** The parsed JSON body of a create or update. */
  readonly body: unknown;
  /** The widget action the call came from, if any. */
  readonly action: WidgetAction | undefined;
  /** The records a nested path goes through (Cliniko: the patient of `/patients/1/appointments`), outermost first. */
  readonly parents?: readonly CallParent[];
}

/** The call may go ahead, possibly narrowed. */
export interface Allow {
  readonly effect: 'allow';
  /** Why, for the audit record (`role:clinician`). */
  readonly reason?: string;
  /** A replacement query, e.g. a search forced to one patient. */
  readonly query?: URLSearchParams;
  /**
   * Confines the call to one patient: the proxy then checks every record the upstream returns (a read by id of
   * someone else's record becomes 404, a search result or include outside the compartment is refused), and reads a
   * record before updating or deleting it to check it is theirs.
   */
  readonly compartment?: { readonly patientId: string };
  /** Patients the call is about, for the audit record. */
  readonly patientIds?: readonly string[];
}

/** The call is refused: 403, or 404 when even admitting that the record exists would say too much. */
export interface Deny {
  readonly effect: 'deny';
  readonly status: 403 | 404;
  readonly reason: string;
}

export type PolicyDecision = Allow | Deny;

/** `true`/`false` are shorthand for a plain allow and a 403. */
export type Policy = (request: PolicyRequest) => MaybePromise<PolicyDecision | boolean>;

export function allow(details: Omit<Allow, 'effect'> = {}): Allow {
  return { effect: 'allow', ...details };
}

export function deny(reason: string, status: 403 | 404 = 403): Deny {
  return { effect: 'deny', status, reason };
}

/** Turns whatever a policy returned into a decision. Anything unrecognisable is a denial: fail closed. */
export function normalizeDecision(value: unknown): PolicyDecision {
  if (value === true) return allow({ reason: 'policy:allow' });
  if (value === false || value === undefined || value === null) return deny('policy:deny');
  if (typeof value !== 'object') return deny('policy:invalid-decision');
  const decision = value as {
    effect?: unknown;
    reason?: unknown;
    status?: unknown;
    query?: unknown;
    compartment?: { patientId?: unknown };
  };
  if (decision.effect === 'deny')
    return deny(typeof decision.reason === 'string' ? decision.reason : 'policy:deny', decision.status === 404 ? 404 : 403);
  if (decision.effect !== 'allow') return deny('policy:invalid-decision');
  if (decision.query !== undefined && !(decision.query instanceof URLSearchParams)) return deny('policy:invalid-decision');
  const compartment = decision.compartment;
  if (
    compartment !== undefined &&
    (typeof compartment !== 'object' || compartment === null || typeof compartment.patientId !== 'string' || compartment.patientId === '')
  ) {
    return deny('policy:invalid-decision');
  }
  return value as Allow;
}

/** Evaluates a policy, turning a throw or a rejection into a denial rather than letting the call through. */
export async function decide(policy: Policy, request: PolicyRequest): Promise<PolicyDecision> {
  try {
    return normalizeDecision(await policy(request));
  } catch {
    return deny('policy:threw');
  }
}

/**
 * Every policy must allow. Each sees the query as the previous ones left it; compartments must agree (two
 * different patients cannot both be satisfied); the first denial wins.
 */
export function allOf(...policies: readonly Policy[]): Policy {
  if (policies.length === 0 || policies.some((policy) => typeof policy !== 'function')) {
    throw new TypeError('allOf: pass one or more policies');
  }
  const combined: Policy = async (request) => {
    let query = request.query;
    let compartment: Allow['compartment'];
    const reasons: string[] = [];
    const patientIds = new Set<string>();
    for (const policy of policies) {
      const decision = await decide(policy, { ...request, query });
      if (decision.effect === 'deny') return decision;
      if (decision.query) query = decision.query;
      if (decision.compartment) {
        if (compartment && compartment.patientId !== decision.compartment.patientId) return deny('policy:conflicting-compartments');
        compartment = decision.compartment;
      }
      for (const id of decision.patientIds ?? []) patientIds.add(id);
      if (decision.reason) reasons.push(decision.reason);
    }
    return allow({
      reason: reasons.join('+') || 'policy:allow',
      ...(query !== request.query ? { query } : {}),
      ...(compartment ? { compartment } : {}),
      patientIds: [...patientIds],
    });
  };
  return namingResources(combined, [], policies);
}
