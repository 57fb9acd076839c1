/**
 * Role-based grants. `roles({ clinician: '*', frontDesk: ['patients:read', 'appointments:*'] })` lets each role do
 * what its grants say; a role may also map to any policy (e.g. `patientCompartment` for patients). Grants are
 * checked against the catalogues once, at start-up — here against ClinikAPI's and Cliniko's, in `clinikProxy()`
 * against the API of its upstream — so a typo fails loudly instead of silently denying.
 *
 * Grant syntax: `<resource>:<verb>` where resource is a catalogue path (ClinikAPI's `care-plans`, Cliniko's
 * `individual_appointments`) or `*`, and verb is one interaction (`read`, `search`, `create`, `update`, `delete`,
 * and Cliniko's `cancel`, `archive`, `unarchive`), `read` (= read and search), `write` (= every interaction but read
 * and search) or `*`. `'*'` alone grants everything.
 */
import type { Interaction } from '../call.ts';
import type { ProxyUser } from '../request-context.ts';
import { isCatalogueName, namingResources } from './named-resources.ts';
import { allow, decide, deny, type Policy, type PolicyDecision } from './policy.ts';

export type RoleGrants = '*' | readonly string[] | Policy;

export interface RolesOptions {
  /** The role names of a user. Default: `user.roles`. */
  readonly rolesOf?: (user: ProxyUser) => readonly string[] | undefined;
}

const WRITES: readonly Interaction[] = ['create', 'update', 'delete', 'cancel', 'archive', 'unarchive'];
const VERBS: Readonly<Record<string, readonly Interaction[]>> = {
  read: ['read', 'search'],
  search: ['search'],
  create: ['create'],
  update: ['update'],
  delete: ['delete'],
  // Cliniko's: an appointment is cancelled, a record archived and unarchived, each on its own route.
  cancel: ['cancel'],
  archive: ['archive'],
  unarchive: ['unarchive'],
  write: WRITES,
  '*': ['read', 'search', ...WRITES],
};

/** resource path (or `*`) → interactions granted on it. */
type GrantTable = ReadonlyMap<string, ReadonlySet<Interaction>>;

function parseGrants(list: readonly string[], where: string): GrantTable {
  if (!Array.isArray(list)) throw new TypeError(`${where}: grants must be '*' or a list such as ['patients:read']`);
  const table = new Map<string, Set<Interaction>>();
  for (const grant of list) {
    const [resource = '', verb = '', ...rest] = typeof grant === 'string' ? (grant === '*' ? ['*', '*'] : grant.split(':')) : [];
    if (rest.length > 0 || !Object.hasOwn(VERBS, verb) || (resource !== '*' && !isCatalogueName(resource))) {
      throw new TypeError(`${where}: grant ${JSON.stringify(grant)} is not "<catalogue path or *>:<${Object.keys(VERBS).join('|')}>"`);
    }
    const granted = table.get(resource) ?? new Set<Interaction>();
    for (const interaction of VERBS[verb] ?? []) granted.add(interaction);
    table.set(resource, granted);
  }
  return table;
}

/** The resource names a grant table names (`*` is every resource of whichever API). */
const namesOf = (table: GrantTable): string[] => [...table.keys()].filter((name) => name !== '*');

function permits(table: GrantTable, resource: string, interaction: Interaction): boolean {
  return table.get(resource)?.has(interaction) === true || table.get('*')?.has(interaction) === true;
}

/** A policy that allows exactly the listed grants, whoever asks. */
export function grants(list: readonly string[]): Policy {
  const table = parseGrants(list, 'grants');
  const policy: Policy = (request) =>
    permits(table, request.resource.path, request.interaction)
      ? allow({ reason: `grant:${request.resource.path}:${request.interaction}` })
      : deny(`grant:missing:${request.resource.path}:${request.interaction}`);
  return namingResources(policy, namesOf(table));
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
    const granted: Policy = (request) =>
      permits(table, request.resource.path, request.interaction)
        ? allow({ reason: `role:${role}` })
        : deny(`role:${role}:missing:${request.resource.path}:${request.interaction}`);
    return [role, namingResources(granted, namesOf(table))];
  });
  const rolesOf = options.rolesOf ?? ((user: ProxyUser) => user.roles);

  const fromRole = (role: string, decision: PolicyDecision): PolicyDecision =>
    decision.effect === 'allow' && !decision.reason ? { ...decision, reason: `role:${role}` } : decision;

  const policy: Policy = async (request) => {
    const held = new Set(rolesOf(request.user) ?? []);
    let firstDenial: PolicyDecision | undefined;
    for (const [role, rolePolicy] of rolePolicies) {
      if (!held.has(role)) continue;
      const decision = fromRole(role, await decide(rolePolicy, request));
      if (decision.effect === 'allow') return decision;
      firstDenial ??= decision;
    }
    return firstDenial ?? deny('role:none');
  };
  return namingResources(
    policy,
    [],
    rolePolicies.map(([, rolePolicy]) => rolePolicy),
  );
}
