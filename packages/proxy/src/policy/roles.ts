/**
 * Role-based grants. `roles({ clinician: '*', frontDesk: ['patients:read', 'appointments:*'] })` lets each role do
 * what its grants say; a role may also map to any policy (e.g. `patientCompartment` for patients). Grants are
 * checked against the catalogue once, at start-up, so a typo fails loudly instead of silently denying.
 *
 * Grant syntax: `<resource>:<verb>` where resource is a catalogue path or `*`, and verb is one interaction
 * (`read`, `search`, `create`, `update`, `delete`), `read` (= read and search), `write` (= create, update, delete)
 * or `*`. `'*'` alone grants everything.
 */
import { findResource } from '@clinikapi/core';
import type { Interaction } from '../call.ts';
import type { ProxyUser } from '../request-context.ts';
import { allow, decide, deny, type Policy, type PolicyDecision } from './policy.ts';

export type RoleGrants = '*' | readonly string[] | Policy;

export interface RolesOptions {
  /** The role names of a user. Default: `user.roles`. */
  readonly rolesOf?: (user: ProxyUser) => readonly string[] | undefined;
}

const VERBS: Readonly<Record<string, readonly Interaction[]>> = {
  read: ['read', 'search'],
  search: ['search'],
  create: ['create'],
  update: ['update'],
  delete: ['delete'],
  write: ['create', 'update', 'delete'],
  '*': ['read', 'search', 'create', 'update', 'delete'],
};

/** resource path (or `*`) → interactions granted on it. */
type GrantTable = ReadonlyMap<string, ReadonlySet<Interaction>>;

function parseGrants(list: readonly string[], where: string): GrantTable {
  if (!Array.isArray(list)) throw new TypeError(`${where}: grants must be '*' or a list such as ['patients:read']`);
  const table = new Map<string, Set<Interaction>>();
  for (const grant of list) {
    const [resource = '', verb = '', ...rest] = typeof grant === 'string' ? (grant === '*' ? ['*', '*'] : grant.split(':')) : [];
    if (rest.length > 0 || !VERBS[verb] || (resource !== '*' && !findResource(resource))) {
      throw new TypeError(`${where}: grant ${JSON.stringify(grant)} is not "<catalogue path or *>:<read|search|create|update|delete|write|*>"`);
    }
    const granted = table.get(resource) ?? new Set<Interaction>();
    for (const interaction of VERBS[verb] ?? []) granted.add(interaction);
    table.set(resource, granted);
  }
  return table;
}

function permits(table: GrantTable, resource: string, interaction: Interaction): boolean {
  return table.get(resource)?.has(interaction) === true || table.get('*')?.has(interaction) === true;
}

/** A policy that allows exactly the listed grants, whoever asks. */
export function grants(list: readonly string[]): Policy {
  const table = parseGrants(list, 'grants');
  return (request) =>
    permits(table, request.resource.path, request.interaction)
      ? allow({ reason: `grant:${request.resource.path}:${request.interaction}` })
      : deny(`grant:missing:${request.resource.path}:${request.interaction}`);
}

/**
 * The first role (in the order given here) that the user holds and that allows the call decides it. A user with
 * none of the roles is refused with 403.
 */
export function roles(map: Readonly<Record<string, RoleGrants>>, options: RolesOptions = {}): Policy {
  if (typeof map !== 'object' || map === null || Object.keys(map).length === 0) {
    throw new TypeError('roles: pass at least one role, e.g. roles({ clinician: "*" })');
  }
  const rolePolicies = Object.entries(map).map(([role, value]): [string, Policy] => {
    if (value === '*') return [role, () => allow({ reason: `role:${role}` })];
    if (typeof value === 'function') return [role, value];
    const table = parseGrants(value, `roles: role "${role}"`);
    return [
      role,
      (request) =>
        permits(table, request.resource.path, request.interaction)
          ? allow({ reason: `role:${role}` })
          : deny(`role:${role}:missing:${request.resource.path}:${request.interaction}`),
    ];
  });
  const rolesOf = options.rolesOf ?? ((user: ProxyUser) => user.roles);

  const fromRole = (role: string, decision: PolicyDecision): PolicyDecision =>
    decision.effect === 'allow' && !decision.reason ? { ...decision, reason: `role:${role}` } : decision;

  return (request) => {
    const held = new Set(rolesOf(request.user) ?? []);
    let firstDenial: PolicyDecision | undefined;
    for (let index = 0; index < rolePolicies.length; index += 1) {
      const [role, policy] = rolePolicies[index] as [string, Policy];
      if (!held.has(role)) continue;
      const decision = decide(policy, request);
      // An asynchronous role policy: finish the walk asynchronously from here.
      if (decision instanceof Promise) return decision.then((settled) => continueFrom(request, held, index, fromRole(role, settled), firstDenial));
      if (decision.effect === 'allow') return fromRole(role, decision);
      firstDenial ??= decision;
    }
    return firstDenial ?? deny('role:none');
  };

  async function continueFrom(
    request: Parameters<Policy>[0],
    held: ReadonlySet<string>,
    index: number,
    decision: PolicyDecision,
    earlierDenial: PolicyDecision | undefined,
  ): Promise<PolicyDecision> {
    if (decision.effect === 'allow') return decision;
    const firstDenial = earlierDenial ?? decision;
    for (const [role, policy] of rolePolicies.slice(index + 1)) {
      if (!held.has(role)) continue;
      const next = fromRole(role, await decide(policy, request));
      if (next.effect === 'allow') return next;
    }
    return firstDenial;
  }
}
